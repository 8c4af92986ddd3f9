import { PlannedResource } from "../../testing";
import { DEFAULT_RETENTION_MS, plannedTopic } from "../plan-topics";

type Inputs = Record<string, unknown>;

/** An in-place update that still destroys data: what goes, in words. */
export type LosingUpdate = (before: Inputs, after: Inputs, resource: Pick<PlannedResource, "type" | "name">) => string[];

function days(ms: number): string {
    if (ms === Infinity) return "forever";
    const n = Math.round((ms / 86400000) * 100) / 100;
    return `${n} day${n === 1 ? "" : "s"}`;
}

function retention(configs: Record<string, string>): number {
    const ms = Number(configs["retention.ms"] ?? DEFAULT_RETENTION_MS);
    return ms < 0 ? Infinity : ms;
}

/** Topic configs: a shorter retention deletes older records; compaction keeps only the latest record per key. */
const topicUpdate: LosingUpdate = (before, after, resource) => {
    const type = resource.type;
    const a = plannedTopic({ type, name: resource.name, inputs: before } as PlannedResource);
    const b = plannedTopic({ type, name: resource.name, inputs: after } as PlannedResource);
    if (!a || !b) return [];
    const lost: string[] = [];
    const deletes = (c: Record<string, string>) => (c["cleanup.policy"] ?? "delete").split(",").includes("delete");
    const compacts = (c: Record<string, string>) => (c["cleanup.policy"] ?? "delete").split(",").includes("compact");
    if (deletes(b.configs) && retention(b.configs) < (deletes(a.configs) ? retention(a.configs) : Infinity)) {
        lost.push(
            `records older than ${days(retention(b.configs))} (retention.ms lowered from ${days(deletes(a.configs) ? retention(a.configs) : Infinity)})`,
        );
    }
    if (compacts(b.configs) && !compacts(a.configs)) lost.push("every record but the latest per key (cleanup.policy now compacts)");
    if (a.configs["remote.storage.enable"] === "true" && b.configs["remote.storage.enable"] !== "true") {
        lost.push("records kept only in tiered storage (remote.storage.enable turned off)");
    }
    if (b.partitions < a.partitions && type === "aws:msk/topic:Topic") {
        lost.push(
            `nothing yet, but the update fails: Kafka cannot go from ${a.partitions} to ${b.partitions} partitions, only recreating the topic can (losing its records)`,
        );
    }
    return lost;
};

interface LifecycleRule {
    id?: string;
    status?: string;
    filter?: { prefix?: string };
    expiration?: { days?: number };
    noncurrentVersionExpiration?: { noncurrentDays?: number };
}

/** Bucket lifecycle: a new or shorter expiry deletes objects (or old versions) sooner. */
const lifecycleUpdate: LosingUpdate = (before, after) => {
    const rules = (inputs: Inputs) =>
        new Map(((inputs.rules as LifecycleRule[] | undefined) ?? []).map((r) => [r.id ?? JSON.stringify(r.filter), r]));
    const a = rules(before);
    const lost: string[] = [];
    for (const [id, rule] of rules(after)) {
        if (rule.status === "Disabled") continue;
        const old = a.get(id);
        const active = old && old.status !== "Disabled" ? old : undefined;
        const where = `objects under ${rule.filter?.prefix ? `${rule.filter.prefix}` : "the whole bucket"}`;
        const expiry = rule.expiration?.days;
        const was = active?.expiration?.days;
        if (expiry !== undefined && (was === undefined || expiry < was))
            lost.push(`${where} older than ${expiry} days (rule ${id}, was ${was ?? "never"})`);
        const versions = rule.noncurrentVersionExpiration?.noncurrentDays;
        const wasVersions = active?.noncurrentVersionExpiration?.noncurrentDays;
        if (versions !== undefined && (wasVersions === undefined || versions < wasVersions)) {
            lost.push(`noncurrent versions of ${where} after ${versions} days (rule ${id}, was ${wasVersions ?? "never"})`);
        }
    }
    return lost;
};

/** A log group's retention: a shorter one deletes older events. */
const logGroupUpdate: LosingUpdate = (before, after) => {
    const keep = (inputs: Inputs) =>
        typeof inputs.retentionInDays === "number" && inputs.retentionInDays > 0 ? inputs.retentionInDays : Infinity;
    return keep(after) < keep(before)
        ? [`log events older than ${keep(after)} days (retention was ${keep(before) === Infinity ? "forever" : `${keep(before)} days`})`]
        : [];
};

/** Flink config keys that say where a job's state lives: moving them strands the state at the old place. */
export const FLINK_STATE_LOCATION_KEYS = [
    "execution.checkpointing.dir",
    "state.checkpoints.dir",
    "execution.checkpointing.savepoint-dir",
    "state.savepoints.dir",
    "high-availability.storageDir",
];

/** A FlinkDeployment whose state location moves, or that starts upgrading statelessly, loses its state. */
const flinkUpdate: LosingUpdate = (before, after) => {
    const config = (inputs: Inputs) =>
        (inputs.spec as { flinkConfiguration?: Record<string, string> } | undefined)?.flinkConfiguration ?? {};
    const mode = (inputs: Inputs) => (inputs.spec as { job?: { upgradeMode?: string } } | undefined)?.job?.upgradeMode;
    const lost: string[] = [];
    const moved = FLINK_STATE_LOCATION_KEYS.filter((k) => config(before)[k] !== undefined && config(before)[k] !== config(after)[k]);
    if (moved.length > 0) {
        lost.push(
            `the job's state: ${moved.map((k) => `${k} moves from ${config(before)[k]} to ${config(after)[k] ?? "(unset)"}`).join("; ")}, so the upgrade cannot restore from it`,
        );
    }
    if (mode(after) === "stateless" && mode(before) !== "stateless")
        lost.push(`the job's state: upgradeMode changes from ${mode(before) ?? "(unset)"} to stateless`);
    return lost;
};

/** In-place updates that lose data, by type. */
export const LOSING_UPDATES: Readonly<Record<string, LosingUpdate>> = {
    "aws:msk/topic:Topic": topicUpdate,
    "kafka:index/topic:Topic": topicUpdate,
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": lifecycleUpdate,
    "aws:cloudwatch/logGroup:LogGroup": logGroupUpdate,
    "kubernetes:flink.apache.org/v1beta1:FlinkDeployment": flinkUpdate,
};
