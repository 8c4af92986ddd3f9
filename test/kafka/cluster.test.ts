import * as pulumi from "@pulumi/pulumi";
import { KafkaCluster, KafkaClusterArgs } from "../../components/kafka";
import { PlannedResource, ResourceGraph, runProgram } from "../../testing";
import { expectProblem, parseProperties, problemsOf } from "./helpers";
import { MSK_KAFKA_VERSIONS, MSK_STANDARD_BROKER_TYPES } from "../../components/kafka/msk-catalog";
import { DEFAULT_MSK_KAFKA_VERSION } from "../../components/kafka/versions";

const T = {
    cluster: "aws:msk/cluster:Cluster",
    config: "aws:msk/configuration:Configuration",
    key: "aws:kms/key:Key",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    target: "aws:appautoscaling/target:Target",
    policy: "aws:appautoscaling/policy:Policy",
    scram: "aws:msk/scramSecretAssociation:ScramSecretAssociation",
};

const base: KafkaClusterArgs = {
    vpcId: "vpc-123",
    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
    clientSecurityGroupIds: ["sg-eks-nodes"],
};

describe("KafkaCluster (IAM, defaults)", () => {
    let graph: ResourceGraph;
    let cluster: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const c = new KafkaCluster("events", { ...base, clientCidrBlocks: ["10.20.0.0/16"], tags: { team: "data" } });
            return {
                bootstrap: c.connection.bootstrapServers,
                authMode: c.connection.authMode,
                brokerCount: c.connection.brokerCount,
                arn: c.connection.clusterArn,
            };
        });
        cluster = graph.one(T.cluster);
    });

    it("writes an MSK configuration that cannot lose acknowledged data", () => {
        const config = graph.one(T.config);
        const props = parseProperties(config.inputs.serverProperties as string);
        expect(props).toEqual({
            "auto.create.topics.enable": "false",
            "default.replication.factor": "3",
            "min.insync.replicas": "2",
            "offsets.topic.replication.factor": "3",
            "transaction.state.log.min.isr": "2",
            "transaction.state.log.replication.factor": "3",
            "unclean.leader.election.enable": "false",
        });
        expect(config.inputs.kafkaVersions).toEqual(["3.9.x.kraft"]);
        expect(cluster.inputs.configurationInfo).toEqual({ arn: expect.stringContaining(":configuration/"), revision: 1 });
        expect(cluster.propertyDependencies.configurationInfo).toContain(config.urn);
    });

    it("runs Graviton brokers, one per subnet, on a KRaft version the topic API supports, with no public access", () => {
        expect(cluster.inputs.kafkaVersion).toBe("3.9.x.kraft");
        expect(cluster.inputs.numberOfBrokerNodes).toBe(3);
        const nodes = cluster.inputs.brokerNodeGroupInfo as Record<string, unknown>;
        expect(nodes.instanceType).toBe("kafka.m7g.large");
        expect(nodes.clientSubnets).toEqual(["subnet-a", "subnet-b", "subnet-c"]);
        expect(nodes.connectivityInfo).toEqual({ publicAccess: { type: "DISABLED" } });
        expect(nodes.storageInfo).toEqual({ ebsStorageInfo: { volumeSize: 100 } });
        expect(cluster.inputs.storageMode).toBe("LOCAL");
    });

    it("encrypts at rest with its own rotating key and in transit with TLS only, and authenticates with IAM", () => {
        const key = graph.one(T.key);
        expect(key.inputs.enableKeyRotation).toBe(true);
        expect(key.options.protect).toBe(true);
        expect(cluster.inputs.encryptionInfo).toEqual({
            encryptionAtRestKmsKeyArn: expect.stringContaining(":key/"),
            encryptionInTransit: { clientBroker: "TLS", inCluster: true },
        });
        expect(cluster.propertyDependencies.encryptionInfo).toContain(key.urn);
        expect(cluster.inputs.clientAuthentication).toEqual({ sasl: { iam: true, scram: false }, unauthenticated: false });
    });

    it("lets CloudWatch Logs use the key only for this cluster's log groups, and logs brokers there with a retention", () => {
        const policy = JSON.parse(graph.one(T.key).inputs.policy as string) as { Statement: Array<Record<string, unknown>> };
        const logs = policy.Statement.find((s) => JSON.stringify(s.Principal).includes("logs."));
        expect(logs?.Principal).toEqual({ Service: "logs.us-east-1.amazonaws.com" });
        expect(logs?.Condition).toEqual({
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:/spectrum/msk/events-*" },
        });
        // Only actions whose requests carry an encryption context: anything else could never match the condition.
        expect(logs?.Action).toEqual(["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*"]);
        const group = graph.one(T.logGroup);
        expect(group.inputs.namePrefix).toBe("/spectrum/msk/events-");
        expect(group.inputs.retentionInDays).toBe(30);
        expect(group.propertyDependencies.kmsKeyId).toContain(graph.one(T.key).urn);
        expect(cluster.inputs.loggingInfo).toEqual({
            brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: expect.stringContaining("events-broker-logs") } },
        });
        expect(cluster.inputs.enhancedMonitoring).toBe("PER_BROKER");
    });

    it("admits only the named client security group and CIDR, on the IAM port", () => {
        const sg = graph.one(T.sg);
        expect(cluster.inputs.brokerNodeGroupInfo).toMatchObject({ securityGroups: [expect.stringMatching(/^sg-/)] });
        const rules = graph.ofType(T.ingress);
        expect(rules).toHaveLength(2);
        for (const r of rules) {
            expect(r.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 9098, toPort: 9098 });
            expect(r.propertyDependencies.securityGroupId).toEqual([sg.urn]);
        }
        expect(rules.map((r) => r.inputs.referencedSecurityGroupId ?? r.inputs.cidrIpv4).sort()).toEqual(["10.20.0.0/16", "sg-eks-nodes"]);
    });

    it("grows storage with a target-tracking policy that never scales in, and ignores the volume size it changes", () => {
        const target = graph.one(T.target);
        expect(target.inputs).toMatchObject({
            serviceNamespace: "kafka",
            scalableDimension: "kafka:broker-storage:VolumeSize",
            minCapacity: 100,
            maxCapacity: 1000,
        });
        expect(target.propertyDependencies.resourceId).toEqual([cluster.urn]);
        const policy = graph.one(T.policy);
        expect(policy.inputs.targetTrackingScalingPolicyConfiguration).toEqual({
            predefinedMetricSpecification: { predefinedMetricType: "KafkaBrokerStorageUtilization" },
            targetValue: 60,
            disableScaleIn: true,
        });
        expect(cluster.options.ignoreChanges).toEqual(["brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"]);
    });

    it("is protected against deletion and replacement by default, and tags every AWS resource", () => {
        expect(cluster.options.protect).toBe(true);
        expect(cluster.options.retainOnDelete).toBe(true);
        for (const r of [cluster, graph.one(T.key), graph.one(T.sg), graph.one(T.logGroup)]) {
            expect(r.inputs.tags).toEqual({ team: "data", "spectrum:component": "KafkaCluster" });
        }
        const component = graph.one("spectrum:index:KafkaCluster", "events");
        for (const r of graph.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:"))) expect(r.parent).toBe(component.urn);
    });

    it("outputs a connection with the IAM bootstrap brokers, the ARN and the broker count", () => {
        expect(graph.outputs.authMode).toBe("iam");
        expect(graph.outputs.brokerCount).toBe(3);
        expect(
            String(graph.outputs.bootstrap)
                .split(",")
                .every((b) => b.endsWith(":9098")),
        ).toBe(true);
        expect(graph.outputs.arn).toMatch(/^arn:aws:kafka:us-east-1:123456789012:cluster\//);
    });
});

describe("KafkaCluster (SCRAM, own key, tiered storage, unprotected)", () => {
    let graph: ResourceGraph;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const c = new KafkaCluster("dev", {
                ...base,
                subnetIds: ["subnet-a", "subnet-b"],
                auth: "scram",
                scramSecretArns: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_app-AbCdEf"],
                kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/own",
                tieredStorage: true,
                serverProperties: { "log.retention.hours": "72", "allow.everyone.if.no.acl.found": "false" },
                protect: false,
            });
            return { bootstrap: c.connection.bootstrapServers, authMode: c.connection.authMode };
        });
    });

    it("uses SCRAM on its port, associates the secrets, and four brokers over two zones", () => {
        const cluster = graph.one(T.cluster);
        expect(cluster.inputs.clientAuthentication).toEqual({ sasl: { iam: false, scram: true }, unauthenticated: false });
        expect(cluster.inputs.numberOfBrokerNodes).toBe(4);
        expect(graph.one(T.ingress).inputs).toMatchObject({ fromPort: 9096, toPort: 9096 });
        expect(graph.one(T.scram).inputs.secretArnLists).toEqual([
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_app-AbCdEf",
        ]);
        expect(String(graph.outputs.bootstrap)).toContain(":9096");
        expect(graph.outputs.authMode).toBe("scram");
    });

    it("uses the key you bring without creating one, keeps your extra broker keys with the durable ones, and goes tiered", () => {
        expect(graph.ofType(T.key)).toHaveLength(0);
        const cluster = graph.one(T.cluster);
        expect((cluster.inputs.encryptionInfo as Record<string, unknown>).encryptionAtRestKmsKeyArn).toBe(
            "arn:aws:kms:us-east-1:123456789012:key/own",
        );
        expect(graph.one(T.logGroup).inputs.kmsKeyId).toBeUndefined();
        const props = parseProperties(graph.one(T.config).inputs.serverProperties as string);
        expect(props["log.retention.hours"]).toBe("72");
        expect(props["allow.everyone.if.no.acl.found"]).toBe("false");
        expect(props["min.insync.replicas"]).toBe("2");
        expect(cluster.inputs.storageMode).toBe("TIERED");
        expect(cluster.options.protect).toBe(false);
    });
});

describe("KafkaCluster validation", () => {
    const build = (args: Partial<KafkaClusterArgs>) => () => new KafkaCluster("bad", { ...base, ...args } as KafkaClusterArgs);
    // Validation throws before any resource registers, so no engine is needed.
    beforeAll(() => pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) }));

    it("refuses weakening durability keys, naming field, value and the explicit opt-out", () => {
        const problems = problemsOf(
            build({
                serverProperties: {
                    "min.insync.replicas": "1",
                    "unclean.leader.election.enable": "true",
                    "auto.create.topics.enable": "true",
                    "default.replication.factor": "2",
                },
            }),
        );
        expectProblem(problems, 'KafkaCluster "bad"', 'serverProperties["min.insync.replicas"] = "1"', "allowWeakerDurability: true");
        expectProblem(
            problems,
            'serverProperties["unclean.leader.election.enable"] = "true"',
            "out-of-sync replica",
            "allowWeakerDurability",
        );
        expectProblem(problems, 'serverProperties["auto.create.topics.enable"] = "true"', "allowWeakerDurability");
        expectProblem(problems, 'serverProperties["default.replication.factor"] = "2"', "Remove the key to keep 3");
    });

    it("opens multi-VPC IAM connectivity for AWS services only when asked, and only with IAM auth", async () => {
        const graph = await runProgram(build({ multiVpcConnectivity: true }));
        const info = (graph.one(T.cluster).inputs.brokerNodeGroupInfo as { connectivityInfo: Record<string, unknown> }).connectivityInfo;
        expect(info).toEqual({ publicAccess: { type: "DISABLED" }, vpcConnectivity: { clientAuthentication: { sasl: { iam: true } } } });
        // PrivateLink clients (Firehose) reach the brokers from MSK's interfaces in the broker subnets, on
        // the multi-VPC bootstrap ports (one per broker, from 14001): one rule per broker subnet, nothing wider.
        const sg = graph.one(T.sg);
        const multiVpc = graph.ofType(T.ingress).filter((r) => r.name.startsWith("bad-multi-vpc-"));
        expect(multiVpc.map((r) => r.name).sort()).toEqual(["bad-multi-vpc-0", "bad-multi-vpc-1", "bad-multi-vpc-2"]);
        for (const rule of multiVpc) {
            expect(rule.inputs).toMatchObject({
                ipProtocol: "tcp",
                fromPort: 14001,
                toPort: 14003,
                cidrIpv4: expect.stringMatching(/^10\.0\.\d+\.0\/24$/),
            });
            expect(rule.inputs.referencedSecurityGroupId).toBeUndefined();
            expect(rule.propertyDependencies.securityGroupId).toEqual([sg.urn]);
        }
        // Each rule names its own subnet's block (the mock engine derives one per subnet id).
        expect(new Set(multiVpc.map((r) => r.inputs.cidrIpv4)).size).toBe(3);
        // Four brokers over two subnets: four ports, still one rule per subnet.
        const four = await runProgram(build({ multiVpcConnectivity: true, subnetIds: ["subnet-a", "subnet-b"], brokerCount: 4 }));
        expect(
            four
                .ofType(T.ingress)
                .filter((r) => r.name.startsWith("bad-multi-vpc-"))
                .map((r) => [r.inputs.fromPort, r.inputs.toPort]),
        ).toEqual([
            [14001, 14004],
            [14001, 14004],
        ]);
        // Without multi-VPC connectivity, no such port is open.
        const plain = await runProgram(build({}));
        expect(plain.ofType(T.ingress).filter((r) => (r.inputs.fromPort as number) >= 14001)).toEqual([]);
        expectProblem(
            problemsOf(
                build({
                    multiVpcConnectivity: true,
                    auth: "scram",
                    scramSecretArns: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_u"],
                }),
            ),
            "multiVpcConnectivity = true",
            "IAM auth only",
        );
        // MSK refuses multi-VPC connectivity on its smallest broker type.
        expectProblem(
            problemsOf(build({ multiVpcConnectivity: true, instanceType: "kafka.t3.small" })),
            'KafkaCluster "bad"',
            'instanceType = "kafka.t3.small"',
            "multi-VPC",
            "turn multiVpcConnectivity off",
        );
    });

    it("accepts a weakening key with the explicit opt-out", async () => {
        const graph = await runProgram(build({ serverProperties: { "min.insync.replicas": "1" }, allowWeakerDurability: true }));
        expect(parseProperties(graph.one(T.config).inputs.serverProperties as string)["min.insync.replicas"]).toBe("1");
    });

    it("refuses broker keys MSK does not accept, ZooKeeper keys on KRaft, and min ISR not below the replication factor", () => {
        const problems = problemsOf(
            build({ serverProperties: { "log.dirs": "/x", "zookeeper.session.timeout.ms": "10000", "min.insync.replicas": "3" } }),
        );
        expectProblem(problems, 'serverProperties["log.dirs"] = "/x"', "MSK does not accept", "Remove it");
        expectProblem(problems, 'serverProperties["zookeeper.session.timeout.ms"]', "KRaft cluster has no ZooKeeper");
        expectProblem(
            problems,
            'serverProperties["min.insync.replicas"] = "3"',
            "must be below default.replication.factor (3)",
            "Use min.insync.replicas 2",
        );
    });

    it("refuses broker counts that are not a multiple of the subnets or below 3, and subnet counts MSK does not take", () => {
        expectProblem(problemsOf(build({ brokerCount: 4 })), "brokerCount = 4", "multiple of the 3 client subnets", "Use 6");
        expectProblem(
            problemsOf(build({ brokerCount: 2, subnetIds: ["a", "b"] })),
            "brokerCount = 2",
            "at least 3 brokers",
            "Use 3 or more",
        );
        expectProblem(
            problemsOf(build({ subnetIds: ["a"] })),
            'subnetIds = "1 subnets"',
            "2 or 3 Availability Zones",
            "Pass 2 or 3 private subnets",
        );
    });

    it("refuses Kafka versions the topic API or MSK does not support", () => {
        expectProblem(problemsOf(build({ kafkaVersion: "3.5.1" })), 'kafkaVersion = "3.5.1"', "3.6 or later", "Use 3.6.0 or later");
        expectProblem(problemsOf(build({ kafkaVersion: "4.0.x" })), 'kafkaVersion = "4.0.x"', "only in KRaft mode", 'Use "4.0.x.kraft"');
        expectProblem(problemsOf(build({ kafkaVersion: "latest" })), 'kafkaVersion = "latest"', "not a version MSK names");
    });

    it("refuses versions and broker sizes that have the right shape but that MSK does not offer", () => {
        expectProblem(
            problemsOf(build({ kafkaVersion: "3.10.x.kraft" })),
            'kafkaVersion = "3.10.x.kraft"',
            "not a version MSK offers",
            "Did you mean",
        );
        expectProblem(problemsOf(build({ kafkaVersion: "4.2.x.kraft" })), "not a version MSK offers");
        expectProblem(
            problemsOf(build({ instanceType: "kafka.m7g.medium" })),
            'instanceType = "kafka.m7g.medium"',
            "not an MSK standard broker size",
        );
        expect(Object.keys(MSK_KAFKA_VERSIONS)).toContain(DEFAULT_MSK_KAFKA_VERSION);
        expect(MSK_STANDARD_BROKER_TYPES).toEqual(expect.arrayContaining(["kafka.t3.small", "kafka.m5.24xlarge", "kafka.m7g.16xlarge"]));
    });

    it("refuses open CIDRs, bad storage and retention settings, and SCRAM secrets without SCRAM", () => {
        // Values of the wrong shape are reported together, before the rules across fields run.
        const shapes = problemsOf(
            build({
                clientCidrBlocks: ["0.0.0.0/0", "10.0.0.300/8"],
                storageUtilizationTarget: 95,
                logRetentionDays: 10,
                scramSecretArns: ["arn:x"],
            }),
        );
        expectProblem(shapes, 'clientCidrBlocks[0] = "0.0.0.0/0"', "every address", "Name the VPC");
        expectProblem(shapes, 'clientCidrBlocks[1] = "10.0.0.300/8"', "not an IPv4 CIDR");
        expectProblem(shapes, "storageUtilizationTarget = 95", "10 to 80", "50-60");
        expectProblem(shapes, "logRetentionDays = 10", "CloudWatch Logs accepts only", "14");
        expectProblem(shapes, 'scramSecretArns[0] = "arn:x"', "AmazonMSK_");
        const problems = problemsOf(
            build({
                volumeSizeGiB: 500,
                maxVolumeSizeGiB: 200,
                scramSecretArns: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_u"],
                instanceType: "m7g.large",
            }),
        );
        expectProblem(problems, "maxVolumeSizeGiB = 200", "must exceed volumeSizeGiB (500)", "Use more than 500");
        expectProblem(problems, 'scramSecretArns = "1 secrets"', 'auth "scram"');
        expectProblem(problems, 'instanceType = "m7g.large"', "not an MSK broker type", "kafka.m7g.large", "express.m7g.large");
    });
});
