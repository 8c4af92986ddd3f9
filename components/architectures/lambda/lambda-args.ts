import * as pulumi from "@pulumi/pulumi";
import { v, strict, map, input, explain } from "../../core/schema";
import { kubernetesTarget } from "../../core/schema/contracts";
import { WorkloadIdentityMode } from "../../core/workload-identity";
import { flinkOperatorRef } from "../../flink/operator-ref";
import { flinkProcessResources } from "../../flink/job-args";
import { clusterShape } from "../../spark/cluster-shape-args";
import { storageFile } from "../../spark/application-args";
import { StreamProcessor, processingRequirements } from "../shared/recommend-processor";
import {
    ArchitectureTopic,
    architectureBaseShape,
    architectureTopic,
    batchOverrides,
    ingestOverrides,
    sparkRuntimeOverrides,
} from "../shared/base-args";
import { sparkRuntimeOf } from "../shared/spark-runtime";
import { SparkRuntime } from "../../spark";
import { batchTopicNames } from "../shared/batch-layer";
import { ArchitectureDefaults, ArchitectureProfile } from "../shared/profile";
import { defaultsOf, knownProfile } from "../shared/profile-check";
import { athenaName, hiveType } from "./athena-names";
import { chooseSpeedProcessor } from "./speed-processor";

/** The Flink version of the speed job unless given. */
export const DEFAULT_SPEED_FLINK_VERSION = "1.20.3";
/** Flink's bundled example, in every stock image: a smoke test that reads no topic. */
export const SMOKE_TEST_JAR = "local:///opt/flink/examples/streaming/StateMachineExample.jar";
const GiB = 1024 * 1024 * 1024;
/** Athena's per-query scan cutoff unless given: enough for a dev stack's views, a guard on a prod one's bill. */
const CUTOFF_DEFAULTS: Record<ArchitectureProfile, number> = { dev: 10 * GiB, prod: 200 * GiB };

const WORKLOAD_IDENTITY_MODES = ["irsa", "pod-identity"] as const satisfies readonly WorkloadIdentityMode[];
const SPEED_PROCESSORS = ["flink", "spark-streaming", "kafka-streams", "auto"] as const satisfies readonly (StreamProcessor | "auto")[];

/** The declaration of one column of a view, as Athena reads it. */
export const viewColumnShape = {
    /** Column name: lowercase letters, digits and `_` (Athena's rule), the JSON key or Parquet column it reads. Default: none (required). */
    name: v.string(),
    /** Athena (Hive DDL) type: `string`, `bigint`, `int`, `double`, `boolean`, `timestamp`, `date`, `decimal(p,s)`, `array<...>`, `map<...>`, `struct<...>`; stored in the catalog as Athena parses it (lowercase, no spaces, `integer` as `int`). Default: none (required). */
    type: v.string(),
    /** What the column holds, shown in the catalog. Default: none. */
    comment: v.optional(v.string()),
};
/** The schema of {@link viewColumnShape}. */
export const viewColumn: v.StrictObjectSchema<typeof viewColumnShape, undefined> = strict(viewColumnShape);
/** One column of a view, as Athena reads it. */
export type ViewColumn = v.InferInput<typeof viewColumn>;

/** The declaration of what the serving layer shows of one input topic: the columns its batch and speed views share. */
export const lambdaViewShape = {
    /**
     * Columns of the records, read by name: the keys of the speed view's JSON lines and the columns
     * of the batch view's Parquet files. Both views must carry them. Default: none (required, at least one).
     */
    columns: v.array(viewColumn),
    /**
     * Base name of the view's tables (`<table>_batch`, `<table>_speed`) and merge query. Default:
     * the topic name in lowercase, with every character other than a-z, 0-9 and `_` replaced by `_`.
     */
    table: v.optional(v.string()),
};
/** The schema of {@link lambdaViewShape}. */
export const lambdaView: v.StrictObjectSchema<typeof lambdaViewShape, undefined> = strict(lambdaViewShape);
/** What the serving layer shows of one input topic: the columns its batch and speed views share. */
export type LambdaViewArgs = v.InferInput<typeof lambdaView>;

/**
 * The declaration of the Flink job that computes the speed views (the default processor). The job
 * is yours (see the README's speed job contract); without `jarUri` the speed layer runs Flink's
 * bundled `StateMachineExample` as a smoke test, which reads no topic and leaves the speed views empty.
 */
export const flinkSpeedShape = {
    /** Container image holding the job and Flink `flinkVersion` (with a tag or digest). Default: `flink:<flinkVersion>-java17`. */
    image: v.optional(v.string()),
    /** The job jar, `local:///opt/flink/usrlib/...` inside the image or `s3://...`; required with your own image. Default: the bundled `StateMachineExample` smoke test. */
    jarUri: v.optional(v.string()),
    /** The exact Flink version inside the image, e.g. `1.20.3`. Default: `1.20.3`. */
    flinkVersion: v.optional(v.string()),
    /** Main class, when the jar's manifest names none. Default: the manifest's. */
    entryClass: v.optional(v.string()),
    /** Job parallelism. Default: the profile's stream parallelism (dev 1, prod 3). */
    parallelism: v.optional(v.number()),
    /** TaskManager resources. Default: FlinkJob's (1 CPU, `2048m`). */
    taskManager: v.optional(flinkProcessResources),
    /** Exactly-once checkpoint interval, seconds: also how often the file sink publishes files, so the speed view's delay. Default: 60. */
    checkpointIntervalSeconds: v.optional(v.number()),
    /** An operator you run already. Default: a `FlinkOperator` created on `kubernetes` (profile's replicas). */
    operator: v.optional(flinkOperatorRef),
    /** How pods get AWS credentials. Default: `irsa`. */
    identity: v.optional(v.picklist(WORKLOAD_IDENTITY_MODES)),
};
/** The schema of {@link flinkSpeedShape}. */
export const flinkSpeed: v.StrictObjectSchema<typeof flinkSpeedShape, undefined> = strict(flinkSpeedShape);
/** The Flink job that computes the speed views (the default processor). */
export type FlinkSpeedArgs = v.InferInput<typeof flinkSpeed>;

/** The declaration of the Structured Streaming job that computes the speed views, on a long-running EMR cluster or EMR Serverless (the architecture's `spark.runtime`). */
export const sparkStreamingSpeedShape = {
    /** The application in the landing zone. Default: the bundled PySpark job (uploaded to `artifacts/jobs/`), which writes each topic's records as JSON lines. */
    application: v.optional(storageFile),
    /** Micro-batch interval, e.g. `30 seconds`: the speed view's delay. Default: `1 minute`. */
    triggerInterval: v.optional(v.string()),
    /**
     * Maven coordinates Spark downloads at submit (`spark.jars.packages`): the Kafka source and MSK
     * IAM auth. Default: the Kafka source built for the cluster's release (`EMR_RELEASES`: e.g.
     * `spark-sql-kafka-0-10_2.12:3.5.6` on `emr-7.14.0`, `spark-sql-kafka-0-10_2.13:4.1.1` on
     * `emr-spark-8.1.0`; on EMR Serverless, of the application's release) and `aws-msk-iam-auth:2.2.0`;
     * required for a release outside the catalog.
     */
    packages: v.optional(v.array(v.string())),
    /** Extra Spark properties of the job. Default: none. */
    sparkConf: v.optional(map(v.string(), v.string())),
    /** The streaming cluster's shape (runtime `emr-ec2` only). Default: EmrSparkCluster's (Graviton fleets, Spot task nodes), three primary nodes in prod. */
    cluster: v.optional(clusterShape),
};
/** The schema of {@link sparkStreamingSpeedShape}. */
export const sparkStreamingSpeed: v.StrictObjectSchema<typeof sparkStreamingSpeedShape, undefined> = strict(sparkStreamingSpeedShape);
/** The Structured Streaming job that computes the speed views on a long-running EMR cluster. */
export type SparkStreamingSpeedArgs = v.InferInput<typeof sparkStreamingSpeed>;

/** The declaration of the Kafka Streams app that computes the speed views into Kafka topics, delivered to the landing zone by Firehose. */
export const kafkaStreamsSpeedShape = {
    /** Container image of the Streams app (with a tag or digest). Default: none (required for Kafka Streams). */
    image: v.string(),
    /** Pods. Default: the profile's stream parallelism, at least 2 (a standby for every stateful task). */
    replicas: v.optional(v.number()),
    /** The topology keeps state stores (a volume per pod, standby replicas). Default: false (a speed view is a projection of each record). */
    stateful: v.optional(v.boolean()),
    /** Namespace of the app, created with the `restricted` Pod Security Standard. Default: `<name>-speed`. */
    namespace: v.optional(v.string()),
    /** Create the namespace. Default: true. */
    createNamespace: v.optional(v.boolean()),
    /** Seconds Firehose buffers the output topics before writing to the speed zone (0-900): part of the speed view's delay. Default: 60. */
    deliveryBufferSeconds: v.optional(v.number()),
    /** How pods get AWS credentials. Default: `irsa`. */
    identity: v.optional(v.picklist(WORKLOAD_IDENTITY_MODES)),
};
/** The schema of {@link kafkaStreamsSpeedShape}. */
export const kafkaStreamsSpeed: v.StrictObjectSchema<typeof kafkaStreamsSpeedShape, undefined> = strict(kafkaStreamsSpeedShape);
/** The Kafka Streams app that computes the speed views into Kafka topics, delivered to the landing zone by Firehose. */
export type KafkaStreamsSpeedArgs = v.InferInput<typeof kafkaStreamsSpeed>;

/** The declaration of the speed layer: which stream processor computes the real-time views, and how. */
export const speedLayerShape = {
    /** `flink`, `spark-streaming`, `kafka-streams`, or `auto` to let `recommendProcessor` pick from `requirements`. Default: `flink`. */
    processor: v.optional(
        v.picklist(
            SPEED_PROCESSORS,
            explain("not a stream processor", "Use one of flink, spark-streaming, kafka-streams, or auto with speed.requirements"),
        ),
    ),
    /** What the speed views need (latency, state, team); required with `processor: auto`. `inputInKafka` is always true here. Default: none. */
    requirements: v.optional(processingRequirements),
    /** Kafka consumer group (Flink), group-id prefix (Spark) or `application.id` (Kafka Streams) of the speed job. Default: `<name>-speed`. */
    consumerGroup: v.optional(v.string()),
    /** Days the speed zone keeps real-time views: they only matter until the batch views cover the same hours. Default: 7. */
    retentionDays: v.optional(v.number()),
    /** Settings when the processor is Flink. Default: see FlinkSpeedArgs (the image's example job until you give yours). */
    flink: v.optional(flinkSpeed),
    /** Settings when the processor is Spark Structured Streaming. Default: see SparkStreamingSpeedArgs (the bundled speed-views script). */
    sparkStreaming: v.optional(sparkStreamingSpeed),
    /** Settings when the processor is Kafka Streams. Default: none (required with processor `kafka-streams`, for its image). */
    kafkaStreams: v.optional(kafkaStreamsSpeed),
};
/** The schema of {@link speedLayerShape}. */
export const speedLayer: v.StrictObjectSchema<typeof speedLayerShape, undefined> = strict(speedLayerShape);
/** The speed layer: which stream processor computes the real-time views, and how. */
export type SpeedLayerArgs = v.InferInput<typeof speedLayer>;

/** The declaration of the serving layer: the Glue catalog over both views and the Athena workgroup that queries them. */
export const servingLayerShape = {
    /** Glue database (lowercase letters, digits, `_`). Default: `<name>_<stack>` with other characters replaced by `_`. */
    databaseName: v.optional(v.string()),
    /** Athena workgroup. Default: `<name>-<stack>`. */
    workgroupName: v.optional(v.string()),
    /** Most bytes one query may scan before Athena cancels it (at least 10 MiB): the cost guard. Default: dev 10 GiB, prod 200 GiB. */
    bytesScannedCutoffPerQuery: v.optional(v.number()),
    /** Days query results are kept in the results zone. Default: 30. */
    resultRetentionDays: v.optional(v.number()),
    /** Start of the batch tables' projected `dt` range: `yyyy-MM-dd` or `NOW-<n>YEARS`. Default: `NOW-3YEARS`. */
    batchHistoryStart: v.optional(v.string()),
};
/** The schema of {@link servingLayerShape}. */
export const servingLayer: v.StrictObjectSchema<typeof servingLayerShape, undefined> = strict(servingLayerShape);
/** The serving layer: the Glue catalog over both views and the Athena workgroup that queries them. */
export type ServingLayerArgs = v.InferInput<typeof servingLayer>;

/** The declaration of {@link LambdaArchitecture}'s args: the base arguments, the topics and their views, and the batch, speed and serving layers. */
export const lambdaArchitectureShape = {
    ...architectureBaseShape,
    /** Where the Flink or Kafka Streams speed job runs (a `PlatformCluster`'s `target`). Default: none (required unless the processor is `spark-streaming`). */
    kubernetes: v.optional(kubernetesTarget),
    /** Input topics, keyed by topic name; both layers read every one. Default: `{ "events": {} }`. */
    topics: v.optional(map(v.string(), architectureTopic)),
    /** The view of each input topic, keyed by topic name: every topic needs one. Default: none (required). */
    views: map(v.string(), lambdaView),
    /** Batch-layer ingest overrides (buffering, ...): MskFirehoseIngest's args less what the architecture supplies. Default: hourly folders, the profile's buffering. */
    ingest: v.optional(ingestOverrides),
    /** Batch-job overrides (application, schedule, cluster shape, ...): SparkBatchJob's args less what the architecture supplies. Default: the bundled hourly raw-to-curated job at 15 past each hour. */
    batch: v.optional(batchOverrides),
    /** The speed layer. Default: Flink, running the smoke-test job until you give yours. */
    speed: v.optional(speedLayer),
    /** The serving layer. Default: see ServingLayerArgs. */
    serving: v.optional(servingLayer),
    /** SNS topic for the batch job's and speed job's alarms. Default: none (alarms show in CloudWatch only). */
    alarmTopicArn: v.optional(input(v.string())),
    /**
     * Where the Spark jobs (the batch job, and a Structured Streaming speed job) run: `runtime`
     * `emr-ec2` or `emr-serverless`, and the EMR Serverless applications' settings. Default: the
     * profile's (dev `emr-serverless`, prod `emr-ec2`).
     */
    spark: v.optional(sparkRuntimeOverrides),
};
/** The schema of {@link lambdaArchitectureShape}. */
export const lambdaArchitectureArgs: v.StrictObjectSchema<typeof lambdaArchitectureShape, undefined> = strict(lambdaArchitectureShape);
/** Arguments of {@link LambdaArchitecture}: the base arguments, the topics and their views, and the batch, speed and serving layers. */
export type LambdaArchitectureArgs = v.InferInput<typeof lambdaArchitectureArgs>;

/** One topic's view, resolved. */
export interface ResolvedView {
    /** The input topic. */
    topic: string;
    /** Base name of its tables and merge query. */
    table: string;
    columns: ViewColumn[];
}

export interface LambdaSettings {
    defaults: ArchitectureDefaults;
    profile: ArchitectureProfile;
    topics: Record<string, ArchitectureTopic>;
    /** Input topic names, in declaration order. */
    topicNames: string[];
    views: ResolvedView[];
    processor: StreamProcessor;
    /** Where the Spark jobs run. */
    sparkRuntime: SparkRuntime;
    /** Why this processor: the recommendation's reasons, or that it was chosen explicitly. */
    processorReasons: string[];
    consumerGroup: string;
    speedRetentionDays: number;
    databaseName: string;
    workgroupName: string;
    bytesScannedCutoffPerQuery: number;
    resultRetentionDays: number;
    batchHistoryStart: string;
}

/** Applies every default once (the profile's and the architecture's); the architecture reads only this. */
export function resolveLambdaSettings(name: string, args: LambdaArchitectureArgs): LambdaSettings {
    const profile = knownProfile(args.profile);
    const topics = args.topics ?? { events: {} };
    const topicNames = batchTopicNames(topics);
    const viewArgs = args.views ?? {};
    const views: ResolvedView[] = topicNames
        .filter((topic) => viewArgs[topic] !== undefined)
        .map((topic) => ({ topic, table: viewArgs[topic].table ?? athenaName(topic), columns: catalogColumns(viewArgs[topic].columns) }));
    const speed = args.speed ?? {};
    const { processor, reasons } = chooseSpeedProcessor(speed.processor, speed.requirements);
    const serving = args.serving ?? {};
    return {
        defaults: defaultsOf(args.profile),
        profile,
        topics,
        topicNames,
        views,
        processor,
        sparkRuntime: sparkRuntimeOf(defaultsOf(args.profile), args.spark),
        processorReasons: reasons,
        consumerGroup: speed.consumerGroup ?? `${name}-speed`,
        speedRetentionDays: speed.retentionDays ?? 7,
        databaseName: serving.databaseName ?? athenaName(`${name}_${pulumi.getStack()}`),
        workgroupName: serving.workgroupName ?? `${name}-${pulumi.getStack()}`,
        bytesScannedCutoffPerQuery: serving.bytesScannedCutoffPerQuery ?? CUTOFF_DEFAULTS[profile],
        resultRetentionDays: serving.resultRetentionDays ?? 30,
        batchHistoryStart: serving.batchHistoryStart ?? "NOW-3YEARS",
    };
}

/** The columns with their types as the Glue catalog must hold them (malformed ones are left to validation). */
function catalogColumns(columns: ViewColumn[]): ViewColumn[] {
    return Array.isArray(columns) ? columns.map((c) => (typeof c?.type === "string" ? { ...c, type: hiveType(c.type) } : c)) : columns;
}
