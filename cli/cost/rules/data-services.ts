import { PlannedResource } from "../../../testing";
import { DAYS_PER_MONTH } from "../schedule-runs";
import { Charge, RuleContext, inputAt, numberAt } from "../charge";

/** A Firehose stream reading an MSK topic: the GB it ingests, the topic's share of the assumed ingest. */
export function firehose(stream: PlannedResource, context: RuleContext): Charge[] {
    const topic = inputAt(stream, "mskSourceConfiguration.topicName");
    if (typeof topic !== "string") return [];
    const gb = context.topicIngestGbPerDay(topic) * DAYS_PER_MONTH;
    return [{ item: `MSK source ingestion, topic ${topic}: ${round(gb)} GB`, priceKey: "firehose.msk-source", quantity: gb }];
}

/**
 * A bucket: a bucket whose server access logs are collected (the landing zone's data bucket) holds
 * the assumed lake; other buckets (access logs, scripts) hold little and are not charged.
 */
export function bucket(b: PlannedResource, context: RuleContext): Charge[] {
    const logged = context.graph.ofType("aws:s3/bucketLogging:BucketLogging").some((l) => l.propertyDependencies.bucket?.includes(b.urn));
    if (!logged) return [];
    const { ingestGbPerDay, lakeStoredRatio, lakeRetentionDays } = context.assume;
    const gb = ingestGbPerDay * lakeStoredRatio * lakeRetentionDays;
    return [{ item: `S3 Standard, ${round(gb)} GB (${lakeRetentionDays} days of ingest)`, priceKey: "s3.standard", quantity: gb }];
}

/** A customer-managed KMS key: a flat monthly fee (requests are few with S3 Bucket Keys, not charged). */
export function kmsKey(): Charge[] {
    return [{ item: "customer-managed key", priceKey: "kms.key", quantity: 1 }];
}

/** A log group: the assumed daily ingest, and storage for its retention (a year when it never expires). */
export function logGroup(group: PlannedResource, context: RuleContext): Charge[] {
    const perDay = context.assume.logGbPerDayPerGroup;
    const retention = numberAt(group, "retentionInDays", 0);
    const days = retention > 0 ? retention : 365;
    return [
        { item: `log ingestion, ${round(perDay * DAYS_PER_MONTH)} GB`, priceKey: "logs.ingest", quantity: perDay * DAYS_PER_MONTH },
        { item: `log storage, ${days} days kept`, priceKey: "logs.storage", quantity: perDay * days },
    ];
}

/** A metric alarm: one standard-resolution alarm metric for each metric it reads. */
export function metricAlarm(alarm: PlannedResource): Charge[] {
    const queries = inputAt(alarm, "metricQueries");
    const metrics = Array.isArray(queries) ? queries.filter((q) => q && typeof q === "object" && "metric" in q).length : 1;
    return [
        {
            item: `alarm on ${metrics} metric${metrics === 1 ? "" : "s"}`,
            priceKey: "cloudwatch.alarm-metric",
            quantity: Math.max(1, metrics),
        },
    ];
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
