import type * as kafka from "@pulumi/kafka";
import * as pulumi from "@pulumi/pulumi";
import { kafkaConnection } from "../core/schema/contracts";
import { v, strict, map, explain } from "../core/schema";

/**
 * Kafka's cleanup policies: delete old segments, keep the latest record per key, or both (written
 * either way round, as Kafka itself accepts and reports it).
 */
export type CleanupPolicy = "delete" | "compact" | "compact,delete" | "delete,compact";

/** The parts of each cleanup policy, however it is written (`compact, delete` with a space too, as Kafka parses lists). */
export function cleanupPolicyParts(policy: string): string[] | undefined {
    const parts = policy.split(",").map((p) => p.trim());
    const known = parts.every((p) => p === "delete" || p === "compact") && new Set(parts).size === parts.length;
    return known && parts.length > 0 ? parts : undefined;
}

const cleanupPolicy = v.pipe(
    v.string(),
    v.check(
        (policy) => cleanupPolicyParts(policy) !== undefined,
        explain("not a Kafka cleanup policy", 'Use "delete", "compact" or "compact,delete"'),
    ),
) as unknown as v.GenericSchema<CleanupPolicy, CleanupPolicy>;

/** A `@pulumi/kafka` provider, for topics on a cluster you bring. */
export const kafkaProviderSchema = v.custom<kafka.Provider>(
    // Recognised without loading @pulumi/kafka: a provider resource of the kafka package.
    (value) => pulumi.CustomResource.isInstance(value) && (value as unknown as { pkg?: unknown }).pkg === "kafka",
    explain("is not a @pulumi/kafka Provider", "Pass a kafka.Provider, or omit kafkaProvider to build one from the connection"),
);

/** A whole number at least `min`, with one message for every way to miss it. */
function wholeAtLeast(min: number, problem: string, fix: string) {
    const message = explain(problem, fix);
    return v.pipe(v.number(), v.integer(message), v.minValue(min, message));
}

/** `-1` (no limit) or a positive whole number. */
function limitOrUnbounded(problem: string, fix: string) {
    const message = explain(problem, fix);
    return v.pipe(
        v.number(),
        v.integer(message),
        v.check((n) => n === -1 || n >= 1, message),
    );
}

/** The declaration of the parts of a topic that cannot change in place: a different value means a new, empty topic. */
export const topicShapeShape = {
    /** Topic name. Default: none (required). */
    name: v.string(),
    /** Partition count (may grow in place, never shrink). Default: none (required). */
    partitions: wholeAtLeast(1, "must be a whole number >= 1", "Copy the deployed topic's shape"),
    /** Replication factor. Default: none (required). */
    replicationFactor: wholeAtLeast(1, "must be a whole number >= 1", "Copy the deployed topic's shape"),
};
/** The schema of {@link topicShapeShape}. */
export const topicShape: v.StrictObjectSchema<typeof topicShapeShape, undefined> = strict(topicShapeShape);
/** The parts of a topic that cannot change in place: a different value means a new, empty topic. */
export type TopicShape = v.InferOutput<typeof topicShape>;

/** The declaration of log compaction tuning, for `compact` and `compact,delete` topics. */
export const compactionShape = {
    /** Minimum age before a record may be compacted away (`min.compaction.lag.ms`). Default: Kafka's (0). */
    minCompactionLagMs: v.optional(wholeAtLeast(0, "must be a whole number >= 0", "Use milliseconds, e.g. 0")),
    /** Maximum time a record may stay uncompacted (`max.compaction.lag.ms`). Default: Kafka's (unbounded). */
    maxCompactionLagMs: v.optional(wholeAtLeast(1, "must be a whole number >= 1", "Use milliseconds, e.g. 86400000")),
    /** How long delete markers (tombstones) stay readable (`delete.retention.ms`). Default: Kafka's (1 day). */
    deleteRetentionMs: v.optional(wholeAtLeast(0, "must be a whole number >= 0", "Use milliseconds, e.g. 86400000")),
    /** Dirty share of the log that triggers cleaning, 0-1 (`min.cleanable.dirty.ratio`). Default: Kafka's (0.5). */
    minCleanableDirtyRatio: v.optional(
        v.pipe(
            v.number(),
            v.minValue(0, explain("must be between 0 and 1", "Use e.g. 0.5")),
            v.maxValue(1, explain("must be between 0 and 1", "Use e.g. 0.5")),
        ),
    ),
};
/** The schema of {@link compactionShape}. */
export const compaction: v.StrictObjectSchema<typeof compactionShape, undefined> = strict(compactionShape);
/** Log compaction tuning, for `compact` and `compact,delete` topics. */
export type CompactionArgs = v.InferInput<typeof compaction>;

/**
 * The declaration of `KafkaTopic`'s args: the connection, and the topic's settings (which
 * `KafkaTopics` takes per topic). Defaults are applied by `resolveTopicSettings`, after
 * `KafkaTopics`' own `defaults`.
 */
export const kafkaTopicShape = {
    /** The cluster: a `KafkaCluster`'s `connection` or `externalKafka(...)`. Default: none (required). */
    connection: kafkaConnection,
    /**
     * For a cluster you bring (no cluster ARN): the `@pulumi/kafka` provider to use. Default: one
     * built from the connection (`KafkaTopics` shares one across its topics).
     */
    kafkaProvider: v.optional(kafkaProviderSchema),
    /** Topic name (letters, digits, `.`, `_`, `-`; at most 249). Default: the component's name (in `KafkaTopics`, the topic's key). */
    name: v.optional(v.string()),
    /** Partition count, at least 1. Partitions can be added later, never removed. Default: 6. */
    partitions: v.optional(wholeAtLeast(1, "a topic needs at least one partition", "Use a whole number >= 1")),
    /** Copies of each partition, at most the broker count. Default: 3. */
    replicationFactor: v.optional(wholeAtLeast(1, "must be a whole number >= 1", "Use 3")),
    /** Replicas that must have a write before it is acknowledged; below replicationFactor. Default: 2 (1 when replicationFactor is 1 or 2). */
    minInsyncReplicas: v.optional(wholeAtLeast(1, "must be a whole number >= 1", "Use 2 with replication factor 3")),
    /** Cleanup policy: `"delete"`, `"compact"` or both (`"compact,delete"`, `"delete,compact"`). Default: `"delete"`. */
    cleanupPolicy: v.optional(cleanupPolicy),
    /** How long records are kept (`retention.ms`, -1 forever); only with a `delete` policy. Default: 7 days with `delete`, unset with `compact`. */
    retentionMs: v.optional(limitOrUnbounded("must be -1 (forever) or a positive number of milliseconds", "Use e.g. 604800000 for 7 days")),
    /** Size cap per partition (`retention.bytes`, -1 none); only with a `delete` policy. Default: unset (no cap). */
    retentionBytes: v.optional(
        limitOrUnbounded("must be -1 (no cap) or a positive number of bytes", "Use e.g. 10737418240 for 10 GiB per partition"),
    ),
    /** Compaction tuning; only with a `compact` policy. Default: Kafka's. */
    compaction: v.optional(compaction),
    /** Any other topic-level config (`max.message.bytes`, `compression.type`, `remote.storage.enable`, ...), as strings; keys and values are checked. Default: `{}` (none). */
    config: v.optional(map(v.string(), v.string())),
    /**
     * The shape currently deployed, when you track it (see the README): a lower partition count, a
     * different replication factor or name is then refused at construction instead of at
     * `pulumi up`. Default: unknown (protection still blocks a replacement at `pulumi up`).
     */
    previous: v.optional(topicShape),
    /** Explicit opt-out allowing replicationFactor below 3 or minInsyncReplicas below 2. Default: false. */
    allowWeakerDurability: v.optional(v.boolean()),
    /** Protect the topic against deletion and replacement. Default: true. */
    protect: v.optional(v.boolean()),
};
/** The schema of {@link KafkaTopic}'s args, built from {@link kafkaTopicShape}. */
export const kafkaTopicArgs: v.StrictObjectSchema<typeof kafkaTopicShape, undefined> = strict(kafkaTopicShape);
/** Arguments of {@link KafkaTopic}: the topic's spec and the connection to the cluster it lives on. */
export type KafkaTopicArgs = v.InferInput<typeof kafkaTopicArgs>;

/** The shape's entries without `keys`, keeping each entry's declaration (and so its doc comment). */
function omit<S extends v.ObjectEntries, K extends keyof S>(shape: S, keys: readonly K[]): Omit<S, K> {
    return Object.fromEntries(Object.entries(shape).filter(([key]) => !keys.includes(key as K))) as Omit<S, K>;
}

/** The settings of one topic, without the connection (shared by `KafkaTopic` and `KafkaTopics`). */
export const topicSpecShape = omit(kafkaTopicShape, ["connection", "kafkaProvider"]);
/** The schema of {@link topicSpecShape}. */
export const topicSpec: v.StrictObjectSchema<typeof topicSpecShape, undefined> = strict(topicSpecShape);
/** The settings of one topic, without the connection (shared by `KafkaTopic` and `KafkaTopics`). */
export type TopicSpec = v.InferInput<typeof topicSpec>;

/** One topic of `KafkaTopics`: a topic's settings, without `previous` (`KafkaTopics` takes those keyed like `topics`). */
export const topicEntry: v.StrictObjectSchema<Omit<typeof topicSpecShape, "previous">, undefined> = strict(
    omit(topicSpecShape, ["previous"]),
);
/** What `KafkaTopics` starts every topic from: a topic's settings less its name and `previous`. */
export const topicDefaults: v.StrictObjectSchema<Omit<typeof topicSpecShape, "name" | "previous">, undefined> = strict(
    omit(topicSpecShape, ["name", "previous"]),
);

/** A topic's checked settings, as a parse of {@link topicSpec} returns them. */
export type CheckedTopicSpec = v.InferOutput<typeof topicSpec>;

/** Every setting of one topic, defaults applied; the component reads only this. */
export interface TopicSettings {
    name: string;
    partitions: number;
    replicationFactor: number;
    minInsyncReplicas: number;
    cleanupPolicy: CleanupPolicy;
    retentionMs?: number;
    retentionBytes?: number;
    compaction: CompactionArgs;
    config: Record<string, string>;
    previous?: TopicShape;
    allowWeakerDurability: boolean;
    protect: boolean;
}

export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Applies a topic's defaults, once: the name from the component (or key), the rest as documented. */
export function resolveTopicSettings(defaultName: string, spec: CheckedTopicSpec): TopicSettings {
    const replicationFactor = spec.replicationFactor ?? 3;
    const cleanupPolicy = spec.cleanupPolicy ?? "delete";
    const deletes = cleanupPolicyParts(cleanupPolicy)?.includes("delete") ?? true;
    return {
        name: spec.name ?? defaultName,
        partitions: spec.partitions ?? 6,
        replicationFactor,
        minInsyncReplicas: spec.minInsyncReplicas ?? (replicationFactor >= 3 ? 2 : 1),
        cleanupPolicy,
        retentionMs: spec.retentionMs ?? (deletes ? DEFAULT_RETENTION_MS : undefined),
        retentionBytes: spec.retentionBytes,
        compaction: spec.compaction ?? {},
        config: spec.config ?? {},
        previous: spec.previous,
        allowWeakerDurability: spec.allowWeakerDurability ?? false,
        protect: spec.protect ?? true,
    };
}
