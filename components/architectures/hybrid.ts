import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { awsTags } from "../core/tags";
import { LandingZone } from "../landing-zone";
import { KafkaCluster, KafkaTopics } from "../kafka";
import { MskFirehoseIngest } from "../ingest";
import { SparkBatchJob } from "../spark";
import { profileDefaults } from "./profile";
import { checkNetwork, privateSubnets } from "./placement";
import { ArchitectureBaseArgs, ArchitectureTopic, LakeAndLogArgs, checkLakeAndLog, createLakeAndLog } from "./lake-and-log";
import { ARTIFACTS_ZONE, BatchOverrides, CURATED_ZONE, IngestOverrides, RAW_ZONE, batchTopicNames, createBatchLayer } from "./batch-layer";

/** Arguments of {@link HybridArchitecture}: the base arguments, the topics, and ingest and batch overrides. */
export interface HybridArchitectureArgs extends ArchitectureBaseArgs {
    /** Topics that stream into the landing zone, keyed by topic name. Default: `{ "events": {} }`. */
    topics?: Record<string, ArchitectureTopic>;
    /** Ingest overrides (buffering, event-time partitioning, ...). Default: hourly folders, the profile's buffering. */
    ingest?: IngestOverrides;
    /** Batch-job overrides (application, schedule, cluster shape, ...). Default: the bundled hourly raw-to-curated script at 15 past each hour. */
    batch?: BatchOverrides;
}

/**
 * The most common hybrid in practice: events stream into the landing zone's raw zone in real time
 * (Kafka topics delivered by Firehose), and a scheduled Spark job on a transient EMR cluster turns
 * each hour into curated Parquet. Freshness is bounded by the batch interval; replays and
 * backfills are batch runs over raw data that never left the lake.
 */
export class HybridArchitecture extends pulumi.ComponentResource {
    /** The landing zone: raw, curated and artifacts zones. */
    readonly lake: LandingZone;
    /** The MSK cluster the events stream through. */
    readonly kafka: KafkaCluster;
    /** The topics that stream into the landing zone. */
    readonly topics: KafkaTopics;
    /** Firehose delivery of the topics into the raw zone. */
    readonly ingest: MskFirehoseIngest;
    /** The scheduled Spark job that turns each hour of raw data into curated Parquet. */
    readonly batch: SparkBatchJob;
    /** Per topic, the `s3://` URIs of its raw landing folder and of its curated batch view. */
    readonly locations: Record<string, { raw: pulumi.Output<string>; curated: pulumi.Output<string> }>;

    constructor(name: string, args: HybridArchitectureArgs, opts?: pulumi.ComponentResourceOptions) {
        // Everything that can be checked without a resource is checked before the first one.
        const v = new Validator("HybridArchitecture", name);
        const defaults = profileDefaults(v, args.profile);
        checkNetwork(v, args.network);
        const topics = args.topics ?? { events: {} };
        const names = batchTopicNames(v, topics);
        v.throwIfInvalid();

        const tags = awsTags("HybridArchitecture", args.tags, "hybrid");
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
        checkLakeAndLog(name, lakeAndLog);
        super("spectrum:index:HybridArchitecture", name, {}, opts);
        const { lake, kafka, topics: declared } = createLakeAndLog(name, lakeAndLog, this);
        const layer = createBatchLayer(
            name,
            {
                defaults,
                lake,
                connection: kafka.connection,
                topics: names,
                topicResources: [declared],
                vpcId: args.network.vpcId,
                subnetIds: privateSubnets(args.network, 6),
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
        this.locations = Object.fromEntries(
            Object.entries(layer.locations).map(([topic, l]) => [
                topic,
                { raw: lake.uri(l.raw.area, l.raw.path), curated: lake.uri(l.curated.area, l.curated.path) },
            ]),
        );
        this.registerOutputs({
            bucketName: lake.bucketName,
            bootstrapServers: kafka.bootstrapServers,
            stateMachineArn: layer.job.stateMachineArn,
        });
    }
}
