import { PlannedResource } from "../../../testing";
import { Charge, RuleContext, inputAt, numberAt } from "../charge";

/** An EKS control plane: standard support, or extended support when assumed to be past standard. */
export function eksCluster(cluster: PlannedResource, context: RuleContext): Charge[] {
    const extended = inputAt(cluster, "upgradePolicy.supportType") === "EXTENDED" && context.assume.eksExtendedSupport;
    return [
        {
            item: `control plane, ${extended ? "extended" : "standard"} support`,
            priceKey: extended ? "eks.extended" : "eks.standard",
            quantity: context.hoursPerMonth,
        },
    ];
}

/** A managed node group at its desired size: instances (on demand or Spot) and their root volumes. */
export function eksNodeGroup(group: PlannedResource, context: RuleContext): Charge[] {
    const nodes = numberAt(group, "scalingConfig.desiredSize", numberAt(group, "scalingConfig.minSize", 0));
    const types = inputAt(group, "instanceTypes");
    const instanceType = Array.isArray(types) && types.length > 0 ? String(types[0]) : "t3.medium";
    const spot = group.inputs.capacityType === "SPOT";
    const template = context.graph.resources.find((r) => group.propertyDependencies.launchTemplate?.includes(r.urn));
    const mappings = template ? inputAt(template, "blockDeviceMappings") : undefined;
    const rootGb = Array.isArray(mappings)
        ? numberAt(mappings[0] as Record<string, unknown>, "ebs.volumeSize", 20)
        : numberAt(group, "diskSize", 20);
    const discount = spot ? context.assume.spotDiscount : 0;
    return [
        {
            item: `${nodes} x ${instanceType} nodes, ${spot ? `Spot at -${Math.round(discount * 100)}%` : "on demand"}`,
            priceKey: `ec2.${instanceType}`,
            quantity: nodes * context.hoursPerMonth,
            discount,
        },
        { item: `root volumes, ${nodes} x ${rootGb} GB`, priceKey: "ebs.gp3", quantity: nodes * rootGb },
    ];
}
