import * as pulumi from "@pulumi/pulumi";
import { KappaArchitecture } from "../components/architectures/kappa/kappa";
import { checkedConfig } from "./config";
import { deployedTopicsConfig, kappaConfig } from "./stack-config";
import { stackCluster, stackNetwork, stackProfile } from "./platform";

/**
 * The `kappa` stack: a VPC and an EKS cluster (or yours, `spectrum:network.existing` and
 * `spectrum:kubernetes.existing`), then the Kappa architecture configured by `spectrum:kappa`.
 * `spectrum:deployedTopics` holds the last `kafkaTopics` output.
 */
export function kappaStack(config: pulumi.Config): Record<string, unknown> {
    const profile = stackProfile(config);
    const settings = checkedConfig(config, "kappa", kappaConfig) ?? {};
    const tags = { "spectrum:stack": pulumi.getStack() };
    const network = stackNetwork(config, profile, tags);
    const cluster = stackCluster(config, profile, network, tags);
    // The jobs run on the cluster's nodes: their security group may reach the brokers. For a
    // cluster you bring, list its node or pod security groups in spectrum:kappa.kafkaClientSecurityGroupIds.
    const nodeGroups = cluster.cluster ? [cluster.cluster.nodeSecurityGroupId] : [];
    const kappa = new KappaArchitecture("kappa", {
        ...settings,
        profile,
        network,
        target: cluster.target,
        storageClassName: settings.storageClassName ?? cluster.storageClassName,
        kafkaClientSecurityGroupIds: [...nodeGroups, ...(settings.kafkaClientSecurityGroupIds ?? [])],
        previousTopics: checkedConfig(config, "deployedTopics", deployedTopicsConfig) ?? settings.previousTopics,
        tags: { ...tags, ...settings.tags },
    });
    return {
        vpcId: network.vpcId,
        clusterName: cluster.clusterName,
        bucketName: kappa.lake.bucketName,
        kmsKeyArn: kappa.lake.kmsKeyArn,
        bootstrapServers: kappa.kafka.bootstrapServers,
        kafkaClusterArn: kappa.kafka.arn,
        kafkaTopics: kappa.topicShapes,
        processor: kappa.processor,
        processorReasons: kappa.processorReasons,
        liveVersion: kappa.liveVersion,
        liveOutputs: kappa.liveOutputs,
        liveParameterName: kappa.liveParameter.name,
        versions: Object.fromEntries(
            Object.entries(kappa.versions).map(([version, v]) => [
                version,
                {
                    workload: v.names.workloadName,
                    consumerGroup: v.names.consumerGroup,
                    outputTopics: v.names.outputTopics,
                    landingUri: v.landingUri,
                    roleArn: v.roleArn,
                },
            ]),
        ),
    };
}
