import * as pulumi from "@pulumi/pulumi";
import { KubernetesTarget } from "../../core/contracts";
import { FlinkOperatorRef } from "../../flink";
import { flinkOperatorSettings } from "../../flink/operator-validate";
import { flinkJobSettings } from "../../flink/job-validate";
import { emrSparkClusterSettings } from "../../spark/emr-spark-cluster-validate";
import { sparkStreamingJobSettings } from "../../spark/spark-streaming-job-validate";
import { DEFAULT_EMR_RELEASE, DEFAULT_EMR_SERVERLESS_RELEASE } from "../../spark";
import type { EmrServerlessTarget } from "../../spark/contract-args";
import { kafkaStreamsAppSettings } from "../../kafka/streams-app-validate";
import { mskFirehoseIngestSettings } from "../../ingest/msk-firehose-ingest-validate";
import { NetworkPlacement } from "../../platform";
import { PlannedLakeAndLog } from "../shared/lake-and-log";
import { PartChecks, partFields, plannedSparkCluster } from "../shared/parts-check";
import { LambdaSettings, SpeedLayerArgs } from "./lambda-args";
import { flinkSpeedJobArgs, flinkSpeedOperatorArgs } from "./speed-flink";
import { sparkSpeedClusterArgs, speedApplication, speedJobArgs } from "./speed-spark";
import { streamsSpeedAppArgs, streamsSpeedDeliveryArgs } from "./speed-streams";

/** What the speed layer's parts are checked with, besides the lake and log as planned. */
export interface SpeedCheckInputs {
    settings: LambdaSettings;
    speed: SpeedLayerArgs;
    network: NetworkPlacement;
    kubernetes?: KubernetesTarget;
    /** The EMR Serverless application a Spark speed job will run on (runtime `emr-serverless`), as planned. */
    serverless?: EmrServerlessTarget;
    alarmTopicArn?: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * Checks the args of the speed layer's parts as it will pass them (the Flink operator and job, the
 * Spark streaming cluster and job, or the Kafka Streams app and its delivery), and that the
 * operator and the FlinkDeployment are not another component's already, each problem at the
 * architecture's field (`speed.flink.*`, `speed.sparkStreaming.*`, `speed.kafkaStreams.*`).
 */
export function checkSpeedLayer(checks: PartChecks, name: string, inputs: SpeedCheckInputs, planned: PlannedLakeAndLog): void {
    const { settings: s, speed, tags } = inputs;
    if (s.processor === "flink") {
        const target = inputs.kubernetes as KubernetesTarget;
        const flink = speed.flink ?? {};
        let operator = flink.operator as FlinkOperatorRef | undefined;
        if (operator === undefined) {
            const fields = partFields("", {}, { target: "kubernetes", replicas: "profile" });
            const settings = checks.run(fields, () => flinkOperatorSettings(`${name}-flink`, flinkSpeedOperatorArgs(s, target)));
            if (settings === undefined) return;
            checks.unclaimed(fields, [
                {
                    kind: "operator-install",
                    identity: "flink-kubernetes-operator",
                    who: { component: "FlinkOperator", name: `${name}-flink`, field: "target" },
                    scope: settings.target,
                },
            ]);
            operator = { target, version: settings.version, jobNamespaces: settings.jobNamespaces, readyResources: [] };
        }
        const fields = partFields("speed.flink", flink, {
            storage: "landingZone",
            storageAccess: "topics",
            kafka: "topics",
            args: "speed.consumerGroup",
            jobManager: "profile",
            protect: "profile",
            tags: "tags",
        });
        const job = checks.run(fields, () =>
            flinkJobSettings(`${name}-speed`, flinkSpeedJobArgs(s, flink, planned.storage, planned.connection, operator, tags)),
        );
        if (job === undefined) return;
        checks.unclaimed(fields, [
            {
                kind: "flink-deployment-name",
                identity: `${job.namespace}/${job.deploymentName}`,
                who: { component: "FlinkJob", name: `${name}-speed`, field: "deploymentName" },
                scope: job.operator.target,
            },
        ]);
    } else if (s.processor === "spark-streaming") {
        // On EMR on EC2 the streaming cluster is the architecture's; on EMR Serverless the application is checked with spark.serverless.
        const spark = speed.sparkStreaming ?? {};
        if (s.sparkRuntime === "emr-ec2")
            checks.run(
                partFields("speed.sparkStreaming.cluster", spark.cluster, {
                    storage: "landingZone",
                    network: "network",
                    highAvailability: "profile",
                    protect: "profile",
                    tags: "tags",
                }),
                () => emrSparkClusterSettings(`${name}-streaming`, sparkSpeedClusterArgs(s, spark, planned.storage, inputs.network, tags)),
            );
        // The job itself, submitted to a stand-in for the cluster or application the architecture creates.
        const runsOn =
            s.sparkRuntime === "emr-ec2"
                ? { cluster: plannedSparkCluster(planned.storage), releaseLabel: spark.cluster?.releaseLabel ?? DEFAULT_EMR_RELEASE }
                : { serverless: inputs.serverless, releaseLabel: inputs.serverless?.releaseLabel ?? DEFAULT_EMR_SERVERLESS_RELEASE };
        const { releaseLabel, ...target } = runsOn;
        const job = speedJobArgs(
            { settings: s, spark, bootstrapServers: planned.connection.bootstrapServers, alarmTopicArn: inputs.alarmTopicArn, tags },
            speedApplication(spark),
            releaseLabel,
        );
        checks.run(
            partFields("speed.sparkStreaming", spark, {
                cluster: "speed.sparkStreaming.cluster",
                serverless: "spark.serverless",
                outputs: "topics",
                alarmTopicArn: "alarmTopicArn",
                tags: "tags",
            }),
            () => sparkStreamingJobSettings(`${name}-speed`, { ...target, ...job }),
        );
    } else if (speed.kafkaStreams !== undefined) {
        const streams = speed.kafkaStreams;
        const target = inputs.kubernetes as KubernetesTarget;
        checks.run(
            partFields("speed.kafkaStreams", streams, {
                connection: "kafka",
                target: "kubernetes",
                inputTopics: "topics",
                outputTopics: "topics",
                applicationId: "speed.consumerGroup",
                env: "topics",
                protect: "profile",
                tags: "tags",
            }),
            () =>
                kafkaStreamsAppSettings(
                    `${name}-speed`,
                    streamsSpeedAppArgs(name, s, streams, planned.connection, target, (t) => t, tags),
                ),
        );
        checks.run(
            partFields("speed.kafkaStreams", streams, {
                connection: "kafka",
                topics: "topics",
                storage: "landingZone",
                bufferingIntervalSeconds: "speed.kafkaStreams.deliveryBufferSeconds",
                tags: "tags",
            }),
            () =>
                mskFirehoseIngestSettings(
                    `${name}-speed-delivery`,
                    streamsSpeedDeliveryArgs(s, streams, planned.storage, planned.connection, tags),
                ),
        );
    }
}
