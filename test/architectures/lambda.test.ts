import { PlannedResource, ResourceGraph, policyStatements } from "../../testing";
import { parseProperties } from "../kafka/helpers";
import { T, TOPICS, asArray, firehoseTopics, planLambda, resourcesFor, topicsFor, views } from "./lambda-fixtures";

type Obj = Record<string, unknown>;
const GiB = 1024 ** 3;

const FLINK_JOB = {
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/speed-views:1.20.3-1",
    jarUri: "local:///opt/flink/usrlib/speed-views.jar",
    flinkVersion: "1.20.3",
};

interface Lake {
    bucket: string;
    bucketArn: string;
    keyArn: string;
}
function lakeOf(graph: ResourceGraph): Lake {
    const bucket = graph.one(T.bucket, "lambda-lake-data");
    return {
        bucket: bucket.outputs.bucket as string,
        bucketArn: bucket.outputs.arn as string,
        keyArn: graph.one(T.key, "lambda-lake-key").outputs.arn as string,
    };
}

function table(graph: ResourceGraph, name: string): { inputs: Obj; sd: Obj; parameters: Record<string, string> } {
    const t = graph.ofType(T.table).find((r) => r.inputs.name === name) as PlannedResource;
    return { inputs: t.inputs, sd: t.inputs.storageDescriptor as Obj, parameters: t.inputs.parameters as Record<string, string> };
}

/** The string literals of the batch workflow's spark-submit command, unescaped as Step Functions reads them. */
function batchCommand(graph: ResourceGraph): string[] {
    const definition = JSON.parse(graph.one(T.stateMachine, "lambda-batch-workflow").inputs.definition as string) as {
        States: Record<string, { Parameters: Record<string, string> }>;
    };
    return [...definition.States.BuildCommand.Parameters["args.$"].matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) =>
        m[1].replace(/\\(.)/g, "$1"),
    );
}

function lifecycleRule(graph: ResourceGraph, zone: string): Obj {
    const rules = graph.one(T.lifecycle, "lambda-lake-data-lifecycle").inputs.rules as Obj[];
    return rules.find((r) => (r.filter as Obj).prefix === `${zone}/`) as Obj;
}

describe("LambdaArchitecture with a Flink speed layer", () => {
    let graph: ResourceGraph;
    let lake: Lake;
    let flinkArgs: string[];

    beforeAll(async () => {
        graph = await planLambda({ speed: { flink: FLINK_JOB } });
        lake = lakeOf(graph);
        flinkArgs = ((graph.one(T.flink).inputs.spec as Obj).job as { args: string[] }).args;
    });

    it("composes the batch, speed and serving layers under one component, tagged as lambda", () => {
        const arch = graph.one(T.arch, "lambda");
        expect(graph.childrenOf(arch).map((r) => r.type)).toEqual(
            expect.arrayContaining([
                "spectrum:index:LandingZone",
                "spectrum:index:KafkaCluster",
                "spectrum:index:KafkaTopics",
                "spectrum:index:MskFirehoseIngest",
                "spectrum:index:SparkBatchJob",
                "spectrum:index:FlinkOperator",
                "spectrum:index:FlinkJob",
                T.database,
                T.workgroup,
                T.policy,
            ]),
        );
        const tagged = graph.childrenOf(arch, { deep: true }).filter((r) => r.custom && r.type.startsWith("aws:") && r.inputs.tags);
        expect(tagged.length).toBeGreaterThan(20);
        for (const r of tagged) expect((r.inputs.tags as Record<string, string>)["spectrum:architecture"]).toBe("lambda");
        // Spark is the batch layer only: no streaming cluster next to Flink.
        expect(graph.ofType(T.emr)).toEqual([]);
    });

    it("feeds both layers from the same input topics", () => {
        expect(
            graph
                .ofType(T.mskTopic)
                .map((t) => t.inputs.name)
                .sort(),
        ).toEqual(TOPICS);
        // Batch: Firehose lands every topic in raw, the hourly job reads raw and writes curated.
        expect(firehoseTopics(graph, "raw")).toEqual(TOPICS);
        const definition = graph.one(T.stateMachine, "lambda-batch-workflow").inputs.definition as string;
        for (const t of TOPICS) {
            expect(definition).toContain(`spark.spectrum.input.${t}=s3://${lake.bucket}/raw/${t}/`);
            expect(definition).toContain(`spark.spectrum.output.${t}=s3://${lake.bucket}/curated/${t}/`);
            expect(definition).toContain(`spark.spectrum.output.${t}-rejected=s3://${lake.bucket}/raw/_rejected/${t}/`);
        }
        // The bundled job writes each batch view with its table's columns and types (Athena reads
        // no Parquet DOUBLE as a DECIMAL), so it gets them, keyed by its input names.
        const command = batchCommand(graph);
        expect(command.indexOf("--columns")).toBeGreaterThan(
            command.findIndex((a) => a.endsWith("/artifacts/jobs/hourly_raw_to_curated.py")),
        );
        const columns = command[command.indexOf("--columns") + 1];
        expect(JSON.parse(columns)).toEqual(
            Object.fromEntries(TOPICS.map((t) => [t, Object.fromEntries(views[t].columns.map((c) => [c.name, c.type]))])),
        );
        // In declaration order: the Parquet columns follow it.
        expect(Object.keys(JSON.parse(columns).orders)).toEqual(["order_id", "amount"]);
        const HOURLY_RAW_TO_CURATED_PY = graph.one(T.object, "lambda-batch-script").inputs.content as string;
        expect(HOURLY_RAW_TO_CURATED_PY).toMatch(
            /add_argument\("--columns"[\s\S]*process\(spark, conf, name, folder, columns\.get\(name\), /,
        );
        // A value that does not convert (or overflows) is found with try_cast, and its record rejected ...
        expect(HOURLY_RAW_TO_CURATED_PY).toMatch(/value = F\.expr\(f"try_cast\(\{RECORD\}\.\{quoted\(found\.name\)\} AS \{kind\}\)"\)/);
        // ... the same way on Spark 4 (emr-spark-8.x, ANSI on by default) as on 3.5.
        expect(HOURLY_RAW_TO_CURATED_PY).toMatch(/spark\.conf\.set\("spark\.sql\.ansi\.enabled", "false"\)/);
        // Speed: the Flink job gets every topic with its view's folder, and may read exactly those.
        expect(flinkArgs.slice(0, 2)).toEqual(["--group-id", "lambda-speed"]);
        expect(JSON.parse(flinkArgs[3])).toEqual(TOPICS.map((t) => ({ topic: t, output: `s3://${lake.bucket}/speed/${t}/` })));
        const role = graph.one(T.rolePolicy, "lambda-speed-policy");
        expect(topicsFor(role, "kafka-cluster:ReadData")).toEqual(TOPICS);
        expect(topicsFor(role, "kafka-cluster:WriteData")).toEqual([]);
        const groups = policyStatements(role)
            .flatMap((s) => asArray(s.Resource))
            .filter((r) => r.includes(":group/"));
        expect(groups.map((g) => g.split("/").pop())).toEqual(["lambda-speed"]);
        // The job itself (not only its component) waits for its topics: auto-creation is off.
        expect(graph.dependsOn(graph.one(T.flink), graph.one("spectrum:index:KafkaTopics"), { transitive: false })).toBe(true);
    });

    it("puts a Glue table over each batch view (Parquet in curated) and each speed view (JSON lines in speed)", () => {
        const db = graph.one(T.database);
        expect(db.inputs.name).toBe("lambda_test");
        for (const t of TOPICS) {
            const batch = table(graph, `${t}_batch`);
            const speed = table(graph, `${t}_speed`);
            for (const [view, zone, serde] of [
                [batch, "curated", "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"],
                [speed, "speed", "org.openx.data.jsonserde.JsonSerDe"],
            ] as const) {
                const location = `s3://${lake.bucket}/${zone}/${t}/`;
                expect(view.inputs.databaseName).toBe("lambda_test");
                expect(view.inputs.tableType).toBe("EXTERNAL_TABLE");
                expect(view.sd.location).toBe(location);
                expect((view.sd.serDeInfo as Obj).serializationLibrary).toBe(serde);
                expect(view.sd.columns).toEqual(
                    views[t].columns.map((c) => ({ name: c.name, type: c.type, ...(c.comment ? { comment: c.comment } : {}) })),
                );
                expect((view.inputs.partitionKeys as Obj[]).map((k) => [k.name, k.type])).toEqual([
                    ["dt", "string"],
                    ["hr", "string"],
                ]);
                // Partitions are projected onto the hourly folders both layers write: no crawler.
                expect(view.parameters["projection.enabled"]).toBe("true");
                expect(view.parameters["storage.location.template"]).toBe(`${location}dt=\${dt}/hr=\${hr}/`);
                expect(view.parameters["projection.hr.values"].split(",")).toHaveLength(24);
            }
            expect(batch.sd.inputFormat).toBe("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
            expect(batch.parameters["projection.dt.range"]).toBe("NOW-3YEARS,NOW");
            expect(speed.parameters["projection.dt.range"]).toBe("NOW-7DAYS,NOW");
        }
    });

    it("saves a merge query per view that reads the batch view where it holds an hour and the speed view elsewhere", () => {
        const workgroup = graph.one(T.workgroup);
        for (const t of TOPICS) {
            const q = graph.one(T.namedQuery, `lambda-${t}-merged`);
            expect(q.inputs).toMatchObject({ name: `${t}_merged`, database: "lambda_test", workgroup: "lambda-test" });
            expect(graph.dependsOn(q, workgroup)).toBe(true);
            for (const layer of ["batch", "speed"]) expect(graph.dependsOn(q, graph.one(T.table, `lambda-${t}-${layer}`))).toBe(true);
            const sql = q.inputs.query as string;
            const columns = views[t].columns.map((c) => `"${c.name}"`).join(", ");
            expect(sql).toContain(`SELECT ${columns}, dt, hr, 'batch' AS layer\nFROM "lambda_test"."${t}_batch"\nUNION ALL`);
            expect(sql).toContain(
                `FROM "lambda_test"."${t}_speed" s\nLEFT JOIN batch_hours b ON s.dt = b.dt AND s.hr = b.hr\nWHERE b.dt IS NULL`,
            );
            expect(sql).toContain("INTERVAL '8' DAY");
        }
    });

    it("encrypts Athena results with the landing zone's key in its results zone, and enforces that and a scan cutoff", () => {
        const config = graph.one(T.workgroup).inputs.configuration as Obj;
        expect(config).toMatchObject({
            enforceWorkgroupConfiguration: true,
            bytesScannedCutoffPerQuery: 10 * GiB,
            engineVersion: { selectedEngineVersion: "Athena engine version 3" },
            resultConfiguration: {
                outputLocation: `s3://${lake.bucket}/results/athena/`,
                encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: lake.keyArn },
                expectedBucketOwner: "123456789012",
            },
        });
        expect(lifecycleRule(graph, "results").expiration).toEqual({ days: 30 });
        expect(lifecycleRule(graph, "speed").expiration).toEqual({ days: 7 });
        expect(lifecycleRule(graph, "curated").expiration).toEqual({ expiredObjectDeleteMarker: true });
    });

    it("keeps exactly-once settings consistent: durable topics and brokers, Flink checkpoints in the landing zone", () => {
        for (const t of graph.ofType(T.mskTopic)) {
            expect(t.inputs.replicationFactor).toBe(3);
            expect(JSON.parse(t.inputs.configs as string)["min.insync.replicas"]).toBe("2");
        }
        const broker = graph.one(T.mskConfig).inputs.serverProperties as string;
        for (const line of [
            "transaction.state.log.replication.factor=3",
            "transaction.state.log.min.isr=2",
            "min.insync.replicas=2",
            "unclean.leader.election.enable=false",
        ]) {
            expect(broker).toContain(line);
        }
        const spec = graph.one(T.flink).inputs.spec as Obj;
        const conf = spec.flinkConfiguration as Record<string, string>;
        const state = `s3://${lake.bucket}/checkpoints/flink/lambda-speed/`;
        expect(conf).toMatchObject({
            "execution.checkpointing.mode": "EXACTLY_ONCE",
            "execution.checkpointing.dir": `${state}checkpoints/`,
            "execution.checkpointing.savepoint-dir": `${state}savepoints/`,
            "high-availability.type": "kubernetes",
            "kubernetes.operator.job.savepoint-on-deletion": "true",
        });
        expect((spec.job as Obj).upgradeMode).toBe("savepoint");
        // The FileSink writes through the Hadoop S3 plugin of the image's exact Flink version.
        expect(JSON.stringify(spec.podTemplate)).toContain("flink-s3-fs-hadoop-1.20.3.jar");
        expect(resourcesFor(graph.one(T.rolePolicy, "lambda-speed-policy"), "s3:PutObject", lake.bucketArn)).toEqual([
            "bucket/checkpoints/flink/lambda-speed/*",
            "bucket/speed/clicks/*",
            "bucket/speed/orders/*",
        ]);
    });

    it("gives Athena users exactly the workgroup, the catalog entries, the views and the results folder", () => {
        const policy = graph.one(T.policy, "lambda-athena-users");
        const statements = policyStatements(policy);
        expect(asArray(allowingOne(statements, "athena:StartQueryExecution").Resource)).toEqual([
            "arn:aws:athena:us-east-1:123456789012:workgroup/lambda-test",
        ]);
        const glue = "arn:aws:glue:us-east-1:123456789012";
        expect(asArray(allowingOne(statements, "glue:GetTable").Resource).sort()).toEqual(
            [
                `${glue}:catalog`,
                `${glue}:database/lambda_test`,
                ...TOPICS.flatMap((t) => [`${glue}:table/lambda_test/${t}_batch`, `${glue}:table/lambda_test/${t}_speed`]),
            ].sort(),
        );
        expect(resourcesFor(policy, "s3:GetObject", lake.bucketArn)).toEqual([
            "bucket/curated/clicks/*",
            "bucket/curated/orders/*",
            "bucket/results/athena/*",
            "bucket/speed/clicks/*",
            "bucket/speed/orders/*",
        ]);
        expect(resourcesFor(policy, "s3:PutObject", lake.bucketArn)).toEqual(["bucket/results/athena/*"]);
        expect(resourcesFor(policy, "kms:GenerateDataKey", lake.bucketArn)).toEqual([lake.keyArn]);
        expect(statements.every((s) => s.Effect === "Allow" && !asArray(s.Resource).includes("*"))).toBe(true);
    });

    it("keeps the batch layer's roles to raw, curated and the rejected lines' folders", () => {
        for (const t of TOPICS) {
            expect(resourcesFor(graph.one(T.rolePolicy, `lambda-ingest-${t}-policy`), "s3:PutObject", lake.bucketArn)).toEqual(
                [expect.stringMatching(/^bucket\/raw\/_errors\//), `bucket/raw/${t}/*`].sort(),
            );
        }
        expect(resourcesFor(graph.one(T.rolePolicy, "lambda-batch-instance-access"), "s3:PutObject", lake.bucketArn)).toEqual([
            "bucket/curated/clicks/*",
            "bucket/curated/orders/*",
            "bucket/logs/emr/lambda-batch/*",
            "bucket/raw/_rejected/clicks/*",
            "bucket/raw/_rejected/orders/*",
        ]);
    });
});

function allowingOne(statements: ReturnType<typeof policyStatements>, action: string): ReturnType<typeof policyStatements>[number] {
    const hits = statements.filter((s) => asArray(s.Action).includes(action));
    expect(hits).toHaveLength(1);
    return hits[0];
}

describe("LambdaArchitecture with a Kafka Streams speed layer", () => {
    let graph: ResourceGraph;
    let lake: Lake;
    const SPEED_TOPICS = TOPICS.map((t) => `${t}-speed`);

    beforeAll(async () => {
        graph = await planLambda({
            speed: {
                processor: "kafka-streams",
                kafkaStreams: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/speed-views:2.0.1" },
            },
        });
        lake = lakeOf(graph);
    });

    it("reads the input topics with exactly-once transactions into one output topic per view", () => {
        expect(
            graph
                .ofType(T.mskTopic)
                .map((t) => t.inputs.name)
                .sort(),
        ).toEqual([...TOPICS, ...SPEED_TOPICS].sort());
        const props = parseProperties((graph.one(T.configMap).inputs.data as Record<string, string>)["streams.properties"]);
        expect(props).toMatchObject({
            "application.id": "lambda-speed",
            "processing.guarantee": "exactly_once_v2",
            "replication.factor": "3",
            "topic.min.insync.replicas": "2",
        });
        const role = graph
            .ofType(T.rolePolicy)
            .find((p) => graph.parentOf(p)?.type === "spectrum:index:KafkaStreamsApp") as PlannedResource;
        expect(topicsFor(role, "kafka-cluster:ReadData").filter((t) => !t.startsWith("lambda-speed-"))).toEqual(TOPICS);
        expect(topicsFor(role, "kafka-cluster:WriteData").filter((t) => !t.startsWith("lambda-speed-"))).toEqual(SPEED_TOPICS);
        const sts = graph.one(T.statefulSet);
        const env = ((sts.inputs.spec as Obj).template as { spec: { containers: Array<{ env: Array<{ name: string; value: string }> }> } })
            .spec.containers[0].env;
        expect(JSON.parse((env.find((e) => e.name === "SPECTRUM_SPEED_VIEWS") as { value: string }).value)).toEqual(
            TOPICS.map((t) => ({ topic: t, output: `${t}-speed` })),
        );
        expect((sts.inputs.metadata as Obj).namespace).toBe("lambda-speed");
        const ns = graph.one(T.namespace, "lambda-speed-namespace");
        expect((ns.inputs.metadata as { labels: Record<string, string> }).labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    });

    it("delivers the output topics to the speed zone under the batch layer's cluster policy, and serves them", () => {
        expect(firehoseTopics(graph, "raw")).toEqual(TOPICS);
        expect(firehoseTopics(graph, "speed")).toEqual(SPEED_TOPICS);
        // One MSK cluster policy (a cluster has one); the speed delivery waits for it.
        const policy = graph.one(T.clusterPolicy);
        for (const stream of graph
            .ofType(T.stream)
            .filter((s) => (s.inputs.mskSourceConfiguration as { topicName: string }).topicName.endsWith("-speed"))) {
            expect(graph.dependsOn(stream, policy)).toBe(true);
            expect((stream.inputs.extendedS3Configuration as { bufferingInterval: number }).bufferingInterval).toBe(60);
        }
        for (const t of TOPICS) expect(table(graph, `${t}_speed`).sd.location).toBe(`s3://${lake.bucket}/speed/${t}-speed/`);
        expect(graph.ofType(T.flink)).toEqual([]);
    });
});
