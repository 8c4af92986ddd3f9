import * as pulumi from "@pulumi/pulumi";
import * as kafka from "@pulumi/kafka";
import { KafkaConnection } from "../../components/core";
import { KafkaCluster, KafkaTopic, KafkaTopics, TopicSpec, externalKafka } from "../../components/kafka";
import { ResourceGraph, runProgram } from "../../testing";
import { expectProblem, problemsOf } from "./helpers";

const T = { msk: "aws:msk/topic:Topic", kafka: "kafka:index/topic:Topic", provider: "pulumi:providers:kafka" };
const MSK_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd-1";
const CERT = "-----BEGIN CERTIFICATE-----\nCERT\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----";
const CA = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----";

/** The platform code under test: identical whichever cluster it gets. */
function declareTopics(connection: KafkaConnection): KafkaTopics {
    return new KafkaTopics("events", {
        connection,
        defaults: { partitions: 12 },
        topics: {
            "orders.v1": { retentionMs: 3 * 24 * 3600 * 1000, config: { "compression.type": "zstd" } },
            "customers.v1": { cleanupPolicy: "compact", compaction: { minCompactionLagMs: 60000 } },
        },
    });
}

const scram = () =>
    externalKafka("confluent-platform", {
        bootstrapServers: "k1.example.internal:9096,k2.example.internal:9096,k3.example.internal:9096",
        authMode: "scram",
        brokerCount: 3,
        scram: { username: "platform", password: pulumi.secret("s3cret") },
    });

describe("KafkaTopics on MSK", () => {
    let graph: ResourceGraph;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const cluster = new KafkaCluster("msk", { vpcId: "vpc-1", subnetIds: ["a", "b", "c"] });
            const topics = declareTopics(cluster.connection);
            return {
                shapes: topics.shapes,
                backend: topics.topics["orders.v1"].backend,
                arn: topics.topics["orders.v1"].arn,
                clusterArn: cluster.arn,
            };
        });
    });

    it("manages topics through the MSK API on the cluster's ARN, with no @pulumi/kafka provider", () => {
        const topics = graph.ofType(T.msk);
        expect(topics.map((t) => t.inputs.name).sort()).toEqual(["customers.v1", "orders.v1"]);
        expect(graph.ofType(T.kafka)).toHaveLength(0);
        expect(graph.ofType(T.provider)).toHaveLength(0);
        const cluster = graph.one("aws:msk/cluster:Cluster");
        for (const t of topics) {
            expect(t.inputs.clusterArn).toMatch(/^arn:aws:kafka:us-east-1:123456789012:cluster\/msk-cluster-/);
            expect(t.propertyDependencies.clusterArn).toEqual([cluster.urn]);
            expect(t.inputs).toMatchObject({ partitionCount: 12, replicationFactor: 3 });
        }
        expect(graph.outputs.backend).toBe("msk");
        expect(graph.outputs.arn).toBe(`${String(graph.outputs.clusterArn).replace(":cluster/", ":topic/")}/orders.v1`);
    });

    it("sets retention for delete topics and compaction for compacted ones, with min ISR 2", () => {
        const orders = JSON.parse(graph.one(T.msk, "events-orders.v1-topic").inputs.configs as string);
        expect(orders).toEqual({
            "cleanup.policy": "delete",
            "min.insync.replicas": "2",
            "retention.ms": "259200000",
            "compression.type": "zstd",
        });
        const customers = JSON.parse(graph.one(T.msk, "events-customers.v1-topic").inputs.configs as string);
        expect(customers).toEqual({ "cleanup.policy": "compact", "min.insync.replicas": "2", "min.compaction.lag.ms": "60000" });
    });

    it("protects each topic and plans any change of name, cluster or replication factor as a (refused) replacement", () => {
        for (const t of graph.ofType(T.msk)) {
            expect(t.options).toMatchObject({ protect: true, retainOnDelete: true, deleteBeforeReplace: true });
            expect(t.options.replaceOnChanges.sort()).toEqual(["clusterArn", "name", "replicationFactor"]);
        }
    });

    it("exposes each topic's shape to feed back as `previous`", () => {
        expect(graph.outputs.shapes).toEqual({
            "orders.v1": { name: "orders.v1", partitions: 12, replicationFactor: 3 },
            "customers.v1": { name: "customers.v1", partitions: 12, replicationFactor: 3 },
        });
    });
});

describe("KafkaTopics on a cluster you bring (SCRAM)", () => {
    let graph: ResourceGraph;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const topics = declareTopics(scram());
            return { backend: topics.topics["orders.v1"].backend };
        });
    });

    it("uses @pulumi/kafka topics through one explicit provider built from the connection's SCRAM credentials", () => {
        const provider = graph.one(T.provider);
        expect(provider.name).toBe("events-kafka");
        expect(provider.inputs).toMatchObject({
            bootstrapServers: '["k1.example.internal:9096","k2.example.internal:9096","k3.example.internal:9096"]',
            tlsEnabled: "true",
            skipTlsVerify: "false",
            saslMechanism: "scram-sha512",
            saslUsername: "platform",
            saslPassword: "s3cret",
        });
        const topics = graph.ofType(T.kafka);
        expect(topics).toHaveLength(2);
        for (const t of topics) expect(t.provider).toBe(provider.urn);
        expect(graph.ofType(T.msk)).toHaveLength(0);
        expect(graph.outputs.backend).toBe("kafka");
    });

    it("gives the same topic settings as on MSK, protected, with name and replication factor replace-guarded", () => {
        const orders = graph.one(T.kafka, "events-orders.v1-topic");
        expect(orders.inputs).toMatchObject({ name: "orders.v1", partitions: 12, replicationFactor: 3 });
        expect(orders.inputs.config).toEqual({
            "cleanup.policy": "delete",
            "min.insync.replicas": "2",
            "retention.ms": "259200000",
            "compression.type": "zstd",
        });
        expect(orders.options).toMatchObject({ protect: true, retainOnDelete: true, deleteBeforeReplace: true });
        expect(orders.options.replaceOnChanges.sort()).toEqual(["name", "replicationFactor"]);
    });
});

describe("KafkaTopic on a cluster you bring (mutual TLS, plaintext, your provider)", () => {
    it("logs in with the client certificate, and honours a provider passed in opts.providers", async () => {
        const graph = await runProgram(() => {
            const tls = externalKafka("self-hosted", {
                bootstrapServers: "k1.internal:9093",
                authMode: "tls",
                tls: { clientCert: CERT, clientKey: KEY, caCert: CA },
            });
            new KafkaTopic("audit", { connection: tls, protect: false });
            const mine = new kafka.Provider("mine", { bootstrapServers: ["k1.internal:9093"] });
            new KafkaTopic("payments", { connection: tls }, { providers: [mine] });
        });
        const own = graph.one(T.provider, "audit-kafka");
        expect(own.inputs).toMatchObject({ tlsEnabled: "true", clientCert: CERT, clientKey: KEY, caCert: CA });
        expect(graph.one(T.kafka, "audit-topic").provider).toBe(own.urn);
        expect(graph.one(T.kafka, "audit-topic").options.protect).toBe(false);
        expect(graph.one(T.kafka, "payments-topic").provider).toBe(graph.one(T.provider, "mine").urn);
        expect(graph.ofType(T.provider)).toHaveLength(2);
    });

    it("logs in to Confluent Cloud with SASL/PLAIN (an API key and secret)", async () => {
        const graph = await runProgram(() => {
            const cloud = externalKafka("confluent-cloud", {
                bootstrapServers: "pkc-12345.us-east-1.aws.confluent.cloud:9092",
                authMode: "scram",
                scram: { username: "APIKEY123", password: pulumi.secret("api-secret"), mechanism: "PLAIN" },
            });
            new KafkaTopic("clicks", { connection: cloud, protect: false });
        });
        expect(graph.one(T.provider, "clicks-kafka").inputs).toMatchObject({
            tlsEnabled: "true",
            saslMechanism: "plain",
            saslUsername: "APIKEY123",
            saslPassword: "api-secret",
        });
    });

    it("allows a single-replica topic on a local plaintext cluster", async () => {
        const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
        let graph: ResourceGraph;
        try {
            graph = await runProgram(() => {
                const local = externalKafka("local", { bootstrapServers: "localhost:9092", authMode: "plaintext", brokerCount: 1 });
                new KafkaTopic("scratch", { connection: local, replicationFactor: 1, protect: false });
            });
            expect(warn).toHaveBeenCalledWith(
                expect.stringContaining('externalKafka "local": plaintext sends data and offers no authentication'),
            );
        } finally {
            warn.mockRestore();
        }
        const topic = graph.one(T.kafka);
        expect(topic.inputs).toMatchObject({ replicationFactor: 1, config: expect.objectContaining({ "min.insync.replicas": "1" }) });
        expect(graph.one(T.provider).inputs.tlsEnabled).toBe("false");
    });
});

describe("KafkaTopic validation", () => {
    const msk: KafkaConnection = { bootstrapServers: "b-1:9098", authMode: "iam", clusterArn: MSK_ARN, brokerCount: 3 };
    const topic =
        (spec: TopicSpec, connection: KafkaConnection = msk) =>
        () =>
            new KafkaTopic("t", { ...spec, connection });
    beforeAll(() => pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) }));

    it("refuses illegal and reserved topic names", () => {
        expectProblem(problemsOf(topic({ name: "orders/v1" })), 'KafkaTopic "t": name = "orders/v1"', "letters, digits", "Rename it");
        expectProblem(problemsOf(topic({ name: "x".repeat(250) })), "1-249", "Rename it");
        expectProblem(problemsOf(topic({ name: ".." })), 'name = ".."', 'not "." or ".."');
        expectProblem(problemsOf(topic({ name: "__consumer_offsets" })), 'name = "__consumer_offsets"', "internal topics");
    });

    it("refuses partitions below 1, a replication factor above the broker count, and min ISR not below it", () => {
        expectProblem(
            problemsOf(topic({ name: "a", partitions: 0 })),
            "partitions = 0",
            "at least one partition",
            "Use a whole number >= 1",
        );
        expectProblem(problemsOf(topic({ name: "a", replicationFactor: 4 })), "replicationFactor = 4", "only 3 brokers", "Use at most 3");
        expectProblem(
            problemsOf(topic({ name: "a", minInsyncReplicas: 3 })),
            "minInsyncReplicas = 3",
            "below replicationFactor (3)",
            "Use 2",
        );
    });

    it("refuses weak durability without the explicit opt-out", () => {
        const problems = problemsOf(topic({ name: "a", replicationFactor: 2 }));
        expectProblem(problems, "replicationFactor = 2", "fewer than 3 copies", "allowWeakerDurability: true");
        expectProblem(problems, "minInsyncReplicas = 1", "acknowledged by one replica", "allowWeakerDurability: true");
        expectProblem(
            problemsOf(topic({ name: "a", config: { "unclean.leader.election.enable": "true" } })),
            'config["unclean.leader.election.enable"] = "true"',
            "out-of-sync replica",
            "Remove the key",
        );
    });

    it("refuses unknown config keys, illegal values, and keys that have their own argument", () => {
        const problems = problemsOf(
            topic({
                name: "a",
                config: { "retention.hours": "5", "compression.type": "brotli", "retention.ms": "1000", "max.message.bytes": "-5" },
            }),
        );
        expectProblem(problems, 'config["retention.hours"] = "5"', "not a topic-level config", 'Did you mean "retention.ms"?');
        expectProblem(problems, 'config["compression.type"] = "brotli"', "one of uncompressed, zstd");
        expectProblem(problems, 'config["retention.ms"] = "1000"', "its own argument", "Use retentionMs");
        expectProblem(problems, 'config["max.message.bytes"] = "-5"', "a whole number >= 0");
    });

    it("refuses retention that the cleanup policy ignores, and compaction on a delete topic", () => {
        expectProblem(
            problemsOf(topic({ name: "a", cleanupPolicy: "compact", retentionMs: 1000 })),
            "retentionMs = 1000",
            'does not apply to a "compact" topic',
            'cleanupPolicy "compact,delete"',
        );
        expectProblem(
            problemsOf(topic({ name: "a", cleanupPolicy: "compact", retentionBytes: 1000 })),
            "retentionBytes = 1000",
            "does not apply",
        );
        expectProblem(
            problemsOf(topic({ name: "a", compaction: { minCompactionLagMs: 5 } })),
            "compaction = ",
            "only apply to a compacted topic",
            'cleanupPolicy "compact"',
        );
        expectProblem(
            problemsOf(topic({ name: "a", cleanupPolicy: "compact", config: { "remote.storage.enable": "true" } })),
            'config["remote.storage.enable"] = "true"',
            "delete policy",
        );
        expectProblem(
            problemsOf(topic({ name: "a", config: { "local.retention.ms": "1000" } })),
            'config["local.retention.ms"] = "1000"',
            "only applies with tiered storage",
        );
        const external: KafkaConnection = { bootstrapServers: "k-1:9092", authMode: "plaintext" };
        expectProblem(
            problemsOf(
                topic(
                    { name: "a", retentionMs: 1000, config: { "remote.storage.enable": "true", "local.retention.ms": "5000" } },
                    external,
                ),
            ),
            'config["local.retention.ms"] = "5000"',
            "more locally than the topic keeps in total (1000)",
        );
        expectProblem(problemsOf(topic({ name: "a", retentionMs: 0 })), "retentionMs = 0", "-1 (forever) or a positive");
    });

    it("refuses on MSK what its tiered storage refuses: local retention not below the total, small segments", () => {
        const tiered = (config: Record<string, string>) =>
            topic({ name: "a", retentionMs: 86400000, config: { "remote.storage.enable": "true", ...config } });
        expectProblem(
            problemsOf(tiered({ "local.retention.ms": "86400000" })),
            'KafkaTopic "t"',
            'config["local.retention.ms"] = "86400000"',
            "MSK needs local retention below the topic's total retention (86400000)",
            "Use less than 86400000",
        );
        const problems = problemsOf(tiered({ "segment.bytes": "1048576", "segment.ms": "60000" }));
        expectProblem(problems, 'config["segment.bytes"] = "1048576"', "smaller than 48 MiB on a tiered topic", "Use 50331648 or more");
        expectProblem(problems, 'config["segment.ms"] = "60000"', "smaller than 10 minutes on a tiered topic", "Use 600000 or more");
    });

    it("refuses, given the deployed shape, a partition decrease, a replication factor change and a rename", () => {
        const previous = { name: "orders", partitions: 12, replicationFactor: 3 };
        const problems = problemsOf(topic({ name: "orders.v2", partitions: 6, replicationFactor: 3, previous }));
        expectProblem(problems, "partitions = 6", "has 12 partitions", "cannot remove partitions", "Keep 12 or more");
        expectProblem(problems, 'name = "orders.v2"', 'deployed topic is "orders"', "new, empty one", 'Keep "orders"');
        expectProblem(
            problemsOf(topic({ name: "orders", replicationFactor: 3, previous: { ...previous, replicationFactor: 2 } })),
            "replicationFactor = 3",
            "has replication factor 2",
            "Keep 2",
        );
    });

    it("refuses connections @pulumi/kafka cannot log in with", () => {
        expectProblem(
            problemsOf(topic({ name: "a" }, { bootstrapServers: "b:9098", authMode: "iam" })),
            "connection.authMode",
            "IAM auth without a cluster ARN",
            "clusterArn",
        );
        expectProblem(
            problemsOf(topic({ name: "a" }, { bootstrapServers: "b:9096", authMode: "scram" })),
            "connection.scram",
            "without credentials",
        );
    });

    it("KafkaTopics reports every topic's problems at once, prefixed by topic, and refuses duplicate names", () => {
        const problems = problemsOf(
            () =>
                new KafkaTopics("many", {
                    connection: msk,
                    topics: { a: { partitions: 12 }, b: { name: "a" }, "c/d": {}, e: { partitions: 4 } },
                }),
        );
        expectProblem(problems, 'topics.b.name = "a"', 'topic "a" already has this name');
        expectProblem(problems, 'topics["c/d"].name = "c/d"', "Rename it");
        // A shape error in one topic is reported with the others of its kind, before the rules across fields.
        const shapes = problemsOf(
            () => new KafkaTopics("many", { connection: msk, topics: { a: { partitions: 0 }, b: { partitions: 1.5 } } }),
        );
        expectProblem(shapes, 'KafkaTopics "many": topics.a.partitions = 0');
        expectProblem(shapes, "topics.b.partitions = 1.5");
        expectProblem(
            problemsOf(() => new KafkaTopics("none", { connection: msk, topics: {} })),
            'KafkaTopics "none": topics',
            "no topics declared",
        );
    });
});

describe("externalKafka", () => {
    it("refuses an auth mode without what it needs, bad bootstrap servers, and stray credentials", () => {
        expectProblem(
            problemsOf(() => externalKafka("x", { bootstrapServers: "k1:9096", authMode: "scram" })),
            'externalKafka "x": scram = undefined',
            "username and password",
        );
        expectProblem(
            problemsOf(() => externalKafka("x", { bootstrapServers: "k1", authMode: "plaintext" })),
            'bootstrapServers = "k1"',
            "host:port",
        );
        expectProblem(
            problemsOf(() => externalKafka("x", { bootstrapServers: "k1:9098", authMode: "iam" })),
            "clusterArn = undefined",
            "IAM auth is MSK's",
            "Pass the MSK cluster ARN",
        );
        expectProblem(
            problemsOf(() =>
                externalKafka("x", { bootstrapServers: "k1:9098", authMode: "iam", clusterArn: "arn:aws:kafka:us-east-1:1:cluster" }),
            ),
            "not an MSK cluster ARN",
        );
        expectProblem(
            problemsOf(() => externalKafka("x", { bootstrapServers: "k1:9093", authMode: "tls", scram: { username: "u", password: "p" } })),
            'scram = "set"',
            'authMode is "tls"',
        );
    });

    it("marks credentials secret", async () => {
        const conn = scram();
        const secret = await (pulumi.output(conn.scram?.password) as unknown as { isSecret: Promise<boolean> }).isSecret;
        expect(secret).toBe(true);
    });
});
