import { KafkaCluster, KafkaClusterArgs, KafkaTopics } from "../../components/kafka";
import { PlannedResource, ResourceGraph, runProgram } from "../../testing";
import { expectProblem, parseProperties, problemsOf } from "./helpers";

const T = {
    cluster: "aws:msk/cluster:Cluster",
    config: "aws:msk/configuration:Configuration",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    target: "aws:appautoscaling/target:Target",
    policy: "aws:appautoscaling/policy:Policy",
    topic: "aws:msk/topic:Topic",
};

const base: KafkaClusterArgs = {
    vpcId: "vpc-123",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    instanceType: "express.m7g.large",
};

describe("KafkaCluster with Express brokers", () => {
    let graph: ResourceGraph;
    let cluster: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const c = new KafkaCluster("fast", {
                ...base,
                multiVpcConnectivity: true,
                serverProperties: { "log.retention.ms": "259200000", "transaction.max.timeout.ms": "1800000" },
            });
            const topics = new KafkaTopics("fast-topics", {
                connection: c.connection,
                topics: { orders: { partitions: 6, config: { "compression.type": "zstd" } } },
            });
            return { flavour: c.connection.mskFlavour, brokers: c.connection.brokerCount, shapes: topics.shapes };
        });
        cluster = graph.one(T.cluster);
    });

    it("runs Express brokers over three zones with no EBS storage, storage mode or broker logs", () => {
        const nodes = cluster.inputs.brokerNodeGroupInfo as Record<string, unknown>;
        expect(nodes.instanceType).toBe("express.m7g.large");
        expect(nodes.clientSubnets).toEqual(["subnet-a", "subnet-b", "subnet-c"]);
        expect(nodes.storageInfo).toBeUndefined();
        expect(cluster.inputs.storageMode).toBeUndefined();
        expect(cluster.inputs.loggingInfo).toBeUndefined();
        expect(cluster.inputs.kafkaVersion).toBe("3.9.x.kraft");
        expect(cluster.inputs.numberOfBrokerNodes).toBe(3);
        expect(graph.ofType(T.logGroup)).toHaveLength(0);
    });

    it("has no storage autoscaling, and nothing ignores a volume size that does not exist", () => {
        expect(graph.ofType(T.target)).toHaveLength(0);
        expect(graph.ofType(T.policy)).toHaveLength(0);
        expect(cluster.options.ignoreChanges ?? []).toEqual([]);
    });

    it("writes only keys Express accepts into its configuration: no topic auto-creation, plus the user's", () => {
        const props = parseProperties(graph.one(T.config).inputs.serverProperties as string);
        expect(props).toEqual({
            "auto.create.topics.enable": "false",
            "log.retention.ms": "259200000",
            "transaction.max.timeout.ms": "1800000",
        });
        expect(graph.one(T.config).inputs.kafkaVersions).toEqual(["3.9.x.kraft"]);
    });

    it("keeps the security of a Standard cluster: own key, TLS, IAM, private multi-VPC connectivity, protection", () => {
        expect(cluster.inputs.encryptionInfo).toMatchObject({ encryptionInTransit: { clientBroker: "TLS", inCluster: true } });
        expect(cluster.inputs.clientAuthentication).toEqual({ sasl: { iam: true, scram: false }, unauthenticated: false });
        expect((cluster.inputs.brokerNodeGroupInfo as Record<string, unknown>).connectivityInfo).toEqual({
            publicAccess: { type: "DISABLED" },
            vpcConnectivity: { clientAuthentication: { sasl: { iam: true } } },
        });
        expect(cluster.options.protect).toBe(true);
    });

    it("tells topics it is Express, and topics leave replication and min.insync.replicas to MSK", () => {
        expect(graph.outputs.flavour).toBe("express");
        expect(graph.outputs.brokers).toBe(3);
        const topic = graph.one(T.topic);
        expect(topic.inputs).toMatchObject({ name: "orders", partitionCount: 6, replicationFactor: 3 });
        expect(JSON.parse(topic.inputs.configs as string)).toEqual({
            "cleanup.policy": "delete",
            "retention.ms": "604800000",
            "compression.type": "zstd",
        });
    });
});

describe("KafkaCluster with Express brokers: what Express refuses", () => {
    const build = (args: Partial<KafkaClusterArgs>) => () => new KafkaCluster("bad", { ...base, ...args } as KafkaClusterArgs);

    it("refuses storage, tiered storage and broker-log settings, which Express brokers do not have", () => {
        const problems = problemsOf(
            build({ volumeSizeGiB: 500, maxVolumeSizeGiB: 2000, storageUtilizationTarget: 50, tieredStorage: true, logRetentionDays: 14 }),
        );
        expectProblem(problems, 'KafkaCluster "bad": volumeSizeGiB = 500', "no EBS volume", "kafka.m7g.large");
        expectProblem(problems, "maxVolumeSizeGiB = 2000", "no volume to grow");
        expectProblem(problems, "storageUtilizationTarget = 50", "no storage autoscaling");
        expectProblem(problems, "tieredStorage = true", "no tiered storage");
        expectProblem(problems, "logRetentionDays = 14", "no broker logs");
    });

    it("refuses two zones, a size MSK does not offer, and Kafka versions Express does not run", () => {
        expectProblem(problemsOf(build({ subnetIds: ["a", "b"] })), 'subnetIds = "2 subnets"', "exactly 3 Availability Zones");
        expectProblem(
            problemsOf(build({ instanceType: "express.m7g.medium" })),
            'instanceType = "express.m7g.medium"',
            "not an Express broker size",
        );
        expectProblem(problemsOf(build({ kafkaVersion: "3.9.x" })), 'kafkaVersion = "3.9.x"', "3.9 in KRaft mode only", "3.9.x.kraft");
        expectProblem(problemsOf(build({ kafkaVersion: "3.7.x.kraft" })), 'kafkaVersion = "3.7.x.kraft"', "3.6, 3.8 and 3.9");
    });

    it("refuses broker keys Express manages itself, and topic auto-creation without the opt-out", () => {
        const problems = problemsOf(
            build({
                serverProperties: {
                    "min.insync.replicas": "2",
                    "default.replication.factor": "3",
                    "num.io.threads": "16",
                    "auto.create.topics.enable": "true",
                },
            }),
        );
        expectProblem(problems, 'serverProperties["min.insync.replicas"] = "2"', "Express brokers do not let a configuration set this key");
        expectProblem(problems, 'serverProperties["default.replication.factor"]', "MSK manages it");
        expectProblem(problems, 'serverProperties["num.io.threads"]', "MSK manages it");
        expectProblem(problems, 'serverProperties["auto.create.topics.enable"] = "true"', "allowWeakerDurability");
        expect(
            () =>
                new KafkaCluster("ok", { ...base, serverProperties: { "auto.create.topics.enable": "true" }, allowWeakerDurability: true }),
        ).not.toThrow();
    });
});
