import { KafkaCluster, KafkaTopic, KafkaTopics, MskServerlessCluster, MskServerlessClusterArgs } from "../../components/kafka";
import { KafkaConnection } from "../../components/core";
import { PlannedResource, ResourceGraph, runProgram } from "../../testing";
import { expectProblem, problemsOf } from "./helpers";

const T = {
    cluster: "aws:msk/serverlessCluster:ServerlessCluster",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    mskTopic: "aws:msk/topic:Topic",
    kafkaTopic: "kafka:index/topic:Topic",
    provider: "pulumi:providers:kafka",
};

const base: MskServerlessClusterArgs = { vpcId: "vpc-123", subnetIds: ["subnet-a", "subnet-b", "subnet-c"] };

describe("MskServerlessCluster", () => {
    let graph: ResourceGraph;
    let cluster: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const c = new MskServerlessCluster("events", {
                ...base,
                clientSecurityGroupIds: ["sg-eks-nodes"],
                clientCidrBlocks: ["10.20.0.0/16"],
                tags: { team: "data" },
            });
            const topics = new KafkaTopics("events-topics", {
                connection: c.connection,
                defaults: { partitions: 3 },
                topics: { orders: { retentionMs: 86_400_000 }, customers: { cleanupPolicy: "compact" } },
            });
            return { connection: c.connection, shapes: topics.shapes, backend: topics.topics.orders.backend };
        });
        cluster = graph.one(T.cluster);
    });

    it("authenticates with IAM only, in the given subnets, behind its own security group", () => {
        expect(cluster.inputs.clientAuthentication).toEqual({ sasl: { iam: { enabled: true } } });
        const sg = graph.one(T.sg);
        expect(cluster.inputs.vpcConfigs).toEqual([
            { subnetIds: ["subnet-a", "subnet-b", "subnet-c"], securityGroupIds: [expect.stringMatching(/^sg-/)] },
        ]);
        expect(cluster.propertyDependencies.vpcConfigs).toContain(sg.urn);
        expect(sg.inputs.vpcId).toBe("vpc-123");
    });

    it("admits only the named client group and CIDR, on the IAM port", () => {
        const rules = graph.ofType(T.ingress);
        expect(rules).toHaveLength(2);
        for (const r of rules) expect(r.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 9098, toPort: 9098 });
        expect(rules.map((r) => r.inputs.referencedSecurityGroupId ?? r.inputs.cidrIpv4).sort()).toEqual(["10.20.0.0/16", "sg-eks-nodes"]);
    });

    it("is protected and tagged like every data-bearing spectrum resource", () => {
        expect(cluster.options.protect).toBe(true);
        expect(cluster.options.retainOnDelete).toBe(true);
        expect(cluster.inputs.tags).toEqual({ team: "data", "spectrum:component": "MskServerlessCluster" });
    });

    it("produces a connection like KafkaCluster's: IAM bootstrap servers, ARN, name, and the Serverless flavour", () => {
        const connection = graph.outputs.connection as Record<string, unknown>;
        expect(connection).toEqual({
            bootstrapServers: expect.stringMatching(/kafka-serverless\.us-east-1\.amazonaws\.com:9098$/),
            authMode: "iam",
            clusterArn: expect.stringMatching(/^arn:aws:kafka:us-east-1:123456789012:cluster\/events-cluster-[^/]+\/[^/]+-s1$/),
            clusterName: expect.stringContaining("events-cluster"),
            mskFlavour: "serverless",
        });
    });

    it("creates topics over the Kafka protocol with IAM (there is no topic API), sending only configs Serverless accepts", () => {
        expect(graph.ofType(T.mskTopic)).toHaveLength(0);
        expect(graph.outputs.backend).toBe("kafka");
        const provider = graph.one(T.provider);
        expect(provider.inputs).toMatchObject({ saslMechanism: "aws-iam", saslAwsRegion: "us-east-1", tlsEnabled: "true" });
        expect(JSON.parse(String(provider.inputs.bootstrapServers))).toEqual([expect.stringMatching(/:9098$/)]);
        const topics = graph.ofType(T.kafkaTopic);
        const orders = topics.find((t) => t.inputs.name === "orders");
        const customers = topics.find((t) => t.inputs.name === "customers");
        expect(orders?.inputs).toMatchObject({ partitions: 3, replicationFactor: 3, config: { "retention.ms": "86400000" } });
        // delete is MSK's default and may be set only at creation; min.insync.replicas is MSK's own.
        expect(orders?.inputs.config).toEqual({ "retention.ms": "86400000" });
        expect(customers?.inputs.config).toEqual({ "cleanup.policy": "compact" });
        for (const t of topics) expect(t.options.protect).toBe(true);
    });
});

describe("MskServerlessCluster validation", () => {
    const build = (args: Partial<MskServerlessClusterArgs> & Record<string, unknown>) => () =>
        new MskServerlessCluster("bad", { ...base, ...args } as MskServerlessClusterArgs);

    it("refuses one subnet, open or malformed CIDRs, a bad name and unknown keys", () => {
        const problems = problemsOf(
            build({
                subnetIds: ["subnet-a"],
                clientCidrBlocks: ["0.0.0.0/0", "10.0.0.300/8"],
                clusterName: "-nope",
                brokerCount: 3,
                kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
            }),
        );
        expectProblem(problems, 'MskServerlessCluster "bad": subnetIds = "1 subnets"', "at least two Availability Zones");
        expectProblem(problems, 'clientCidrBlocks = "0.0.0.0/0"', "every address");
        expectProblem(problems, 'clientCidrBlocks = "10.0.0.300/8"', "not an IPv4 CIDR");
        expectProblem(problems, 'clusterName = "-nope"', "1-64 letters");
        expectProblem(problems, "brokerCount = 3", "not an argument of MskServerlessCluster", "vpcId");
        expectProblem(problems, "kmsKeyArn =", "not an argument of MskServerlessCluster");
    });
});

describe("Topics on MSK Serverless and Express brokers: what they refuse", () => {
    const serverless: KafkaConnection = {
        bootstrapServers: "boot-x.c1.kafka-serverless.us-east-1.amazonaws.com:9098",
        authMode: "iam",
        clusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd-s1",
        mskFlavour: "serverless",
    };
    const express: KafkaConnection = {
        ...serverless,
        clusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/fast/abcd-1",
        mskFlavour: "express",
        brokerCount: 3,
    };

    it("refuses another replication factor or min.insync.replicas, and configs the flavour does not let a topic set", () => {
        for (const [connection, label] of [
            [serverless, "MSK Serverless"],
            [express, "MSK Express brokers"],
        ] as const) {
            const problems = problemsOf(
                () =>
                    new KafkaTopic("t", {
                        connection,
                        replicationFactor: 2,
                        minInsyncReplicas: 1,
                        allowWeakerDurability: true,
                        config: { "segment.bytes": "1073741824", "compression.type": "zstd" },
                    }),
            );
            expectProblem(problems, 'KafkaTopic "t": replicationFactor = 2', `${label} keep exactly 3 copies`);
            expectProblem(problems, "minInsyncReplicas = 1", "fix min.insync.replicas at 2", "Omit minInsyncReplicas");
            expectProblem(problems, 'config["segment.bytes"] = "1073741824"', `${label} do not let a topic set this config`);
            expect(problems.some((p) => p.includes(`config["compression.type"]`))).toBe(false);
        }
    });

    it("refuses more partitions than a Serverless cluster holds, alone and in total, compaction tuning, and oversized messages", () => {
        expectProblem(
            problemsOf(() => new KafkaTopic("t", { connection: serverless, partitions: 2401 })),
            "partitions = 2401",
            "at most 2400 partitions of non-compacted topics",
        );
        expectProblem(
            problemsOf(() => new KafkaTopic("t", { connection: serverless, partitions: 121, cleanupPolicy: "compact" })),
            "partitions = 121",
            "at most 120 partitions of compacted topics",
        );
        expectProblem(
            problemsOf(
                () =>
                    new KafkaTopics("many", {
                        connection: serverless,
                        topics: {
                            a: { partitions: 1500 },
                            b: { partitions: 1000 },
                            c: { partitions: 80, cleanupPolicy: "compact" },
                            d: { partitions: 60, cleanupPolicy: "compact" },
                        },
                    }),
            ),
            'KafkaTopics "many": topics = "2500 partitions"',
            "at most 2400",
        );
        expectProblem(
            problemsOf(
                () =>
                    new KafkaTopics("many", {
                        connection: serverless,
                        topics: { c: { partitions: 80, cleanupPolicy: "compact" }, d: { partitions: 60, cleanupPolicy: "compact" } },
                    }),
            ),
            'topics = "140 compacted partitions"',
            "at most 120",
        );
        expectProblem(
            problemsOf(
                () => new KafkaTopic("t", { connection: serverless, cleanupPolicy: "compact", compaction: { minCompactionLagMs: 1000 } }),
            ),
            "compaction =",
            "does not let a topic tune compaction",
        );
        expectProblem(
            problemsOf(() => new KafkaTopic("t", { connection: serverless, config: { "max.message.bytes": "10485760" } })),
            'config["max.message.bytes"] = "10485760"',
            "at most 8388608 bytes",
        );
    });

    it("refuses compaction settings Express bounds", () => {
        const problems = problemsOf(
            () =>
                new KafkaTopic("t", {
                    connection: express,
                    cleanupPolicy: "compact",
                    compaction: { minCleanableDirtyRatio: 0.3, maxCompactionLagMs: 3_600_000 },
                }),
        );
        expectProblem(problems, "compaction.minCleanableDirtyRatio = 0.3", "do not let a topic set min.cleanable.dirty.ratio");
        expectProblem(problems, "compaction.maxCompactionLagMs = 3600000", "7 days or more");
    });

    it("keeps Standard brokers' topics as they were: min.insync.replicas sent, through the topic API", async () => {
        const graph = await runProgram(() => {
            const c = new KafkaCluster("std", { vpcId: "vpc-1", subnetIds: ["a", "b", "c"] });
            new KafkaTopic("orders", { connection: c.connection });
            return { flavour: c.connection.mskFlavour };
        });
        expect(graph.outputs.flavour).toBe("standard");
        expect(JSON.parse(graph.one(T.mskTopic).inputs.configs as string)["min.insync.replicas"]).toBe("2");
    });
});
