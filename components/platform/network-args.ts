import * as aws from "@pulumi/aws";
import { v, strict, input, explain, awsTagMap } from "../core/schema";
import { LOG_RETENTION_DAYS, vpcCidrProblem } from "./checks";
import { flagOr, platformProfile, wholeNumber } from "./fields";
import { NAT_GATEWAY_LAYOUTS, NatGatewayLayout, PlatformProfile, profileDefaults } from "./profile";

const VPC_ID = /^vpc-[0-9a-f]+$/;
const SUBNET_ID = /^subnet-[0-9a-f]+$/;
/** An AWS region code, e.g. `eu-west-1`. */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
// EKS and MSK both need subnets in at least two AZs; regions offer up to six to a VPC.
export const MIN_AZS = 2;
export const MAX_AZS = 6;
const AZ_RANGE = `must be a whole number from ${MIN_AZS} to ${MAX_AZS}`;

const vpcId = v.pipe(
    v.string(),
    v.nonEmpty(explain("an existing network needs the VPC's id", 'Set existing.vpcId, e.g. "vpc-0abc1234"')),
    v.regex(VPC_ID, explain("not a VPC id", 'Use the id EC2 shows, e.g. "vpc-0abc1234"')),
);
const subnetIds = v.array(
    input(v.pipe(v.string(), v.regex(SUBNET_ID, explain("not a subnet id", 'Use the id EC2 shows, e.g. "subnet-0abc1234"')))),
);
const cidrBlock = v.pipe(
    v.string(),
    v.rawCheck(({ dataset, addIssue }) => {
        const found = dataset.typed ? vpcCidrProblem(dataset.value) : undefined;
        if (found) addIssue({ message: explain(found.problem, found.fix) });
    }),
);
const logRetention = v.pipe(
    v.number(),
    v.check(
        (days: number) => LOG_RETENTION_DAYS.includes(days),
        explain("CloudWatch Logs does not offer this retention", `Use one of ${LOG_RETENTION_DAYS.join(", ")}`),
    ),
);

/** A VPC you already run. Nothing is created for it. */
export const existingNetworkShape = {
    /** ID of the VPC (`vpc-...`). Default: none (required). */
    vpcId: input(vpcId),
    /** Private subnets workloads run in, one per AZ, in at least two AZs. Default: none (required). */
    privateSubnetIds: input(
        v.pipe(
            subnetIds,
            v.minLength(
                MIN_AZS,
                explain(
                    `EKS and MSK need private subnets in at least ${MIN_AZS} AZs`,
                    "List one private subnet per AZ, in at least two AZs",
                ),
            ),
        ),
    ),
    /** Public subnets, for internet-facing load balancers only. Default: none. */
    publicSubnetIds: v.optional(input(subnetIds)),
    /**
     * How many AZs the private subnets span. Required when the subnets come from another resource.
     * Default: the number of `privateSubnetIds` when they are given as a list (one private subnet per AZ).
     */
    availabilityZoneCount: v.optional(wholeNumber(MIN_AZS, MAX_AZS, AZ_RANGE, "Count the AZs the private subnets span")),
};
/** The schema of an existing VPC, built from {@link existingNetworkShape}. */
export const existingNetwork: v.StrictObjectSchema<typeof existingNetworkShape, undefined> = strict(existingNetworkShape);
/** A VPC you already run. Nothing is created for it. */
export type ExistingNetwork = v.InferInput<typeof existingNetwork>;

/** CloudWatch Logs flow-log settings. */
export const flowLogOptionsShape = {
    /** Days to keep flow logs (a CloudWatch Logs retention value). Default: dev 7, prod 90. */
    retentionInDays: v.optional(logRetention),
    /** Which traffic to record. Default: `ALL`. */
    trafficType: v.optional(v.picklist(["ALL", "ACCEPT", "REJECT"]), "ALL"),
};
/** The schema of the flow-log options, built from {@link flowLogOptionsShape}. */
export const flowLogOptions: v.StrictObjectSchema<typeof flowLogOptionsShape, undefined> = strict(flowLogOptionsShape);
/** CloudWatch Logs flow-log settings. */
export type FlowLogOptions = v.InferInput<typeof flowLogOptions>;
/** VPC flow logs: on, off, or on with options. */
export const flowLogsSetting = flagOr(
    flowLogOptions,
    "must be true, false or an options object",
    "Write flowLogs: true, false, or { retentionInDays: 30 }",
);

/**
 * The declaration of {@link PlatformNetwork}'s args. Settings for a VPC created here have their
 * defaults applied in `resolveSettings`, so one given next to `existing` can be refused.
 */
export const platformNetworkShape = {
    /** Sizing profile: NAT layout and flow-log defaults. Default: `dev`. */
    profile: v.optional(platformProfile, "dev"),
    /** Use an existing VPC instead of creating one; then every other network setting is refused. Default: none (a VPC is created). */
    existing: v.optional(existingNetwork),
    /** IPv4 CIDR of the new VPC, `/16` to `/22`, network-aligned. Default: `10.0.0.0/16`. */
    cidrBlock: v.optional(cidrBlock),
    /** Number of AZs the new VPC spans (the region's first N), 2 to 6. Default: 3. */
    availabilityZoneCount: v.optional(
        wholeNumber(MIN_AZS, MAX_AZS, AZ_RANGE, "Use 3 (the default) for production: brokers and nodes spread across three AZs"),
    ),
    /** NAT gateways for the private subnets' egress: `Single` (one gateway) or `OnePerAz`. Default: dev `Single`, prod `OnePerAz`. */
    natGateways: v.optional(v.picklist(NAT_GATEWAY_LAYOUTS)),
    /**
     * Add an S3 gateway endpoint to the VPC's route tables, so S3 traffic (checkpoints, data) stays
     * off the NAT gateways and their per-GB charge. Default: true.
     */
    s3GatewayEndpoint: v.optional(v.boolean()),
    /** Region of the VPC, for the S3 endpoint's service name. Default: the `aws:region` config (or `AWS_REGION`). */
    region: v.optional(v.pipe(v.string(), v.regex(REGION, explain("not an AWS region name", 'Use a region code such as "us-east-1"')))),
    /** VPC flow logs to CloudWatch Logs: `true`, `false` or `FlowLogOptions`. Default: dev off, prod on. */
    flowLogs: v.optional(flowLogsSetting),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link PlatformNetwork}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const platformNetworkArgs: v.StrictObjectSchema<typeof platformNetworkShape, undefined> = strict(platformNetworkShape);
/** Arguments of {@link PlatformNetwork}: the shape of a new VPC, or an existing one. Every field is optional. */
export type PlatformNetworkArgs = v.InferInput<typeof platformNetworkArgs>;
/** The args as checked, with the declared defaults applied. */
export type PlatformNetworkInput = v.InferOutput<typeof platformNetworkArgs>;

/** Settings that only mean something for a VPC created here. */
export const CREATE_ONLY = ["cidrBlock", "availabilityZoneCount", "natGateways", "s3GatewayEndpoint", "flowLogs"] as const;

export interface ResolvedFlowLogs {
    retentionInDays: number;
    trafficType: "ALL" | "ACCEPT" | "REJECT";
}

/** The fully populated settings the component reads (and nothing else). */
export interface NetworkSettings {
    profile: PlatformProfile;
    existing?: v.InferOutput<typeof existingNetwork>;
    cidrBlock: string;
    /** Undefined only for an existing VPC whose subnets come from another resource (validation refuses that without a count). */
    availabilityZoneCount: number | undefined;
    natGateways: NatGatewayLayout;
    s3GatewayEndpoint: boolean;
    region: string | undefined;
    flowLogs: ResolvedFlowLogs | false;
    tags: Record<string, string>;
}

/** Resolves checked args into settings: the profile's defaults, and those of a created or an existing VPC. */
export function resolveSettings(args: PlatformNetworkInput): NetworkSettings {
    const d = profileDefaults(args.profile);
    const existing = args.existing;
    const flowLogsOn = args.flowLogs === undefined ? !existing && d.flowLogs : args.flowLogs !== false;
    const flowLogOptions = typeof args.flowLogs === "object" ? args.flowLogs : { trafficType: "ALL" as const };
    const subnets = existing?.privateSubnetIds;
    return {
        profile: args.profile,
        existing,
        cidrBlock: args.cidrBlock ?? "10.0.0.0/16",
        availabilityZoneCount: existing
            ? (existing.availabilityZoneCount ?? (Array.isArray(subnets) ? subnets.length : undefined))
            : (args.availabilityZoneCount ?? 3),
        natGateways: args.natGateways ?? d.natGateways,
        s3GatewayEndpoint: args.s3GatewayEndpoint ?? !existing,
        region: args.region ?? aws.config.region,
        flowLogs: flowLogsOn
            ? { retentionInDays: flowLogOptions.retentionInDays ?? d.flowLogRetentionInDays, trafficType: flowLogOptions.trafficType }
            : false,
        tags: args.tags,
    };
}
