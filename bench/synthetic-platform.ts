/**
 * A synthetic data platform built from the real components, for the benchmark's scale runs: one
 * landing zone and MSK cluster, an existing EKS cluster and Flink operator, then per domain a set
 * of topics, a Kafka Streams app, a Flink job and a nightly Spark batch job. About 60 resources
 * per domain; `domainsFor(resources)` picks the count for a size.
 */
import * as k8s from "@pulumi/kubernetes";
import { FlinkJob, KafkaCluster, KafkaStreamsApp, KafkaTopics, KubernetesTarget, LandingZone, SparkBatchJob } from "../components";

const NETWORK = { vpcId: "vpc-0bench", subnetIds: ["subnet-a", "subnet-b", "subnet-c"] };
const OIDC = "oidc.eks.us-east-1.amazonaws.com/id/BENCH";

/** The platform with `domains` domains, as a Pulumi program. */
export function syntheticPlatform(domains: number): () => Record<string, unknown> {
    return () => {
        const lake = new LandingZone("lake", { zones: { raw: {}, curated: {}, artifacts: {} }, protect: false });
        const kafka = new KafkaCluster("events", { vpcId: NETWORK.vpcId, subnetIds: NETWORK.subnetIds, protect: false });
        const target: KubernetesTarget = {
            provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
            clusterName: "platform",
            oidcProviderArn: `arn:aws:iam::123456789012:oidc-provider/${OIDC}`,
            oidcProviderUrl: `https://${OIDC}`,
        };
        const operator = { target, version: "1.15.0", jobNamespaces: ["flink"], readyResources: [] };
        for (let i = 0; i < domains; i++) {
            const d = `d${i}`;
            const topics = new KafkaTopics(`${d}-topics`, {
                connection: kafka.connection,
                defaults: { partitions: 6, protect: false },
                topics: { [`${d}.events`]: {}, [`${d}.enriched`]: {}, [`${d}.profiles`]: { cleanupPolicy: "compact" } },
            });
            new KafkaStreamsApp(`${d}-enricher`, {
                connection: kafka.connection,
                target,
                namespace: "streams",
                image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/enricher:1.0.0",
                inputTopics: [topics.topics[`${d}.events`], topics.topics[`${d}.profiles`]],
                outputTopics: [topics.topics[`${d}.enriched`]],
            });
            new FlinkJob(`${d}-sessions`, {
                operator,
                storage: lake,
                flinkVersion: "1.20.3",
                jarUri: "local:///opt/flink/usrlib/sessions.jar",
                protect: false,
            });
            new SparkBatchJob(`${d}-nightly`, {
                storage: lake,
                network: NETWORK,
                schedule: "cron(0 2 * * ? *)",
                application: { area: "artifacts", path: `jobs/${d}_nightly.py` },
                inputs: { events: { area: "raw", path: d } },
                outputs: { daily: { area: "curated", path: d } },
            });
        }
        return { bucket: lake.bucketName };
    };
}
