import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { KafkaConnection } from "../../core/contracts";
import { LandingZone } from "../../landing-zone";
import { MskFirehoseIngest, MskFirehoseIngestArgs } from "../../ingest";
import { EmrServerlessTarget, SparkBatchJob, SparkBatchJobArgs, StorageLocation } from "../../spark";
import { Validator } from "../../core/errors";
import { ArchitectureDefaults } from "./profile";
import { safeKey } from "./placement";
import { readJobScript } from "../../core/job-script";

/** Ingest settings an architecture lets its user override. */
export type IngestOverrides = Omit<MskFirehoseIngestArgs, "connection" | "topics" | "storage" | "zone" | "tags">;

/**
 * Batch-job settings an architecture lets its user override; by default it runs the bundled hourly
 * script. `cluster` and `idleTimeoutMinutes` apply to the `emr-ec2` runtime only.
 */
export type BatchOverrides = Partial<Omit<SparkBatchJobArgs, "storage" | "network" | "serverless" | "inputs" | "outputs" | "tags">>;

/** The zone raw data lands in, the zone batch views go to, and the zone job code lives in. */
export const RAW_ZONE = "raw";
export const CURATED_ZONE = "curated";
export const ARTIFACTS_ZONE = "artifacts";
/**
 * The PySpark application the hybrid and Lambda batch layers run by default (`jobs/` beside this
 * file). It is generic: every `spark.spectrum.input.<name>` (a topic's raw folder) becomes
 * `spark.spectrum.output.<name>`.
 */
export const HOURLY_RAW_TO_CURATED_FILE = "hourly_raw_to_curated.py";
/**
 * Folder of the raw zone where the bundled job keeps the lines it rejects, as
 * `<raw>/_rejected/<topic>/dt=YYYY-MM-DD/hr=HH/`: beside Firehose's own `_errors/`, kept by the raw
 * zone's lifecycle, outside every table's location (the leading underscore keeps Spark and Hive
 * from reading it as data).
 */
export const REJECTED_PATH = "_rejected";
/** The Spark location name of an input's rejected lines: `spark.spectrum.output.<input>-rejected`. */
export function rejectedOutputName(input: string): string {
    return `${input}-rejected`;
}
/** Fifteen minutes past each hour: Firehose has flushed the previous hour (buffers are at most 15 minutes). */
export const HOURLY_SCHEDULE = "cron(15 * * * ? *)";
/** An hourly run is cancelled (and its cluster terminated) before the next one starts, so two never overlap. */
const HOURLY_RUN_TIMEOUT_MINUTES = 50;

/** The topic names a batch layer ingests: each declared topic's own name, or its key. */
export function batchTopicNames(topics: Record<string, { name?: string }>): string[] {
    return Object.entries(topics).map(([key, spec]) => spec.name ?? key);
}

/**
 * Checks the topics a batch layer ingests: at least one, and no two that become the same Spark
 * location name (`a.b` and `a_b` both become `a_b`). With the bundled job (`bundledJob`), also that
 * no topic lands in, or is named like, another topic's rejected lines.
 */
export function checkBatchTopics(v: Validator, topics: Record<string, { name?: string }>, bundledJob: boolean): void {
    const names = batchTopicNames(topics);
    if (bundledJob) {
        const rejectedOf = new Map(names.map((topic) => [rejectedOutputName(safeKey(topic)), topic]));
        for (const topic of names) {
            v.check(
                topic !== REJECTED_PATH,
                "topics",
                topic,
                `the topic would land in the raw zone's folder of rejected lines "${REJECTED_PATH}"`,
                "Rename the topic",
            );
            const other = rejectedOf.get(safeKey(topic));
            v.check(
                other === undefined,
                "topics",
                topic,
                `its Spark location name "${safeKey(topic)}" is the one of topic "${other}"'s rejected lines`,
                "Rename the topic",
            );
        }
    }
    v.check(names.length > 0, "topics", topics, "no topics to ingest", "Declare at least one topic, e.g. topics: { events: {} }");
    const keys = new Map<string, string>();
    for (const topic of names) {
        const other = keys.get(safeKey(topic));
        v.check(
            other === undefined,
            "topics",
            topic,
            `topic "${other}" maps to the same Spark location name "${safeKey(topic)}"`,
            "Rename one of the topics",
        );
        keys.set(safeKey(topic), topic);
    }
}

export interface BatchLayerArgs {
    defaults: ArchitectureDefaults;
    lake: LandingZone;
    connection: KafkaConnection;
    /** Topic names to ingest and transform. */
    topics: string[];
    /** Resources the ingest streams must wait for (the topics). */
    topicResources: pulumi.Resource[];
    vpcId: pulumi.Input<string>;
    subnetIds: pulumi.Input<string>[];
    /** The EMR Serverless application the batch job runs on, when the runtime is `emr-serverless`. */
    serverless?: EmrServerlessTarget;
    ingest?: IngestOverrides;
    batch?: BatchOverrides;
    /**
     * Per topic, the columns the bundled job writes, cast to their (Hive) types: what the catalog
     * declares over the curated folder. Default: every field, with the types Spark infers.
     */
    columns?: Record<string, ReadonlyArray<{ name: string; type: string }>>;
    tags: Record<string, string>;
}

export interface BatchLayer {
    ingest: MskFirehoseIngest;
    job: SparkBatchJob;
    /** The uploaded default application, when the user brought none. */
    script?: aws.s3.BucketObjectv2;
    /**
     * Per topic: where it lands (raw), where its batch view goes (curated) and, with the bundled
     * job, where the lines it rejects go (rejected).
     */
    locations: Record<string, { raw: StorageLocation; curated: StorageLocation; rejected?: StorageLocation }>;
}

/**
 * Streaming ingest into the raw zone plus a scheduled Spark job from raw to curated: the batch
 * half the hybrid and Lambda architectures share.
 */
export function createBatchLayer(name: string, args: BatchLayerArgs, parent: pulumi.Resource): BatchLayer {
    const d = args.defaults;
    const ingest = new MskFirehoseIngest(
        `${name}-ingest`,
        {
            // Hourly folders, so each batch run reads exactly one hour.
            partitionBy: "hour",
            bufferingIntervalSeconds: d.ingestBufferSeconds,
            bufferingSizeMiB: d.ingestBufferMiB,
            logRetentionDays: d.logRetentionDays,
            ...args.ingest,
            connection: args.connection,
            topics: args.topics,
            storage: args.lake,
            zone: RAW_ZONE,
            tags: args.tags,
        },
        { parent, dependsOn: args.topicResources },
    );

    const bundled = !args.batch?.application;
    const locations: BatchLayer["locations"] = {};
    for (const topic of args.topics)
        locations[topic] = {
            raw: { area: RAW_ZONE, path: topic },
            curated: { area: CURATED_ZONE, path: topic },
            ...(bundled ? { rejected: { area: RAW_ZONE, path: `${REJECTED_PATH}/${topic}` } } : {}),
        };

    let script: aws.s3.BucketObjectv2 | undefined;
    let columnsArg: string[] = [];
    if (bundled) {
        if (args.columns) {
            // Compact ({"<input>": {"<column>": "<type>"}}): a step's strings total at most 10240 characters.
            const byLocation = Object.entries(args.columns).map(([topic, columns]) => [
                safeKey(topic),
                Object.fromEntries(columns.map((c) => [c.name, c.type])),
            ]);
            columnsArg = ["--columns", JSON.stringify(Object.fromEntries(byLocation))];
        }
        script = new aws.s3.BucketObjectv2(
            `${name}-batch-script`,
            {
                bucket: args.lake.bucketName,
                key: `${args.lake.keyPrefix(ARTIFACTS_ZONE, "jobs")}${HOURLY_RAW_TO_CURATED_FILE}`,
                content: readJobScript(__dirname, HOURLY_RAW_TO_CURATED_FILE),
                contentType: "text/x-python",
                // The bucket policy accepts uploads under the landing zone's key only.
                serverSideEncryption: "aws:kms",
                kmsKeyId: args.lake.kmsKeyArn,
                tags: args.tags,
            },
            { parent },
        );
    }
    const job = new SparkBatchJob(
        `${name}-batch`,
        {
            schedule: HOURLY_SCHEDULE,
            application: { area: ARTIFACTS_ZONE, path: `jobs/${HOURLY_RAW_TO_CURATED_FILE}` },
            // The same job runs on either runtime; only where it runs differs.
            ...(args.serverless ? {} : { cluster: { scaling: { minCapacity: 2, maxCapacity: d.batchMaxCapacity } } }),
            timeoutMinutes: HOURLY_RUN_TIMEOUT_MINUTES,
            ...args.batch,
            ...(columnsArg.length > 0 ? { args: [...columnsArg, ...(args.batch?.args ?? [])] } : {}),
            storage: args.lake,
            ...(args.serverless ? { serverless: args.serverless } : { network: { vpcId: args.vpcId, subnetIds: args.subnetIds } }),
            inputs: Object.fromEntries(args.topics.map((t) => [safeKey(t), locations[t].raw])),
            // The bundled job writes each topic's curated hour, and its rejected lines (write access to exactly that folder).
            outputs: Object.fromEntries(
                args.topics.flatMap((t) => {
                    const { curated, rejected } = locations[t];
                    return [[safeKey(t), curated], ...(rejected ? [[rejectedOutputName(safeKey(t)), rejected]] : [])];
                }),
            ),
            tags: args.tags,
        },
        { parent, dependsOn: script ? [script] : [] },
    );
    return { ingest, job, script, locations };
}
