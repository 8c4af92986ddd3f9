import * as pulumi from "@pulumi/pulumi";
import { LambdaArchitecture } from "../components/architectures/lambda/lambda";
import { athenaName } from "../components/architectures/lambda/athena-names";
import { speedNeedsKubernetes } from "../components/architectures/lambda/speed-processor";
import { checkedConfig } from "./config";
import { deployedTopicsConfig, lambdaConfig } from "./stack-config";
import { stackCluster, stackNetwork, stackProfile } from "./platform";

/**
 * The `lambda` stack: a VPC (or yours, `spectrum:network.existing`), an EKS cluster when the speed
 * layer runs on Kubernetes (Flink, Kafka Streams; or yours, `spectrum:kubernetes.existing`), then
 * the Lambda architecture configured by `spectrum:lambda`. `spectrum:deployedTopics` holds the last
 * `kafkaTopics` output.
 */
export function lambdaStack(config: pulumi.Config): Record<string, unknown> {
    const profile = stackProfile(config);
    const settings = checkedConfig(config, "lambda", lambdaConfig) ?? { views: {} };
    const tags = { "spectrum:stack": pulumi.getStack() };
    const network = stackNetwork(config, profile, tags);
    const cluster = speedNeedsKubernetes(settings.speed) ? stackCluster(config, profile, network, tags) : undefined;
    // The speed job's pods run on the cluster's nodes: their security group may reach the brokers.
    // For a cluster you bring, list its node or pod security groups in spectrum:lambda.kafkaClientSecurityGroupIds.
    const nodeGroups = cluster?.cluster ? [cluster.cluster.nodeSecurityGroupId] : [];
    const lambda = new LambdaArchitecture("lambda", {
        ...settings,
        profile,
        network,
        kubernetes: cluster?.target,
        kafkaClientSecurityGroupIds: [...nodeGroups, ...(settings.kafkaClientSecurityGroupIds ?? [])],
        previousTopics: checkedConfig(config, "deployedTopics", deployedTopicsConfig) ?? settings.previousTopics,
        // One database and workgroup per stack: their names are unique in the account and region.
        serving: {
            databaseName: athenaName(`spectrum_${pulumi.getStack()}`),
            workgroupName: `spectrum-${pulumi.getStack()}`,
            ...settings.serving,
        },
        tags: { ...tags, ...settings.tags },
    });
    const speed = lambda.speed;
    return {
        vpcId: network.vpcId,
        ...(cluster?.clusterName ? { clusterName: cluster.clusterName } : {}),
        bucketName: lambda.lake.bucketName,
        kmsKeyArn: lambda.lake.kmsKeyArn,
        bootstrapServers: lambda.kafka.bootstrapServers,
        kafkaClusterArn: lambda.kafka.arn,
        kafkaTopics: lambda.topics.shapes,
        processor: lambda.processor,
        processorReasons: lambda.processorReasons,
        views: lambda.views,
        deliveryStreamArns: Object.fromEntries(Object.entries(lambda.ingest.streams).map(([topic, stream]) => [topic, stream.arn])),
        batchStateMachineArn: lambda.batch.stateMachineArn,
        batchFailureAlarmArn: lambda.batch.alarmArn,
        backfill: pulumi.interpolate`aws stepfunctions start-execution --state-machine-arn ${lambda.batch.stateMachineArn} --input '{"logicalTime":"<an instant in the hour after the one to rebuild, e.g. 2026-01-31T11:15:00Z>"}'`,
        speedStateUri: speed.stateUri,
        speedJob: speed.flinkJob
            ? { flinkDeployment: speed.flinkJob.deploymentName, namespace: speed.flinkJob.namespace, roleArn: speed.flinkJob.roleArn }
            : speed.sparkJob
              ? {
                    sparkStep: speed.sparkJob.stepName,
                    supervisorArn: speed.sparkJob.supervisorArn,
                    clusterId: speed.sparkCluster?.clusterId,
                }
              : {
                    streamsApp: speed.streamsApp?.kubernetesName,
                    namespace: speed.streamsApp?.namespace,
                    roleArn: speed.streamsApp?.roleArn,
                },
        databaseName: lambda.databaseName,
        workgroupName: lambda.workgroupName,
        athenaResultsUri: lambda.serving.resultsUri,
        athenaUsersPolicyArn: lambda.serving.athenaUsersPolicy.arn,
    };
}
