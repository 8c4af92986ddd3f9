import { EXPRESS_INGRESS_MIB_S, EXPRESS_PARTITIONS_PER_BROKER } from "../../components/kafka/express-brokers";
import {
    SERVERLESS_MAX_COMPACTED_PARTITIONS,
    SERVERLESS_MAX_PARTITIONS,
    SERVERLESS_THROUGHPUT_MIB_S,
} from "../../components/kafka/msk-serverless-limits";

/**
 * Capacity checks: pure functions of plain numbers, so a component can run them at validation time
 * as well as the plan on a whole graph. Each returns its verdict with the measured value, the limit
 * and the margin (the share of the limit left; negative when over).
 */
export interface CapacityCheck {
    /** Stable id, used to waive a check: `partitions-per-broker`, `broker-storage`, ... */
    id: string;
    /** What was checked: a cluster, topic, job or stream name. */
    subject: string;
    ok: boolean;
    measured: number;
    limit: number;
    unit: string;
    /** (limit - measured) / limit for checks with a ceiling; undefined for yes/no checks. */
    margin?: number;
    /** The numbers behind the verdict, in words. */
    detail: string;
    /** Where the limit comes from. */
    source: string;
}

const MSK_BEST_PRACTICES = "https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html";
const FIREHOSE_QUOTAS = "https://docs.aws.amazon.com/firehose/latest/dev/limits.html";
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

function ceilingCheck(c: Omit<CapacityCheck, "ok" | "margin">): CapacityCheck {
    return { ...c, ok: c.measured <= c.limit, margin: c.limit > 0 ? (c.limit - c.measured) / c.limit : -Infinity };
}

/**
 * Partitions per standard broker, leaders and followers, that MSK recommends for a broker size
 * (AWS, "Best practices for Standard brokers: right-size your cluster", recorded 2026-12-05).
 */
export const PARTITIONS_PER_BROKER: Readonly<Record<string, number>> = {
    "kafka.t3.small": 300,
    "kafka.m5.large": 1000,
    "kafka.m5.xlarge": 1000,
    "kafka.m5.2xlarge": 2000,
    "kafka.m5.4xlarge": 4000,
    "kafka.m5.8xlarge": 4000,
    "kafka.m5.12xlarge": 4000,
    "kafka.m5.16xlarge": 4000,
    "kafka.m5.24xlarge": 4000,
    "kafka.m7g.large": 1000,
    "kafka.m7g.xlarge": 1000,
    "kafka.m7g.2xlarge": 2000,
    "kafka.m7g.4xlarge": 4000,
    "kafka.m7g.8xlarge": 4000,
    "kafka.m7g.12xlarge": 4000,
    "kafka.m7g.16xlarge": 4000,
};

/** Partition replicas per broker against MSK's guidance for the broker size; undefined for a size it does not list. */
export function partitionsPerBroker(a: {
    cluster: string;
    instanceType: string;
    brokers: number;
    partitionReplicas: number;
}): CapacityCheck | undefined {
    const limit = PARTITIONS_PER_BROKER[a.instanceType];
    if (limit === undefined || a.brokers <= 0) return undefined;
    const perBroker = a.partitionReplicas / a.brokers;
    return ceilingCheck({
        id: "partitions-per-broker",
        subject: a.cluster,
        measured: Math.ceil(perBroker),
        limit,
        unit: "partition replicas per broker",
        detail: `${a.partitionReplicas} partition replicas over ${a.brokers} brokers; MSK recommends at most ${limit} per ${a.instanceType} broker`,
        source: MSK_BEST_PRACTICES,
    });
}

/** MSK spreads brokers evenly over the client subnets' zones: the count must be a multiple of the zones. */
export function brokersAcrossZones(a: { cluster: string; brokers: number; zones: number }): CapacityCheck {
    const ok = a.zones > 0 && a.brokers % a.zones === 0;
    return {
        id: "brokers-per-zone",
        subject: a.cluster,
        ok,
        measured: a.brokers,
        limit: a.zones,
        unit: "brokers",
        detail: `${a.brokers} brokers over ${a.zones} zones${ok ? `: ${a.brokers / a.zones} per zone` : ": not a multiple of the zones, which MSK refuses"}`,
        source: "https://docs.aws.amazon.com/msk/latest/developerguide/msk-create-cluster.html",
    };
}

/**
 * A topic's replicas fit the brokers, and a broker may be down (MSK patches one at a time) without
 * stopping `acks=all` producers: replication factor <= brokers and min.insync.replicas < replication factor.
 */
export function replicasFitBrokers(a: {
    topic: string;
    replicationFactor: number;
    minInsyncReplicas: number;
    brokers: number;
}): CapacityCheck {
    const fits = a.replicationFactor <= a.brokers;
    const tolerates = a.minInsyncReplicas < a.replicationFactor;
    const problems = [
        fits ? "" : `replication factor ${a.replicationFactor} exceeds the ${a.brokers} brokers`,
        tolerates ? "" : `min.insync.replicas ${a.minInsyncReplicas} leaves no replica to lose: a broker restart stops acks=all producers`,
    ].filter(Boolean);
    return {
        id: "replicas-fit-brokers",
        subject: a.topic,
        ok: fits && tolerates,
        measured: a.replicationFactor,
        limit: a.brokers,
        unit: "replicas",
        detail:
            problems.length > 0
                ? problems.join("; ")
                : `${a.replicationFactor} replicas on ${a.brokers} brokers, ${a.replicationFactor - a.minInsyncReplicas} may be down`,
        source: MSK_BEST_PRACTICES,
    };
}

/** One topic's share of broker disk: its average write rate, how long it stays on broker disks, and its copies. */
export interface TopicStorageLoad {
    topic: string;
    bytesPerSecond: number;
    localRetentionSeconds: number;
    replicationFactor: number;
}

/**
 * Broker disk needed (throughput x local retention x replication, spread over the brokers) against
 * 85% of the volume, the disk use MSK advises alarming at; with storage auto scaling, of its ceiling.
 */
export function brokerStorage(a: {
    cluster: string;
    brokers: number;
    volumeGiB: number;
    ceilingGiB?: number;
    topics: TopicStorageLoad[];
}): CapacityCheck {
    const bytes = a.topics.reduce((sum, t) => sum + t.bytesPerSecond * t.localRetentionSeconds * t.replicationFactor, 0);
    const perBrokerGiB = bytes / Math.max(1, a.brokers) / GIB;
    const usable = Math.max(a.volumeGiB, a.ceilingGiB ?? 0) * 0.85;
    const ceiling =
        a.ceilingGiB && a.ceilingGiB > a.volumeGiB ? `, grown by auto scaling from ${a.volumeGiB} up to ${a.ceilingGiB} GiB` : "";
    return ceilingCheck({
        id: "broker-storage",
        subject: a.cluster,
        measured: round(perBrokerGiB),
        limit: round(usable),
        unit: "GiB per broker",
        detail: `${round(perBrokerGiB)} GiB of log per broker (${a.topics.map((t) => `${t.topic} ${round(t.bytesPerSecond / MIB)} MiB/s x ${round(t.localRetentionSeconds / 3600)} h x ${t.replicationFactor}`).join(", ")}) against 85% of ${Math.max(a.volumeGiB, a.ceilingGiB ?? 0)} GiB${ceiling}`,
        source: MSK_BEST_PRACTICES,
    });
}

const MSK_EXPRESS_SIZING = "https://docs.aws.amazon.com/msk/latest/developerguide/msk-broker-types-express.html";
const MSK_SERVERLESS_QUOTA = "https://docs.aws.amazon.com/msk/latest/developerguide/limits.html#serverless-quota";

/**
 * Partition replicas per Express broker against MSK's recommendation for the size (the detail gives
 * the hard maximum, which MSK enforces); undefined for a size the table does not list.
 */
export function expressPartitionsPerBroker(a: {
    cluster: string;
    instanceType: string;
    brokers: number;
    partitionReplicas: number;
}): CapacityCheck | undefined {
    const limits = EXPRESS_PARTITIONS_PER_BROKER[a.instanceType];
    if (limits === undefined || a.brokers <= 0) return undefined;
    return ceilingCheck({
        id: "partitions-per-broker",
        subject: a.cluster,
        measured: Math.ceil(a.partitionReplicas / a.brokers),
        limit: limits.recommended,
        unit: "partition replicas per broker",
        detail: `${a.partitionReplicas} partition replicas over ${a.brokers} brokers; MSK recommends at most ${limits.recommended} per ${a.instanceType} broker and refuses more than ${limits.maximum}`,
        source: MSK_EXPRESS_SIZING,
    });
}

/** Peak ingress per Express broker against the sustained ingress MSK sizes the broker for. */
export function expressIngress(a: {
    cluster: string;
    instanceType: string;
    brokers: number;
    peakBytesPerSecond: number;
}): CapacityCheck | undefined {
    const perBroker = EXPRESS_INGRESS_MIB_S[a.instanceType];
    if (perBroker === undefined || a.brokers <= 0) return undefined;
    const measured = a.peakBytesPerSecond / a.brokers / MIB;
    return ceilingCheck({
        id: "express-ingress",
        subject: a.cluster,
        measured: round(measured),
        limit: perBroker,
        unit: "MiB/s per broker",
        detail: `peak ${round(a.peakBytesPerSecond / MIB)} MiB/s written over ${a.brokers} brokers, against the ${perBroker} MiB/s MSK recommends per ${a.instanceType} broker`,
        source: MSK_EXPRESS_SIZING,
    });
}

/** Partitions of an MSK Serverless cluster's non-compacted (or compacted) topics against the cluster quota. */
export function serverlessPartitions(a: { cluster: string; compacted: boolean; partitions: number }): CapacityCheck {
    const limit = a.compacted ? SERVERLESS_MAX_COMPACTED_PARTITIONS : SERVERLESS_MAX_PARTITIONS;
    const kind = a.compacted ? "compacted" : "non-compacted";
    return ceilingCheck({
        id: a.compacted ? "serverless-compacted-partitions" : "serverless-partitions",
        subject: a.cluster,
        measured: a.partitions,
        limit,
        unit: "partitions",
        detail: `${a.partitions} partitions of ${kind} topics; an MSK Serverless cluster holds at most ${limit}`,
        source: MSK_SERVERLESS_QUOTA,
    });
}

/** Peak ingress into an MSK Serverless cluster against its per-cluster quota. */
export function serverlessIngress(a: { cluster: string; peakBytesPerSecond: number }): CapacityCheck {
    const limit = SERVERLESS_THROUGHPUT_MIB_S.clusterIn;
    return ceilingCheck({
        id: "serverless-ingress",
        subject: a.cluster,
        measured: round(a.peakBytesPerSecond / MIB),
        limit,
        unit: "MiB/s",
        detail: `peak ${round(a.peakBytesPerSecond / MIB)} MiB/s written to the cluster, against MSK Serverless's ${limit} MiB/s per cluster`,
        source: MSK_SERVERLESS_QUOTA,
    });
}

/** Peak ingress per partition of a topic on MSK Serverless (spread evenly) against the per-partition quota. */
export function serverlessPartitionIngress(a: { topic: string; partitions: number; peakBytesPerSecond: number }): CapacityCheck {
    const limit = SERVERLESS_THROUGHPUT_MIB_S.partitionIn;
    const measured = a.peakBytesPerSecond / Math.max(1, a.partitions) / MIB;
    return ceilingCheck({
        id: "serverless-partition-ingress",
        subject: a.topic,
        measured: round(measured),
        limit,
        unit: "MiB/s per partition",
        detail: `peak ${round(a.peakBytesPerSecond / MIB)} MiB/s over ${a.partitions} partitions (keys spread evenly), against MSK Serverless's ${limit} MiB/s per partition`,
        source: MSK_SERVERLESS_QUOTA,
    });
}

/**
 * A Flink job's parallelism against the partitions of the Kafka topics it uses: source subtasks
 * beyond the partitions of its widest topic read nothing. (Operators after a shuffle may run wider
 * on purpose: waive the check then.)
 */
export function flinkParallelism(a: {
    job: string;
    parallelism: number;
    topics: Array<{ name: string; partitions: number }>;
}): CapacityCheck | undefined {
    if (a.topics.length === 0) return undefined;
    const widest = Math.max(...a.topics.map((t) => t.partitions));
    return ceilingCheck({
        id: "flink-parallelism",
        subject: a.job,
        measured: a.parallelism,
        limit: widest,
        unit: "subtasks",
        detail: `parallelism ${a.parallelism} for topics ${a.topics.map((t) => `${t.name} (${t.partitions})`).join(", ")}`,
        source: "https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/datastream/kafka/",
    });
}

/** Kafka Streams: stream threads at the most replicas against the tasks the input partitions give. */
export function streamsThreads(a: { app: string; maxReplicas: number; threads: number; inputPartitions: number }): CapacityCheck {
    return ceilingCheck({
        id: "streams-threads",
        subject: a.app,
        measured: a.maxReplicas * a.threads,
        limit: a.inputPartitions,
        unit: "stream threads",
        detail: `${a.maxReplicas} replicas x ${a.threads} threads for ${a.inputPartitions} input partitions (one task per partition; idle threads beyond)`,
        source: "https://kafka.apache.org/documentation/streams/architecture#streams_architecture_threads",
    });
}

/**
 * Firehose: a stream's peak throughput against its default quota (5 MiB/s in us-east-1, us-west-2
 * and eu-west-1, 1 MiB/s elsewhere; raised on request). The detail says how often the buffer
 * flushes at the average rate and how big the objects are.
 */
export function firehoseThroughput(a: {
    stream: string;
    region: string;
    averageBytesPerSecond: number;
    peakBytesPerSecond: number;
    bufferingSizeMiB: number;
    bufferingIntervalSeconds: number;
}): CapacityCheck {
    const quota = ["us-east-1", "us-west-2", "eu-west-1"].includes(a.region) ? 5 : 1;
    const average = a.averageBytesPerSecond / MIB;
    const flush = average > 0 ? Math.min(a.bufferingIntervalSeconds, a.bufferingSizeMiB / average) : a.bufferingIntervalSeconds;
    return ceilingCheck({
        id: "firehose-throughput",
        subject: a.stream,
        measured: round(a.peakBytesPerSecond / MIB),
        limit: quota,
        unit: "MiB/s",
        detail: `peak ${round(a.peakBytesPerSecond / MIB)} MiB/s against the ${quota} MiB/s stream quota in ${a.region}; at the average rate the buffer flushes every ${Math.round(flush)} s, objects of ~${round(average * flush)} MiB before compression`,
        source: FIREHOSE_QUOTAS,
    });
}

function round(n: number): number {
    return Math.round(n * 100) / 100;
}

/** The id of every capacity check, as `spectrum:load.waive` names them. */
export const CAPACITY_CHECK_IDS: readonly string[] = [
    "broker-storage",
    "brokers-per-zone",
    "express-ingress",
    "firehose-throughput",
    "flink-parallelism",
    "partitions-per-broker",
    "replicas-fit-brokers",
    "serverless-ingress",
    "serverless-partition-ingress",
    "streams-threads",
];
