import * as aws from "@pulumi/aws";
import { EventTimePartitioning, PartitionGranularity } from "./msk-firehose-ingest-args";

type Processing = aws.types.input.kinesis.FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfiguration;

/** Partition keys the jq query produces, named in the S3 prefix as `!{partitionKeyFromQuery:<key>}`. */
const DATE_KEY = "event_date";
const HOUR_KEY = "event_hour";

/**
 * The S3 prefix for a topic's records: `<base>dt=YYYY-MM-DD/` (and `hr=HH/`). Without event time
 * the values come from Firehose's `timestamp` namespace, which is the approximate arrival time of
 * the oldest record in each object, in UTC; with it, from the record's own field.
 */
export function dataPrefix(base: string, granularity: PartitionGranularity, eventTime: EventTimePartitioning | undefined): string {
    const date = eventTime ? `!{partitionKeyFromQuery:${DATE_KEY}}` : "!{timestamp:yyyy-MM-dd}";
    const hour = eventTime ? `!{partitionKeyFromQuery:${HOUR_KEY}}` : "!{timestamp:HH}";
    return `${base}dt=${date}/${granularity === "hour" ? `hr=${hour}/` : ""}`;
}

/**
 * The S3 prefix for records that failed (processing, partitioning or delivery), split by the
 * error type Firehose names, then by the day the failure was written. Error prefixes may not use
 * partition keys, so this is always arrival time.
 */
export function errorPrefix(base: string): string {
    return `${base}!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/`;
}

/** A jq expression turning the event-time field into a formatted UTC string. */
function formatted(eventTime: EventTimePartitioning, unit: "date" | "hour"): string {
    const field = eventTime.field;
    if (eventTime.format === "iso-8601") return unit === "date" ? `(${field}[0:10])` : `(${field}[11:13])`;
    const seconds = eventTime.format === "epoch-millis" ? `((${field} / 1000) | floor)` : `(${field} | floor)`;
    return `(${seconds} | strftime("${unit === "date" ? "%Y-%m-%d" : "%H"}"))`;
}

/** The jq query Firehose's inline parser runs on every record to find its partition keys. */
export function metadataQuery(eventTime: EventTimePartitioning, granularity: PartitionGranularity): string {
    const keys = [`${DATE_KEY}:${formatted(eventTime, "date")}`];
    if (granularity === "hour") keys.push(`${HOUR_KEY}:${formatted(eventTime, "hour")}`);
    return `{${keys.join(",")}}`;
}

/**
 * Processing for event-time partitioning: extract the keys inline (no Lambda to run or pay for),
 * and end every record with a newline so the objects are JSON Lines.
 */
export function eventTimeProcessing(eventTime: EventTimePartitioning, granularity: PartitionGranularity): Processing {
    return {
        enabled: true,
        processors: [
            {
                type: "MetadataExtraction",
                parameters: [
                    { parameterName: "JsonParsingEngine", parameterValue: "JQ-1.6" },
                    { parameterName: "MetadataExtractionQuery", parameterValue: metadataQuery(eventTime, granularity) },
                ],
            },
            { type: "AppendDelimiterToRecord" },
        ],
    };
}

/** `readFromTimestamp` for a start position: Firehose reads from the earliest offset when given the epoch. */
export function readFromTimestamp(startPosition: string): string | undefined {
    if (startPosition === "earliest") return "1970-01-01T00:00:00Z";
    if (startPosition === "stream-creation") return undefined;
    return startPosition;
}
