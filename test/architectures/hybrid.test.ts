import * as fs from "fs";
import * as path from "path";
import { HybridArchitecture, HybridArchitectureArgs } from "../../components/architectures";
import { PlannedResource, ResourceGraph, policyStatements, runProgram, validationProblems } from "../../testing";
import { BATCH_ARCHITECTURE_PROFILE_FIELDS, planAs, profileDifferences } from "./profiles";

const T = {
    stream: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    mskTopic: "aws:msk/topic:Topic",
    msk: "aws:msk/cluster:Cluster",
    bucket: "aws:s3/bucket:Bucket",
    schedule: "aws:scheduler/schedule:Schedule",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    role: "aws:iam/role:Role",
};

const planStack = (file: string) => planAs(file, "hybrid");

const asArray = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Every S3 object ARN a role policy allows, with the bucket ARN replaced by `bucket`. */
function objectResources(policy: PlannedResource, bucketArn: string): string[] {
    return policyStatements(policy)
        .filter(
            (s) =>
                s.Effect === "Allow" &&
                asArray(s.Action).some((a) => a.startsWith("s3:") && a !== "s3:ListBucket" && !a.includes("Bucket")),
        )
        .flatMap((s) => asArray(s.Resource))
        .filter((r) => r.startsWith(`${bucketArn}/`))
        .map((r) => r.replace(bucketArn, "bucket"))
        .sort();
}

describe("HybridArchitecture (hybrid stack, dev profile)", () => {
    let graph: ResourceGraph;
    let bucketArn: string;

    beforeAll(async () => {
        graph = await planStack("hybrid");
        bucketArn = graph.one(T.bucket, "hybrid-lake-data").outputs.arn as string;
    });

    it("composes the landing zone, Kafka, topics, ingest and the batch job under one component", () => {
        const arch = graph.one("spectrum:index:HybridArchitecture", "hybrid");
        const children = graph.childrenOf(arch).map((r) => r.type);
        expect(children).toEqual(
            expect.arrayContaining([
                "spectrum:index:LandingZone",
                "spectrum:index:KafkaCluster",
                "spectrum:index:KafkaTopics",
                "spectrum:index:MskFirehoseIngest",
                "spectrum:index:SparkBatchJob",
            ]),
        );
        for (const r of graph.childrenOf(arch, { deep: true }).filter((c) => c.custom && c.inputs.tags)) {
            expect((r.inputs.tags as Record<string, string>)["spectrum:architecture"]).toBe("hybrid");
        }
    });

    it("streams each topic into its own raw folder: topic -> Firehose -> raw zone", () => {
        const cluster = graph.one(T.msk);
        for (const topic of ["clicks", "orders"]) {
            const mskTopic = graph.ofType(T.mskTopic).find((t) => t.inputs.name === topic) as PlannedResource;
            const stream = graph
                .ofType(T.stream)
                .find((s) => (s.inputs.mskSourceConfiguration as { topicName: string }).topicName === topic) as PlannedResource;
            const source = stream.inputs.mskSourceConfiguration as {
                mskClusterArn: string;
                authenticationConfiguration: { connectivity: string };
            };
            expect(source.mskClusterArn).toBe(cluster.outputs.arn);
            expect(source.authenticationConfiguration.connectivity).toBe("PRIVATE");
            expect(graph.dependsOn(stream, mskTopic)).toBe(true);
            const s3 = stream.inputs.extendedS3Configuration as {
                bucketArn: string;
                prefix: string;
                errorOutputPrefix: string;
                compressionFormat: string;
            };
            expect(s3.bucketArn).toBe(bucketArn);
            expect(s3.prefix).toMatch(new RegExp(`^raw/${topic}/dt=.*/hr=`));
            expect(s3.errorOutputPrefix.startsWith("raw/")).toBe(true);
            expect(s3.compressionFormat).toBe("GZIP");
        }
        // Firehose's private MSK source needs multi-VPC IAM connectivity on the cluster.
        expect((cluster.inputs.brokerNodeGroupInfo as { connectivityInfo: unknown }).connectivityInfo).toMatchObject({
            vpcConnectivity: { clientAuthentication: { sasl: { iam: true } } },
        });
        // ... and the brokers' security group to admit it: the multi-VPC bootstrap ports (one per
        // broker) from the broker subnets, where PrivateLink's interfaces are. Nothing else gets in.
        const brokers = graph.one("aws:ec2/securityGroup:SecurityGroup", "hybrid-kafka-brokers");
        const ingress = graph
            .ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .filter((r) => r.propertyDependencies.securityGroupId?.includes(brokers.urn));
        const brokerCount = (cluster.inputs.numberOfBrokerNodes as number) ?? 0;
        expect(ingress.length).toBe((cluster.inputs.brokerNodeGroupInfo as { clientSubnets: string[] }).clientSubnets.length);
        for (const rule of ingress) {
            expect(rule.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 14001, toPort: 14000 + brokerCount });
            expect(rule.inputs.cidrIpv4).toMatch(/^10\.\d+\.\d+\.\d+\/\d+$/);
        }
    });

    it("starts the workflow on an hourly schedule, and the Spark step reads raw and writes curated", () => {
        const machine = graph.one(T.stateMachine);
        const schedule = graph.one(T.schedule);
        expect(schedule.inputs.scheduleExpression).toBe("cron(15 * * * ? *)");
        expect((schedule.inputs.target as { arn: string }).arn).toBe(machine.outputs.arn);
        expect(graph.dependsOn(schedule, machine)).toBe(true);
        const definition = machine.inputs.definition as string;
        const bucket = graph.one(T.bucket, "hybrid-lake-data").outputs.bucket as string;
        for (const topic of ["clicks", "orders"]) {
            expect(definition).toContain(`spark.spectrum.input.${topic}=s3://${bucket}/raw/${topic}/`);
            expect(definition).toContain(`spark.spectrum.output.${topic}=s3://${bucket}/curated/${topic}/`);
            // Rejected lines beside Firehose's own errors in the raw zone, outside curated (and any table).
            expect(definition).toContain(`spark.spectrum.output.${topic}-rejected=s3://${bucket}/raw/_rejected/${topic}/`);
        }
        expect(definition).toContain(`s3://${bucket}/artifacts/jobs/hourly_raw_to_curated.py`);
        const script = graph.one("aws:s3/bucketObjectv2:BucketObjectv2");
        expect(script.inputs).toMatchObject({ key: "artifacts/jobs/hourly_raw_to_curated.py", serverSideEncryption: "aws:kms" });
        // The job as the repository (and the package) holds it, byte for byte.
        const source = path.join(__dirname, "..", "..", "components", "architectures", "shared", "jobs", "hourly_raw_to_curated.py");
        expect(script.inputs.content).toBe(fs.readFileSync(source, "utf8"));
        expect(
            graph.dependsOn(graph.one("spectrum:index:SparkBatchJob"), script) ||
                graph.childrenOf(graph.one("spectrum:index:SparkBatchJob"), { deep: true }).some((r) => graph.dependsOn(r, script)),
        ).toBe(true);
    });

    it("scopes every role to exactly what its piece touches", () => {
        const policy = (name: string) => graph.one(T.rolePolicy, name);
        // Firehose: its own topic, its own raw folder and the error folder.
        for (const topic of ["clicks", "orders"]) {
            const p = policy(`hybrid-ingest-${topic}-policy`);
            expect(objectResources(p, bucketArn)).toEqual(
                [expect.stringMatching(/^bucket\/raw\/_errors\//), `bucket/raw/${topic}/*`].sort(),
            );
            const topics = policyStatements(p)
                .flatMap((s) => asArray(s.Resource))
                .filter((r) => r.includes(":topic/"));
            expect(new Set(topics.map((r) => r.split("/").pop()))).toEqual(new Set([topic]));
        }
        // EMR nodes: read raw and the job code, write curated, each topic's rejected lines and their
        // logs; nothing else in the lake.
        expect(objectResources(policy("hybrid-batch-instance-access"), bucketArn)).toEqual(
            [
                "bucket/artifacts/jobs/*",
                "bucket/curated/clicks/*",
                "bucket/curated/orders/*",
                "bucket/logs/emr/hybrid-batch/*",
                "bucket/raw/_rejected/clicks/*",
                "bucket/raw/_rejected/orders/*",
                "bucket/raw/clicks/*",
                "bucket/raw/orders/*",
            ].sort(),
        );
        const writes = policyStatements(policy("hybrid-batch-instance-access"))
            .filter((s) => asArray(s.Action).includes("s3:PutObject"))
            .flatMap((s) => asArray(s.Resource))
            .map((r) => r.replace(bucketArn, "bucket"));
        expect(writes.sort()).toEqual([
            "bucket/curated/clicks/*",
            "bucket/curated/orders/*",
            "bucket/logs/emr/hybrid-batch/*",
            "bucket/raw/_rejected/clicks/*",
            "bucket/raw/_rejected/orders/*",
        ]);
        // The scheduler may start this state machine and nothing else.
        expect(policyStatements(policy("hybrid-batch-scheduler-access"))).toEqual([
            { Effect: "Allow", Action: ["states:StartExecution"], Resource: [graph.one(T.stateMachine).outputs.arn] },
        ]);
    });

    it("exports what a user needs", () => {
        expect(Object.keys(graph.outputs)).toEqual(
            expect.arrayContaining(["bucketName", "bootstrapServers", "stateMachineArn", "kafkaTopics", "deliveryStreamArns", "backfill"]),
        );
        expect(
            String(graph.outputs.bootstrapServers)
                .split(",")
                .every((b) => b.endsWith(":9098")),
        ).toBe(true);
    });
});

describe("HybridArchitecture profiles", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    beforeAll(async () => {
        dev = await planStack("hybrid");
        prod = await planStack("hybrid-prod");
    });

    it("differ only in HA, sizes, NAT count, flow logs and protection", () => {
        const diff = profileDifferences(dev, prod);
        expect(diff.onlyDev).toEqual([]);
        expect(diff.onlyProd).toEqual(["platform-flow-log", "platform-flow-logs", "platform-flow-logs-policy", "platform-flow-logs-role"]);
        expect(diff.fields).toEqual([...BATCH_ARCHITECTURE_PROFILE_FIELDS].sort());
    });

    it("protects data only in prod, and runs one NAT gateway in dev, one per AZ in prod", () => {
        const protectedNames = (g: ResourceGraph) => g.resources.filter((r) => r.options.protect).map((r) => r.type);
        expect(protectedNames(dev)).toEqual([]);
        expect(new Set(protectedNames(prod))).toEqual(
            new Set(["aws:kms/key:Key", "aws:s3/bucket:Bucket", "aws:msk/cluster:Cluster", "aws:msk/topic:Topic"]),
        );
        expect(dev.one("awsx:ec2:Vpc").inputs.natGateways).toEqual({ strategy: "Single" });
        expect(prod.one("awsx:ec2:Vpc").inputs.natGateways).toEqual({ strategy: "OnePerAz" });
        expect((prod.one(T.msk).inputs.brokerNodeGroupInfo as { instanceType: string }).instanceType).toBe("kafka.m7g.xlarge");
    });
});

describe("HybridArchitecture validation", () => {
    const network = { vpcId: "vpc-1", privateSubnetIds: ["a", "b", "c"], availabilityZoneCount: 3 };
    const problems = (args: Partial<HybridArchitectureArgs>): Promise<readonly string[]> =>
        validationProblems(() =>
            runProgram(() => new HybridArchitecture("bad", { profile: "dev", network, ...args } as HybridArchitectureArgs)),
        );

    it("rejects an unknown profile, an empty topic list and topics that collide as Spark names", async () => {
        expect(await problems({ profile: "staging" as never })).toEqual([
            'HybridArchitecture "bad": profile = "staging": not a profile. Use one of dev, prod: dev is small and unprotected, prod is highly available and protected.',
        ]);
        expect(await problems({ topics: {} })).toEqual([
            'HybridArchitecture "bad": topics = {}: no topics to ingest. Declare at least one topic, e.g. topics: { events: {} }.',
        ]);
        expect(await problems({ topics: { "a.b": {}, a_b: {} } })).toEqual([
            'HybridArchitecture "bad": topics = "a_b": topic "a.b" maps to the same Spark location name "a_b". Rename one of the topics.',
        ]);
    });

    it("rejects topics that would land in, or be named like, the bundled job's rejected lines", async () => {
        expect(await problems({ topics: { _rejected: {} } })).toEqual([
            'HybridArchitecture "bad": topics = "_rejected": the topic would land in the raw zone\'s folder of rejected lines "_rejected". Rename the topic.',
        ]);
        expect(await problems({ topics: { orders: {}, "orders-rejected": {} } })).toEqual([
            'HybridArchitecture "bad": topics = "orders-rejected": its Spark location name "orders-rejected" is the one of topic "orders"\'s rejected lines. Rename the topic.',
        ]);
        // With your own application the bundled job's folder and names are not in play, nor granted.
        const batch = { application: { area: "artifacts", path: "jobs/mine.py" } };
        const topics = { _rejected: {}, orders: {}, "orders-rejected": {} };
        const deployable = { ...network, vpcId: "vpc-0abc1234", privateSubnetIds: ["subnet-0a", "subnet-0b", "subnet-0c"] };
        // The runs' role: the transient clusters' instance role on EMR on EC2, the runtime role on EMR Serverless (dev's default).
        for (const [runtime, role] of [
            ["emr-ec2", "own-batch-instance-access"],
            ["emr-serverless", "own-batch-runtime-access"],
        ] as const) {
            const graph = await runProgram(
                () => void new HybridArchitecture("own", { profile: "dev", network: deployable, topics, batch, spark: { runtime } }),
            );
            expect(graph.one(T.stateMachine).inputs.definition).not.toContain("raw/_rejected/orders");
            expect(JSON.stringify(graph.one(T.rolePolicy, role).inputs.policy)).not.toContain("_rejected/orders");
        }
    });

    it("rejects a network over fewer than two zones", async () => {
        expect(await problems({ network: { ...network, availabilityZoneCount: 1 } })).toEqual([
            'HybridArchitecture "bad": network.availabilityZoneCount = 1: MSK needs private subnets in at least 2 Availability Zones. Use a network over 3 AZs (PlatformNetwork\'s default).',
        ]);
    });

    it("passes component validation through, e.g. a batch schedule EventBridge would reject", async () => {
        await expect(
            runProgram(() => new HybridArchitecture("bad", { profile: "dev", network, batch: { schedule: "every hour" } })),
        ).rejects.toThrow(/HybridArchitecture "bad": batch.schedule = "every hour": is not a valid schedule/);
    });
});
