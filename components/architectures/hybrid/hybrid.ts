import * as pulumi from "@pulumi/pulumi";
import { withoutUndefined } from "../../core/without-undefined";
import { childNameClaim, clashRegistry } from "../../core/clashes";
import { LandingZone } from "../../landing-zone";
import { KafkaTopics } from "../../kafka";
import { MskFirehoseIngest } from "../../ingest";
import { EmrServerlessApplication, SparkBatchJob } from "../../spark";
import { createSparkApplication } from "../shared/spark-runtime";
import { ArchitectureKafka, createLakeAndLog } from "../shared/lake-and-log";
import { createBatchLayer } from "../shared/batch-layer";
import { HYBRID_COMPONENT, HybridArchitectureArgs } from "./hybrid-args";
import { planHybridArchitecture } from "./hybrid-validate";

/**
 * The most common hybrid in practice: events stream into the landing zone's raw zone in real time
 * (Kafka topics delivered by Firehose), and a scheduled Spark job on a transient EMR cluster (or an
 * EMR Serverless application) turns each hour into curated Parquet. Freshness is bounded by the
 * batch interval; replays and backfills are batch runs over raw data that never left the lake.
 */
export class HybridArchitecture extends pulumi.ComponentResource {
    /** The landing zone: raw, curated and artifacts zones. */
    readonly lake: LandingZone;
    /** The MSK cluster the events stream through. */
    readonly kafka: ArchitectureKafka;
    /** The topics that stream into the landing zone. */
    readonly topics: KafkaTopics;
    /** Firehose delivery of the topics into the raw zone. */
    readonly ingest: MskFirehoseIngest;
    /** The scheduled Spark job that turns each hour of raw data into curated Parquet. */
    readonly batch: SparkBatchJob;
    /** The EMR Serverless application the batch job runs on, when the Spark runtime is `emr-serverless`. */
    readonly sparkApplication?: EmrServerlessApplication;
    /**
     * Per topic, the `s3://` URIs of its raw landing folder, of its curated batch view and, with the
     * bundled job, of the folder of the lines it rejects.
     */
    readonly locations: Record<string, { raw: pulumi.Output<string>; curated: pulumi.Output<string>; rejected?: pulumi.Output<string> }>;

    constructor(name: string, args: HybridArchitectureArgs, opts?: pulumi.ComponentResourceOptions) {
        // A key written as undefined counts as absent: it must not replace the architecture's default.
        args = withoutUndefined(args);
        // Everything that can be checked without a resource is checked before the first one:
        // the architecture's args and every part's, as they will be passed.
        const { lakeAndLog, batch, spark } = planHybridArchitecture(name, args);
        clashRegistry().claimAll([childNameClaim(HYBRID_COMPONENT, name, opts?.parent)]);
        super(`spectrum:index:${HYBRID_COMPONENT}`, name, {}, opts);
        const { lake, kafka, topics: declared } = createLakeAndLog(name, lakeAndLog, this);
        const application = createSparkApplication(`${name}-spark`, lake, spark, this);
        const layer = createBatchLayer(
            name,
            { ...batch, serverless: application?.target, lake, connection: kafka.connection, topicResources: [declared] },
            this,
        );
        this.lake = lake;
        this.kafka = kafka;
        this.topics = declared;
        this.ingest = layer.ingest;
        this.batch = layer.job;
        this.sparkApplication = application;
        this.locations = Object.fromEntries(
            Object.entries(layer.locations).map(([topic, l]) => [
                topic,
                {
                    raw: lake.uri(l.raw.area, l.raw.path),
                    curated: lake.uri(l.curated.area, l.curated.path),
                    ...(l.rejected ? { rejected: lake.uri(l.rejected.area, l.rejected.path) } : {}),
                },
            ]),
        );
        this.registerOutputs({
            bucketName: lake.bucketName,
            bootstrapServers: kafka.bootstrapServers,
            stateMachineArn: layer.job.stateMachineArn,
        });
    }
}
