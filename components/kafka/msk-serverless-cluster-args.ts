import * as pulumi from "@pulumi/pulumi";

export const COMPONENT = "MskServerlessCluster";

/** Arguments of {@link MskServerlessCluster}: placement, who may connect, name and protection. */
export interface MskServerlessClusterArgs {
    /** VPC of the client subnets; the cluster's security group is created there. Required. */
    vpcId: pulumi.Input<string>;
    /**
     * Private subnets in at least two Availability Zones, where MSK places the cluster's endpoints.
     * Required. The list's length must be known when the program runs (its items may be outputs).
     */
    subnetIds: pulumi.Input<string>[];
    /** Security groups whose members may reach the cluster (e.g. an EKS node or pod group). Default: none. */
    clientSecurityGroupIds?: pulumi.Input<string>[];
    /** IPv4 CIDR blocks that may reach the cluster. `0.0.0.0/0` is refused. Default: none. */
    clientCidrBlocks?: string[];
    /** MSK cluster name (1-64 letters, digits, dashes). Default: generated from the component name. */
    clusterName?: string;
    /** Protect the cluster (and so its topics' data) against deletion and replacement. Default: true. */
    protect?: boolean;
    /** Extra AWS tags. Default: none. */
    tags?: Record<string, string>;
}

/** Every argument this version knows, for the unknown-key check. */
export const MSK_SERVERLESS_CLUSTER_KEYS: readonly (keyof MskServerlessClusterArgs)[] = [
    "vpcId",
    "subnetIds",
    "clientSecurityGroupIds",
    "clientCidrBlocks",
    "clusterName",
    "protect",
    "tags",
];

/** Every argument resolved to its value; the component reads only this. */
export interface MskServerlessClusterSettings {
    vpcId: pulumi.Input<string>;
    subnetIds: pulumi.Input<string>[];
    clientSecurityGroupIds: pulumi.Input<string>[];
    clientCidrBlocks: string[];
    clusterName?: string;
    protect: boolean;
    tags: Record<string, string>;
}

/** Applies the defaults, once. */
export function resolveMskServerlessClusterSettings(args: MskServerlessClusterArgs): MskServerlessClusterSettings {
    return {
        vpcId: args.vpcId,
        subnetIds: Array.isArray(args.subnetIds) ? args.subnetIds : [],
        clientSecurityGroupIds: args.clientSecurityGroupIds ?? [],
        clientCidrBlocks: args.clientCidrBlocks ?? [],
        clusterName: args.clusterName,
        protect: args.protect ?? true,
        tags: args.tags ?? {},
    };
}

/** MSK Serverless takes IAM clients only, on the SASL/IAM port with TLS. */
export const MSK_SERVERLESS_CLIENT_PORT = 9098;
