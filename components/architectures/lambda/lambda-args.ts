import * as pulumi from "@pulumi/pulumi";
import { KubernetesTarget } from "../../core/contracts";
import { WorkloadIdentityMode } from "../../core/workload-identity";
import { FlinkOperatorRef, FlinkProcessResources } from "../../flink";
import { ClusterShapeArgs, StorageFile } from "../../spark";
import { ProcessingRequirements, StreamProcessor } from "../shared/recommend-processor";
import { ArchitectureBaseArgs, ArchitectureTopic } from "../shared/lake-and-log";
import { BatchOverrides, IngestOverrides, batchTopicNames } from "../shared/batch-layer";
import { SparkRuntimeOverrides, sparkRuntimeOf } from "../shared/spark-runtime";
import { SparkRuntime } from "../../spark";
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

/** One column of a view, as Athena reads it. */
export interface ViewColumn {
    /** Column name: lowercase letters, digits and `_` (Athena's rule), the JSON key or Parquet column it reads. Required. */
    name: string;
    /** Athena (Hive DDL) type: `string`, `bigint`, `int`, `double`, `boolean`, `timestamp`, `date`, `decimal(p,s)`, `array<...>`, `map<...>`, `struct<...>`; stored in the catalog as Athena parses it (lowercase, no spaces, `integer` as `int`). Required. */
    type: string;
    /** What the column holds, shown in the catalog. Default: none. */
    comment?: string;
}

/** What the serving layer shows of one input topic: the columns its batch and speed views share. */
export interface LambdaViewArgs {
    /**
     * Columns of the records, read by name: the keys of the speed view's JSON lines and the columns
     * of the batch view's Parquet files. Both views must carry them. Required, at least one.
     */
    columns: ViewColumn[];
    /**
     * Base name of the view's tables (`<table>_batch`, `<table>_speed`) and merge query. Default:
     * the topic name in lowercase, with every character other than a-z, 0-9 and `_` replaced by `_`.
     */
    table?: string;
}

/**
 * The Flink job that computes the speed views (the default processor). The job is yours (see the
 * README's speed job contract); without `jarUri` the speed layer runs Flink's bundled
 * `StateMachineExample` as a smoke test, which reads no topic and leaves the speed views empty.
 */
export interface FlinkSpeedArgs {
    /** Container image holding the job and Flink `flinkVersion` (with a tag or digest). Default: `flink:<flinkVersion>-java17`. */
    image?: string;
    /** The job jar, `local:///opt/flink/usrlib/...` inside the image or `s3://...`; required with your own image. Default: the bundled `StateMachineExample` smoke test. */
    jarUri?: string;
    /** The exact Flink version inside the image, e.g. `1.20.3`. Default: `1.20.3`. */
    flinkVersion?: string;
    /** Main class, when the jar's manifest names none. Default: the manifest's. */
    entryClass?: string;
    /** Job parallelism. Default: the profile's stream parallelism (dev 1, prod 3). */
    parallelism?: number;
    /** TaskManager resources. Default: FlinkJob's (1 CPU, `2048m`). */
    taskManager?: FlinkProcessResources;
    /** Exactly-once checkpoint interval, seconds: also how often the file sink publishes files, so the speed view's delay. Default: 60. */
    checkpointIntervalSeconds?: number;
    /** An operator you run already. Default: a `FlinkOperator` created on `kubernetes` (profile's replicas). */
    operator?: FlinkOperatorRef;
    /** How pods get AWS credentials. Default: `irsa`. */
    identity?: WorkloadIdentityMode;
}

/** The Structured Streaming job that computes the speed views, on a long-running EMR cluster or EMR Serverless (the architecture's `spark.runtime`). */
export interface SparkStreamingSpeedArgs {
    /** The application in the landing zone. Default: the bundled PySpark job (uploaded to `artifacts/jobs/`), which writes each topic's records as JSON lines. */
    application?: StorageFile;
    /** Micro-batch interval, e.g. `30 seconds`: the speed view's delay. Default: `1 minute`. */
    triggerInterval?: string;
    /**
     * Maven coordinates Spark downloads at submit (`spark.jars.packages`): the Kafka source and MSK
     * IAM auth. Default: the Kafka source built for the cluster's release (`EMR_RELEASES`: e.g.
     * `spark-sql-kafka-0-10_2.12:3.5.6` on `emr-7.14.0`, `spark-sql-kafka-0-10_2.13:4.1.1` on
     * `emr-spark-8.1.0`; on EMR Serverless, of the application's release) and `aws-msk-iam-auth:2.2.0`;
     * required for a release outside the catalog.
     */
    packages?: string[];
    /** Extra Spark properties of the job. Default: none. */
    sparkConf?: Record<string, string>;
    /** The streaming cluster's shape (runtime `emr-ec2` only). Default: EmrSparkCluster's (Graviton fleets, Spot task nodes), three primary nodes in prod. */
    cluster?: ClusterShapeArgs;
}

/** The Kafka Streams app that computes the speed views into Kafka topics, delivered to the landing zone by Firehose. */
export interface KafkaStreamsSpeedArgs {
    /** Container image of the Streams app (with a tag or digest). Required for Kafka Streams. */
    image: string;
    /** Pods. Default: the profile's stream parallelism, at least 2 (a standby for every stateful task). */
    replicas?: number;
    /** The topology keeps state stores (a volume per pod, standby replicas). Default: false (a speed view is a projection of each record). */
    stateful?: boolean;
    /** Namespace of the app, created with the `restricted` Pod Security Standard. Default: `<name>-speed`. */
    namespace?: string;
    /** Create the namespace. Default: true. */
    createNamespace?: boolean;
    /** Seconds Firehose buffers the output topics before writing to the speed zone (0-900): part of the speed view's delay. Default: 60. */
    deliveryBufferSeconds?: number;
    /** How pods get AWS credentials. Default: `irsa`. */
    identity?: WorkloadIdentityMode;
}

/** The speed layer: which stream processor computes the real-time views, and how. */
export interface SpeedLayerArgs {
    /** `flink`, `spark-streaming`, `kafka-streams`, or `auto` to let `recommendProcessor` pick from `requirements`. Default: `flink`. */
    processor?: StreamProcessor | "auto";
    /** What the speed views need (latency, state, team); required with `processor: auto`. `inputInKafka` is always true here. Default: none. */
    requirements?: ProcessingRequirements;
    /** Kafka consumer group (Flink), group-id prefix (Spark) or `application.id` (Kafka Streams) of the speed job. Default: `<name>-speed`. */
    consumerGroup?: string;
    /** Days the speed zone keeps real-time views: they only matter until the batch views cover the same hours. Default: 7. */
    retentionDays?: number;
    /** Settings when the processor is Flink. Default: see {@link FlinkSpeedArgs} (the image's example job until you give yours). */
    flink?: FlinkSpeedArgs;
    /** Settings when the processor is Spark Structured Streaming. Default: see {@link SparkStreamingSpeedArgs} (the bundled speed-views script). */
    sparkStreaming?: SparkStreamingSpeedArgs;
    /** Settings when the processor is Kafka Streams. Required with processor `kafka-streams` (its image). */
    kafkaStreams?: KafkaStreamsSpeedArgs;
}

/** The serving layer: the Glue catalog over both views and the Athena workgroup that queries them. */
export interface ServingLayerArgs {
    /** Glue database (lowercase letters, digits, `_`). Default: `<name>_<stack>` with other characters replaced by `_`. */
    databaseName?: string;
    /** Athena workgroup. Default: `<name>-<stack>`. */
    workgroupName?: string;
    /** Most bytes one query may scan before Athena cancels it (at least 10 MiB): the cost guard. Default: dev 10 GiB, prod 200 GiB. */
    bytesScannedCutoffPerQuery?: number;
    /** Days query results are kept in the results zone. Default: 30. */
    resultRetentionDays?: number;
    /** Start of the batch tables' projected `dt` range: `yyyy-MM-dd` or `NOW-<n>YEARS`. Default: `NOW-3YEARS`. */
    batchHistoryStart?: string;
}

/** Arguments of {@link LambdaArchitecture}: the base arguments, the topics and their views, and the batch, speed and serving layers. */
export interface LambdaArchitectureArgs extends ArchitectureBaseArgs {
    /** Where the Flink or Kafka Streams speed job runs (a `PlatformCluster`'s `target`). Required unless the processor is `spark-streaming`. */
    kubernetes?: KubernetesTarget;
    /** Input topics, keyed by topic name; both layers read every one. Default: `{ "events": {} }`. */
    topics?: Record<string, ArchitectureTopic>;
    /** The view of each input topic, keyed by topic name: every topic needs one. Required. */
    views: Record<string, LambdaViewArgs>;
    /** Batch-layer ingest overrides (buffering, ...). Default: hourly folders, the profile's buffering. */
    ingest?: IngestOverrides;
    /** Batch-job overrides (application, schedule, cluster shape, ...). Default: the bundled hourly raw-to-curated job at 15 past each hour. */
    batch?: BatchOverrides;
    /** The speed layer. Default: Flink, running the smoke-test job until you give yours. */
    speed?: SpeedLayerArgs;
    /** The serving layer. Default: see {@link ServingLayerArgs}. */
    serving?: ServingLayerArgs;
    /** SNS topic for the batch job's and speed job's alarms. Default: none (alarms show in CloudWatch only). */
    alarmTopicArn?: pulumi.Input<string>;
    /**
     * Where the Spark jobs (the batch job, and a Structured Streaming speed job) run: `runtime`
     * `emr-ec2` or `emr-serverless`, and the EMR Serverless applications' settings. Default: the
     * profile's (dev `emr-serverless`, prod `emr-ec2`).
     */
    spark?: SparkRuntimeOverrides;
}

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
