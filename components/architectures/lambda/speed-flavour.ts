import * as pulumi from "@pulumi/pulumi";
import { KubernetesTarget } from "../../core/contracts";
import { LandingZone } from "../../landing-zone";
import { KafkaStreamsApp, KafkaTopics } from "../../kafka";
import { FlinkJob, FlinkOperator } from "../../flink";
import { EmrServerlessApplication, EmrSparkCluster, SparkStreamingJob, StorageLocation } from "../../spark";
import { MskFirehoseIngest } from "../../ingest";
import { NetworkPlacement } from "../../platform";
import { StreamProcessor } from "../shared/recommend-processor";
import { ArchitectureKafka } from "../shared/lake-and-log";
import { SparkRuntimeOverrides } from "../shared/spark-runtime";
import { SpeedLayerArgs } from "./lambda-args";
import { LambdaSettings } from "./lambda-args";

/** What every speed-layer flavour needs. */
export interface SpeedLayerInputs {
    settings: LambdaSettings;
    args: SpeedLayerArgs;
    lake: LandingZone;
    kafka: ArchitectureKafka;
    /** Every declared topic (input topics, and the Kafka Streams output topics), keyed by topic name. */
    topics: KafkaTopics;
    network: NetworkPlacement;
    kubernetes?: KubernetesTarget;
    /** Resources the Firehose delivery of Kafka Streams output topics waits for (the batch ingest's MSK cluster policy). */
    deliveryAfter: pulumi.Resource[];
    alarmTopicArn?: pulumi.Input<string>;
    /** The architecture's Spark runtime overrides (a Spark speed job on EMR Serverless gets its own application). */
    spark?: SparkRuntimeOverrides;
    tags: Record<string, string>;
}

/** The speed layer as deployed: the processor, where its views land, and its parts. */
export interface SpeedLayer {
    /** The stream processor that computes the speed views. */
    processor: StreamProcessor;
    /** Per input topic, the folder of its speed view. */
    locations: Record<string, StorageLocation>;
    /** `s3://` prefix of the speed job's exactly-once state (checkpoints) in the landing zone; none for Kafka Streams, whose state lives in Kafka. */
    stateUri?: pulumi.Output<string>;
    /** The Flink operator, when the processor is Flink and the operator was installed here. */
    flinkOperator?: FlinkOperator;
    /** The Flink job, when the processor is Flink. */
    flinkJob?: FlinkJob;
    /** The long-running EMR cluster, when the processor is Spark Structured Streaming on EMR on EC2. */
    sparkCluster?: EmrSparkCluster;
    /** The EMR Serverless application, when the processor is Spark Structured Streaming on EMR Serverless. */
    sparkApplication?: EmrServerlessApplication;
    /** The Structured Streaming job, when the processor is Spark Structured Streaming. */
    sparkJob?: SparkStreamingJob;
    /** The Kafka Streams app, when the processor is Kafka Streams. */
    streamsApp?: KafkaStreamsApp;
    /** Firehose delivery of the Kafka Streams output topics into the speed zone. */
    delivery?: MskFirehoseIngest;
}

/** The views as the speed job receives them: each input topic and where its view goes. */
export function speedViewsArg(views: Array<{ topic: string; output: pulumi.Input<string> }>): pulumi.Output<string> {
    return pulumi.jsonStringify(views);
}
