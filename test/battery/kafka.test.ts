/**
 * The Kafka battery (KafkaCluster, externalKafka, KafkaTopic, KafkaTopics, KafkaStreamsApp): bad
 * inputs a user really writes, each rejected before anything is registered with all four parts of
 * the message, and valid but unusual inputs accepted.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { KafkaConnection, KubernetesTarget } from "../../components/core";
import { KafkaCluster, KafkaStreamsApp, KafkaTopic, KafkaTopics, externalKafka } from "../../components/kafka";
import { runProgram } from "../../testing";
import rootProgram from "../../index";
import { Expected, expectParts, rejection, warningsOf } from "./battery";

type Case = [string, unknown, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const notKnown = (key: string) => `"${key}" is not a known field`;
const LIST = "is a list where a map is expected";
const OUTPUT = "is an Output, but this field must be known when the program runs";
const OUTPUT_VALUE = "an Output (checked when it resolves)";
const PEM_FIX = "Pass the file's contents";
const REQUIRED = "is required";

const CLUSTER_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd-1234";
const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----";
const msk = (): KafkaConnection => ({ bootstrapServers: "b-1.events:9098", authMode: "iam", clusterArn: CLUSTER_ARN, brokerCount: 3 });
const scram = (): KafkaConnection => ({
    bootstrapServers: "k1.internal:9096",
    authMode: "scram",
    brokerCount: 3,
    scram: { username: "app", password: "secret" },
});
const OIDC = "oidc.eks.us-east-1.amazonaws.com/id/ABC123";
const target = (): KubernetesTarget => ({
    provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
    clusterName: "platform",
    oidcProviderArn: `arn:aws:iam::123456789012:oidc-provider/${OIDC}`,
    oidcProviderUrl: `https://${OIDC}`,
});

/** What a rejected program registered, less the providers a case builds itself (the target's). */
const ownResources = (registered: string[]) => registered.filter((r) => !r.startsWith("pulumi:providers:"));

async function expectRejected(program: () => void, prefix: string, expected: Expected): Promise<void> {
    const { problems, registered } = await rejection(program);
    expectParts(problems, prefix, expected);
    expect(ownResources(registered)).toEqual([]);
}

describe("KafkaCluster battery: rejected before anything is registered", () => {
    const base = { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b", "subnet-c"] };
    const KC = 'KafkaCluster "events"';
    const cases: Case[] = [
        [
            "kafkaVersion in the wrong case",
            { ...base, kafkaversion: "3.9.x.kraft" },
            e("kafkaversion", '"3.9.x.kraft"', notKnown("kafkaversion"), 'Did you mean "kafkaVersion"?'),
        ],
        [
            "a misspelt broker count",
            { ...base, brokerCont: 3 },
            e("brokerCont", "3", notKnown("brokerCont"), 'Did you mean "brokerCount"?'),
        ],
        ["tag for tags", { ...base, tag: { team: "data" } }, e("tag", '{"team":"data"}', notKnown("tag"), 'Did you mean "tags"?')],
        [
            "a misspelt durability opt-out",
            { ...base, allowWeakDurability: true },
            e("allowWeakDurability", "true", notKnown("allowWeakDurability"), 'Did you mean "allowWeakerDurability"?'),
        ],
        [
            "a Terraform-style key",
            { ...base, number_of_broker_nodes: 3 },
            e("number_of_broker_nodes", "3", notKnown("number_of_broker_nodes"), "Use one of"),
        ],
        ["no vpcId", { subnetIds: base.subnetIds }, e("vpcId", "undefined", REQUIRED, "Set vpcId")],
        ["no subnets", { vpcId: "vpc-1" }, e("subnetIds", "undefined", REQUIRED, "Set subnetIds")],
        [
            "subnets as one comma-separated string",
            { ...base, subnetIds: "subnet-a,subnet-b" },
            e("subnetIds", '"subnet-a,subnet-b"', "is a string, not a list", "Write a list"),
        ],
        [
            "subnets as an Output",
            { ...base, subnetIds: pulumi.output(["a", "b", "c"]) },
            e("subnetIds", OUTPUT_VALUE, OUTPUT, "Pass a plain value"),
        ],
        ["a VPC id as a number", { ...base, vpcId: 42 }, e("vpcId", "42", "is a number, not a string", "Write a string")],
        [
            "a broker count as a string",
            { ...base, brokerCount: "3" },
            e("brokerCount", '"3"', "is a string, write a number", "Write 3 without quotes"),
        ],
        ["a fractional broker count", { ...base, brokerCount: 3.5 }, e("brokerCount", "3.5", "must be a whole number", "Write an integer")],
        [
            "two brokers",
            { ...base, brokerCount: 2 },
            e("brokerCount", "2", "replication factor 3 with min.insync.replicas 2 needs at least 3 brokers", "Use 3 or more brokers"),
        ],
        ["a NaN broker count", { ...base, brokerCount: NaN }, e("brokerCount", "NaN", "is not a number", "Write a number")],
        ["an empty volume", { ...base, volumeSizeGiB: 0 }, e("volumeSizeGiB", "0", "MSK takes 1 to 16384 GiB per broker", "e.g. 100")],
        [
            "a volume past MSK's maximum",
            { ...base, volumeSizeGiB: 20000 },
            e("volumeSizeGiB", "20000", "MSK takes 1 to 16384 GiB", "e.g. 100"),
        ],
        [
            "an infinite ceiling",
            { ...base, maxVolumeSizeGiB: Infinity },
            e("maxVolumeSizeGiB", "Infinity", "MSK takes 1 to 16384 GiB", "e.g. 1000"),
        ],
        [
            "a 90% storage target",
            { ...base, storageUtilizationTarget: 90 },
            e("storageUtilizationTarget", "90", "MSK storage autoscaling takes a target of 10 to 80 percent", "Use 50-60"),
        ],
        [
            "a storage target as a string",
            { ...base, storageUtilizationTarget: "60" },
            e("storageUtilizationTarget", '"60"', "is a string, write a number", "Write 60 without quotes"),
        ],
        ["an auth mode MSK has not", { ...base, auth: "tls" }, e("auth", '"tls"', "is not one of iam, scram", "Use one of")],
        ["auth in capitals", { ...base, auth: "IAM" }, e("auth", '"IAM"', "is not one of iam, scram", 'Did you mean "iam"?')],
        [
            "a monitoring level typo",
            { ...base, enhancedMonitoring: "PER_BROKERS" },
            e("enhancedMonitoring", '"PER_BROKERS"', "is not one of DEFAULT", 'Did you mean "PER_BROKER"?'),
        ],
        [
            "a retention CloudWatch has not",
            { ...base, logRetentionDays: 10 },
            e("logRetentionDays", "10", "CloudWatch Logs accepts only", "14"),
        ],
        [
            "protect as a string",
            { ...base, protect: "false" },
            e("protect", '"false"', "is a string, write true or false", "Write true or false"),
        ],
        [
            "tiered storage as yes",
            { ...base, tieredStorage: "yes" },
            e("tieredStorage", '"yes"', "is a string, write true or false", "without quotes"),
        ],
        [
            "broker properties as a list",
            { ...base, serverProperties: ["num.partitions=12"] },
            e("serverProperties", '["num.partitions=12"]', LIST, "mapping"),
        ],
        [
            "a broker property as a number",
            { ...base, serverProperties: { "num.partitions": 12 } },
            e('serverProperties["num.partitions"]', "12", "is a number, not a string", "Write a string"),
        ],
        [
            "client CIDRs as one string",
            { ...base, clientCidrBlocks: "10.0.0.0/16" },
            e("clientCidrBlocks", '"10.0.0.0/16"', "is a string, not a list", "Write a list"),
        ],
        [
            "an open CIDR",
            { ...base, clientCidrBlocks: ["0.0.0.0/0"] },
            e("clientCidrBlocks[0]", '"0.0.0.0/0"', "opens the brokers to every address", "Name the VPC"),
        ],
        [
            "an address without a prefix",
            { ...base, clientCidrBlocks: ["10.0.0.1"] },
            e("clientCidrBlocks[0]", '"10.0.0.1"', "not an IPv4 CIDR block", "10.0.0.0/16"),
        ],
        [
            "a SCRAM secret by name",
            { ...base, auth: "scram", scramSecretArns: ["kafka-users"] },
            e("scramSecretArns[0]", '"kafka-users"', "not the ARN of a Secrets Manager secret named AmazonMSK_*", "secret:AmazonMSK_"),
        ],
        [
            "a KMS alias for the key",
            { ...base, kmsKeyArn: "alias/kafka" },
            e("kmsKeyArn", '"alias/kafka"', "not a KMS key ARN", "key/<key id>"),
        ],
        [
            "a cluster name with _",
            { ...base, clusterName: "events_prod" },
            e("clusterName", '"events_prod"', "MSK cluster names are 1-64 letters", "Rename it"),
        ],
        [
            "a tag key starting with aws:",
            { ...base, tags: { "aws:owner": "data" } },
            e('tags["aws:owner"]', '"aws:owner"', "AWS reserves tag keys", "Use another prefix"),
        ],
        [
            "a Kafka version as a number",
            { ...base, kafkaVersion: 3.9 },
            e("kafkaVersion", "3.9", "is a number, not a string", "Write a string"),
        ],
        [
            "one subnet",
            { ...base, subnetIds: ["subnet-a"] },
            e("subnetIds", '"1 subnets"', "MSK spreads brokers over 2 or 3", "Pass 2 or 3 private subnets"),
        ],
        [
            "a subnet listed twice",
            { ...base, subnetIds: ["subnet-a", "subnet-a", "subnet-b"] },
            e("subnetIds", '"subnet-a"', "is listed twice", "List each subnet once"),
        ],
        [
            "4 brokers over 3 subnets",
            { ...base, brokerCount: 4 },
            e("brokerCount", "4", "MSK needs a multiple of the 3 client subnets", "Use 6"),
        ],
        [
            "a version MSK does not offer",
            { ...base, kafkaVersion: "3.10.x.kraft" },
            e("kafkaVersion", '"3.10.x.kraft"', "is not a version MSK offers", "Did you mean"),
        ],
        [
            "Kafka 4 with ZooKeeper",
            { ...base, kafkaVersion: "4.0.x" },
            e("kafkaVersion", '"4.0.x"', "Kafka 4 runs only in KRaft mode on MSK", 'Use "4.0.x.kraft"'),
        ],
        [
            "KRaft before 3.7",
            { ...base, kafkaVersion: "3.6.0.kraft" },
            e("kafkaVersion", '"3.6.0.kraft"', "MSK offers KRaft mode from 3.7", '"3.7.x.kraft"'),
        ],
        [
            "a version without the topic API",
            { ...base, kafkaVersion: "3.5.1" },
            e("kafkaVersion", '"3.5.1"', "the MSK topic API, which KafkaTopic uses on MSK, needs Kafka 3.6 or later", "Use 3.6.0 or later"),
        ],
        [
            "a broker size MSK does not offer",
            { ...base, instanceType: "kafka.m7g.medium" },
            e("instanceType", '"kafka.m7g.medium"', "is not an MSK standard broker size", 'Use one of "kafka.t3.small"'),
        ],
        [
            "an Express size MSK does not offer",
            { ...base, instanceType: "express.m5.large" },
            e("instanceType", '"express.m5.large"', "not an Express broker size", "express.m7g.large"),
        ],
        [
            "tiered storage on t3",
            { ...base, instanceType: "kafka.t3.small", tieredStorage: true },
            e("instanceType", '"kafka.t3.small"', "tiered storage is not available on t3 brokers", "turn off tieredStorage"),
        ],
        [
            "multi-VPC connectivity with SCRAM",
            { ...base, auth: "scram", multiVpcConnectivity: true },
            e(
                "multiVpcConnectivity",
                "true",
                "AWS services reach the cluster over multi-VPC connectivity with IAM auth only",
                'Use auth "iam"',
            ),
        ],
        [
            "an autoscaling ceiling below the volume",
            { ...base, volumeSizeGiB: 500, maxVolumeSizeGiB: 500 },
            e("maxVolumeSizeGiB", "500", "must exceed volumeSizeGiB (500)", "Use more than 500"),
        ],
        [
            "SCRAM secrets on an IAM cluster",
            { ...base, scramSecretArns: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_app-AbCdEf"] },
            e("scramSecretArns", '"1 secrets"', 'SCRAM secrets only apply with auth "scram"', 'Set auth: "scram"'),
        ],
        [
            "a broker key MSK does not accept",
            { ...base, serverProperties: { "log.dirs": "/data" } },
            e('serverProperties["log.dirs"]', '"/data"', "MSK does not accept this key", "Remove it"),
        ],
        [
            "min ISR 1 without the opt-out",
            { ...base, serverProperties: { "min.insync.replicas": "1" } },
            e(
                'serverProperties["min.insync.replicas"]',
                '"1"',
                "lower than 2 lets an acknowledged write be lost",
                "allowWeakerDurability: true",
            ),
        ],
        [
            "a ZooKeeper key on KRaft",
            { ...base, serverProperties: { "zookeeper.session.timeout.ms": "18000" } },
            e('serverProperties["zookeeper.session.timeout.ms"]', '"18000"', "a KRaft cluster has no ZooKeeper", "Remove the key"),
        ],
        [
            "min ISR equal to the replication factor",
            { ...base, serverProperties: { "min.insync.replicas": "3" } },
            e(
                'serverProperties["min.insync.replicas"]',
                '"3"',
                "min.insync.replicas (3) must be below default.replication.factor (3)",
                "Use min.insync.replicas 2",
            ),
        ],
    ];
    test.each(cases)("%s", (_, args, expected) => expectRejected(() => void new KafkaCluster("events", args as never), KC, expected));

    const names: [string, string, Expected][] = [
        [
            "a component name MSK cannot name a cluster after",
            "events_prod",
            e("name", '"events_prod"', "MSK cluster names are letters, digits and dashes", "or set clusterName"),
        ],
        [
            "a component name whose cluster name passes 64 characters",
            "e".repeat(50),
            e(
                "name",
                `"${"e".repeat(50)}"`,
                "the MSK cluster's generated name would be 66 characters; MSK allows 64",
                "48 characters or fewer",
            ),
        ],
        [
            "a very long component name",
            "e".repeat(70),
            e("name", `"${"e".repeat(70)}"`, "the MSK cluster's generated name would be 86 characters", "48 characters or fewer"),
        ],
        ["a component name with a space", "my events", e("name", '"my events"', "MSK cluster names are letters", "Rename the component")],
    ];
    test.each(names)("%s", (_, name, expected) =>
        expectRejected(() => void new KafkaCluster(name, base), `KafkaCluster "${name}"`, expected),
    );

    test("a KMS key ARN known only later is checked when it resolves, showing the resolved value", async () => {
        const { problems } = await rejection(() => void new KafkaCluster("events", { ...base, kmsKeyArn: pulumi.output("alias/kafka") }));
        expectParts(problems, KC, e("kmsKeyArn", '"alias/kafka"', "not a KMS key ARN", "key/<key id>"));
    });
});

describe("externalKafka battery: rejected with field, value, problem and fix", () => {
    const EK = 'externalKafka "ext"';
    const cases: Case[] = [
        [
            "an auth mode Kafka clients have not",
            { bootstrapServers: "k:9092", authMode: "sasl_ssl" },
            e("authMode", '"sasl_ssl"', "is not one of iam, scram, tls, plaintext", "Use one of"),
        ],
        ["no auth mode", { bootstrapServers: "k:9092" }, e("authMode", "undefined", REQUIRED, "Set authMode")],
        ["no bootstrap servers", { authMode: "plaintext" }, e("bootstrapServers", "undefined", REQUIRED, "Set bootstrapServers")],
        [
            "a broker without a port",
            { bootstrapServers: "broker1", authMode: "plaintext" },
            e("bootstrapServers", '"broker1"', "each entry must be host:port", "b-1.example.com:9096"),
        ],
        [
            "one entry of several without a port",
            { bootstrapServers: "k1:9096, k2", authMode: "plaintext" },
            e("bootstrapServers", '"k1:9096, k2"', "each entry must be host:port", "b-1.example.com:9096"),
        ],
        [
            "a port past 65535",
            { bootstrapServers: "k1:90960", authMode: "plaintext" },
            e("bootstrapServers", '"k1:90960"', "each entry must be host:port", "Write them like"),
        ],
        [
            "IAM without the cluster ARN",
            { bootstrapServers: "b-1:9098", authMode: "iam" },
            e("clusterArn", "undefined", "IAM auth is MSK's", "Pass the MSK cluster ARN"),
        ],
        [
            "a cluster ARN without its UUID",
            { bootstrapServers: "b-1:9098", authMode: "iam", clusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/events" },
            e("clusterArn", '"arn:aws:kafka:us-east-1:123456789012:cluster/events"', "not an MSK cluster ARN", "cluster/<name>/<uuid>"),
        ],
        [
            "SCRAM without credentials",
            { bootstrapServers: "k:9096", authMode: "scram" },
            e("scram", "undefined", "SCRAM needs a username and password", "Pass scram:"),
        ],
        [
            "an empty password",
            { bootstrapServers: "k:9096", authMode: "scram", scram: { username: "app", password: "" } },
            e("scram.password", '""', "the password is empty", "Pass the password"),
        ],
        [
            "passwd for password",
            { bootstrapServers: "k:9096", authMode: "scram", scram: { username: "app", password: "x", passwd: "x" } },
            e("scram.passwd", '"x"', notKnown("passwd"), 'Did you mean "password"?'),
        ],
        [
            "a SASL mechanism Kafka has not",
            { bootstrapServers: "k:9096", authMode: "scram", scram: { username: "app", password: "x", mechanism: "SCRAM-SHA-1" } },
            e("scram.mechanism", '"SCRAM-SHA-1"', "is not one of SCRAM-SHA-512, SCRAM-SHA-256, PLAIN", "Did you mean"),
        ],
        [
            "a client certificate on a SCRAM connection",
            {
                bootstrapServers: "k:9096",
                authMode: "scram",
                scram: { username: "app", password: "x" },
                tls: { clientCert: CERT, clientKey: KEY },
            },
            e("tls", '"set"', 'a client certificate, but authMode is "scram"', "Remove tls"),
        ],
        [
            "a certificate's path instead of its contents",
            { bootstrapServers: "k:9093", authMode: "tls", tls: { clientCert: "certs/client.pem", clientKey: KEY } },
            e("tls.clientCert", '"certs/client.pem"', "is not PEM text", PEM_FIX),
        ],
        [
            "TLS without its key",
            { bootstrapServers: "k:9093", authMode: "tls", tls: { clientCert: CERT } },
            e("tls.clientKey", "undefined", REQUIRED, "Set clientKey"),
        ],
        [
            "no brokers",
            { bootstrapServers: "k:9092", authMode: "plaintext", brokerCount: 0 },
            e("brokerCount", "0", "must be at least 1", "Give the number of brokers"),
        ],
        [
            "a broker count as a string",
            { bootstrapServers: "k:9092", authMode: "plaintext", brokerCount: "3" },
            e("brokerCount", '"3"', "is a string, write a number", "Write 3 without quotes"),
        ],
        [
            "bootstrap for bootstrapServers",
            { bootstrap: "k:9092", bootstrapServers: "k:9092", authMode: "plaintext" },
            e("bootstrap", '"k:9092"', notKnown("bootstrap"), "Use one of"),
        ],
    ];
    test.each(cases)("%s", (_, args, expected) => expectRejected(() => void externalKafka("ext", args as never), EK, expected));

    test("bootstrap servers known only later are checked when they resolve", async () => {
        const {
            result: { problems },
        } = await warningsOf(() =>
            rejection(() => void externalKafka("ext", { bootstrapServers: pulumi.output("broker"), authMode: "plaintext" })),
        );
        expectParts(problems, EK, e("bootstrapServers", '"broker"', "each entry must be host:port", "Write them like"));
    });
});

describe("KafkaTopic and KafkaTopics battery: rejected before anything is registered", () => {
    const KT = 'KafkaTopic "orders"';
    const topicCases: Case[] = [
        ["partitions as a string", { partitions: "12" }, e("partitions", '"12"', "is a string, write a number", "Write 12 without quotes")],
        ["no partitions", { partitions: 0 }, e("partitions", "0", "a topic needs at least one partition", "Use a whole number >= 1")],
        [
            "a fractional partition count",
            { partitions: 1.5 },
            e("partitions", "1.5", "a topic needs at least one partition", "Use a whole number"),
        ],
        [
            "more replicas than brokers",
            { replicationFactor: 4 },
            e("replicationFactor", "4", "the cluster has only 3 brokers", "Use at most 3"),
        ],
        [
            "two copies without the opt-out",
            { replicationFactor: 2 },
            e("replicationFactor", "2", "fewer than 3 copies", "allowWeakerDurability: true"),
        ],
        [
            "min ISR equal to the replicas",
            { minInsyncReplicas: 3 },
            e("minInsyncReplicas", "3", "must be below replicationFactor (3)", "Use 2"),
        ],
        [
            "a cleanup policy typo",
            { cleanupPolicy: "compacted" },
            e("cleanupPolicy", '"compacted"', "not a Kafka cleanup policy", '"compact,delete"'),
        ],
        [
            "a policy named twice",
            { cleanupPolicy: "delete,delete" },
            e("cleanupPolicy", '"delete,delete"', "not a Kafka cleanup policy", "Use"),
        ],
        [
            "retention on a compacted topic",
            { cleanupPolicy: "compact", retentionMs: 86400000 },
            e("retentionMs", "86400000", 'retention does not apply to a "compact" topic', "Remove retentionMs"),
        ],
        ["zero retention", { retentionMs: 0 }, e("retentionMs", "0", "must be -1 (forever) or a positive number", "604800000")],
        ["retention with a unit", { retentionMs: "7d" }, e("retentionMs", '"7d"', "is a string, not a number", "Write a number")],
        [
            "a size cap of -2",
            { retentionBytes: -2 },
            e("retentionBytes", "-2", "must be -1 (no cap) or a positive number of bytes", "10737418240"),
        ],
        [
            "compaction on a delete topic",
            { compaction: { minCompactionLagMs: 60000 } },
            e(
                "compaction",
                '{"minCompactionLagMs":60000}',
                "compaction settings only apply to a compacted topic",
                'cleanupPolicy "compact"',
            ),
        ],
        [
            "a dirty ratio above 1",
            { cleanupPolicy: "compact", compaction: { minCleanableDirtyRatio: 1.5 } },
            e("compaction.minCleanableDirtyRatio", "1.5", "must be between 0 and 1", "0.5"),
        ],
        [
            "a misspelt compaction key",
            { cleanupPolicy: "compact", compaction: { minCompactionLag: 1000 } },
            e("compaction.minCompactionLag", "1000", notKnown("minCompactionLag"), 'Did you mean "minCompactionLagMs"?'),
        ],
        [
            "a topic config as a number",
            { config: { "max.message.bytes": 2097152 } },
            e('config["max.message.bytes"]', "2097152", "is a number, not a string", "Write a string"),
        ],
        [
            "a misspelt topic config",
            { config: { "compresion.type": "zstd" } },
            e('config["compresion.type"]', '"zstd"', "not a topic-level config Kafka knows", 'Did you mean "compression.type"?'),
        ],
        [
            "a config key with its own argument",
            { config: { "cleanup.policy": "compact" } },
            e('config["cleanup.policy"]', '"compact"', "this setting has its own argument", "Use cleanupPolicy instead"),
        ],
        [
            "a compression Kafka has not",
            { config: { "compression.type": "brotli" } },
            e('config["compression.type"]', '"brotli"', "must be one of uncompressed, zstd", "Use one of"),
        ],
        ["a name with /", { name: "orders/v1" }, e("name", '"orders/v1"', "a topic name is 1-249 letters", "Rename it")],
        [
            "an internal topic's name",
            { name: "__orders" },
            e("name", '"__orders"', 'names starting with "__" belong to Kafka', "Pick a name"),
        ],
        [
            "fewer partitions than deployed",
            { partitions: 6, previous: { name: "orders", partitions: 12, replicationFactor: 3 } },
            e("partitions", "6", "the deployed topic has 12 partitions", "Keep 12 or more"),
        ],
        [
            "a rename of a deployed topic",
            { name: "orders.v2", previous: { name: "orders", partitions: 6, replicationFactor: 3 } },
            e("name", '"orders.v2"', 'the deployed topic is "orders"', 'Keep "orders"'),
        ],
        [
            "a partial deployed shape",
            { previous: { name: "orders", partitions: 6 } },
            e("previous.replicationFactor", "undefined", REQUIRED, "Set replicationFactor"),
        ],
        ["partition for partitions", { partition: 12 }, e("partition", "12", notKnown("partition"), 'Did you mean "partitions"?')],
        ["protect as a string", { protect: "false" }, e("protect", '"false"', "is a string, write true or false", "Write true or false")],
        ["no connection", { connection: undefined }, e("connection", "undefined", REQUIRED, "Pass the cluster's connection")],
        [
            "an auth mode in capitals",
            { connection: { ...msk(), authMode: "IAM" } },
            e("connection.authMode", '"IAM"', "is not one of iam, scram, tls, plaintext", 'Did you mean "iam"?'),
        ],
        [
            "clusterARN for clusterArn",
            { connection: { bootstrapServers: "b:9098", authMode: "iam", clusterARN: CLUSTER_ARN } },
            e("connection.clusterARN", `"${CLUSTER_ARN}"`, notKnown("clusterARN"), 'Did you mean "clusterArn"?'),
        ],
        [
            "IAM without a cluster ARN",
            { connection: { bootstrapServers: "b:9098", authMode: "iam" } },
            e("connection.authMode", '"iam"', "IAM auth without a cluster ARN", "externalKafka(...) and its clusterArn"),
        ],
        [
            "a provider that is not a Kafka provider",
            { connection: scram(), kafkaProvider: { bootstrapServers: ["k1:9096"] } },
            e("kafkaProvider", '{"bootstrapServers":["k1:9096"]}', "is not a @pulumi/kafka Provider", "Pass a kafka.Provider"),
        ],
    ];
    test.each(topicCases)("KafkaTopic: %s", (_, args, expected) =>
        expectRejected(() => void new KafkaTopic("orders", { connection: msk(), ...(args as object) } as never), KT, expected),
    );

    const KTS = 'KafkaTopics "events"';
    const topicsCases: Case[] = [
        ["topics as a YAML list", { topics: ["orders", "payments"] }, e("topics", '["orders","payments"]', LIST, "mapping")],
        ["no topics key", {}, e("topics", "undefined", REQUIRED, "Set topics")],
        ["an empty map", { topics: {} }, e("topics", "{}", "no topics declared", "Declare at least one topic")],
        [
            "a name in the shared defaults",
            { topics: { orders: {} }, defaults: { name: "x" } },
            e("defaults.name", '"x"', notKnown("name"), "Use one of"),
        ],
        [
            "a deployed shape inside a topic",
            { topics: { orders: { previous: { name: "orders", partitions: 6, replicationFactor: 3 } } } },
            e("topics.orders.previous", '{"name":"orders","partitions":6,"replicationFactor":3}', notKnown("previous"), "Use one of"),
        ],
        [
            "two topics with one name",
            { topics: { a: { name: "orders" }, b: { name: "orders" } } },
            e("topics.b.name", '"orders"', 'topic "a" already has this name', "own name"),
        ],
        [
            "names that collide in Kafka's metrics",
            { topics: { "orders.v1": {}, orders_v1: {} } },
            e(
                "topics.orders_v1.name",
                '"orders_v1"',
                'topic "orders.v1" is named "orders.v1", and Kafka folds . and _ into one metric name',
                "Use one separator style",
            ),
        ],
        [
            "deployed shapes as a list",
            { topics: { orders: {} }, previous: [{ name: "orders" }] },
            e("previous", '[{"name":"orders"}]', LIST, "mapping"),
        ],
        [
            "a topic's partitions as a string",
            { topics: { "orders.v1": { partitions: "12" } } },
            e('topics["orders.v1"].partitions', '"12"', "is a string, write a number", "Write 12 without quotes"),
        ],
        [
            "a shared default Kafka refuses",
            { topics: { orders: {} }, defaults: { cleanupPolicy: "forever" } },
            e("defaults.cleanupPolicy", '"forever"', "not a Kafka cleanup policy", "Use"),
        ],
    ];
    test.each(topicsCases)("KafkaTopics: %s", (_, args, expected) =>
        expectRejected(() => void new KafkaTopics("events", { connection: msk(), ...(args as object) } as never), KTS, expected),
    );

    test("a topic whose metric name another component's topic already has on the cluster", async () => {
        const connection = msk();
        const { problems, registered } = await rejection(() => {
            new KafkaTopic("first", { connection, name: "orders.v1" });
            new KafkaTopics("events", { connection, topics: { orders_v1: {} } });
        });
        expectParts(
            problems,
            KTS,
            e(
                "topics.orders_v1.name",
                '"orders_v1"',
                'KafkaTopic "first" already uses this topic name ("orders.v1")',
                "Use one separator style",
            ),
        );
        expect(registered.filter((r) => r.includes("events"))).toEqual([]);
    });
});

describe("KafkaStreamsApp battery: rejected before anything is registered", () => {
    const KS = 'KafkaStreamsApp "enricher"';
    const valid = () => ({ connection: msk(), target: target(), image: "registry/enricher:1.4.2", inputTopics: ["orders.v1"] });
    const cases: [string, () => unknown, Expected][] = [
        ["no target", () => ({ ...valid(), target: undefined }), e("target", "undefined", REQUIRED, "Pass the cluster's target")],
        [
            "no connection",
            () => ({ ...valid(), connection: undefined }),
            e("connection", "undefined", REQUIRED, "Pass the cluster's connection"),
        ],
        [
            "a target without its provider",
            () => ({ ...valid(), target: { clusterName: "platform" } }),
            e(
                "target.provider",
                "undefined",
                "is missing: a KubernetesTarget has the provider for the cluster",
                "Pass the cluster's target",
            ),
        ],
        [
            "a kubeconfig where the provider goes",
            () => ({ ...valid(), target: { provider: "~/.kube/config" } }),
            e("target.provider", '"~/.kube/config"', "is a string, not a Kubernetes provider", "Pass the cluster's target"),
        ],
        [
            "oidcProviderARN for oidcProviderArn",
            () => ({ ...valid(), target: { ...target(), oidcProviderARN: "arn" } }),
            e("target.oidcProviderARN", '"arn"', notKnown("oidcProviderARN"), 'Did you mean "oidcProviderArn"?'),
        ],
        ["no image", () => ({ ...valid(), image: undefined }), e("image", "undefined", REQUIRED, "Set image")],
        [
            "an image without a tag",
            () => ({ ...valid(), image: "registry/enricher" }),
            e("image", '"registry/enricher"', "an image without a tag or digest", "Pin it"),
        ],
        [
            "the latest tag",
            () => ({ ...valid(), image: "enricher:latest" }),
            e("image", '"enricher:latest"', "`latest` moves", "Use a version tag or a digest"),
        ],
        [
            "no input topics",
            () => ({ ...valid(), inputTopics: [] }),
            e("inputTopics", "[]", "a Streams app needs at least one input topic", "List the topics it consumes"),
        ],
        [
            "input topics as one string",
            () => ({ ...valid(), inputTopics: "orders.v1" }),
            e("inputTopics", '"orders.v1"', "is a string, not a list", "Write a list"),
        ],
        [
            "a topic as a number",
            () => ({ ...valid(), inputTopics: [5] }),
            e("inputTopics[0]", "5", "is neither a topic name nor a KafkaTopic", "pass the KafkaTopic"),
        ],
        [
            "an input listed twice",
            () => ({ ...valid(), inputTopics: ["orders.v1", "orders.v1"] }),
            e("inputTopics[1]", '"orders.v1"', "is listed twice", "List each topic once"),
        ],
        [
            "an internal topic as an input",
            () => ({ ...valid(), inputTopics: ["enricher-store-changelog"] }),
            e(
                "inputTopics[0]",
                '"enricher-store-changelog"',
                'topics starting with "enricher-" are the app\'s internal topics',
                "Declare only external topics",
            ),
        ],
        ["no replicas", () => ({ ...valid(), replicas: 0 }), e("replicas", "0", "must be at least 1", "Use 1 or more")],
        [
            "replicas as a string",
            () => ({ ...valid(), replicas: "2" }),
            e("replicas", '"2"', "is a string, write a number", "Write 2 without quotes"),
        ],
        ["no threads", () => ({ ...valid(), threads: 0 }), e("threads", "0", "must be at least 1", "Use 1 or more")],
        [
            "standbys on a stateless app",
            () => ({ ...valid(), stateful: false, standbyReplicas: 1 }),
            e("standbyReplicas", "1", "standby replicas copy state stores, and this app is stateless", "set stateful: true"),
        ],
        [
            "a guarantee Kafka 4 removed",
            () => ({ ...valid(), processingGuarantee: "exactly_once" }),
            e("processingGuarantee", '"exactly_once"', "exactly_once and exactly_once_beta were removed in Kafka 4", '"exactly_once_v2"'),
        ],
        [
            "a guarantee typo",
            () => ({ ...valid(), processingGuarantee: "at_least_onse" }),
            e("processingGuarantee", '"at_least_onse"', "is not a processing guarantee Kafka Streams 4 knows", '"at_least_once"'),
        ],
        [
            "exactly-once with two replicas",
            () => ({ ...valid(), replicationFactor: 2 }),
            e("replicationFactor", "2", "exactly-once needs internal topics", "Use 3"),
        ],
        [
            "more replicas than brokers",
            () => ({ ...valid(), replicationFactor: 4 }),
            e("replicationFactor", "4", "the cluster has only 3 brokers", "Use at most 3"),
        ],
        [
            "a property set from an argument",
            () => ({ ...valid(), properties: { "application.id": "other" } }),
            e('properties["application.id"]', '"other"', "this property is set from another argument", "Use applicationId instead"),
        ],
        [
            "a property as a number",
            () => ({ ...valid(), properties: { "commit.interval.ms": 100 } }),
            e('properties["commit.interval.ms"]', "100", "is a number, not a string", "Write a string"),
        ],
        [
            "a state volume in GB",
            () => ({ ...valid(), stateStorage: { size: "10GB" } }),
            e("stateStorage.size", '"10GB"', "is not a Kubernetes quantity", '"10Gi"'),
        ],
        [
            "a negative state volume",
            () => ({ ...valid(), stateStorage: { size: "-1Gi" } }),
            e("stateStorage.size", '"-1Gi"', "must be more than zero", "10Gi"),
        ],
        [
            "a storage class in capitals",
            () => ({ ...valid(), stateStorage: { storageClassName: "GP3" } }),
            e("stateStorage.storageClassName", '"GP3"', "not a Kubernetes storage class name", '"gp3"'),
        ],
        [
            "CPU in cores as words",
            () => ({ ...valid(), resources: { requests: { cpu: "2cores" } } }),
            e("resources.requests.cpu", '"2cores"', "is not a Kubernetes quantity", "millicores"),
        ],
        [
            "a request above its limit",
            () => ({ ...valid(), resources: { requests: { cpu: "4" } } }),
            e("resources.requests.cpu", '"4"', "is above the limit (2)", "Request at most 2"),
        ],
        [
            "a misspelt resource",
            () => ({ ...valid(), resources: { requests: { memroy: "2Gi" } } }),
            e("resources.requests.memroy", '"memroy"', "is not a container resource Kubernetes knows", '"memory"'),
        ],
        [
            "limits as a list",
            () => ({ ...valid(), resources: { limits: [{ cpu: "2" }] } }),
            e("resources.limits", '[{"cpu":"2"}]', LIST, "mapping"),
        ],
        ["a port past 65535", () => ({ ...valid(), health: { port: 70000 } }), e("health.port", "70000", "not a TCP port", "8080")],
        [
            "a health path without /",
            () => ({ ...valid(), health: { livenessPath: "health" } }),
            e("health.livenessPath", '"health"', "an HTTP path starts with /", '"/health/liveness"'),
        ],
        [
            "a 5-second startup",
            () => ({ ...valid(), health: { startupTimeoutSeconds: 5 } }),
            e("health.startupTimeoutSeconds", "5", "must be at least 10 seconds", "1800"),
        ],
        [
            "a liveness probe without a handler",
            () => ({ ...valid(), probes: { liveness: { periodSeconds: 10 } } }),
            e("probes.liveness", '{"periodSeconds":10}', "a probe needs a handler", "Give exactly one of httpGet"),
        ],
        [
            "a liveness probe needing two successes",
            () => ({ ...valid(), probes: { liveness: { httpGet: { path: "/l", port: 8080 }, successThreshold: 2 } } }),
            e("probes.liveness.successThreshold", "2", "Kubernetes takes only 1 for a liveness probe", "Use 1"),
        ],
        [
            "a readiness probe with two handlers",
            () => ({ ...valid(), probes: { readiness: { httpGet: { path: "/r", port: 8080 }, tcpSocket: { port: 8080 } } } }),
            e("probes.readiness", '["httpGet","tcpSocket"]', "a probe takes exactly one handler", "Give exactly one of"),
        ],
        [
            "a misspelt probe timing",
            () => ({ ...valid(), probes: { startup: { httpGet: { path: "/l", port: 8080 }, periodSecond: 10 } } }),
            e("probes.startup.periodSecond", "10", notKnown("periodSecond"), 'Did you mean "periodSeconds"?'),
        ],
        [
            "a zero close timeout",
            () => ({ ...valid(), closeTimeoutSeconds: 0 }),
            e("closeTimeoutSeconds", "0", "must be a whole number of seconds >= 1", "60"),
        ],
        [
            "a grace period no longer than the close timeout",
            () => ({ ...valid(), closeTimeoutSeconds: 60, terminationGracePeriodSeconds: 60 }),
            e("terminationGracePeriodSeconds", "60", "must exceed closeTimeoutSeconds (60)", "Use 90 or more"),
        ],
        [
            "a variable the app sets itself",
            () => ({ ...valid(), env: { POD_NAME: "x" } }),
            e("env.POD_NAME", '"POD_NAME"', "is set by KafkaStreamsApp itself", "Use another name"),
        ],
        [
            "a variable name with =",
            () => ({ ...valid(), env: { "A=B": "x" } }),
            e('env["A=B"]', '"A=B"', "Kubernetes takes environment variable names of printable ASCII characters without =", "Rename it"),
        ],
        [
            "an identity typo",
            () => ({ ...valid(), identity: "irsa2" }),
            e("identity", '"irsa2"', "is not one of irsa, pod-identity", 'Did you mean "irsa"?'),
        ],
        [
            "a principal without its type",
            () => ({ ...valid(), connection: scram(), aclPrincipal: "orders" }),
            e("aclPrincipal", '"orders"', "a Kafka principal is <type>:<name>", '"User:CN=orders-enricher"'),
        ],
        [
            "autoscaling without its ceiling",
            () => ({ ...valid(), autoscaling: {} }),
            e("autoscaling.maxReplicas", "undefined", REQUIRED, "Set maxReplicas"),
        ],
        [
            "autoscaling to zero",
            () => ({ ...valid(), autoscaling: { minReplicas: 0, maxReplicas: 3 } }),
            e("autoscaling.minReplicas", "0", "a Streams app must never scale to zero", "Use 1 or more"),
        ],
        [
            "a ceiling below the floor",
            () => ({ ...valid(), autoscaling: { minReplicas: 4, maxReplicas: 3 } }),
            e("autoscaling.maxReplicas", "3", "must be at least minReplicas (4)", "Use 4 or more"),
        ],
        [
            "the removed cooldown",
            () => ({ ...valid(), autoscaling: { maxReplicas: 3, cooldownSeconds: 300 } }),
            e(
                "autoscaling.cooldownSeconds",
                "300",
                "KEDA's cooldownPeriod only governs scaling to zero",
                "lowering autoscaling.maxReplicas",
            ),
        ],
        [
            "a two-hour scale-out window",
            () => ({ ...valid(), autoscaling: { maxReplicas: 3, scaleOutAfterSeconds: 7200 } }),
            e("autoscaling.scaleOutAfterSeconds", "7200", "must be a whole number of seconds from 0 to 3600", "300"),
        ],
        [
            "KEDA's namespace in capitals",
            () => ({ ...valid(), autoscaling: { maxReplicas: 3, kedaNamespace: "KEDA" } }),
            e("autoscaling.kedaNamespace", '"KEDA"', "not a Kubernetes namespace", '"keda"'),
        ],
        ["running as root", () => ({ ...valid(), runAsUser: 0 }), e("runAsUser", "0", "pods run as a non-root user", "Use a uid >= 1")],
        [
            "a label value with a space",
            () => ({ ...valid(), labels: { team: "data eng" } }),
            e("labels.team", '"data eng"', "a label value is letters, digits", "team-data"),
        ],
        [
            "a label key with two slashes",
            () => ({ ...valid(), labels: { "a/b/c": "x" } }),
            e('labels["a/b/c"]', '"a/b/c"', "a label key is an optional DNS-subdomain prefix", "example.com/team"),
        ],
        [
            "a tag key starting with aws:",
            () => ({ ...valid(), tags: { "aws:team": "x" } }),
            e('tags["aws:team"]', '"aws:team"', "AWS reserves tag keys", "Use another prefix"),
        ],
        [
            "a namespace in capitals",
            () => ({ ...valid(), namespace: "Streams" }),
            e("namespace", '"Streams"', "not a Kubernetes namespace name", '"streams"'),
        ],
        [
            "a Kubernetes name with _",
            () => ({ ...valid(), kubernetesName: "orders_app" }),
            e("kubernetesName", '"orders_app"', "Kubernetes names here are lowercase letters", "Pass kubernetesName"),
        ],
        [
            "an application.id with /",
            () => ({ ...valid(), applicationId: "orders/enricher" }),
            e("applicationId", '"orders/enricher"', "a topic name is 1-249", "Rename it"),
        ],
        [
            "IAM on a target without its OIDC provider",
            () => ({ ...valid(), target: { provider: target().provider } }),
            e("target", '"irsa"', "IRSA needs the cluster's OIDC provider ARN and URL", "choose the other identity mode"),
        ],
        [
            "SCRAM without credentials",
            () => ({ ...valid(), connection: { bootstrapServers: "k:9096", authMode: "scram" } }),
            e("connection.scram", "undefined", "SCRAM auth needs the app's username and password", "Pass { ...connection, scram"),
        ],
        [
            "mutual TLS without a principal",
            () => ({ ...valid(), connection: { bootstrapServers: "k:9093", authMode: "tls", tls: { clientCert: CERT, clientKey: KEY } } }),
            e("aclPrincipal", "undefined", "with mutual TLS the principal comes from the certificate", '"User:CN=orders-enricher"'),
        ],
        ["replica for replicas", () => ({ ...valid(), replica: 3 }), e("replica", "3", notKnown("replica"), 'Did you mean "replicas"?')],
        [
            "SCRAM credentials without a password",
            () => ({ ...valid(), connection: { ...scram(), scram: { username: "app" } } }),
            e("connection.scram.password", "undefined", REQUIRED, "Set password"),
        ],
    ];
    test.each(cases)("%s", (_, args, expected) =>
        expectRejected(() => void new KafkaStreamsApp("enricher", args() as never), KS, expected),
    );

    test("a name whose IAM role would pass 64 characters", async () => {
        const name = "e".repeat(52);
        await expectRejected(
            () => void new KafkaStreamsApp(name, { ...valid(), kubernetesName: "enricher" }),
            `KafkaStreamsApp "${name}"`,
            e(
                "name",
                `"${name}"`,
                "the role name would be 65 characters; IAM allows 64",
                "Shorten the component's name to 51 characters or fewer",
            ),
        );
    });

    test("two apps with one application.id on one cluster: the second is refused, naming the first", async () => {
        const connection = msk();
        const { problems, registered } = await rejection(() => {
            const t = target();
            new KafkaStreamsApp("first", { connection, target: t, image: "a:1", inputTopics: ["in"], applicationId: "orders" });
            new KafkaStreamsApp("second", { connection, target: t, image: "b:1", inputTopics: ["in"], applicationId: "orders" });
        });
        expectParts(
            problems,
            'KafkaStreamsApp "second"',
            e(
                "applicationId",
                '"orders"',
                'KafkaStreamsApp "first" already uses this application.id',
                "Give each app its own applicationId",
            ),
        );
        expect(registered.filter((r) => r.includes("second"))).toEqual([]);
    });
});

describe("Kafka battery: valid but unusual inputs are accepted", () => {
    const connection = msk;
    test.each([
        ["cleanup policy written delete first, as Kafka reports it", { cleanupPolicy: "delete,compact" }, "delete,compact"],
        ["cleanup policy with a space after the comma", { cleanupPolicy: "compact, delete" }, "compact, delete"],
    ])("KafkaTopic: %s", async (_, args, policy) => {
        const graph = await runProgram(() => void new KafkaTopic("orders", { connection: connection(), ...(args as object) }));
        const configs = JSON.parse(graph.one("aws:msk/topic:Topic").inputs.configs as string) as Record<string, string>;
        expect(configs["cleanup.policy"]).toBe(policy);
        expect(configs["retention.ms"]).toBe(String(7 * 86_400_000));
    });

    test("KafkaTopic: forever retention and no size cap, the longest topic name, and every compaction knob at its edge", async () => {
        const graph = await runProgram(() => {
            new KafkaTopic("forever", { connection: connection(), retentionMs: -1, retentionBytes: -1 });
            new KafkaTopic("long", { connection: connection(), name: "t".repeat(249) });
            new KafkaTopic("tuned", {
                connection: connection(),
                cleanupPolicy: "compact",
                compaction: { minCompactionLagMs: 0, maxCompactionLagMs: 1, deleteRetentionMs: 0, minCleanableDirtyRatio: 0 },
            });
        });
        expect(graph.ofType("aws:msk/topic:Topic")).toHaveLength(3);
    });

    test("KafkaCluster: the boundaries MSK allows, and four brokers over two subnets by default", async () => {
        const graph = await runProgram(() => {
            new KafkaCluster("edge", {
                vpcId: "vpc-1",
                subnetIds: ["a", "b", "c"],
                brokerCount: 6,
                kafkaVersion: "3.6.0",
                volumeSizeGiB: 1,
                maxVolumeSizeGiB: 16384,
                storageUtilizationTarget: 80,
                logRetentionDays: 3653,
                clusterName: `c${"x".repeat(63)}`,
                clientCidrBlocks: ["10.0.0.0/8", "192.168.1.7/32"],
            });
            new KafkaCluster("pair", { vpcId: "vpc-1", subnetIds: ["a", "b"] });
        });
        expect(Object.fromEntries(graph.ofType("aws:msk/cluster:Cluster").map((c) => [c.name, c.inputs.numberOfBrokerNodes]))).toEqual({
            "edge-cluster": 6,
            "pair-cluster": 4,
        });
    });

    test("externalKafka: Confluent's PLAIN, a bootstrap list with spaces, IPv6 brokers, and a one-broker local cluster with a single-replica topic", async () => {
        const { result: graph, warnings } = await warningsOf(() =>
            runProgram(() => {
                externalKafka("confluent", {
                    bootstrapServers: "pkc-1.us-east-1.aws.confluent.cloud:9092, pkc-2.us-east-1.aws.confluent.cloud:9092",
                    authMode: "scram",
                    scram: { username: "KEY", password: pulumi.secret("SECRET"), mechanism: "PLAIN" },
                });
                externalKafka("ipv6", { bootstrapServers: "[fd00::1]:9092,[fd00::2]:9092", authMode: "plaintext" });
                const local = externalKafka("local", { bootstrapServers: "localhost:9092", authMode: "plaintext", brokerCount: 1 });
                new KafkaTopic("scratch", { connection: local, replicationFactor: 1, protect: false });
            }),
        );
        expect(graph.one("kafka:index/topic:Topic").inputs).toMatchObject({ replicationFactor: 1 });
        // Plaintext is accepted for a local cluster, and said to be one each time.
        expect(warnings.filter((w) => w.includes("plaintext sends data")).map((w) => w.split('"')[1])).toEqual(["ipv6", "local"]);
    });

    test("KafkaStreamsApp: decimal quantities, CPU as a number, extended resources, an exec probe and an empty label value", async () => {
        const graph = await runProgram(() => {
            new KafkaStreamsApp("enricher", {
                connection: connection(),
                target: target(),
                image: `registry/enricher:latest@sha256:${"a".repeat(64)}`,
                inputTopics: ["orders.v1"],
                stateStorage: { size: "20G", storageClassName: "gp3" },
                resources: {
                    requests: { cpu: 1, memory: "1.5Gi", "ephemeral-storage": "1G" },
                    limits: { cpu: 2, memory: "1.5Gi", "nvidia.com/gpu": "1" },
                },
                probes: { liveness: { exec: { command: ["/bin/healthy"] }, periodSeconds: 30 } },
                labels: { "example.com/reviewed": "" },
                autoscaling: { maxReplicas: 2, scaleOutAfterSeconds: 0 },
            });
        });
        const sts = graph.one("kubernetes:apps/v1:StatefulSet");
        const spec = sts.inputs.spec as {
            template: { spec: { containers: { resources: unknown; livenessProbe: unknown }[] } };
            volumeClaimTemplates: unknown[];
        };
        expect(spec.template.spec.containers[0].resources).toEqual({
            requests: { cpu: "1", memory: "1.5Gi", "ephemeral-storage": "1G" },
            limits: { cpu: "2", memory: "1.5Gi", "nvidia.com/gpu": "1" },
        });
        expect(spec.template.spec.containers[0].livenessProbe).toEqual({ exec: { command: ["/bin/healthy"] }, periodSeconds: 30 });
        expect(spec.volumeClaimTemplates).toMatchObject([
            { spec: { resources: { requests: { storage: "20G" } }, storageClassName: "gp3" } },
        ]);
    });
});

describe("Kafka in stack config: the deployed topic shapes are checked against their declaration", () => {
    const hybrid = { "spectrum:architecture": "hybrid", "spectrum:profile": "dev" };
    const cases: [string, unknown, Expected][] = [
        [
            "a partition count quoted in YAML",
            { orders: { name: "orders", partitions: "12", replicationFactor: 3 } },
            e("spectrum:deployedTopics.orders.partitions", '"12"', "is a string, write a number", "Write 12 without quotes"),
        ],
        [
            "a shape without its name",
            { orders: { partitions: 12, replicationFactor: 3 } },
            e("spectrum:deployedTopics.orders.name", "undefined", REQUIRED, "Set name"),
        ],
        [
            "shapes as a list",
            [{ name: "orders", partitions: 12, replicationFactor: 3 }],
            e("spectrum:deployedTopics", '[{"name":"orders","partitions":12,"replicationFactor":3}]', LIST, "mapping"),
        ],
    ];
    test.each(cases)("%s", async (_, deployedTopics, expected) => {
        const { problems, registered } = await rejection(rootProgram, {
            project: "spectrum",
            config: { ...hybrid, "spectrum:deployedTopics": deployedTopics },
        });
        expectParts(problems, "stack config", expected);
        expect(registered).toEqual([]);
    });
});
