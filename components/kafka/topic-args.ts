import type * as kafka from "@pulumi/kafka";
import { KafkaConnection } from "../core/contracts";

/** Kafka's cleanup policies: delete old segments, keep the latest record per key, or both. */
export type CleanupPolicy = "delete" | "compact" | "compact,delete";

/** The parts of a topic that cannot change in place: a different value means a new, empty topic. */
export interface TopicShape {
    /** Topic name. */
    name: string;
    /** Partition count (may grow in place, never shrink). */
    partitions: number;
    /** Replication factor. */
    replicationFactor: number;
}

/** Log compaction tuning, for `compact` and `compact,delete` topics. */
export interface CompactionArgs {
    /** Minimum age before a record may be compacted away (`min.compaction.lag.ms`). Default: Kafka's (0). */
    minCompactionLagMs?: number;
    /** Maximum time a record may stay uncompacted (`max.compaction.lag.ms`). Default: Kafka's (unbounded). */
    maxCompactionLagMs?: number;
    /** How long delete markers (tombstones) stay readable (`delete.retention.ms`). Default: Kafka's (1 day). */
    deleteRetentionMs?: number;
    /** Dirty share of the log that triggers cleaning, 0-1 (`min.cleanable.dirty.ratio`). Default: Kafka's (0.5). */
    minCleanableDirtyRatio?: number;
}

/** The settings of one topic, without the connection (shared by `KafkaTopic` and `KafkaTopics`). */
export interface TopicSpec {
    /** Topic name (letters, digits, `.`, `_`, `-`; at most 249). Default: the component's name. */
    name?: string;
    /** Partition count, at least 1. Partitions can be added later, never removed. Default: 6. */
    partitions?: number;
    /** Copies of each partition, at most the broker count. Default: 3. */
    replicationFactor?: number;
    /** Replicas that must have a write before it is acknowledged; below replicationFactor. Default: 2 (1 when replicationFactor is 1 or 2). */
    minInsyncReplicas?: number;
    /** Cleanup policy. Default: `"delete"`. */
    cleanupPolicy?: CleanupPolicy;
    /** How long records are kept (`retention.ms`, -1 forever); only with a `delete` policy. Default: 7 days with `delete`, unset with `compact`. */
    retentionMs?: number;
    /** Size cap per partition (`retention.bytes`, -1 none); only with a `delete` policy. Default: unset (no cap). */
    retentionBytes?: number;
    /** Compaction tuning; only with a `compact` policy. Default: Kafka's. */
    compaction?: CompactionArgs;
    /** Any other topic-level config (`max.message.bytes`, `compression.type`, `remote.storage.enable`, ...); keys and values are checked. Default: none. */
    config?: Record<string, string>;
    /**
     * The shape currently deployed, when you track it (see the README): a lower partition count, a
     * different replication factor or name is then refused at construction instead of at
     * `pulumi up`. Default: unknown (protection still blocks a replacement at `pulumi up`).
     */
    previous?: TopicShape;
    /** Explicit opt-out allowing replicationFactor below 3 or minInsyncReplicas below 2. Default: false. */
    allowWeakerDurability?: boolean;
    /** Protect the topic against deletion and replacement. Default: true. */
    protect?: boolean;
}

/** Arguments of {@link KafkaTopic}: the topic's spec and the connection to the cluster it lives on. */
export interface KafkaTopicArgs extends TopicSpec {
    /** The cluster: a `KafkaCluster`'s `connection` or `externalKafka(...)`. Required. */
    connection: KafkaConnection;
    /**
     * For a cluster you bring (no cluster ARN): the `@pulumi/kafka` provider to use. Default: one
     * built from the connection (`KafkaTopics` shares one across its topics).
     */
    kafkaProvider?: kafka.Provider;
}

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

export function resolveKafkaTopicSettings(componentName: string, spec: TopicSpec): TopicSettings {
    const replicationFactor = spec.replicationFactor ?? 3;
    const cleanupPolicy = spec.cleanupPolicy ?? "delete";
    const deletes = cleanupPolicy !== "compact";
    return {
        name: spec.name ?? componentName,
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
