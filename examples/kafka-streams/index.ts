import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { KafkaStreamsApp, KafkaTopics, KubernetesTarget, TopicShape, externalKafka } from "pulumi-spectrum";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Topics on an MSK cluster you already run, and one Kafka Streams app on an EKS cluster you
 * already run: it joins orders with customers and writes enriched orders, exactly once, with
 * IAM auth through IRSA and KEDA scaling on its consumer lag.
 *
 * Config: `eksClusterName`, `mskClusterName`, `image` (required); `mskBrokerCount` (lets topics
 * check their replication factor), `namespace` (default "streams"), `protect` (default true),
 * `deployedTopics` (the last `kafkaTopics` output, written by CI: refuses shrinking a topic at
 * preview time).
 */
export = async () => {
    const config = new pulumi.Config();
    const eksClusterName = config.require("eksClusterName");
    const mskClusterName = config.require("mskClusterName");
    const image = config.require("image");
    const brokerCount = config.getNumber("mskBrokerCount");
    const namespaceName = config.get("namespace") ?? "streams";
    const protect = config.getBoolean("protect") ?? true;
    const deployedTopics = config.getObject<Record<string, TopicShape>>("deployedTopics");

    // The EKS cluster is looked up, not managed here: its OIDC issuer gives IRSA, and kubectl's
    // usual `aws eks get-token` gives the provider its credentials.
    const eks = aws.eks.getClusterOutput({ name: eksClusterName });
    const issuer = eks.identities.apply((ids) => ids[0].oidcs[0].issuer);
    const oidcProvider = aws.iam.getOpenIdConnectProviderOutput({ url: issuer });
    const kubeconfig = pulumi.jsonStringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [
            {
                name: eksClusterName,
                cluster: { server: eks.endpoint, "certificate-authority-data": eks.certificateAuthorities.apply((cas) => cas[0].data) },
            },
        ],
        contexts: [{ name: eksClusterName, context: { cluster: eksClusterName, user: eksClusterName } }],
        "current-context": eksClusterName,
        users: [
            {
                name: eksClusterName,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", eksClusterName, "--output", "json"],
                    },
                },
            },
        ],
    });
    const target: KubernetesTarget = {
        provider: new k8s.Provider("eks", { kubeconfig }),
        clusterName: eksClusterName,
        oidcProviderArn: oidcProvider.arn,
        oidcProviderUrl: issuer,
    };

    // The MSK cluster too: IAM auth, so topics go through the MSK API (no network path needed
    // from wherever `pulumi up` runs) and the app gets an IAM policy instead of ACLs.
    const msk = aws.msk.getClusterOutput({ clusterName: mskClusterName });
    const kafka = externalKafka("msk", {
        bootstrapServers: msk.bootstrapBrokersSaslIam,
        authMode: "iam",
        clusterArn: msk.arn,
        clusterName: msk.clusterName,
        brokerCount,
    });

    const topics = new KafkaTopics("events", {
        connection: kafka,
        previous: deployedTopics,
        defaults: { partitions: 12, protect },
        topics: {
            "orders.v1": { retentionMs: 7 * DAY_MS },
            "customers.v1": { cleanupPolicy: "compact", compaction: { deleteRetentionMs: DAY_MS } },
            "orders-enriched.v1": { retentionMs: 30 * DAY_MS, config: { "compression.type": "zstd" } },
        },
    });

    // Pods in this namespace must meet the "restricted" Pod Security Standard, which the app does.
    const namespace = new k8s.core.v1.Namespace(
        "streams",
        { metadata: { name: namespaceName, labels: { "pod-security.kubernetes.io/enforce": "restricted" } } },
        { provider: target.provider },
    );

    const app = new KafkaStreamsApp(
        "orders-enricher",
        {
            connection: kafka,
            target,
            namespace: namespaceName,
            image,
            inputTopics: [topics.topics["orders.v1"], topics.topics["customers.v1"]],
            outputTopics: [topics.topics["orders-enriched.v1"]],
            replicas: 2,
            threads: 2,
            autoscaling: { maxReplicas: 6, lagThreshold: 5000 },
            protect,
        },
        { dependsOn: [namespace] },
    );

    return {
        // Feed this back as `deployedTopics` after each successful update (see the README).
        kafkaTopics: topics.shapes,
        applicationId: app.applicationId,
        appRoleArn: app.roleArn,
        watch: pulumi.interpolate`kubectl -n ${app.namespace} get statefulset,scaledobject ${app.kubernetesName}`,
    };
};
