import { KafkaConnection, Storage } from "../core/contracts";

/** How an event-time field is written in each JSON record. */
export type EventTimeFormat = "epoch-seconds" | "epoch-millis" | "iso-8601";

/**
 * Partition by a time field inside each record instead of by arrival time. Firehose's dynamic
 * partitioning parses every record as JSON (jq 1.6) to find the field; records that are not JSON,
 * or lack the field, go to the error prefix. Dynamic partitioning can only be turned on when a
 * stream is created, so adding or removing this replaces the streams.
 */
export interface EventTimePartitioning {
    /** jq path of the field, e.g. `.event_time` or `.meta.ts` (plain `.name` segments only). Required. */
    field: string;
    /**
     * How the field encodes time: `epoch-seconds` or `epoch-millis` (numbers, read as UTC), or
     * `iso-8601` (a string whose first 10 characters are the date, e.g. `2026-01-31T23:59:00Z`,
     * taken as written, so write it in UTC). Required.
     */
    format: EventTimeFormat;
}

/** The granularity of the date folders. */
export type PartitionGranularity = "day" | "hour";

/** Arguments of {@link MskFirehoseIngest}: the cluster and topics to read, the landing zone to write, buffering and partitioning. */
export interface MskFirehoseIngestArgs {
    /**
     * The Kafka cluster to read. Must be Amazon MSK (`clusterArn` set) with `authMode: "iam"`:
     * Firehose reads MSK only through IAM, over multi-VPC private connectivity. For any other
     * cluster use Kafka Connect with an S3 sink. Required.
     */
    connection: KafkaConnection;
    /** Topics to deliver, one Firehose stream (and one IAM role) each. Required, at least one. */
    topics: string[];
    /** The landing zone to write into. Required. */
    storage: Storage;
    /** The zone of `storage` that receives the records, under `<zone>/<topic>/`. Default: `"raw"`. */
    zone?: string;
    /**
     * Folder under the zone for records Firehose could not deliver or partition, as
     * `<zone>/<errorPath>/<topic>/<error-type>/dt=.../`. The leading underscore keeps Spark and
     * Hive from reading it as data. Default: `"_errors"`.
     */
    errorPath?: string;
    /** Folder granularity: `dt=YYYY-MM-DD/` or `dt=YYYY-MM-DD/hr=HH/`. Default: `"day"`. */
    partitionBy?: PartitionGranularity;
    /**
     * Partition by a time field inside each JSON record instead of by arrival time. Default: off
     * (folders follow the time Firehose received the records; see the README).
     */
    eventTime?: EventTimePartitioning;
    /**
     * Upper bound, in seconds, on how long a record waits in Firehose's buffer before delivery
     * (0-900; 0 delivers within seconds, but is not allowed with `eventTime`). With `eventTime`
     * Firehose may take up to 1.5 times this. Default: 300.
     */
    bufferingIntervalSeconds?: number;
    /**
     * Deliver as soon as this many MiB (before compression) are buffered (1-128; at least 64 with
     * `eventTime`). Larger files are cheaper to store and query. Default: 64.
     */
    bufferingSizeMiB?: number;
    /**
     * Where each new stream starts reading: `"earliest"` (everything the topic still retains),
     * `"stream-creation"` (only records produced after the stream is active), or an ISO-8601 UTC
     * instant such as `"2026-01-01T00:00:00Z"`. Only read when a stream is created. Default:
     * `"earliest"`, so nothing produced before the stream existed is missed.
     */
    startPosition?: "earliest" | "stream-creation" | string;
    /**
     * Create the MSK cluster policy that lets Firehose open its private connection to the cluster.
     * A cluster has exactly one policy: set `false` when the platform manages it (and add
     * {@link firehoseClusterPolicyStatement} to that policy). Default: true.
     */
    manageClusterPolicy?: boolean;
    /** Days to keep Firehose's delivery error logs (a CloudWatch Logs retention value). Default: 30. */
    logRetentionDays?: number;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

/** Every argument resolved to its value; the component reads only this. */
export interface MskFirehoseIngestSettings {
    connection: KafkaConnection;
    topics: string[];
    storage: Storage;
    zone: string;
    errorPath: string;
    partitionBy: PartitionGranularity;
    eventTime?: EventTimePartitioning;
    bufferingIntervalSeconds: number;
    bufferingSizeMiB: number;
    startPosition: string;
    manageClusterPolicy: boolean;
    logRetentionDays: number;
    tags: Record<string, string>;
}

export function resolveSettings(args: MskFirehoseIngestArgs): MskFirehoseIngestSettings {
    return {
        connection: args.connection,
        topics: args.topics ?? [],
        storage: args.storage,
        zone: args.zone ?? "raw",
        errorPath: args.errorPath ?? "_errors",
        partitionBy: args.partitionBy ?? "day",
        eventTime: args.eventTime,
        bufferingIntervalSeconds: args.bufferingIntervalSeconds ?? 300,
        bufferingSizeMiB: args.bufferingSizeMiB ?? 64,
        startPosition: args.startPosition ?? "earliest",
        manageClusterPolicy: args.manageClusterPolicy ?? true,
        logRetentionDays: args.logRetentionDays ?? 30,
        tags: args.tags ?? {},
    };
}
