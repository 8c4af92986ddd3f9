/**
 * The battery of what MSK Express brokers and MSK Serverless refuse that Standard brokers accept:
 * Express cluster settings (storage, versions, zones, broker keys), and topics on either flavour
 * (replication, min.insync.replicas, topic configs, Serverless's partition and message limits), each
 * rejected with all four parts of the message; then valid but unusual inputs accepted.
 *
 * KafkaCluster and KafkaTopic still validate just after registering themselves (their args are not
 * converted to a declaration yet), so these cases check the message, not that nothing was registered.
 */
import { KafkaConnection } from "../../components/core";
import { KafkaCluster, KafkaClusterArgs, KafkaTopic, KafkaTopicArgs, KafkaTopics } from "../../components/kafka";
import { runProgram } from "../../testing";
import { Expected, expectParts, rejection } from "./battery";

const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const express: KafkaClusterArgs = { vpcId: "vpc-1", subnetIds: ["a", "b", "c"], instanceType: "express.m7g.large" };

const expressCases: Array<[string, Partial<KafkaClusterArgs>, Expected]> = [
    [
        "an EBS volume size",
        { volumeSizeGiB: 500 },
        e(
            "volumeSizeGiB",
            "500",
            "MSK manages Express brokers' storage: there is no EBS volume to size",
            "Remove volumeSizeGiB, or use a Standard broker type",
        ),
    ],
    [
        "a storage autoscaling ceiling",
        { maxVolumeSizeGiB: 2000 },
        e("maxVolumeSizeGiB", "2000", "MSK manages Express brokers' storage: there is no volume to grow", "Remove maxVolumeSizeGiB"),
    ],
    [
        "a storage utilization target",
        { storageUtilizationTarget: 50 },
        e(
            "storageUtilizationTarget",
            "50",
            "MSK manages Express brokers' storage: there is no storage autoscaling",
            "Remove storageUtilizationTarget",
        ),
    ],
    [
        "tiered storage",
        { tieredStorage: true },
        e("tieredStorage", "true", "Express brokers have no tiered storage", "Remove tieredStorage"),
    ],
    [
        "broker log retention",
        { logRetentionDays: 14 },
        e("logRetentionDays", "14", "MSK delivers no broker logs for Express brokers", "Remove logRetentionDays"),
    ],
    [
        "two zones",
        { subnetIds: ["a", "b"] },
        e("subnetIds", '"2 subnets"', "Express brokers span exactly 3 Availability Zones", "Pass 3 private subnets"),
    ],
    [
        "a size MSK does not offer",
        { instanceType: "express.m7g.medium" },
        e("instanceType", '"express.m7g.medium"', "not an Express broker size", "Use one of express.m7g.large"),
    ],
    [
        "Kafka 3.9 in ZooKeeper mode",
        { kafkaVersion: "3.9.x" },
        e(
            "kafkaVersion",
            '"3.9.x"',
            "MSK offers Express brokers on Kafka 3.6, 3.8 and 3.9 (3.9 in KRaft mode only)",
            "Use one of 3.6.0, 3.8.x, 3.9.x.kraft",
        ),
    ],
    [
        "Kafka 3.7",
        { kafkaVersion: "3.7.x.kraft" },
        e("kafkaVersion", '"3.7.x.kraft"', "MSK offers Express brokers on Kafka 3.6, 3.8 and 3.9", "Use one of"),
    ],
    [
        "min.insync.replicas in the configuration",
        { serverProperties: { "min.insync.replicas": "2" } },
        e(
            'serverProperties["min.insync.replicas"]',
            '"2"',
            "MSK Express brokers do not let a configuration set this key (MSK manages it)",
            "Remove it",
        ),
    ],
    [
        "a replication factor in the configuration",
        { serverProperties: { "default.replication.factor": "3" } },
        e(
            'serverProperties["default.replication.factor"]',
            '"3"',
            "MSK Express brokers do not let a configuration set this key",
            "Remove it",
        ),
    ],
    [
        "a thread setting",
        { serverProperties: { "num.io.threads": "16" } },
        e(
            'serverProperties["num.io.threads"]',
            '"16"',
            "MSK Express brokers do not let a configuration set this key",
            "or use Standard brokers",
        ),
    ],
    [
        "topic auto-creation",
        { serverProperties: { "auto.create.topics.enable": "true" } },
        e(
            'serverProperties["auto.create.topics.enable"]',
            '"true"',
            "topics would appear on first use with broker defaults",
            "set allowWeakerDurability: true",
        ),
    ],
    [
        "an empty broker value",
        { serverProperties: { "log.retention.ms": " " } },
        e('serverProperties["log.retention.ms"]', '" "', "broker property values are non-empty strings", "Quote the value"),
    ],
];

describe("MSK Express battery: what Express refuses, with field, value, problem and fix", () => {
    test.each(expressCases)("%s", async (_, over, expected) => {
        const { problems } = await rejection(() => new KafkaCluster("fast", { ...express, ...over }));
        expectParts(problems, 'KafkaCluster "fast"', expected);
    });
});

const serverless: KafkaConnection = {
    bootstrapServers: "boot-x.c1.kafka-serverless.us-east-1.amazonaws.com:9098",
    authMode: "iam",
    clusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd-s1",
    mskFlavour: "serverless",
};
const onExpress: KafkaConnection = {
    ...serverless,
    clusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/fast/abcd-1",
    mskFlavour: "express",
    brokerCount: 3,
};

const topicCases: Array<[string, KafkaConnection, Partial<KafkaTopicArgs>, Expected]> = [
    [
        "two copies on Serverless",
        serverless,
        { replicationFactor: 2, minInsyncReplicas: 1, allowWeakerDurability: true },
        e("replicationFactor", "2", "MSK Serverless clusters keep exactly 3 copies of every partition", "Use 3, or omit replicationFactor"),
    ],
    [
        "four copies on Express",
        onExpress,
        { replicationFactor: 4 },
        e("replicationFactor", "4", "the cluster has only 3 brokers", "Use at most 3"),
    ],
    [
        "min.insync.replicas 1 on Express",
        onExpress,
        { minInsyncReplicas: 1, allowWeakerDurability: true },
        e("minInsyncReplicas", "1", "MSK Express brokers fix min.insync.replicas at 2", "Omit minInsyncReplicas"),
    ],
    [
        "segment.bytes on Serverless",
        serverless,
        { config: { "segment.bytes": "1073741824" } },
        e(
            'config["segment.bytes"]',
            '"1073741824"',
            "MSK Serverless clusters do not let a topic set this config",
            "Remove it; a topic may set compression.type",
        ),
    ],
    [
        "tiered storage on Express",
        onExpress,
        { config: { "remote.storage.enable": "true" } },
        e('config["remote.storage.enable"]', '"true"', "MSK Express brokers do not let a topic set this config", "Remove it"),
    ],
    [
        "flush settings on Express",
        onExpress,
        { config: { "flush.ms": "1000" } },
        e('config["flush.ms"]', '"1000"', "MSK Express brokers do not let a topic set this config", "Remove it"),
    ],
    [
        "2,401 partitions on Serverless",
        serverless,
        { partitions: 2401 },
        e(
            "partitions",
            "2401",
            "an MSK Serverless cluster holds at most 2400 partitions of non-compacted topics in all",
            "Use at most 2400",
        ),
    ],
    [
        "121 compacted partitions on Serverless",
        serverless,
        { partitions: 121, cleanupPolicy: "compact" },
        e("partitions", "121", "an MSK Serverless cluster holds at most 120 partitions of compacted topics", "Use at most 120"),
    ],
    [
        "compaction tuning on Serverless",
        serverless,
        { cleanupPolicy: "compact", compaction: { minCompactionLagMs: 1000 } },
        e("compaction", '{"minCompactionLagMs":1000}', "MSK Serverless does not let a topic tune compaction", "Remove compaction"),
    ],
    [
        "10 MiB messages on Serverless",
        serverless,
        { config: { "max.message.bytes": "10485760" } },
        e(
            'config["max.message.bytes"]',
            '"10485760"',
            "MSK Serverless accepts record batches of at most 8388608 bytes (8 MiB)",
            "Use at most 8388608",
        ),
    ],
    [
        "a dirty ratio on Express",
        onExpress,
        { cleanupPolicy: "compact", compaction: { minCleanableDirtyRatio: 0.3 } },
        e(
            "compaction.minCleanableDirtyRatio",
            "0.3",
            "MSK Express brokers do not let a topic set min.cleanable.dirty.ratio",
            "Remove minCleanableDirtyRatio",
        ),
    ],
    [
        "an hour's compaction lag on Express",
        onExpress,
        { cleanupPolicy: "compact", compaction: { maxCompactionLagMs: 3_600_000 } },
        e(
            "compaction.maxCompactionLagMs",
            "3600000",
            "MSK Express brokers accept a maximum compaction lag of 7 days or more",
            "Use 604800000 or more",
        ),
    ],
];

describe("Topics on Express and Serverless battery: what they refuse, with field, value, problem and fix", () => {
    test.each(topicCases)("%s", async (_, connection, over, expected) => {
        const { problems } = await rejection(() => new KafkaTopic("orders", { connection, ...over }));
        expectParts(problems, 'KafkaTopic "orders"', expected);
    });

    test("a Serverless cluster's partitions in total", async () => {
        const { problems } = await rejection(
            () =>
                new KafkaTopics("events", {
                    connection: serverless,
                    topics: {
                        a: { partitions: 1500 },
                        b: { partitions: 1000 },
                        c: { partitions: 80, cleanupPolicy: "compact" },
                        d: { partitions: 60, cleanupPolicy: "compact" },
                    },
                }),
        );
        expectParts(
            problems,
            'KafkaTopics "events"',
            e(
                "topics",
                '"2500 partitions"',
                "an MSK Serverless cluster holds at most 2400 partitions of non-compacted topics",
                "Use fewer partitions",
            ),
        );
        expectParts(
            problems,
            'KafkaTopics "events"',
            e(
                "topics",
                '"140 compacted partitions"',
                "an MSK Serverless cluster holds at most 120 partitions of compacted topics",
                "Use fewer partitions on compacted topics",
            ),
        );
    });
});

describe("Express and Serverless battery: valid but unusual inputs are accepted", () => {
    test.each([
        ["Kafka 3.6 on Express", { kafkaVersion: "3.6.0" }],
        ["the largest Express size", { instanceType: "express.m7g.16xlarge", brokerCount: 6 }],
        [
            "every key Express accepts at once",
            {
                serverProperties: {
                    "log.retention.ms": "86400000",
                    "message.max.bytes": "2097152",
                    "replica.selector.class": "org.apache.kafka.common.replica.RackAwareReplicaSelector",
                },
            },
        ],
        ["SCRAM on Express", { auth: "scram" as const }],
    ] as Array<[string, Partial<KafkaClusterArgs>]>)("%s", async (_, over) => {
        const graph = await runProgram(() => new KafkaCluster("fast", { ...express, ...over }));
        expect(graph.ofType("aws:msk/cluster:Cluster")).toHaveLength(1);
    });

    test.each([
        ["unlimited retention on Serverless", serverless, { retentionMs: -1, retentionBytes: -1 }],
        ["a compacted topic on Serverless", serverless, { cleanupPolicy: "compact" }],
        [
            "8 MiB messages on Serverless",
            serverless,
            { config: { "max.message.bytes": "8388608", "message.timestamp.type": "LogAppendTime" } },
        ],
        ["a week's compaction lag on Express", onExpress, { cleanupPolicy: "compact", compaction: { maxCompactionLagMs: 604_800_000 } }],
    ] as Array<[string, KafkaConnection, Partial<KafkaTopicArgs>]>)("%s", async (_, connection, over) => {
        const graph = await runProgram(() => new KafkaTopic("orders", { connection, ...over }));
        expect(graph.resources.some((r) => r.type === "aws:msk/topic:Topic" || r.type === "kafka:index/topic:Topic")).toBe(true);
    });
});
