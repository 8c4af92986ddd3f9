import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection, Storage } from "../core/contracts";
import { v, strict, explain, awsTagMap } from "../core/schema";

/** How an event-time field is written in each JSON record. */
export type EventTimeFormat = "epoch-seconds" | "epoch-millis" | "iso-8601";
export const EVENT_TIME_FORMATS: readonly EventTimeFormat[] = ["epoch-seconds", "epoch-millis", "iso-8601"];

/** The granularity of the date folders. */
export type PartitionGranularity = "day" | "hour";
export const PARTITION_GRANULARITIES: readonly PartitionGranularity[] = ["day", "hour"];

// Kafka's own rule for topic names (legal characters, at most 249 of them, not "." or "..").
const KAFKA_TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const ERROR_PATH = /^[A-Za-z0-9_.-]+$/;
// Plain jq paths only: the field is spliced into the query Firehose runs.
const JQ_PATH = /^(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** Retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
// Firehose buffering hints for S3 destinations (the API model's IntervalInSeconds and SizeInMBs).
export const INTERVAL = { min: 0, max: 900 };
export const SIZE = { min: 1, max: 128, partitioned: 64 };

/** A whole number in `[min, max]`; anything else is refused with `problem` and `fix`. */
function wholeNumber(min: number, max: number, problem: string, fix: string) {
    const message = explain(problem, fix);
    return v.pipe(v.number(), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

/** Whether a start position is one Firehose can start a new stream from. */
export function isStartPosition(start: string): boolean {
    return start === "earliest" || start === "stream-creation" || (ISO_INSTANT.test(start) && !Number.isNaN(Date.parse(start)));
}

/** A contract object, kept as given (it is read through its methods and getters, so it is not copied). */
function contract<T>(check: (value: object) => boolean, problem: string, fix: string) {
    return v.custom<T>(
        (value) => value !== null && typeof value === "object" && !Array.isArray(value) && !pulumi.Output.isInstance(value) && check(value),
        explain(problem, fix),
    );
}

/**
 * Partition by a time field inside each record instead of by arrival time. Firehose's dynamic
 * partitioning parses every record as JSON (jq 1.6) to find the field; records that are not JSON,
 * or lack the field, go to the error prefix. Dynamic partitioning can only be turned on when a
 * stream is created, so adding or removing this replaces the streams.
 */
export const eventTimePartitioningShape = {
    /** jq path of the field, e.g. `.event_time` or `.meta.ts` (plain `.name` segments only). Default: none (required). */
    field: v.pipe(v.string(), v.regex(JQ_PATH, explain("not a plain jq field path", 'Use a path such as ".event_time" or ".meta.ts"'))),
    /**
     * How the field encodes time: `epoch-seconds` or `epoch-millis` (numbers, read as UTC), or
     * `iso-8601` (a string whose first 10 characters are the date, e.g. `2026-01-31T23:59:00Z`,
     * taken as written, so write it in UTC). Default: none (required).
     */
    format: v.picklist(EVENT_TIME_FORMATS),
};
/** The schema of event-time partitioning, built from {@link eventTimePartitioningShape}. */
export const eventTimePartitioning: v.StrictObjectSchema<typeof eventTimePartitioningShape, undefined> = strict(eventTimePartitioningShape);
/** Partition by a time field inside each JSON record instead of by arrival time. */
export type EventTimePartitioning = v.InferInput<typeof eventTimePartitioning>;

/** The declaration of {@link MskFirehoseIngest}'s args: the cluster and topics to read, the landing zone to write, buffering and partitioning. */
export const mskFirehoseIngestShape = {
    /**
     * The Kafka cluster to read. Must be Amazon MSK (`clusterArn` set) with `authMode: "iam"`:
     * Firehose reads MSK only through IAM, over multi-VPC private connectivity. For any other
     * cluster use Kafka Connect with an S3 sink. Default: none (required).
     */
    connection: contract<KafkaConnection>(
        () => true,
        "is not a KafkaConnection",
        "Pass KafkaCluster's connection, or { bootstrapServers, authMode, clusterArn } of an MSK cluster",
    ),
    /** Topics to deliver, one Firehose stream (and one IAM role) each, at least one. Default: none (required). */
    topics: v.pipe(
        v.array(
            v.pipe(
                v.string(),
                v.check(
                    (topic: string) => KAFKA_TOPIC.test(topic) && topic !== "." && topic !== "..",
                    explain("not a Kafka topic name", "Use 1-249 letters, digits, '.', '_' or '-', and not \".\" or \"..\""),
                ),
            ),
        ),
        v.minLength(1, explain("no topics to deliver", "List at least one topic")),
    ),
    /** The landing zone to write into (a `LandingZone`, or your own `Storage`). Default: none (required). */
    storage: contract<Storage>(
        (s) => "areas" in s && typeof (s as Storage).keyPrefix === "function" && typeof (s as Storage).grant === "function",
        "is not a Storage",
        "Pass a LandingZone, or an object implementing Storage",
    ),
    /** The zone of `storage` that receives the records, under `<zone>/<topic>/`. Default: `"raw"`. */
    zone: v.optional(v.string(), "raw"),
    /**
     * Folder under the zone for records Firehose could not deliver or partition, as
     * `<zone>/<errorPath>/<topic>/<error-type>/dt=.../`. The leading underscore keeps Spark and
     * Hive from reading it as data. Default: `"_errors"`.
     */
    errorPath: v.optional(
        v.pipe(
            v.string(),
            v.regex(ERROR_PATH, explain("must be a single folder name", "Use letters, digits, '.', '_' or '-', e.g. \"_errors\"")),
        ),
        "_errors",
    ),
    /** Folder granularity: `day` (`dt=YYYY-MM-DD/`) or `hour` (`dt=YYYY-MM-DD/hr=HH/`). Default: `"day"`. */
    partitionBy: v.optional(v.picklist(PARTITION_GRANULARITIES), "day"),
    /**
     * Partition by a time field inside each JSON record instead of by arrival time. Default: off
     * (folders follow the time Firehose received the records; see the README).
     */
    eventTime: v.optional(eventTimePartitioning),
    /**
     * Upper bound, in seconds, on how long a record waits in Firehose's buffer before delivery
     * (0-900; 0 delivers within seconds, but is not allowed with `eventTime`). With `eventTime`
     * Firehose may take up to 1.5 times this. Default: 300.
     */
    bufferingIntervalSeconds: v.optional(
        wholeNumber(
            INTERVAL.min,
            INTERVAL.max,
            `Firehose accepts ${INTERVAL.min}-${INTERVAL.max} seconds`,
            "Use a whole number of seconds in that range",
        ),
        300,
    ),
    /**
     * Deliver as soon as this many MiB (before compression) are buffered (1-128; at least 64 with
     * `eventTime`). Larger files are cheaper to store and query. Default: 64.
     */
    bufferingSizeMiB: v.optional(
        wholeNumber(SIZE.min, SIZE.max, `Firehose accepts ${SIZE.min}-${SIZE.max} MiB for S3`, "Use a whole number of MiB in that range"),
        64,
    ),
    /**
     * Where each new stream starts reading: `"earliest"` (everything the topic still retains),
     * `"stream-creation"` (only records produced after the stream is active), or an ISO-8601 UTC
     * instant such as `"2026-01-01T00:00:00Z"`. Only read when a stream is created. Default:
     * `"earliest"`, so nothing produced before the stream existed is missed.
     */
    startPosition: v.optional(
        v.pipe(
            v.string(),
            v.check(
                isStartPosition,
                explain("not a start position", 'Use "earliest", "stream-creation" or a UTC instant like "2026-01-01T00:00:00Z"'),
            ),
        ),
        "earliest",
    ),
    /**
     * Create the MSK cluster policy that lets Firehose open its private connection to the cluster.
     * A cluster has exactly one policy: set `false` when the platform manages it (and add
     * `firehoseClusterPolicyStatement` to that policy). Default: true.
     */
    manageClusterPolicy: v.optional(v.boolean(), true),
    /** Days to keep Firehose's delivery error logs (a CloudWatch Logs retention value). Default: 30. */
    logRetentionDays: v.optional(
        v.pipe(
            v.number(),
            v.check(
                (days: number) => LOG_RETENTION_DAYS.includes(days),
                explain("not a retention CloudWatch Logs accepts", `Use one of ${LOG_RETENTION_DAYS.join(", ")}`),
            ),
        ),
        30,
    ),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link MskFirehoseIngest}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const mskFirehoseIngestArgs: v.StrictObjectSchema<typeof mskFirehoseIngestShape, undefined> = strict(mskFirehoseIngestShape);
/** Arguments of {@link MskFirehoseIngest}: the cluster and topics to read, the landing zone to write, buffering and partitioning. */
export type MskFirehoseIngestArgs = v.InferInput<typeof mskFirehoseIngestArgs>;

/** Every argument resolved to its value; the component reads only this. */
export type MskFirehoseIngestSettings = v.InferOutput<typeof mskFirehoseIngestArgs>;
