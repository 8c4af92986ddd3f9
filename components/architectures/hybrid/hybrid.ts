import * as pulumi from "@pulumi/pulumi";
import { awsTags } from "../../core/tags";
import { LandingZone } from "../../landing-zone";
import { KafkaTopics } from "../../kafka";
import { MskFirehoseIngest } from "../../ingest";
import { EmrServerlessApplication, SparkBatchJob } from "../../spark";
import { SparkApplicationArgs, checkSparkRuntime, createSparkApplication } from "../shared/spark-runtime";
import { EMR_FLEET_SUBNETS, privateSubnets } from "../shared/placement";
import { ArchitectureKafka, LakeAndLogArgs, checkLakeAndLog, createLakeAndLog } from "../shared/lake-and-log";
import { ARTIFACTS_ZONE, CURATED_ZONE, RAW_ZONE, createBatchLayer } from "../shared/batch-layer";
import { HYBRID_COMPONENT, HybridArchitectureArgs, resolveHybridSettings } from "./hybrid-args";
import { validateHybridArchitecture } from "./hybrid-validate";

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
        // Everything that can be checked without a resource is checked before the first one.
        const s = resolveHybridSettings(args);
        validateHybridArchitecture(name, args, s);
        const { defaults, topics, topicNames: names } = s;

        const tags = awsTags(HYBRID_COMPONENT, args.tags, "hybrid");
        const lakeAndLog: LakeAndLogArgs = {
            defaults,
            network: args.network,
            zones: { [RAW_ZONE]: {}, [CURATED_ZONE]: {}, [ARTIFACTS_ZONE]: {} },
            landingZone: args.landingZone,
            kafka: args.kafka,
            kafkaClientSecurityGroupIds: args.kafkaClientSecurityGroupIds,
            topics,
            previousTopics: args.previousTopics,
            multiVpcConnectivity: true,
            tags,
        };
        const spark: SparkApplicationArgs = { defaults, network: args.network, spark: args.spark, tags };
        checkSparkRuntime(HYBRID_COMPONENT, name, spark);
        checkLakeAndLog(name, lakeAndLog);
        super(`spectrum:index:${HYBRID_COMPONENT}`, name, {}, opts);
        const { lake, kafka, topics: declared } = createLakeAndLog(name, lakeAndLog, this);
        const application = createSparkApplication(`${name}-spark`, lake, spark, this);
        const layer = createBatchLayer(
            name,
            {
                defaults,
                lake,
                connection: kafka.connection,
                topics: names,
                topicResources: [declared],
                vpcId: args.network.vpcId,
                subnetIds: privateSubnets(args.network, EMR_FLEET_SUBNETS),
                serverless: application?.target,
                ingest: args.ingest,
                batch: args.batch,
                tags,
            },
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
