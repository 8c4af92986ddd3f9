import * as fs from "fs";
import * as path from "path";
import { ResourceGraph, loadStackConfig, policyStatements, runProgram } from "../../testing";
import { stackPlan } from "../shared-plans";
import rootProgram from "../../index";
import { BATCH_ARCHITECTURE_PROFILE_FIELDS, planAs, profileDifferences } from "./profiles";
import { T, TOPICS, asArray, firehoseTopics, resourcesFor, topicsFor } from "./lambda-fixtures";

type Obj = Record<string, unknown>;
const SPEED_VIEWS_SOURCE = path.join(__dirname, "..", "..", "components", "architectures", "lambda", "jobs", "lambda_speed_views.py");
const stackFile = (name: string) => path.join(__dirname, "..", "..", "stacks", `Pulumi.${name}.yaml`);

const planLambda = (file: string, stack = "lambda") => planAs(file, stack);

/** The `spark-submit` arguments of the speed job, as its supervisor submits them. */
function speedSubmit(graph: ResourceGraph): string[] {
    const definition = JSON.parse(graph.one(T.stateMachine, "lambda-speed-supervisor").inputs.definition as string) as {
        States: Record<string, { Parameters?: { Step?: { HadoopJarStep: { Args: string[] } } } }>;
    };
    return definition.States.Submit.Parameters?.Step?.HadoopJarStep.Args as string[];
}

describe("lambda stack (root program, dev profile)", () => {
    let graph: ResourceGraph;
    let bucket: string;
    let bucketArn: string;

    beforeAll(async () => {
        graph = await stackPlan("lambda");
        const data = graph.one(T.bucket, "lambda-lake-data");
        bucket = data.outputs.bucket as string;
        bucketArn = data.outputs.arn as string;
    });

    it("lets the requirements pick Spark Structured Streaming, so no Kubernetes cluster is created", () => {
        expect(graph.outputs.processor).toBe("spark-streaming");
        expect(graph.outputs.processorReasons).toEqual(expect.arrayContaining([expect.stringContaining("the team already runs Spark")]));
        expect(graph.ofType("spectrum:index:PlatformCluster")).toEqual([]);
        expect(graph.ofType("eks:index:Cluster")).toEqual([]);
        expect(graph.ofType("spectrum:index:EmrSparkCluster")).toHaveLength(1);
        const script = graph.one("aws:s3/bucketObjectv2:BucketObjectv2", "lambda-speed-script");
        expect(script.inputs).toMatchObject({ key: "artifacts/jobs/lambda_speed_views.py", serverSideEncryption: "aws:kms" });
    });

    it("feeds both layers from the same input topics", () => {
        expect(firehoseTopics(graph, "raw")).toEqual(TOPICS);
        const args = speedSubmit(graph);
        expect(JSON.parse(args[args.indexOf("--views") + 1])).toEqual(TOPICS.map((t) => ({ topic: t, output: t })));
        expect(args[args.indexOf("--bootstrap-servers") + 1]).toBe(graph.outputs.bootstrapServers);
        for (const t of TOPICS) expect(args).toContain(`spark.spectrum.output.${t}=s3://${bucket}/speed/${t}/`);
        // The nodes may read exactly the input topics, in groups under the job's prefix.
        const kafka = graph.one(T.rolePolicy, "lambda-streaming-kafka");
        expect(topicsFor(kafka, "kafka-cluster:ReadData")).toEqual(TOPICS);
        expect(
            policyStatements(kafka)
                .flatMap((s) => asArray(s.Resource))
                .filter((r) => r.includes(":group/"))
                .map((g) => g.split("/").pop()),
        ).toEqual(["lambda-speed*"]);
        // On the nodes' instance role, next to the job's landing-zone access: the cluster itself is untouched.
        expect(kafka.inputs.role).toBe(graph.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "lambda-speed-access").inputs.role);
        // ... and reach the brokers from the core and task nodes, on the IAM port only.
        const ingress = graph.one(T.ingress, "lambda-streaming-to-kafka");
        expect(ingress.inputs).toMatchObject({
            fromPort: 9098,
            toPort: 9098,
            ipProtocol: "tcp",
            securityGroupId: graph.one("aws:ec2/securityGroup:SecurityGroup", "lambda-kafka-brokers").id,
        });
        expect(ingress.inputs.referencedSecurityGroupId).toBe((graph.one(T.emr).inputs.ec2Attributes as Obj).emrManagedSlaveSecurityGroup);
    });

    it("uploads the bundled speed job exactly as lambda/jobs/lambda_speed_views.py holds it", () => {
        const script = graph.one(T.object, "lambda-speed-script");
        expect(script.inputs.key).toBe("artifacts/jobs/lambda_speed_views.py");
        expect(script.inputs.content).toBe(fs.readFileSync(SPEED_VIEWS_SOURCE, "utf8"));
        expect(speedSubmit(graph)).toContain(`s3://${bucket}/artifacts/jobs/lambda_speed_views.py`);
    });

    it("keeps the speed job's exactly-once state in the landing zone's checkpoint area and its output in the speed zone", () => {
        const SPEED_VIEWS_PY = graph.one(T.object, "lambda-speed-script").inputs.content as string;
        const args = speedSubmit(graph);
        const checkpoint = `s3://${bucket}/checkpoints/spark/lambda-speed/`;
        expect(args).toContain(`spark.sql.streaming.checkpointLocation=${checkpoint}`);
        expect(graph.outputs.speedStateUri).toBe(checkpoint);
        expect(resourcesFor(graph.one(T.policy, "lambda-speed-access"), "s3:PutObject", bucketArn)).toEqual([
            "bucket/checkpoints/spark/lambda-speed/*",
            "bucket/speed/clicks/*",
            "bucket/speed/orders/*",
        ]);
        // The bundled job reads committed records only, fails rather than skip lost offsets, and
        // checkpoints each query under the job's prefix.
        expect(SPEED_VIEWS_PY).toMatch(
            /"kafka.isolation.level", "read_committed"[\s\S]*"failOnDataLoss", "true"[\s\S]*checkpoint = checkpoints.rstrip\("\/"\) \+ "\/" \+ topic \+ "\/"[\s\S]*\.option\("checkpointLocation", checkpoint\)/,
        );
        // The speed zone expires objects by age, so no Spark file sink writes there: its log
        // (_spark_metadata, in the output folder) must outlive them, or a query idle for longer than
        // the retention fails at its next compaction. Each batch is staged inside the query's
        // checkpoint, moved into the view under fixed names, then marked written (so a replay at any
        // point writes nothing twice, and starting the checkpoint over resets it).
        const rules = graph.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "lambda-lake-data-lifecycle").inputs
            .rules as Array<{ filter: { prefix: string }; expiration: Obj }>;
        expect(rules.find((r) => r.filter.prefix === "speed/")?.expiration).toEqual({ days: 7 });
        expect(SPEED_VIEWS_PY).not.toMatch(/writeStream[\s\S]*\.format\(/);
        expect(SPEED_VIEWS_PY).toMatch(/\.foreachBatch\(view_writer\(spark, topic, output, checkpoint\)\)/);
        expect(SPEED_VIEWS_PY).toMatch(
            /if fs\.exists\(done\):\n\s+return\n[\s\S]*if not fs\.exists\(staged\):[\s\S]*\.text\(staging\.toString\(\)\)[\s\S]*fs\.create\(staged, True\)\.close\(\)\n\s+publish\([^)]*\)\n\s+fs\.create\(done, True\)\.close\(\)/,
        );
        // One record, one line: the producers' trailing newline is dropped (the sink adds one), and
        // an empty value writes no blank line, which the speed table would read as a row of nulls.
        expect(SPEED_VIEWS_PY).toContain('F.regexp_replace(F.col("value").cast("string"), "[\\r\\n]+$", "").alias("value")');
        expect(SPEED_VIEWS_PY).toMatch(/\)\.where\(F\.length\("value"\) > 0\)\n[\s\S]*lines\.writeStream/);
    });

    it("serves both views from a per-stack database and workgroup, results encrypted in the landing zone", () => {
        expect(graph.outputs).toMatchObject({
            databaseName: "spectrum_lambda",
            workgroupName: "spectrum-lambda",
            athenaResultsUri: `s3://${bucket}/results/athena/`,
        });
        for (const t of TOPICS) {
            expect(graph.find(T.table, `lambda-${t}-batch`)?.inputs).toMatchObject({
                databaseName: "spectrum_lambda",
                storageDescriptor: { location: `s3://${bucket}/curated/${t}/` },
            });
            expect(graph.find(T.table, `lambda-${t}-speed`)?.inputs).toMatchObject({
                databaseName: "spectrum_lambda",
                storageDescriptor: { location: `s3://${bucket}/speed/${t}/` },
            });
        }
        const result = (graph.one(T.workgroup).inputs.configuration as { resultConfiguration: Obj }).resultConfiguration;
        expect(result.encryptionConfiguration).toEqual({ encryptionOption: "SSE_KMS", kmsKeyArn: graph.outputs.kmsKeyArn });
        expect(graph.outputs.views).toEqual(
            Object.fromEntries(
                TOPICS.map((t) => [
                    t,
                    {
                        raw: `s3://${bucket}/raw/${t}/`,
                        batch: `s3://${bucket}/curated/${t}/`,
                        rejected: `s3://${bucket}/raw/_rejected/${t}/`,
                        speed: `s3://${bucket}/speed/${t}/`,
                        batchTable: `${t}_batch`,
                        speedTable: `${t}_speed`,
                        mergeQuery: `${t}_merged`,
                    },
                ]),
            ),
        );
        expect(graph.outputs.athenaUsersPolicyArn).toBe(graph.one(T.policy, "lambda-athena-users").outputs.arn);
        expect(String(graph.outputs.backfill)).toContain(String(graph.outputs.batchStateMachineArn));
    });
});

describe("lambda stack profiles", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    beforeAll(async () => {
        dev = await planLambda("lambda");
        prod = await planLambda("lambda-prod");
    });

    it("differ only in HA, sizes, the scan cutoff, NAT count, flow logs and protection", () => {
        const diff = profileDifferences(dev, prod);
        expect(diff.onlyDev).toEqual([]);
        expect(diff.onlyProd).toEqual(["platform-flow-log", "platform-flow-logs", "platform-flow-logs-policy", "platform-flow-logs-role"]);
        expect(diff.fields).toEqual(
            [
                ...BATCH_ARCHITECTURE_PROFILE_FIELDS,
                // The serving layer's scan cutoff, and the speed cluster's HA primaries and protection.
                "aws:athena/workgroup:Workgroup configuration.bytesScannedCutoffPerQuery",
                "aws:athena/workgroup:Workgroup forceDestroy",
                "aws:emr/cluster:Cluster masterInstanceFleet.targetOnDemandCapacity",
                "aws:emr/cluster:Cluster protect",
                "aws:emr/cluster:Cluster terminationProtection",
            ].sort(),
        );
    });

    it("protects data only in prod, runs three primary nodes in prod, and guards queries with a bigger cutoff in prod", () => {
        const protectedTypes = (g: ResourceGraph) => new Set(g.resources.filter((r) => r.options.protect).map((r) => r.type));
        expect(protectedTypes(dev)).toEqual(new Set());
        expect(protectedTypes(prod)).toEqual(
            new Set([
                "aws:kms/key:Key",
                "aws:s3/bucket:Bucket",
                "aws:msk/cluster:Cluster",
                "aws:msk/topic:Topic",
                "aws:emr/cluster:Cluster",
            ]),
        );
        const primary = (g: ResourceGraph) =>
            (g.one(T.emr).inputs.masterInstanceFleet as { targetOnDemandCapacity: number }).targetOnDemandCapacity;
        expect([primary(dev), primary(prod)]).toEqual([1, 3]);
        const cutoff = (g: ResourceGraph) =>
            (g.one(T.workgroup).inputs.configuration as { bytesScannedCutoffPerQuery: number }).bytesScannedCutoffPerQuery;
        expect([cutoff(dev), cutoff(prod)]).toEqual([10 * 1024 ** 3, 200 * 1024 ** 3]);
        // Only unprotected (dev) workgroups may be deleted along with their saved queries.
        expect([dev.one(T.workgroup).inputs.forceDestroy, prod.one(T.workgroup).inputs.forceDestroy]).toEqual([true, false]);
    });

    it("names the database and workgroup after the stack", async () => {
        const own = await stackPlan("lambda-prod");
        expect(own.outputs).toMatchObject({ databaseName: "spectrum_lambda_prod", workgroupName: "spectrum-lambda-prod" });
    });
});

describe("lambda stack with a Flink speed layer (root program)", () => {
    it("creates the EKS cluster the job runs on, and lets its nodes reach the brokers", async () => {
        const config = loadStackConfig(stackFile("lambda"), "spectrum").values;
        const lambda = JSON.parse(config["spectrum:lambda"]) as Obj;
        const flink = {
            image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/speed-views:1.20.3-1",
            jarUri: "local:///opt/flink/usrlib/speed-views.jar",
            flinkVersion: "1.20.3",
        };
        const graph = await runProgram(rootProgram, {
            project: "spectrum",
            stack: "lambda",
            config: { ...config, "spectrum:lambda": { ...lambda, speed: { processor: "flink", flink } } },
        });
        expect(graph.outputs.processor).toBe("flink");
        const eks = graph.one("eks:index:Cluster");
        expect(graph.ofType(T.emr).map((r) => r.name)).toEqual([]);
        const fromNodes = graph.ofType(T.ingress).filter((r) => r.inputs.referencedSecurityGroupId === eks.outputs.nodeSecurityGroupId);
        expect(fromNodes.map((r) => [r.inputs.securityGroupId, r.inputs.fromPort])).toEqual([
            [graph.one("aws:ec2/securityGroup:SecurityGroup", "lambda-kafka-brokers").id, 9098],
        ]);
        const deployment = graph.one(T.flink);
        expect(deployment.provider).toBe(graph.one("pulumi:providers:kubernetes", "platform-k8s").urn);
        expect(graph.outputs.speedJob).toMatchObject({ flinkDeployment: "lambda-speed", namespace: "flink" });
        expect(graph.outputs.clusterName).toEqual(expect.stringMatching(/^platform-eks/));
        expect(graph.outputs.clusterName).toBe((eks.outputs.eksCluster as Obj).name);
    });
});
