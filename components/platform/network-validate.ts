import { Validator } from "../core/errors";
import { parseArgs } from "../core/schema";
import { CREATE_ONLY, NetworkSettings, PlatformNetworkInput, REGION, platformNetworkArgs, resolveSettings } from "./network-args";
import { flowLogNameProblems } from "./names";

export const COMPONENT = "PlatformNetwork";

/**
 * Checks a PlatformNetwork's args, structure first (the declaration in network-args.ts), then what
 * EC2 and awsx would reject or accept and then break, and returns the settings the component reads.
 * Throws one SpectrumValidationError naming every problem; call it before registering anything.
 */
export function platformNetworkSettings(name: string, args: unknown): NetworkSettings {
    const input = parseArgs(COMPONENT, name, platformNetworkArgs, args);
    const s = resolveSettings(input);
    validatePlatformNetwork(name, input, s);
    return s;
}

/** The rules across fields, and the names AWS derives from the component's name. */
export function validatePlatformNetwork(name: string, args: PlatformNetworkInput, s: NetworkSettings): void {
    const v = new Validator(COMPONENT, name);
    if (s.existing) {
        validateExisting(v, s);
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
        validateCreated(v, name, s);
    }
    v.throwIfInvalid();
}

function validateExisting(v: Validator, s: NetworkSettings): void {
    const subnets = s.existing?.privateSubnetIds;
    const azs = s.availabilityZoneCount;
    if (Array.isArray(subnets)) {
        // MSK, EMR and EKS refuse a subnet listed twice, at deploy time, after other resources exist.
        subnets.forEach((id, i) => {
            if (typeof id === "string" && subnets.indexOf(id) < i)
                v.fail(`existing.privateSubnetIds[${i}]`, id, "lists a subnet twice", "List each private subnet once");
        });
    }
    if (azs === undefined) {
        v.fail(
            "existing.availabilityZoneCount",
            azs,
            "the number of AZs cannot be counted when the subnet ids come from another resource",
            "Set existing.availabilityZoneCount to the number of AZs the private subnets span",
        );
    } else if (Array.isArray(subnets)) {
        v.check(
            azs <= subnets.length,
            "existing.availabilityZoneCount",
            azs,
            `${subnets.length} private subnets cannot span ${azs} AZs`,
            "Add the missing subnets or lower the count",
        );
    }
}

function validateCreated(v: Validator, name: string, s: NetworkSettings): void {
    if (s.s3GatewayEndpoint) {
        // The declaration checks a region given as an argument; this one may come from the config.
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
    if (s.flowLogs !== false) {
        for (const found of flowLogNameProblems(name)) v.fail("name", name, `${found.problem} (in ${found.where})`, found.fix);
    }
}
