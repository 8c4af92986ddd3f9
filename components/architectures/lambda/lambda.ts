import * as pulumi from "@pulumi/pulumi";
import { withoutUndefined } from "../../core/without-undefined";
import { childNameClaim, clashRegistry } from "../../core/clashes";
import { LandingZone } from "../../landing-zone";
import { KafkaTopics } from "../../kafka";
import { MskFirehoseIngest } from "../../ingest";
import { EmrServerlessApplication, SparkBatchJob } from "../../spark";
import { createSparkApplication } from "../shared/spark-runtime";
import { StreamProcessor } from "../shared/recommend-processor";
import { ArchitectureKafka, createLakeAndLog } from "../shared/lake-and-log";
import { createBatchLayer } from "../shared/batch-layer";
import { LambdaArchitectureArgs } from "./lambda-args";
import { planLambdaArchitecture } from "./lambda-validate";
import { LAMBDA_COMPONENT } from "./names";
import { SpeedLayer } from "./speed-flavour";
import { createSpeedLayer } from "./speed-layer";
import { ServingLayer, createServingLayer } from "./serving";
import { viewTables } from "./merge-query";

/** Where one input topic's data is at each stage, and how to query it. */
export interface LambdaViewLocations {
    /** `s3://` folder Firehose delivers the topic to (hourly, GZIP JSON). */
    raw: pulumi.Output<string>;
    /** `s3://` folder of the batch view (hourly Parquet). */
    batch: pulumi.Output<string>;
    /** `s3://` folder of the lines the bundled batch job rejects (hourly GZIP JSON lines); absent with your own job. */
    rejected?: pulumi.Output<string>;
    /** `s3://` folder of the speed view (hourly JSON lines). */
    speed: pulumi.Output<string>;
    /** Glue tables of the two views, in `database`. */
    batchTable: string;
    /** Glue table of the speed view, in `database`. */
    speedTable: string;
    /** Name of the saved Athena query that merges them. */
    mergeQuery: string;
}

/**
 * The Lambda architecture: every event goes both ways.
 *
 * - Batch layer: Firehose delivers the input topics into the landing zone's raw zone, and a
 *   scheduled Spark job on a transient EMR cluster (or EMR Serverless) recomputes each hour's batch view into curated
 *   (deduplicated Parquet). It is the record of truth: reruns rebuild an hour from raw.
 * - Speed layer: a stream processor (Flink by default, Spark Structured Streaming, or Kafka
 *   Streams; or the one `recommendProcessor` picks) reads the same topics and writes real-time
 *   views into the speed zone within seconds to minutes, exactly once.
 * - Serving layer: a Glue database with a table over each view (partitions projected, no crawler),
 *   an Athena workgroup whose results are encrypted with the landing zone's key in its results
 *   zone, with a per-query scan cutoff, and a saved query per view merging the two.
 */
export class LambdaArchitecture extends pulumi.ComponentResource {
    /** The landing zone: raw, curated, artifacts, speed and results zones. */
    readonly lake: LandingZone;
    /** The MSK cluster both layers read. */
    readonly kafka: ArchitectureKafka;
    /** The input topics. */
    readonly topics: KafkaTopics;
    /** Batch layer: the raw-zone ingest and the hourly job. */
    readonly ingest: MskFirehoseIngest;
    /** The hourly Spark job that writes the batch views. */
    readonly batch: SparkBatchJob;
    /** The EMR Serverless application the batch job runs on, when the Spark runtime is `emr-serverless`. */
    readonly sparkApplication?: EmrServerlessApplication;
    /** The speed layer: its processor, its parts, and where its views land. */
    readonly speed: SpeedLayer;
    /** Glue tables, the Athena workgroup and the saved queries that merge the two views. */
    readonly serving: ServingLayer;
    /** The stream processor of the speed layer, and why it was chosen. */
    readonly processor: StreamProcessor;
    /** Why the speed layer's processor was chosen, in the order the decision was made. */
    readonly processorReasons: readonly string[];
    /** The Glue database of both views. */
    readonly databaseName: string;
    /** The Athena workgroup that queries them. */
    readonly workgroupName: string;
    /** Per input topic: its folders, tables and merge query. */
    readonly views: Readonly<Record<string, LambdaViewLocations>>;

    constructor(name: string, args: LambdaArchitectureArgs, opts?: pulumi.ComponentResourceOptions) {
        // A key written as undefined counts as absent: it must not replace the architecture's default.
        args = withoutUndefined(args);
        // Everything that can be checked without a resource is checked before the first one:
        // the architecture's args and every part's, as they will be passed.
        const { settings: s, lakeAndLog, batch: batchSpec, spark, tags } = planLambdaArchitecture(name, args);
        const d = s.defaults;
        clashRegistry().claimAll([childNameClaim(LAMBDA_COMPONENT, name, opts?.parent)]);
        super(`spectrum:index:${LAMBDA_COMPONENT}`, name, {}, opts);
        const { lake, kafka, topics } = createLakeAndLog(name, lakeAndLog, this);
        const application = createSparkApplication(`${name}-spark`, lake, spark, this);
        const batch = createBatchLayer(
            name,
            { ...batchSpec, serverless: application?.target, lake, connection: kafka.connection, topicResources: [topics] },
            this,
        );

        const speed = createSpeedLayer(
            name,
            {
                settings: s,
                args: args.speed ?? {},
                lake,
                kafka,
                topics,
                network: args.network,
                kubernetes: args.kubernetes,
                deliveryAfter: batch.ingest.clusterPolicy ? [batch.ingest.clusterPolicy] : [batch.ingest],
                alarmTopicArn: args.alarmTopicArn,
                spark: args.spark,
                tags,
            },
            this,
        );

        const serving = createServingLayer(
            name,
            {
                storage: lake,
                views: s.views,
                locations: Object.fromEntries(
                    s.topicNames.map((t) => [t, { batch: batch.locations[t].curated, speed: speed.locations[t] }]),
                ),
                databaseName: s.databaseName,
                workgroupName: s.workgroupName,
                bytesScannedCutoffPerQuery: s.bytesScannedCutoffPerQuery,
                batchHistoryStart: s.batchHistoryStart,
                speedRetentionDays: s.speedRetentionDays,
                protect: d.protect,
                tags,
            },
            this,
        );

        this.lake = lake;
        this.kafka = kafka;
        this.topics = topics;
        this.ingest = batch.ingest;
        this.batch = batch.job;
        this.speed = speed;
        this.serving = serving;
        this.sparkApplication = application;
        this.processor = s.processor;
        this.processorReasons = s.processorReasons;
        this.databaseName = s.databaseName;
        this.workgroupName = s.workgroupName;
        this.views = Object.fromEntries(
            s.views.map((view) => {
                const l = batch.locations[view.topic];
                const tables = viewTables(view);
                const speedLocation = speed.locations[view.topic];
                return [
                    view.topic,
                    {
                        raw: lake.uri(l.raw.area, l.raw.path),
                        batch: lake.uri(l.curated.area, l.curated.path),
                        ...(l.rejected ? { rejected: lake.uri(l.rejected.area, l.rejected.path) } : {}),
                        speed: lake.uri(speedLocation.area, speedLocation.path),
                        batchTable: tables.batch,
                        speedTable: tables.speed,
                        mergeQuery: `${view.table}_merged`,
                    },
                ];
            }),
        );
        this.registerOutputs({
            bucketName: lake.bucketName,
            bootstrapServers: kafka.bootstrapServers,
            processor: this.processor,
            databaseName: this.databaseName,
            workgroupName: this.workgroupName,
            athenaUsersPolicyArn: serving.athenaUsersPolicy.arn,
        });
    }
}
