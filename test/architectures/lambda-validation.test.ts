import { ResourceGraph } from "../../testing";
import { expectProblem } from "../kafka/helpers";
import { T, planLambda, problemsOf, views } from "./lambda-fixtures";

describe("LambdaArchitecture validation", () => {
    it("needs a view with columns for every input topic, and no view without a topic", async () => {
        const problems = [
            ...(await problemsOf({ topics: { clicks: {}, orders: {} }, views: { clicks: views.clicks, refunds: views.orders } })),
        ];
        expect(problems).toEqual([
            'LambdaArchitecture "bad": views = ["clicks","refunds"]: topic "orders" has no view: the serving layer needs its columns. Add views["orders"] = { columns: [...] }.',
            'LambdaArchitecture "bad": views["refunds"] = "refunds": is not an input topic. Use one of clicks, orders, or declare the topic.',
        ]);
        expectProblem(
            [...(await problemsOf({ views: { clicks: { columns: [] } } }))],
            'LambdaArchitecture "bad": views["clicks"].columns = []',
            "Athena reads JSON and Parquet by column name",
            "Declare them",
        );
    });

    it("checks column names and types as Athena reads them", async () => {
        const problems = [
            ...(await problemsOf({
                views: {
                    clicks: {
                        columns: [
                            { name: "dt", type: "string" },
                            { name: "Page", type: "string" },
                            { name: "amount", type: "money" },
                            { name: "tags", type: "array<string" },
                            { name: "amount", type: "double" },
                        ],
                    },
                },
            })),
        ];
        expectProblem(problems, 'views["clicks"].columns[0].name = "dt": is reserved', "Rename the column");
        expectProblem(
            problems,
            'views["clicks"].columns[1].name = "Page": Athena column names are lowercase letters, digits and _',
            "Rename the column",
        );
        expectProblem(problems, 'views["clicks"].columns[2].type = "money": is not an Athena column type', "decimal(10,2)");
        expectProblem(problems, 'views["clicks"].columns[3].type = "array<string"', "is not an Athena column type");
        expectProblem(problems, 'views["clicks"].columns[4].name = "amount": is declared twice', "Declare each column once");
        expect(problems).toHaveLength(5);
    });

    it("stores column types as Athena parses them from the catalog: Hive names, no spaces", async () => {
        const columns = [
            { name: "n", type: "INTEGER" },
            { name: "amount", type: " decimal(12, 2) " },
            { name: "counts", type: "map<string, integer>" },
            { name: "meta", type: "struct<integer: integer, b: array<integer>>" },
        ];
        // The default speed job is Flink's smoke test, which the architecture warns about (asserted, not printed).
        const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
        let graph: ResourceGraph;
        try {
            graph = await planLambda({ topics: { clicks: {} }, views: { clicks: { columns } } });
            expect(warn).toHaveBeenCalledWith(
                expect.stringContaining('LambdaArchitecture "lambda": the Flink speed job is the smoke test'),
            );
        } finally {
            warn.mockRestore();
        }
        for (const layer of ["batch", "speed"]) {
            const table = graph.one(T.table, `lambda-clicks-${layer}`);
            expect((table.inputs.storageDescriptor as { columns: Array<{ type: string }> }).columns.map((c) => c.type)).toEqual([
                "int",
                "decimal(12,2)",
                "map<string,int>",
                "struct<integer:int,b:array<int>>",
            ]);
        }
    });

    it("refuses an unknown processor, and auto without usable requirements", async () => {
        expect(await problemsOf({ speed: { processor: "storm" as never } })).toEqual([
            'LambdaArchitecture "bad": speed.processor = "storm": not a stream processor. Use one of flink, spark-streaming, kafka-streams, or auto with speed.requirements.',
        ]);
        expectProblem(
            [...(await problemsOf({ speed: { processor: "auto" } }))],
            'LambdaArchitecture "bad": speed.requirements = undefined: processor auto needs the workload\'s requirements',
            "latencyBudgetMs",
        );
        expectProblem(
            [...(await problemsOf({ speed: { processor: "auto", requirements: { latencyBudgetMs: -5 } } }))],
            "speed.requirements.latencyBudgetMs = -5: must be a positive number of milliseconds",
        );
        expectProblem(
            [...(await problemsOf({ speed: { processor: "auto", requirements: { latencyBudgetMs: 2 * 3600 * 1000 } } }))],
            'LambdaArchitecture "bad": speed.requirements = {"latencyBudgetMs":7200000}: they call for batch processing',
            "a speed layer needs a stream processor",
            "deploy the hybrid architecture instead",
        );
    });

    it("needs what the chosen processor runs on and runs", async () => {
        expect(await problemsOf({ kubernetes: undefined })).toEqual([
            'LambdaArchitecture "bad": kubernetes = undefined: the flink speed job runs on Kubernetes. Pass a PlatformCluster\'s target, or use processor spark-streaming.',
        ]);
        expectProblem(
            [...(await problemsOf({ speed: { flink: { image: "registry/speed:1.20.3" } } }))],
            'LambdaArchitecture "bad": speed.flink.jarUri = undefined: your image needs the job jar\'s location',
            "Set speed.flink.jarUri",
        );
        expectProblem(
            [...(await problemsOf({ speed: { processor: "kafka-streams" } }))],
            'LambdaArchitecture "bad": speed.kafkaStreams.image = undefined',
            "Set speed.kafkaStreams.image",
        );
    });

    it("refuses anything that breaks exactly-once end to end", async () => {
        const problems = [
            ...(await problemsOf({
                topics: { clicks: { replicationFactor: 2, allowWeakerDurability: true } },
                kafka: { auth: "scram", allowWeakerDurability: true },
            })),
        ];
        expectProblem(
            problems,
            'topics["clicks"].replicationFactor = 2: exactly-once end to end needs every topic replicated 3 times',
            "Use 3 (the default)",
        );
        expectProblem(problems, 'topics["clicks"].minInsyncReplicas = 1', "Use 2 (the default)");
        expectProblem(problems, 'topics["clicks"].allowWeakerDurability = true', "Remove allowWeakerDurability");
        expectProblem(problems, "kafka.allowWeakerDurability = true: exactly-once needs the durable broker settings");
        expectProblem(problems, 'kafka.auth = "scram": Firehose reads MSK only with IAM auth', "Remove kafka.auth");
    });

    it("checks the serving layer's names, cost guard and retention", async () => {
        const problems = [
            ...(await problemsOf({
                serving: {
                    databaseName: "Lambda-DB",
                    workgroupName: "lambda wg",
                    bytesScannedCutoffPerQuery: 1000,
                    resultRetentionDays: 0,
                    batchHistoryStart: "yesterday",
                },
                speed: { retentionDays: 0.5 },
            })),
        ];
        expectProblem(
            problems,
            'serving.databaseName = "Lambda-DB": Athena database names are lowercase letters, digits and _',
            "lambda_prod",
        );
        expectProblem(problems, 'serving.workgroupName = "lambda wg"', "lambda-prod");
        expectProblem(
            problems,
            "serving.bytesScannedCutoffPerQuery = 1000: Athena's per-query cutoff is a whole number of bytes, at least 10 MiB",
            "10737418240",
        );
        expectProblem(problems, "serving.resultRetentionDays = 0", "Use e.g. 30");
        expectProblem(problems, 'serving.batchHistoryStart = "yesterday": is not a partition projection date', "NOW-<n>YEARS");
        expectProblem(problems, "speed.retentionDays = 0.5", "Use e.g. 7");
        expect(problems).toHaveLength(6);
    });

    it("reports a bad profile with everything else", async () => {
        const problems = [...(await problemsOf({ profile: "staging" as never, views: {} }))];
        expectProblem(problems, 'LambdaArchitecture "bad": profile = "staging": not a profile', "Use one of dev, prod");
        expectProblem(problems, 'topic "clicks" has no view');
    });
});
