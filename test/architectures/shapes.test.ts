import { KappaArchitecture } from "../../components/architectures/kappa/kappa";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";
import { ParsedStatement } from "../../testing/policy";
import { aslErrors } from "../spark/asl";
import { target } from "./lambda-fixtures";
import { planAs } from "./profiles";

const T = {
    serverlessKafka: "aws:msk/serverlessCluster:ServerlessCluster",
    msk: "aws:msk/cluster:Cluster",
    mskConfig: "aws:msk/configuration:Configuration",
    mskTopic: "aws:msk/topic:Topic",
    kafkaTopic: "kafka:index/topic:Topic",
    kafkaProvider: "pulumi:providers:kafka",
    clusterPolicy: "aws:msk/clusterPolicy:ClusterPolicy",
    stream: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    app: "aws:emrserverless/application:Application",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    emr: "aws:emr/cluster:Cluster",
    instanceProfile: "aws:iam/instanceProfile:InstanceProfile",
};

type Obj = Record<string, unknown>;
type State = { Resource?: string; Parameters?: Obj };
const asArray = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const definitionOf = (machine: PlannedResource) => JSON.parse(machine.inputs.definition as string) as { States: Record<string, State> };
const allowing = (statements: ParsedStatement[], action: string) =>
    statements.filter((s) => s.Effect === "Allow" && asArray(s.Action).includes(action));

describe("hybrid-serverless stack: MSK Serverless and EMR Serverless, dev profile", () => {
    let graph: ResourceGraph;
    let bucket: string;
    let clusterArn: string;

    beforeAll(async () => {
        graph = await planAs("hybrid-serverless", "hybrid");
        bucket = graph.one("aws:s3/bucket:Bucket", "hybrid-lake-data").outputs.bucket as string;
        clusterArn = graph.one(T.serverlessKafka).outputs.arn as string;
    });

    it("creates an MSK Serverless cluster in the private subnets, IAM clients only, and no brokers, EMR cluster or instance profile", () => {
        const cluster = graph.one(T.serverlessKafka, "hybrid-kafka-cluster");
        expect(cluster.inputs.clientAuthentication).toEqual({ sasl: { iam: { enabled: true } } });
        const [vpc] = cluster.inputs.vpcConfigs as Array<{ subnetIds: string[]; securityGroupIds: string[] }>;
        expect(vpc.subnetIds).toHaveLength(3);
        expect(vpc.subnetIds.every((s) => s.startsWith("subnet-priv-"))).toBe(true);
        expect(graph.ofType(T.msk)).toEqual([]);
        expect(graph.ofType(T.mskConfig)).toEqual([]);
        expect(graph.ofType(T.emr)).toEqual([]);
        expect(graph.ofType(T.instanceProfile)).toEqual([]);
        expect(graph.outputs.kafkaClusterArn).toBe(clusterArn);
        expect(graph.outputs.bootstrapServers).toMatch(/\.kafka-serverless\.us-east-1\.amazonaws\.com:9098$/);
    });

    it("creates the topics over the Kafka protocol with IAM, since the MSK topic API does not serve Serverless clusters", () => {
        expect(graph.ofType(T.mskTopic)).toEqual([]);
        const provider = graph.one(T.kafkaProvider);
        expect(provider.inputs).toMatchObject({ saslMechanism: "aws-iam", saslAwsRegion: "us-east-1", tlsEnabled: "true" });
        expect(JSON.parse(provider.inputs.bootstrapServers as string)).toEqual([graph.outputs.bootstrapServers]);
        const topics = graph.ofType(T.kafkaTopic);
        expect(topics.map((t) => t.inputs.name).sort()).toEqual(["clicks", "orders"]);
        for (const topic of topics) {
            expect(topic.inputs.replicationFactor).toBe(3);
            // Serverless refuses min.insync.replicas (it keeps three copies itself) and cleanup.policy.
            expect(Object.keys(topic.inputs.config as Obj)).toEqual(["retention.ms"]);
        }
    });

    it("streams each topic through Firehose from the Serverless cluster, which lets Firehose connect privately", () => {
        for (const stream of graph.ofType(T.stream)) {
            expect((stream.inputs.mskSourceConfiguration as { mskClusterArn: string }).mskClusterArn).toBe(clusterArn);
        }
        const policy = graph.one(T.clusterPolicy);
        expect(policy.inputs.clusterArn).toBe(clusterArn);
        expect(policyStatements(policy)[0].Principal).toEqual({ Service: "firehose.amazonaws.com" });
        const readers = graph.ofType(T.rolePolicy).filter((p) => p.name.startsWith("hybrid-ingest-"));
        expect(readers).toHaveLength(2);
        for (const reader of readers) {
            const connect = allowing(policyStatements(reader), "kafka-cluster:Connect");
            expect(connect.flatMap((s) => asArray(s.Resource))).toEqual([clusterArn]);
        }
    });

    it("runs the hourly job as an EMR Serverless run of the architecture's application, logging to the landing zone", () => {
        const app = graph.one(T.app, "hybrid-spark-app");
        expect(app.inputs).toMatchObject({
            type: "spark",
            architecture: "ARM64",
            releaseLabel: "emr-7.13.0",
            maximumCapacity: { cpu: "16 vCPU", memory: "64 GB" },
            autoStopConfiguration: { enabled: true, idleTimeoutMinutes: 15 },
        });
        const definition = definitionOf(graph.one(T.stateMachine, "hybrid-batch-workflow"));
        expect(aslErrors(definition)).toBe("");
        const run = definition.States.RunJob;
        expect(run.Resource).toBe("arn:aws:states:::emr-serverless:startJobRun.sync");
        expect(run.Parameters?.ApplicationId).toBe(app.id);
        expect(run.Parameters?.ExecutionRoleArn).toBe(graph.one(T.role, "hybrid-batch-runtime-role").outputs.arn);
        const submit = JSON.stringify(run.Parameters);
        expect(submit).toContain(`s3://${bucket}/artifacts/jobs/hourly_raw_to_curated.py`);
        const overrides = run.Parameters?.ConfigurationOverrides as { ApplicationConfiguration: Array<{ Properties: Obj }> };
        expect(overrides.ApplicationConfiguration[0].Properties).toMatchObject({
            "spark.spectrum.input.clicks": `s3://${bucket}/raw/clicks/`,
            "spark.spectrum.input.orders": `s3://${bucket}/raw/orders/`,
            "spark.spectrum.output.clicks": `s3://${bucket}/curated/clicks/`,
            "spark.spectrum.output.orders": `s3://${bucket}/curated/orders/`,
        });
        expect(graph.outputs.batchLogUri).toBe(`s3://${bucket}/logs/emr-serverless/hybrid-batch/`);
    });

    it("scopes the runtime role like the EMR-on-EC2 instance role: read raw, write curated and the rejected lines, no Kafka", () => {
        const statements = policyStatements(graph.one(T.rolePolicy, "hybrid-batch-runtime-access"));
        const puts = allowing(statements, "s3:PutObject").flatMap((s) => asArray(s.Resource));
        expect(puts).toEqual(
            expect.arrayContaining([`arn:aws:s3:::${bucket}/curated/clicks/*`, `arn:aws:s3:::${bucket}/curated/orders/*`]),
        );
        // In the raw zone, only the folders of each topic's rejected lines.
        expect(puts.filter((r) => r.includes("/raw/")).sort()).toEqual([
            `arn:aws:s3:::${bucket}/raw/_rejected/clicks/*`,
            `arn:aws:s3:::${bucket}/raw/_rejected/orders/*`,
        ]);
        expect(statements.flatMap((s) => asArray(s.Action)).some((a) => a.startsWith("kafka-cluster:"))).toBe(false);
    });
});

describe("lambda-express stack: Express brokers, batch and speed on EMR Serverless, prod profile", () => {
    let graph: ResourceGraph;
    let clusterArn: string;

    beforeAll(async () => {
        graph = await planAs("lambda-express", "lambda");
        clusterArn = graph.one(T.msk).outputs.arn as string;
    });

    it("runs three Express brokers with no EBS storage, no broker log group and only the keys Express accepts", () => {
        const cluster = graph.one(T.msk, "lambda-kafka-cluster");
        expect(cluster.inputs).toMatchObject({ kafkaVersion: "3.9.x.kraft", numberOfBrokerNodes: 3 });
        expect((cluster.inputs.brokerNodeGroupInfo as Obj).instanceType).toBe("express.m7g.large");
        expect((cluster.inputs.brokerNodeGroupInfo as Obj).storageInfo).toBeUndefined();
        expect(cluster.inputs.storageMode).toBeUndefined();
        expect(cluster.inputs.loggingInfo).toBeUndefined();
        expect(graph.ofType(T.logGroup).some((g) => g.name.startsWith("lambda-kafka"))).toBe(false);
        expect(graph.one(T.mskConfig).inputs.serverProperties).toBe("auto.create.topics.enable=false\n");
        expect(graph.ofType("aws:appautoscaling/target:Target")).toEqual([]);
        expect(graph.one(T.msk).options.protect).toBe(true);
    });

    it("creates topics through the MSK topic API without min.insync.replicas, which Express fixes itself", () => {
        for (const topic of graph.ofType(T.mskTopic)) {
            expect(topic.inputs.clusterArn).toBe(clusterArn);
            expect(topic.inputs.replicationFactor).toBe(3);
            expect(Object.keys(JSON.parse(topic.inputs.configs as string) as Obj).sort()).toEqual(["cleanup.policy", "retention.ms"]);
        }
    });

    it("gives batch and speed an EMR Serverless application each; the speed one never stops", () => {
        const batch = graph.one(T.app, "lambda-spark-app");
        const speed = graph.one(T.app, "lambda-speed-spark-app");
        expect(batch.inputs.maximumCapacity).toEqual({ cpu: "64 vCPU", memory: "256 GB" });
        expect(batch.inputs.autoStopConfiguration).toEqual({ enabled: true, idleTimeoutMinutes: 15 });
        expect(speed.inputs.autoStopConfiguration).toEqual({ enabled: false });
        expect(graph.ofType(T.emr)).toEqual([]);
        const run = definitionOf(graph.one(T.stateMachine, "lambda-batch-workflow")).States.RunJob;
        expect(run.Parameters?.ApplicationId).toBe(batch.id);
    });

    it("supervises the speed job as a streaming-mode run with a retry policy, on the speed application", () => {
        const definition = definitionOf(graph.one(T.stateMachine, "lambda-speed-supervisor"));
        // The validator reads ListJobRuns' own "States" filter as a state map: rename it for the check only.
        expect(aslErrors(JSON.parse(JSON.stringify(definition).replace(/"States":\["/g, '"StateFilter":["')))).toBe("");
        const start = Object.values(definition.States).find((s) => s.Resource === "arn:aws:states:::aws-sdk:emrserverless:startJobRun");
        expect(start?.Parameters).toMatchObject({
            ApplicationId: graph.one(T.app, "lambda-speed-spark-app").id,
            Mode: "STREAMING",
            RetryPolicy: { MaxFailedAttemptsPerHour: expect.any(Number) },
            ExecutionRoleArn: graph.one(T.role, "lambda-speed-runtime-role").outputs.arn,
        });
        const submit = JSON.stringify(start?.Parameters);
        expect(submit).toContain(graph.outputs.bootstrapServers as string);
        expect(submit).toContain("aws-msk-iam-auth");
    });

    it("lets the speed job's workers reach the brokers on the IAM port, and its runtime role read exactly the input topics", () => {
        const rule = graph.one(T.ingress, "lambda-speed-spark-to-kafka");
        const workers = graph.one(T.securityGroup, "lambda-speed-spark-workers");
        const brokers = graph.one(T.securityGroup, "lambda-kafka-brokers");
        expect(rule.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 9098, toPort: 9098 });
        expect(rule.propertyDependencies.referencedSecurityGroupId).toEqual([workers.urn]);
        expect(rule.propertyDependencies.securityGroupId).toEqual([brokers.urn]);
        const statements = policyStatements(graph.one(T.rolePolicy, "lambda-speed-runtime-access"));
        const reads = allowing(statements, "kafka-cluster:ReadData").flatMap((s) => asArray(s.Resource));
        expect(reads.map((r) => r.split("/").pop()).sort()).toEqual(["clicks", "orders"]);
        const groups = statements.flatMap((s) => asArray(s.Resource)).filter((r) => r.includes(":group/"));
        expect(groups.map((g) => g.split("/").pop())).toEqual(["lambda-speed*"]);
        // The batch job's runtime role gets no Kafka access.
        const batch = policyStatements(graph.one(T.rolePolicy, "lambda-batch-runtime-access"));
        expect(batch.flatMap((s) => asArray(s.Action)).some((a) => a.startsWith("kafka-cluster:"))).toBe(false);
    });
});

describe("KappaArchitecture on MSK Serverless (Flink)", () => {
    let graph: ResourceGraph;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const arch = new KappaArchitecture("kappa", {
                profile: "dev",
                network: { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"], availabilityZoneCount: 3 },
                target: target(),
                kafkaClientSecurityGroupIds: ["sg-nodes"],
                kafka: { flavour: "serverless" },
            });
            return { bootstrapServers: arch.kafka.bootstrapServers, kafkaArn: arch.kafka.arn };
        });
    });

    it("places the cluster in the network, lets the Kubernetes nodes in on the IAM port, and creates the input topics over Kafka", () => {
        const cluster = graph.one(T.serverlessKafka, "kappa-kafka-cluster");
        expect(graph.ofType(T.msk)).toEqual([]);
        const [vpc] = cluster.inputs.vpcConfigs as Array<{ subnetIds: string[]; securityGroupIds: string[] }>;
        expect(vpc.subnetIds).toEqual(["subnet-a", "subnet-b", "subnet-c"]);
        const clients = graph.one(T.securityGroup, "kappa-kafka-clients");
        expect(cluster.propertyDependencies.vpcConfigs).toContain(clients.urn);
        const ingress = graph.ofType(T.ingress).filter((r) => r.propertyDependencies.securityGroupId?.includes(clients.urn));
        expect(ingress.map((r) => r.inputs)).toEqual([
            expect.objectContaining({ ipProtocol: "tcp", fromPort: 9098, toPort: 9098, referencedSecurityGroupId: "sg-nodes" }),
        ]);
        expect(graph.ofType(T.mskTopic)).toEqual([]);
        expect(graph.ofType(T.kafkaTopic).length).toBeGreaterThan(0);
    });

    it("scopes each Flink version's Kafka access to the Serverless cluster's topics and groups", () => {
        const arn = graph.outputs.kafkaArn as string;
        const statements = graph
            .ofType(T.rolePolicy)
            .flatMap((p) => policyStatements(p))
            .filter((s) => asArray(s.Action).some((a) => a.startsWith("kafka-cluster:")));
        expect(statements.length).toBeGreaterThan(0);
        // The cluster ARN's name/uuid, under each kind of Kafka resource IAM knows.
        const scope = arn.split(":cluster/")[1];
        const resources = statements.flatMap((s) => asArray(s.Resource)).sort();
        expect(resources).toEqual([
            arn,
            `arn:aws:kafka:us-east-1:123456789012:group/${scope}/kappa-v1`,
            `arn:aws:kafka:us-east-1:123456789012:topic/${scope}/events`,
            `arn:aws:kafka:us-east-1:123456789012:topic/${scope}/results.v1`,
            `arn:aws:kafka:us-east-1:123456789012:transactional-id/${scope}/kappa-v1-*`,
        ]);
    });
});
