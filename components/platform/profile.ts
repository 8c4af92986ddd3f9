/**
 * How big and how redundant the foundation is. `dev` is the cheapest shape that still behaves like
 * production (three AZs, private subnets, Graviton nodes); `prod` removes the single points of
 * failure and keeps audit data longer. Every value can be overridden field by field.
 */
export type PlatformProfile = "dev" | "prod";

export const PLATFORM_PROFILES: readonly PlatformProfile[] = ["dev", "prod"];

/** NAT gateway layouts the foundation offers (the awsx strategy names). */
export type NatGatewayLayout = "Single" | "OnePerAz";

export const NAT_GATEWAY_LAYOUTS: readonly NatGatewayLayout[] = ["Single", "OnePerAz"];

/** EKS version support policy: `EXTENDED` keeps a version 12 months longer, at 6x the standard control-plane price. */
export type ClusterSupportType = "STANDARD" | "EXTENDED";

export const CLUSTER_SUPPORT_TYPES: readonly ClusterSupportType[] = ["STANDARD", "EXTENDED"];

/** The sizing a profile stands for. */
export interface ProfileDefaults {
    /** One NAT gateway (dev: cheap, one AZ's outage cuts egress) or one per AZ (prod). */
    natGateways: NatGatewayLayout;
    /** Whether VPC flow logs are on when the VPC is created here. */
    flowLogs: boolean;
    /** Days flow logs are kept in CloudWatch Logs. */
    flowLogRetentionInDays: number;
    /** Graviton instance types of the cluster's node group. */
    nodeInstanceTypes: string[];
    /** Fewest nodes of the node group. */
    nodeMinSize: number;
    /** Nodes the node group starts with. */
    nodeDesiredSize: number;
    /** Most nodes of the node group. */
    nodeMaxSize: number;
    /** Root volume of each node, GiB: container images and emptyDir live here. */
    nodeDiskSizeGiB: number;
    /** The EKS version support policy. */
    supportType: ClusterSupportType;
}

/** What each platform profile stands for (the table in the platform README). */
export const PROFILE_DEFAULTS: Readonly<Record<PlatformProfile, Readonly<ProfileDefaults>>> = {
    dev: {
        natGateways: "Single",
        flowLogs: false,
        flowLogRetentionInDays: 7,
        nodeInstanceTypes: ["m7g.large"],
        nodeMinSize: 2,
        nodeDesiredSize: 2,
        nodeMaxSize: 3,
        nodeDiskSizeGiB: 50,
        // Extended support costs 6x the standard hourly price; a dev cluster upgrades instead.
        supportType: "STANDARD",
    },
    prod: {
        natGateways: "OnePerAz",
        flowLogs: true,
        flowLogRetentionInDays: 90,
        nodeInstanceTypes: ["m7g.xlarge"],
        nodeMinSize: 3,
        nodeDesiredSize: 3,
        nodeMaxSize: 6,
        nodeDiskSizeGiB: 100,
        // Extended support bills the control plane at 6x from the end of standard support on: production
        // upgrades on a schedule (the README's runbook) instead of paying to postpone it.
        supportType: "STANDARD",
    },
};

/** The defaults of a profile. */
export function profileDefaults(profile: PlatformProfile): ProfileDefaults {
    const defaults = PROFILE_DEFAULTS[profile];
    return { ...defaults, nodeInstanceTypes: [...defaults.nodeInstanceTypes] };
}
