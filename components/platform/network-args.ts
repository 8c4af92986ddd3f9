import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { NatGatewayLayout, PlatformProfile, profileDefaults } from "./profile";

/** A VPC you already run. Nothing is created for it. */
export interface ExistingNetwork {
    /** ID of the VPC (`vpc-...`). Required. */
    vpcId: pulumi.Input<string>;
    /** Private subnets workloads run in, one per AZ, in at least two AZs. Required. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Public subnets, for internet-facing load balancers only. Default: none. */
    publicSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * How many AZs the private subnets span. Default: the number of `privateSubnetIds` when they are
     * given as a list (one private subnet per AZ); required when they come from another resource.
     */
    availabilityZoneCount?: number;
}

/** CloudWatch Logs flow-log settings. */
export interface FlowLogOptions {
    /** Days to keep flow logs (a CloudWatch Logs retention value). Default: dev 7, prod 90. */
    retentionInDays?: number;
    /** Which traffic to record. Default: `ALL`. */
    trafficType?: "ALL" | "ACCEPT" | "REJECT";
}

/** Arguments of {@link PlatformNetwork}: the shape of a new VPC, or an existing one. Every field is optional. */
export interface PlatformNetworkArgs {
    /** Sizing profile: NAT layout and flow-log defaults. Default: `dev`. */
    profile?: PlatformProfile;
    /** Use an existing VPC instead of creating one; then every other network setting is refused. Default: none (a VPC is created). */
    existing?: ExistingNetwork;
    /** IPv4 CIDR of the new VPC, `/16` to `/22`. Default: `10.0.0.0/16`. */
    cidrBlock?: string;
    /** Number of AZs the new VPC spans (the region's first N). Default: 3. */
    availabilityZoneCount?: number;
    /** NAT gateways for the private subnets' egress. Default: dev `Single`, prod `OnePerAz`. */
    natGateways?: NatGatewayLayout;
    /**
     * Add an S3 gateway endpoint to the VPC's route tables, so S3 traffic (checkpoints, data) stays
     * off the NAT gateways and their per-GB charge. Default: true.
     */
    s3GatewayEndpoint?: boolean;
    /** Region of the VPC, for the S3 endpoint's service name. Default: the `aws:region` config (or `AWS_REGION`). */
    region?: string;
    /** VPC flow logs to CloudWatch Logs: `true`, `false` or options. Default: dev off, prod on. */
    flowLogs?: boolean | FlowLogOptions;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

export interface ResolvedFlowLogs {
    retentionInDays: number;
    trafficType: string;
}

export interface NetworkSettings {
    profile: string;
    existing?: ExistingNetwork;
    cidrBlock: string;
    availabilityZoneCount: number | undefined;
    natGateways: string;
    s3GatewayEndpoint: boolean;
    region: string | undefined;
    flowLogs: ResolvedFlowLogs | false;
    tags: Record<string, string>;
}

export function resolvePlatformNetworkSettings(args: PlatformNetworkArgs): NetworkSettings {
    const profile = args.profile ?? "dev";
    const d = profileDefaults(profile);
    const existing = args.existing;
    const flowLogsOn = args.flowLogs === undefined ? !existing && d.flowLogs : args.flowLogs !== false;
    const flowLogOptions = typeof args.flowLogs === "object" && args.flowLogs !== null ? args.flowLogs : {};
    const subnets = existing?.privateSubnetIds;
    return {
        profile,
        existing,
        cidrBlock: args.cidrBlock ?? "10.0.0.0/16",
        availabilityZoneCount: existing
            ? (existing.availabilityZoneCount ?? (Array.isArray(subnets) ? subnets.length : undefined))
            : (args.availabilityZoneCount ?? 3),
        natGateways: args.natGateways ?? d.natGateways,
        s3GatewayEndpoint: args.s3GatewayEndpoint ?? !existing,
        region: args.region ?? aws.config.region,
        flowLogs: flowLogsOn
            ? {
                  retentionInDays: flowLogOptions.retentionInDays ?? d.flowLogRetentionInDays,
                  trafficType: flowLogOptions.trafficType ?? "ALL",
              }
            : false,
        tags: args.tags ?? {},
    };
}
