import { Validator } from "../core/errors";
import { MskFirehoseIngestSettings } from "./msk-firehose-ingest-args";

export const COMPONENT = "MskFirehoseIngest";

// Kafka's own rule for topic names (legal characters, at most 249 of them, not "." or "..").
const KAFKA_TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
// `arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>`, provisioned or serverless.
const MSK_CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+$/;
const ERROR_PATH = /^[A-Za-z0-9_.-]+$/;
// Plain jq paths only: the field is spliced into the query Firehose runs.
const JQ_PATH = /^(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
// Retention values CloudWatch Logs accepts.
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
// Firehose buffering hints for S3 destinations, and the floor dynamic partitioning imposes.
const INTERVAL = { min: 0, max: 900 };
const SIZE = { min: 1, max: 128, partitioned: 64 };
// Pulumi appends "-" and 7 random characters to a logical name; IAM role names stop at 64
// characters, and the role is the longest child name: `<name>-<topic>-role`.
const MAX_PHYSICAL = 64;
const AUTONAME_SUFFIX = 8;
const ROLE_SUFFIX = "-role";

const KAFKA_CONNECT =
    "For other Kafka clusters (self-managed, Confluent, or MSK with SCRAM/mTLS) use Kafka Connect with an S3 sink connector (on MSK Connect or your own workers) instead";

function wholeIn(n: number, min: number, max: number): boolean {
    return Number.isInteger(n) && n >= min && n <= max;
}

/** Checks, on plain values, everything Firehose, MSK or IAM would otherwise reject mid-deployment. */
export function validateIngest(name: string, s: MskFirehoseIngestSettings): void {
    const v = new Validator(COMPONENT, name);
    const c = s.connection;

    v.check(
        c?.authMode === "iam",
        "connection.authMode",
        c?.authMode,
        "Amazon Data Firehose reads MSK only with IAM access control, over multi-VPC private connectivity",
        `Enable IAM auth on the MSK cluster and pass its IAM connection. ${KAFKA_CONNECT}`,
    );
    if (c?.clusterArn === undefined) {
        v.fail(
            "connection.clusterArn",
            undefined,
            "not an Amazon MSK cluster: Firehose's MSK source needs the cluster ARN",
            `Pass the connection of an MSK cluster (KafkaCluster produces one). ${KAFKA_CONNECT}`,
        );
    } else if (typeof c.clusterArn === "string") {
        v.check(
            MSK_CLUSTER_ARN.test(c.clusterArn),
            "connection.clusterArn",
            c.clusterArn,
            "not an MSK cluster ARN",
            "Use the ARN MSK gives the cluster, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>",
        );
    }

    v.check(s.topics.length > 0, "topics", s.topics, "no topics to deliver", "List at least one topic");
    const seen = new Set<string>();
    for (const topic of s.topics) {
        const legal = typeof topic === "string" && KAFKA_TOPIC.test(topic) && topic !== "." && topic !== "..";
        v.check(legal, "topics", topic, "not a Kafka topic name", "Use 1-249 letters, digits, '.', '_' or '-', and not \".\" or \"..\"");
        v.check(!seen.has(topic), "topics", topic, "listed twice; each topic gets one stream", "List each topic once");
        seen.add(topic);
        v.check(
            topic !== s.errorPath,
            "topics",
            topic,
            `the topic would land in the zone's error folder "${s.errorPath}"`,
            "Pick another errorPath",
        );
        const longest = `${name}-${topic}${ROLE_SUFFIX}`;
        if (legal) {
            v.check(
                longest.length + AUTONAME_SUFFIX <= MAX_PHYSICAL,
                "topics",
                topic,
                `the stream's IAM role would be named "${longest}-xxxxxxx", over IAM's ${MAX_PHYSICAL}-character limit`,
                `Shorten the component name or the topic so that "<name>-<topic>" has at most ${MAX_PHYSICAL - AUTONAME_SUFFIX - ROLE_SUFFIX.length} characters`,
            );
        }
    }

    const storage = s.storage;
    const zones = storage ? storage.areas.filter((a) => a !== storage.checkpointArea && a !== storage.logArea) : [];
    v.check(
        zones.includes(s.zone),
        "zone",
        s.zone,
        "not a data zone of the storage",
        `Use one of ${zones.join(", ") || "the storage's zones"}`,
    );
    v.check(
        ERROR_PATH.test(s.errorPath),
        "errorPath",
        s.errorPath,
        "must be a single folder name",
        "Use letters, digits, '.', '_' or '-', e.g. \"_errors\"",
    );
    v.check(
        s.partitionBy === "day" || s.partitionBy === "hour",
        "partitionBy",
        s.partitionBy,
        "unknown granularity",
        'Use "day" or "hour"',
    );

    const interval = s.bufferingIntervalSeconds;
    const size = s.bufferingSizeMiB;
    v.check(
        wholeIn(interval, INTERVAL.min, INTERVAL.max),
        "bufferingIntervalSeconds",
        interval,
        `Firehose accepts ${INTERVAL.min}-${INTERVAL.max} seconds`,
        "Use a whole number of seconds in that range",
    );
    v.check(
        wholeIn(size, SIZE.min, SIZE.max),
        "bufferingSizeMiB",
        size,
        `Firehose accepts ${SIZE.min}-${SIZE.max} MiB for S3`,
        "Use a whole number of MiB in that range",
    );

    if (s.eventTime !== undefined) {
        const e = s.eventTime;
        v.check(
            typeof e.field === "string" && JQ_PATH.test(e.field),
            "eventTime.field",
            e.field,
            "not a plain jq field path",
            'Use a path such as ".event_time" or ".meta.ts"',
        );
        v.check(
            ["epoch-seconds", "epoch-millis", "iso-8601"].includes(e.format),
            "eventTime.format",
            e.format,
            "unknown time format",
            'Use "epoch-seconds", "epoch-millis" or "iso-8601"',
        );
        if (wholeIn(size, SIZE.min, SIZE.max)) {
            v.check(
                size >= SIZE.partitioned,
                "bufferingSizeMiB",
                size,
                `Firehose needs at least ${SIZE.partitioned} MiB with dynamic partitioning (eventTime)`,
                `Use ${SIZE.partitioned}-${SIZE.max}`,
            );
        }
        v.check(
            interval !== 0,
            "bufferingIntervalSeconds",
            interval,
            "zero buffering is not available with dynamic partitioning (eventTime)",
            "Use a positive interval, e.g. 60",
        );
    }

    const start = s.startPosition;
    const knownStart =
        start === "earliest" ||
        start === "stream-creation" ||
        (typeof start === "string" && ISO_INSTANT.test(start) && !Number.isNaN(Date.parse(start)));
    v.check(
        knownStart,
        "startPosition",
        start,
        "not a start position",
        'Use "earliest", "stream-creation" or a UTC instant like "2026-01-01T00:00:00Z"',
    );
    v.check(
        LOG_RETENTION_DAYS.includes(s.logRetentionDays),
        "logRetentionDays",
        s.logRetentionDays,
        "not a retention CloudWatch Logs accepts",
        `Use one of ${LOG_RETENTION_DAYS.join(", ")}`,
    );

    v.throwIfInvalid();
}
