import * as path from "path";
import { PlannedResource, ResourceGraph, loadStackConfig, runProgram } from "../../testing";
import rootProgram from "../../index";

const stackFile = (name: string) => path.join(__dirname, "..", "..", "stacks", `Pulumi.${name}.yaml`);

/** Runs a stack file's config under a fixed stack name, so physical names match across profiles. */
export function planAs(file: string, stack: string): Promise<ResourceGraph> {
    const config = loadStackConfig(stackFile(file), "spectrum");
    return runProgram(rootProgram, { project: "spectrum", stack, config: config.values });
}

function flatten(value: unknown, prefix = ""): Record<string, string> {
    if (value && typeof value === "object") {
        return Object.assign(
            {},
            ...Object.entries(value as Record<string, unknown>).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)),
        );
    }
    return { [prefix]: JSON.stringify(value) };
}

export interface ProfileDifferences {
    /** Names of resources only the prod graph has. */
    onlyProd: string[];
    /** Names of resources only the dev graph has. */
    onlyDev: string[];
    /** `<type> <input path>` of every input (or `protect`) that differs between same-named resources, sorted. */
    fields: string[];
}

/** What differs between two plans of one architecture, resource by resource and input by input. */
export function profileDifferences(dev: ResourceGraph, prod: ResourceGraph): ProfileDifferences {
    const key = (r: PlannedResource) => `${r.type}::${r.name}`;
    const devByKey = new Map(dev.resources.map((r) => [key(r), r]));
    const prodByKey = new Map(prod.resources.map((r) => [key(r), r]));
    const fields = new Set<string>();
    for (const [k, d] of devByKey) {
        const p = prodByKey.get(k);
        if (!p) continue;
        const a = flatten({ ...d.inputs, protect: d.options.protect });
        const b = flatten({ ...p.inputs, protect: p.options.protect });
        for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[field] !== b[field]) fields.add(`${d.type} ${field}`);
    }
    return {
        onlyProd: prod.resources
            .filter((r) => !devByKey.has(key(r)))
            .map((r) => r.name)
            .sort(),
        onlyDev: dev.resources
            .filter((r) => !prodByKey.has(key(r)))
            .map((r) => r.name)
            .sort(),
        fields: [...fields].sort(),
    };
}

/**
 * What dev and prod of a batch-layer architecture (hybrid, Lambda) may differ in: sizes (brokers,
 * storage, partitions, buffers, batch capacity and its workflow), retention, monitoring, NAT
 * layout and protection. Everything else (encryption, TLS, IAM scoping) must be identical.
 */
export const BATCH_ARCHITECTURE_PROFILE_FIELDS: readonly string[] = [
    "aws:appautoscaling/target:Target maxCapacity",
    "aws:appautoscaling/target:Target minCapacity",
    "aws:cloudwatch/logGroup:LogGroup retentionInDays",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream extendedS3Configuration.bufferingSize",
    "aws:kms/key:Key deletionWindowInDays",
    "aws:kms/key:Key protect",
    "aws:msk/cluster:Cluster brokerNodeGroupInfo.instanceType",
    "aws:msk/cluster:Cluster brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize",
    "aws:msk/cluster:Cluster enhancedMonitoring",
    "aws:msk/cluster:Cluster protect",
    "aws:msk/topic:Topic configs",
    "aws:msk/topic:Topic partitionCount",
    "aws:msk/topic:Topic protect",
    "aws:s3/bucket:Bucket forceDestroy",
    "aws:s3/bucket:Bucket protect",
    "aws:sfn/stateMachine:StateMachine definition",
    "awsx:ec2:Vpc natGateways.strategy",
];
