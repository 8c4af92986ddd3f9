import * as pulumi from "@pulumi/pulumi";

type DependsOn = pulumi.ResourceOptions["dependsOn"];

/**
 * A component's `dependsOn` plus more resources, in a form any child accepts. Pulumi does not pass
 * a component's `dependsOn` on to its children, so a component whose children must wait for
 * something (a topic, an operator) forwards it with this.
 */
export function dependsOnAll(dependsOn: DependsOn, ...extra: pulumi.Resource[]): pulumi.Input<pulumi.Input<pulumi.Resource>[]> {
    if (dependsOn === undefined) return extra;
    if (Array.isArray(dependsOn)) return [...dependsOn, ...extra];
    if (pulumi.Resource.isInstance(dependsOn)) return [dependsOn, ...extra];
    // An output or promise of one resource or a list: resolve it, then add the rest.
    return pulumi
        .output(dependsOn as pulumi.Input<pulumi.Resource | pulumi.Resource[]>)
        .apply((d) => [...(Array.isArray(d) ? d : [d]), ...extra]);
}
