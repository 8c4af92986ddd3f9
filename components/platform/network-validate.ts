import { Validator } from "../core/errors";
import { LOG_RETENTION_DAYS, isBlank, isInteger, isNetworkAligned, parseIpv4Cidr } from "./checks";
import { ExistingNetwork, NetworkSettings, PlatformNetworkArgs } from "./network-args";
import { PLATFORM_PROFILES } from "./profile";

const COMPONENT = "PlatformNetwork";
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const VPC_ID = /^vpc-[0-9a-f]+$/;
const SUBNET_ID = /^subnet-[0-9a-f]+$/;
// EKS and MSK both need subnets in at least two AZs; regions offer up to six to a VPC.
const MIN_AZS = 2;
const MAX_AZS = 6;
// Large enough for pods on the VPC CNI in every AZ, small enough to leave room for peering.
const MIN_PREFIX = 16;
const MAX_PREFIX = 22;

/** Settings that only mean something for a VPC created here. */
const CREATE_ONLY: ReadonlyArray<keyof PlatformNetworkArgs> = [
    "cidrBlock",
    "availabilityZoneCount",
    "natGateways",
    "s3GatewayEndpoint",
    "flowLogs",
];

/** Rejects what EC2/awsx would reject, or would accept and then break, before anything is created. */
export function validatePlatformNetwork(name: string, args: PlatformNetworkArgs, s: NetworkSettings): void {
    const v = new Validator(COMPONENT, name);
    v.check(
        PLATFORM_PROFILES.includes(s.profile as never),
        "profile",
        args.profile,
        "unknown profile",
        `Use one of ${PLATFORM_PROFILES.map((p) => `"${p}"`).join(", ")}`,
    );
    if (s.existing) {
        validateExisting(v, s.existing, s);
        // Settings for a VPC created here would silently do nothing next to `existing`.
        for (const field of CREATE_ONLY) {
            if (args[field] !== undefined)
                v.fail(
                    field,
                    args[field],
                    "only applies to a VPC created here, and existing is set",
                    `Remove ${field}, or remove existing to create the VPC`,
                );
        }
    } else {
        validateCreated(v, args, s);
    }
    v.throwIfInvalid();
}

function validateExisting(v: Validator, existing: ExistingNetwork, s: NetworkSettings): void {
    const args = existing as unknown as Record<string, unknown>;
    v.check(
        !isBlank(existing.vpcId),
        "existing.vpcId",
        existing.vpcId,
        "an existing network needs the VPC's id",
        'Set existing.vpcId, e.g. "vpc-0abc1234"',
    );
    if (typeof existing.vpcId === "string" && !isBlank(existing.vpcId)) {
        v.check(VPC_ID.test(existing.vpcId), "existing.vpcId", existing.vpcId, "not a VPC id", 'Use the id EC2 shows, e.g. "vpc-0abc1234"');
    }
    const subnets = args.privateSubnetIds;
    if (subnets === undefined || subnets === null) {
        v.fail(
            "existing.privateSubnetIds",
            subnets,
            "an existing VPC needs its private subnets: workloads and brokers run there",
            "List the private subnet ids, one per AZ, in at least two AZs",
        );
    } else if (Array.isArray(subnets)) {
        v.check(
            subnets.length >= MIN_AZS,
            "existing.privateSubnetIds",
            subnets,
            `EKS and MSK need private subnets in at least ${MIN_AZS} AZs`,
            "List one private subnet per AZ, in at least two AZs",
        );
        subnets.forEach((id, i) => {
            if (typeof id === "string")
                v.check(
                    SUBNET_ID.test(id),
                    `existing.privateSubnetIds[${i}]`,
                    id,
                    "not a subnet id",
                    'Use the id EC2 shows, e.g. "subnet-0abc1234"',
                );
        });
    }
    const azs = s.availabilityZoneCount;
    if (azs === undefined) {
        v.fail(
            "existing.availabilityZoneCount",
            azs,
            "the number of AZs cannot be counted when the subnet ids come from another resource",
            "Set existing.availabilityZoneCount to the number of AZs the private subnets span",
        );
    } else {
        v.check(
            isInteger(azs, MIN_AZS, MAX_AZS),
            "existing.availabilityZoneCount",
            azs,
            `must be a whole number from ${MIN_AZS} to ${MAX_AZS}`,
            "Count the AZs the private subnets span",
        );
        if (Array.isArray(subnets) && isInteger(azs, 1)) {
            v.check(
                azs <= subnets.length,
                "existing.availabilityZoneCount",
                azs,
                `${subnets.length} private subnets cannot span ${azs} AZs`,
                "Add the missing subnets or lower the count",
            );
        }
    }
}

function validateCreated(v: Validator, args: PlatformNetworkArgs, s: NetworkSettings): void {
    const cidr = parseIpv4Cidr(s.cidrBlock);
    if (!cidr) {
        v.fail("cidrBlock", args.cidrBlock, "not an IPv4 CIDR block", 'Write it as address/prefix, e.g. "10.0.0.0/16"');
    } else {
        v.check(
            cidr.prefix >= MIN_PREFIX && cidr.prefix <= MAX_PREFIX,
            "cidrBlock",
            args.cidrBlock,
            `the prefix must be /${MIN_PREFIX} to /${MAX_PREFIX} (EC2 allows /16 at most; pods take one IP each)`,
            'Use a prefix such as "10.0.0.0/16"',
        );
        v.check(
            isNetworkAligned(cidr),
            "cidrBlock",
            args.cidrBlock,
            "the address has bits set past the prefix",
            "Use the network address of the block, e.g. 10.0.0.0/16 rather than 10.0.1.0/16",
        );
    }
    v.check(
        isInteger(s.availabilityZoneCount, MIN_AZS, MAX_AZS),
        "availabilityZoneCount",
        args.availabilityZoneCount,
        `must be a whole number from ${MIN_AZS} to ${MAX_AZS}`,
        "Use 3 (the default) for production: brokers and nodes spread across three AZs",
    );
    v.check(
        s.natGateways === "Single" || s.natGateways === "OnePerAz",
        "natGateways",
        args.natGateways,
        "unknown NAT layout",
        'Use "Single" (one gateway) or "OnePerAz" (one per AZ, no cross-AZ dependency)',
    );
    v.check(
        typeof s.s3GatewayEndpoint === "boolean",
        "s3GatewayEndpoint",
        args.s3GatewayEndpoint,
        "must be true or false",
        "Write true (the default) or false",
    );
    if (s.s3GatewayEndpoint === true) {
        if (s.region === undefined) {
            v.fail(
                "region",
                s.region,
                "the S3 gateway endpoint's service name needs the region, and neither the aws:region config nor AWS_REGION is set",
                "Set aws:region in the stack config, or pass region",
            );
        } else {
            v.check(REGION.test(s.region), "region", s.region, "not an AWS region name", 'Use a region code such as "us-east-1"');
        }
    }
    const flowLogs = args.flowLogs;
    v.check(
        flowLogs === undefined ||
            typeof flowLogs === "boolean" ||
            (typeof flowLogs === "object" && flowLogs !== null && !Array.isArray(flowLogs)),
        "flowLogs",
        flowLogs,
        "must be true, false or an options object",
        "Write flowLogs: true, false, or { retentionInDays: 30 }",
    );
    if (s.flowLogs !== false) {
        v.check(
            LOG_RETENTION_DAYS.includes(s.flowLogs.retentionInDays),
            "flowLogs.retentionInDays",
            s.flowLogs.retentionInDays,
            "CloudWatch Logs does not offer this retention",
            `Use one of ${LOG_RETENTION_DAYS.join(", ")}`,
        );
        v.check(
            ["ALL", "ACCEPT", "REJECT"].includes(s.flowLogs.trafficType),
            "flowLogs.trafficType",
            s.flowLogs.trafficType,
            "unknown traffic type",
            'Use "ALL", "ACCEPT" or "REJECT"',
        );
    }
}
