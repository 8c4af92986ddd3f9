import { KafkaCluster, KafkaTopic, KafkaTopics, MskServerlessCluster, MskServerlessClusterArgs } from "../../components/kafka";
import { PlannedResource, ResourceGraph, runProgram } from "../../testing";

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

describe("Topics on Standard brokers", () => {
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
