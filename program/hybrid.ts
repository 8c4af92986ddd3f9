import * as pulumi from "@pulumi/pulumi";
import { HybridArchitecture } from "../components/architectures";
import { checkedConfig } from "./config";
import { deployedTopicsConfig, hybridConfig } from "./stack-config";
import { stackNetwork, stackProfile } from "./platform";

/**
 * The `hybrid` stack: a VPC (or yours, `spectrum:network.existing`), then the hybrid architecture
 * configured by `spectrum:hybrid`. `spectrum:deployedTopics` holds the last `kafkaTopics` output.
 */
export function hybridStack(config: pulumi.Config): Record<string, unknown> {
    const profile = stackProfile(config);
    const settings = checkedConfig(config, "hybrid", hybridConfig) ?? {};
    const tags = { "spectrum:stack": pulumi.getStack() };
    const network = stackNetwork(config, profile, tags);
    const hybrid = new HybridArchitecture("hybrid", {
        ...settings,
        profile,
        network,
        previousTopics: checkedConfig(config, "deployedTopics", deployedTopicsConfig) ?? settings.previousTopics,
        tags: { ...tags, ...settings.tags },
    });
    return {
        vpcId: network.vpcId,
        bucketName: hybrid.lake.bucketName,
        kmsKeyArn: hybrid.lake.kmsKeyArn,
        bootstrapServers: hybrid.kafka.bootstrapServers,
        kafkaClusterArn: hybrid.kafka.arn,
        kafkaTopics: hybrid.topics.shapes,
        deliveryStreamArns: Object.fromEntries(Object.entries(hybrid.ingest.streams).map(([topic, stream]) => [topic, stream.arn])),
        locations: hybrid.locations,
        stateMachineArn: hybrid.batch.stateMachineArn,
        scheduleArn: hybrid.batch.scheduleArn,
        batchFailureAlarmArn: hybrid.batch.alarmArn,
        batchLogUri: hybrid.batch.logUri,
        backfill: pulumi.interpolate`aws stepfunctions start-execution --state-machine-arn ${hybrid.batch.stateMachineArn} --input '{"logicalTime":"<an instant in the hour after the one to rebuild, e.g. 2026-01-31T11:15:00Z>"}'`,
    };
}
