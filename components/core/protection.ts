import * as pulumi from "@pulumi/pulumi";

/**
 * Resource options for data-bearing resources (buckets, keys, clusters, topics, job state).
 * Protected by default: `pulumi destroy` and any replacement fail until the user opts out with
 * the component's `protect: false` (meant for throwaway dev stacks).
 */
export function dataProtection(protect: boolean): Pick<pulumi.CustomResourceOptions, "protect" | "retainOnDelete"> {
    return protect ? { protect: true, retainOnDelete: true } : { protect: false };
}
