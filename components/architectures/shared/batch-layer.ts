import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { KafkaConnection, Storage } from "../../core/contracts";
import { LandingZone } from "../../landing-zone";
import { MskFirehoseIngest, MskFirehoseIngestArgs } from "../../ingest";
import { mskFirehoseIngestSettings } from "../../ingest/msk-firehose-ingest-validate";
import { BatchOverrides, IngestOverrides } from "./base-args";
import { EmrServerlessTarget, SparkBatchJob, SparkBatchJobArgs, StorageLocation } from "../../spark";
import { sparkBatchJobSettings } from "../../spark/spark-batch-job-validate";
import { PartChecks, partFields } from "./parts-check";
import { PlannedLakeAndLog } from "./lake-and-log";
import { Validator } from "../../core/errors";
import { ArchitectureDefaults } from "./profile";
import { safeKey } from "./placement";
import { readJobScript } from "../../core/job-script";

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

/** What the batch layer is built from, besides the lake and log it runs on. */
export interface BatchLayerSpec {
    defaults: ArchitectureDefaults;
    /** Topic names to ingest and transform. */
    topics: string[];
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

export interface BatchLayerArgs extends BatchLayerSpec {
    lake: LandingZone;
    connection: KafkaConnection;
    /** Resources the ingest streams must wait for (the topics). */
    topicResources: pulumi.Resource[];
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
/** Per topic: where it lands (raw), where its batch view goes (curated) and, with the bundled job, where its rejected lines go. */
function topicLocations(args: BatchLayerSpec): BatchLayer["locations"] {
    const bundled = !args.batch?.application;
    const locations: BatchLayer["locations"] = {};
    for (const topic of args.topics)
        locations[topic] = {
            raw: { area: RAW_ZONE, path: topic },
            curated: { area: CURATED_ZONE, path: topic },
            ...(bundled ? { rejected: { area: RAW_ZONE, path: `${REJECTED_PATH}/${topic}` } } : {}),
        };
    return locations;
}

/** The MskFirehoseIngest args the batch layer passes: hourly folders, the profile's buffering, the user's overrides. */
function ingestArgs(args: BatchLayerSpec, storage: Storage, connection: KafkaConnection): MskFirehoseIngestArgs {
    const d = args.defaults;
    return {
        // Hourly folders, so each batch run reads exactly one hour.
        partitionBy: "hour",
        bufferingIntervalSeconds: d.ingestBufferSeconds,
        bufferingSizeMiB: d.ingestBufferMiB,
        logRetentionDays: d.logRetentionDays,
        ...args.ingest,
        connection,
        topics: args.topics,
        storage,
        zone: RAW_ZONE,
        tags: args.tags,
    };
}

/** The `--columns` argument of the bundled job: the types the catalog declares, when the architecture has them. */
function columnsArgument(args: BatchLayerSpec): string[] {
    if (args.batch?.application || !args.columns) return [];
    // Compact ({"<input>": {"<column>": "<type>"}}): a step's strings total at most 10240 characters.
    const byLocation = Object.entries(args.columns).map(([topic, columns]) => [
        safeKey(topic),
        Object.fromEntries(columns.map((c) => [c.name, c.type])),
    ]);
    return ["--columns", JSON.stringify(Object.fromEntries(byLocation))];
}

/** The SparkBatchJob args the batch layer passes: the bundled hourly job unless overridden, each topic's raw and curated folders. */
function batchJobArgs(args: BatchLayerSpec, storage: Storage): SparkBatchJobArgs {
    const d = args.defaults;
    const locations = topicLocations(args);
    const columnsArg = columnsArgument(args);
    return {
        schedule: HOURLY_SCHEDULE,
        application: { area: ARTIFACTS_ZONE, path: `jobs/${HOURLY_RAW_TO_CURATED_FILE}` },
        // The same job runs on either runtime; only where it runs differs.
        ...(args.serverless ? {} : { cluster: { scaling: { minCapacity: 2, maxCapacity: d.batchMaxCapacity } } }),
        timeoutMinutes: HOURLY_RUN_TIMEOUT_MINUTES,
        ...args.batch,
        ...(columnsArg.length > 0 ? { args: [...columnsArg, ...(args.batch?.args ?? [])] } : {}),
        storage,
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
    };
}

/**
 * Checks the ingest's and the batch job's args as the batch layer will pass them, against the
 * lake and log as planned, recording their problems at the architecture's fields (`ingest.*`,
 * `batch.*`).
 */
export function checkBatchLayer(checks: PartChecks, name: string, args: BatchLayerSpec, planned: PlannedLakeAndLog): void {
    if (!args.batch?.application) checkBundledJobTiming(checks, name, args);
    checks.run(
        partFields("ingest", args.ingest, {
            topics: "topics",
            storage: "landingZone",
            connection: "kafka",
            zone: "landingZone.zones",
            tags: "tags",
        }),
        () => mskFirehoseIngestSettings(`${name}-ingest`, ingestArgs(args, planned.storage, planned.connection)),
    );
    checks.run(
        partFields("batch", args.batch, {
            storage: "landingZone",
            network: "network",
            serverless: "spark.serverless",
            inputs: "topics",
            outputs: "topics",
            tags: "tags",
            args: "views",
        }),
        () => sparkBatchJobSettings(`${name}-batch`, batchJobArgs(args, planned.storage)),
    );
}

export function createBatchLayer(name: string, args: BatchLayerArgs, parent: pulumi.Resource): BatchLayer {
    const ingest = new MskFirehoseIngest(`${name}-ingest`, ingestArgs(args, args.lake, args.connection), {
        parent,
        dependsOn: args.topicResources,
    });

    const locations = topicLocations(args);

    let script: aws.s3.BucketObjectv2 | undefined;
    if (!args.batch?.application) {
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
    const job = new SparkBatchJob(`${name}-batch`, batchJobArgs(args, args.lake), { parent, dependsOn: script ? [script] : [] });
    return { ingest, job, script, locations };
}

/**
 * The bundled job rewrites the hour before the one it runs in, from the raw zone's hourly folders:
 * it needs hourly folders, an hourly schedule, and a run minute after Firehose has flushed the hour
 * (its buffering interval). Anything else would leave hours never curated without an error.
 */
function checkBundledJobTiming(checks: PartChecks, name: string, args: BatchLayerSpec): void {
    const partitionBy = args.ingest?.partitionBy;
    if (partitionBy !== undefined && partitionBy !== "hour")
        checks.run(partFields("ingest", args.ingest), () => {
            const v = new Validator("MskFirehoseIngest", `${name}-ingest`);
            v.fail(
                "partitionBy",
                partitionBy,
                "leaves no hourly folders, and the bundled batch job reads one hour of raw data per run",
                'Keep "hour", or give batch.application a job of your own that reads these folders',
            );
            v.throwIfInvalid();
        });
    const schedule = args.batch?.schedule;
    if (schedule === undefined) return;
    const buffer = args.ingest?.bufferingIntervalSeconds ?? args.defaults.ingestBufferSeconds;
    const minute = /^cron\((\d{1,2}) \* \* \* \? \*\)$/.exec(schedule);
    checks.run(partFields("batch", args.batch), () => {
        const v = new Validator("SparkBatchJob", `${name}-batch`);
        if (minute === null)
            v.fail(
                "schedule",
                schedule,
                "is not an hourly cron, and the bundled batch job rewrites only the hour before each run: the other hours would never be curated",
                `Use "cron(<minute> * * * ? *)", e.g. "${HOURLY_SCHEDULE}", or give batch.application a job of your own`,
            );
        else
            v.check(
                Number(minute[1]) <= 59 && Number(minute[1]) * 60 >= buffer,
                "schedule",
                schedule,
                `runs before Firehose has flushed the last hour (it buffers up to ${buffer} seconds), so that hour's last records would be missed`,
                `Run at minute ${Math.ceil(buffer / 60)} or later, e.g. "${HOURLY_SCHEDULE}"`,
            );
        v.throwIfInvalid();
    });
}
