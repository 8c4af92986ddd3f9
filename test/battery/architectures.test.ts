/**
 * Architectures check their own args and their landing zone's and Kafka cluster's before the first
 * resource: an invalid override registers nothing (the Kubernetes provider a test passes in aside).
 */
import { HybridArchitecture, HybridArchitectureArgs } from "../../components/architectures";
import { KappaArchitecture } from "../../components/architectures/kappa/kappa";
import { network, target, views } from "../architectures/lambda-fixtures";
import { Expected, expectParts, rejection } from "./battery";
import { COMPONENT, Overrides, build } from "./architecture-builders";
import { runProgram } from "../../testing";
import { FlinkOperator } from "../../components/flink";

const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });

// Bad overrides every architecture takes, each reported as the architecture's, at the field the user wrote.
const cases: [string, Overrides, Expected][] = [
    [
        "a misspelt landing zone override",
        { landingZone: { protet: false } as never },
        e("landingZone.protet", "false", '"protet" is not a known field', 'Did you mean "protect"?'),
    ],
    [
        "a landing zone override S3 would refuse",
        { landingZone: { zones: { raw: { infrequentAccessAfterDays: 7 } } } },
        e(
            "landingZone.zones.raw.infrequentAccessAfterDays",
            "7",
            "S3 rejects a STANDARD_IA transition earlier than 30 days",
            "Use 30 or more",
        ),
    ],
    [
        "a landing zone's zones as a list",
        { landingZone: { zones: ["raw"] as never } },
        e("landingZone.zones", '["raw"]', "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "protect as a string",
        { landingZone: { protect: "no" as never } },
        e("landingZone.protect", '"no"', "must be true or false", "Write protect: true"),
    ],
    [
        "a Kafka version MSK does not offer",
        { kafka: { kafkaVersion: "3.10.x.kraft" } },
        e("kafka.kafkaVersion", '"3.10.x.kraft"', "is not a version MSK offers", "Did you mean"),
    ],
    [
        "a broker size MSK does not offer",
        { kafka: { instanceType: "kafka.m7g.medium" } },
        e("kafka.instanceType", '"kafka.m7g.medium"', "is not an MSK standard broker size", "Use one of"),
    ],
    [
        "a misspelt Kafka override",
        { kafka: { brokerCont: 3 } as never },
        e("kafka.brokerCont", "3", '"brokerCont" is not a known field', 'Did you mean "brokerCount"?'),
    ],
    [
        "a Kafka override the architecture supplies",
        { kafka: { vpcId: "vpc-1" } as never },
        e("kafka.vpcId", '"vpc-1"', '"vpcId" is not a known field', "Use one of"),
    ],
    [
        "a broker volume as a string",
        { kafka: { volumeSizeGiB: "500" as never } },
        e("kafka.volumeSizeGiB", '"500"', "is a string, write a number", "Write 500 without quotes"),
    ],
    [
        "a misspelt top-level key",
        { profil: "dev" } as never,
        e("profil", '"dev"', '"profil" is not a known field', 'Did you mean "profile"?'),
    ],
    ["a misspelt profile", { profile: "prdo" as never }, e("profile", '"prdo"', "not a profile", 'Did you mean "prod"?')],
    ["tags as a list", { tags: ["team"] as never }, e("tags", '["team"]', "is a list where a map is expected", "Write it as a mapping")],
    [
        "an aws: tag key",
        { tags: { "aws:owner": "me" } },
        e('tags["aws:owner"]', '"aws:owner"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
    [
        "previous topic shapes as a list",
        { previousTopics: [] as never },
        e("previousTopics", "[]", "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "a misspelt field of a previous topic shape",
        { previousTopics: { events: { partitons: 3 } as never } },
        e("previousTopics.events.partitons", "3", '"partitons" is not a known field', 'Did you mean "partitions"?'),
    ],
    [
        "security groups as a map",
        { kafkaClientSecurityGroupIds: { a: "sg-1" } as never },
        e("kafkaClientSecurityGroupIds", '{"a":"sg-1"}', "is a map where a list is expected", "Write it as a list"),
    ],
];

// Bad overrides of the hybrid and Lambda batch layers and their topics.
const batchCases: [string, Overrides, Expected][] = [
    [
        "daily raw folders for the bundled hourly job",
        { ingest: { partitionBy: "day" } },
        e("ingest.partitionBy", '"day"', "leaves no hourly folders", 'Keep "hour", or give batch.application a job of your own'),
    ],
    [
        "a daily schedule for the bundled hourly job",
        { batch: { schedule: "cron(15 2 * * ? *)" } },
        e("batch.schedule", '"cron(15 2 * * ? *)"', "is not an hourly cron", 'Use "cron(<minute> * * * ? *)"'),
    ],
    [
        "a rate schedule for the bundled hourly job (its minute is not known)",
        { batch: { schedule: "rate(1 hour)" } },
        e("batch.schedule", '"rate(1 hour)"', "is not an hourly cron", 'Use "cron(<minute> * * * ? *)"'),
    ],
    [
        "the bundled job run before Firehose flushed the hour",
        { batch: { schedule: "cron(2 * * * ? *)" } },
        e(
            "batch.schedule",
            '"cron(2 * * * ? *)"',
            "runs before Firehose has flushed the last hour (it buffers up to 300 seconds)",
            "Run at minute 5 or later",
        ),
    ],
    [
        "a batch schedule EventBridge would reject",
        { batch: { schedule: "every hour" } },
        e("batch.schedule", '"every hour"', "is not a valid schedule", "Use e.g."),
    ],
    [
        "a misspelt batch override",
        { batch: { schedul: "cron(20 * * * ? *)" } as never },
        e("batch.schedul", '"cron(20 * * * ? *)"', '"schedul" is not a known field', 'Did you mean "schedule"?'),
    ],
    [
        "a batch override the architecture supplies",
        { batch: { storage: {} } as never },
        e("batch.storage", "{}", '"storage" is not a known field', "Use one of"),
    ],
    [
        "batch step retries out of range",
        { batch: { stepRetries: 9 } },
        e("batch.stepRetries", "9", "must be a whole number from 0 to 5", "Use 0"),
    ],
    [
        "batch timeout as a string",
        { batch: { timeoutMinutes: "50" as never } },
        e("batch.timeoutMinutes", '"50"', "is a string, write a number", "Write 50 without quotes"),
    ],
    [
        "batch args as a map",
        { batch: { args: { a: "b" } as never } },
        e("batch.args", '{"a":"b"}', "is a map where a list is expected", "Write it as a list"),
    ],
    [
        "a misspelt ingest override",
        { ingest: { bufferingIntervalSecond: 60 } as never },
        e(
            "ingest.bufferingIntervalSecond",
            "60",
            '"bufferingIntervalSecond" is not a known field',
            'Did you mean "bufferingIntervalSeconds"?',
        ),
    ],
    ["an ingest buffer out of range", { ingest: { bufferingIntervalSeconds: 901 } }, e("ingest.bufferingIntervalSeconds", "901", "", "")],
    [
        "an ingest partitioning enum typo",
        { ingest: { partitionBy: "hours" as never } },
        e("ingest.partitionBy", '"hours"', "is not one of day, hour", 'Did you mean "hour"?'),
    ],
    [
        "an ingest override the architecture supplies",
        { ingest: { zone: "raw" } as never },
        e("ingest.zone", '"raw"', '"zone" is not a known field', "Use one of"),
    ],
    [
        "topics as a list",
        { topics: ["clicks"] as never },
        e("topics", '["clicks"]', "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "a misspelt topic field",
        { topics: { clicks: { partitons: 6 } as never } },
        e("topics.clicks.partitons", "6", '"partitons" is not a known field', 'Did you mean "partitions"?'),
    ],
    [
        "partitions as a string",
        { topics: { clicks: { partitions: "12" as never } } },
        e("topics.clicks.partitions", '"12"', "is a string, write a number", "Write 12 without quotes"),
    ],
    [
        "a replication factor above the brokers",
        { topics: { clicks: { replicationFactor: 4 }, orders: {} } },
        e("topics.clicks.replicationFactor", "4", "", ""),
    ],
];

const kappaCases: [string, Overrides, Expected][] = [
    [
        "Flink settings with Kafka Streams as the processor",
        { processor: "kafka-streams", versions: [{ version: "v1", image: "app:1.0" }], flink: { taskSlots: 4 } },
        e(
            "flink",
            '{"taskSlots":4}',
            'configures the flink job, and processor is "kafka-streams": it would be ignored',
            'Remove it, or set processor to "flink"',
        ),
    ],
    [
        "input topics as a list",
        { inputTopics: ["events"] as never },
        e("inputTopics", '["events"]', "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "a misspelt input topic field",
        { inputTopics: { events: { retentionDay: 3 } as never } },
        e("inputTopics.events.retentionDay", "3", '"retentionDay" is not a known field', 'Did you mean "retentionDays"?'),
    ],
    [
        "versions as a map",
        { versions: { v1: {} } as never },
        e("versions", '{"v1":{}}', "is a map where a list is expected", "Write it as a list"),
    ],
    [
        "a misspelt version field",
        { versions: [{ version: "v1", paralelism: 2 } as never] },
        e("versions[0].paralelism", "2", '"paralelism" is not a known field', 'Did you mean "parallelism"?'),
    ],
    ["a processor typo", { processor: "flnk" as never }, e("processor", '"flnk"', "not a processor the Kappa architecture runs", "Use")],
    [
        "a misspelt Flink override",
        { flink: { taskSlot: 2 } as never },
        e("flink.taskSlot", "2", '"taskSlot" is not a known field', 'Did you mean "taskSlots"?'),
    ],
    [
        "a misspelt operator override",
        { flink: { operator: { replica: 2 } as never } },
        e("flink.operator.replica", "2", '"replica" is not a known field', 'Did you mean "replicas"?'),
    ],
    [
        "an operator override the architecture supplies",
        { flink: { operator: { target: {} } as never } },
        e("flink.operator.target", "{}", '"target" is not a known field', "Use one of"),
    ],
    [
        "a misspelt streams override",
        { streams: { thread: 2 } as never },
        e("streams.thread", "2", '"thread" is not a known field', 'Did you mean "threads"?'),
    ],
    [
        "a startFrom timestamp misspelt",
        { versions: [{ version: "v1", startFrom: { timestamp: 1 } as never }] },
        e("versions[0].startFrom.timestamp", "1", '"timestamp" is not a known field', 'Did you mean "timestampMs"?'),
    ],
];

const lambdaCases: [string, Overrides, Expected][] = [
    [
        "Spark settings with Flink as the speed processor",
        {
            speed: {
                processor: "flink",
                flink: { jarUri: "local:///opt/flink/usrlib/speed.jar" },
                sparkStreaming: { triggerInterval: "30 seconds" },
            },
        },
        e(
            "speed.sparkStreaming",
            '{"triggerInterval":"30 seconds"}',
            'configures the spark-streaming speed job, and speed.processor is "flink": it would be ignored',
            'Remove it, or set speed.processor to "spark-streaming"',
        ),
    ],
    ["views as a list", { views: [] as never }, e("views", "[]", "is a list where a map is expected", "Write it as a mapping")],
    [
        "a misspelt view field",
        { views: { clicks: { colums: [] } as never, orders: views.orders } },
        e("views.clicks.colums", "[]", '"colums" is not a known field', 'Did you mean "columns"?'),
    ],
    [
        "a misspelt speed override",
        { speed: { procesor: "flink" } as never },
        e("speed.procesor", '"flink"', '"procesor" is not a known field', 'Did you mean "processor"?'),
    ],
    [
        "a speed processor typo",
        { speed: { processor: "storm" as never } },
        e("speed.processor", '"storm"', "not a stream processor", "Use one of"),
    ],
    [
        "a misspelt Flink speed field",
        { speed: { flink: { jarURI: "local:///a.jar" } as never } },
        e("speed.flink.jarURI", '"local:///a.jar"', '"jarURI" is not a known field', 'Did you mean "jarUri"?'),
    ],
    [
        "a misspelt serving field",
        { serving: { databaseNam: "db" } as never },
        e("serving.databaseNam", '"db"', '"databaseNam" is not a known field', 'Did you mean "databaseName"?'),
    ],
    [
        "a misspelt requirement",
        { speed: { processor: "auto", requirements: { latencyBudget: 1000 } as never } },
        e("speed.requirements.latencyBudget", "1000", '"latencyBudget" is not a known field', 'Did you mean "latencyBudgetMs"?'),
    ],
];

// Parts built after the lake and log (the speed layer, the versions), checked up front as they will be built.
const partCases: [string, string, Overrides, Expected][] = [
    [
        "lambda",
        "a Flink version the operator does not run",
        { speed: { flink: { flinkVersion: "1.99.0" } } },
        e("speed.flink.flinkVersion", '"1.99.0"', "operator 1.15.0 accepts spec.flinkVersion", "Use a Flink version the operator supports"),
    ],
    [
        "lambda",
        "a Flink speed job with no parallelism",
        { speed: { flink: { parallelism: 0 } } },
        e("speed.flink.parallelism", "0", "must be a whole number, at least 1", "Use e.g. 2"),
    ],
    [
        "lambda",
        "a checkpoint interval of 0",
        { speed: { flink: { checkpointIntervalSeconds: 0 } } },
        e("speed.flink.checkpointIntervalSeconds", "0", "must be a whole number of seconds from 1 to 86400", "Use e.g. 60"),
    ],
    [
        "lambda",
        "an unpinned Kafka Streams image",
        { speed: { processor: "kafka-streams", kafkaStreams: { image: "app" } } },
        e("speed.kafkaStreams.image", '"app"', "an image without a tag or digest", "Pin it"),
    ],
    [
        "lambda",
        "no Kafka Streams replicas",
        { speed: { processor: "kafka-streams", kafkaStreams: { image: "app:1.0", replicas: 0 } } },
        e("speed.kafkaStreams.replicas", "0", "must be at least 1", "Use 1 or more"),
    ],
    [
        "lambda",
        "a speed delivery buffer Firehose refuses",
        { speed: { processor: "kafka-streams", kafkaStreams: { image: "app:1.0", deliveryBufferSeconds: 901 } } },
        e("speed.kafkaStreams.deliveryBufferSeconds", "901", "Firehose accepts 0-900 seconds", "Use a whole number"),
    ],
    [
        "lambda",
        "an EMR release too old",
        { speed: { processor: "spark-streaming", sparkStreaming: { cluster: { releaseLabel: "emr-5.36.0" } } } },
        e("speed.sparkStreaming.cluster.releaseLabel", '"emr-5.36.0"', "EMR 5.x is older than the 7.x releases", "Use a 7.x release"),
    ],
    [
        "lambda",
        "a Spark speed job's trigger interval Spark does not parse (EMR on EC2)",
        { spark: { runtime: "emr-ec2" }, speed: { processor: "spark-streaming", sparkStreaming: { triggerInterval: "every minute" } } },
        e("speed.sparkStreaming.triggerInterval", '"every minute"', "is not a Spark processing-time interval", 'Use e.g. "30 seconds"'),
    ],
    [
        "lambda",
        "a Spark speed job's property spectrum sets itself (EMR Serverless)",
        {
            spark: { runtime: "emr-serverless" },
            speed: { processor: "spark-streaming", sparkStreaming: { sparkConf: { "spark.spectrum.triggerInterval": "5 minutes" } } },
        },
        e(
            'speed.sparkStreaming.sparkConf["spark.spectrum.triggerInterval"]',
            '"5 minutes"',
            "spark.spectrum.* properties are set by spectrum",
            "Use inputs/outputs for locations, or another property name",
        ),
    ],
    [
        "lambda",
        "a Spark package without a version",
        {
            spark: { runtime: "emr-ec2" },
            speed: { processor: "spark-streaming", sparkStreaming: { packages: ["org.apache.spark:spark-sql-kafka-0-10_2.12"] } },
        },
        e(
            "speed.sparkStreaming.packages[0]",
            '"org.apache.spark:spark-sql-kafka-0-10_2.12"',
            "is not a Maven coordinate group:artifact:version",
            'Write e.g. "software.amazon.msk:aws-msk-iam-auth:2.2.0"',
        ),
    ],
    [
        "kappa",
        "a version's Flink version the operator does not run",
        { versions: [{ version: "v1", flinkVersion: "1.99.0" }] },
        e("versions[0].flinkVersion", '"1.99.0"', "operator 1.15.0 accepts spec.flinkVersion", "Use a Flink version the operator supports"),
    ],
    [
        "kappa",
        "an operator release without known CRDs",
        { flink: { operator: { version: "0.1.0" } } },
        e("flink.operator.version", '"0.1.0"', "is not an operator release whose CRDs spectrum knows", "Use"),
    ],
    [
        "kappa",
        "no task slots",
        { flink: { taskSlots: 0 } },
        e("flink.taskSlots", "0", "must be a positive integer", "Use 1 or more slots per TaskManager"),
    ],
    [
        "kappa",
        "no Streams threads",
        { processor: "kafka-streams", versions: [{ version: "v1", image: "app:1.0" }], streams: { threads: 0 } },
        e("streams.threads", "0", "must be at least 1", "Use 1 or more"),
    ],
    [
        "kappa",
        "an output topic without partitions",
        { outputTopics: { results: { partitions: 0 } } },
        e('outputTopics["results.v1"].partitions', "0", "a topic needs at least one partition", "Use a whole number >= 1"),
    ],
];

describe("architectures validate their args and every part's before registering anything", () => {
    test.each(partCases)("%s: %s", async (arch, _, overrides, expected) => {
        const { problems, registered } = await rejection(build[arch](overrides));
        expectParts(problems, `${COMPONENT[arch]} "${arch}"`, expected);
        expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
    });

    test("an operator already installed on the cluster is a clash, found before the architecture registers anything", async () => {
        const { problems, registered } = await rejection(() => {
            const t = target();
            new FlinkOperator("mine", { target: t });
            new KappaArchitecture("kappa", { profile: "dev", network, target: t });
        });
        expectParts(
            problems,
            'KappaArchitecture "kappa"',
            e(
                "target",
                '"flink-kubernetes-operator"',
                'FlinkOperator "mine" already uses this operator install',
                "Install the operator once and share it",
            ),
        );
        expect(registered.filter((r) => r.includes("::kappa"))).toEqual([]);
    });

    for (const arch of Object.keys(build)) {
        test.each(cases)(`${arch}: %s`, async (_, overrides, expected) => {
            const { problems, registered } = await rejection(build[arch](overrides));
            expectParts(problems, `${COMPONENT[arch]} "${arch}"`, expected);
            expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
        });
    }
    for (const arch of ["hybrid", "lambda"]) {
        test.each(batchCases)(`${arch}: %s`, async (_, overrides, expected) => {
            const { problems, registered } = await rejection(build[arch](overrides));
            expectParts(problems, `${COMPONENT[arch]} "${arch}"`, expected);
            expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
        });
    }
    test.each(kappaCases)("kappa: %s", async (_, overrides, expected) => {
        const { problems, registered } = await rejection(build.kappa(overrides));
        expectParts(problems, 'KappaArchitecture "kappa"', expected);
        expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
    });
    test.each(lambdaCases)("lambda: %s", async (_, overrides, expected) => {
        const { problems, registered } = await rejection(build.lambda(overrides));
        expectParts(problems, 'LambdaArchitecture "lambda"', expected);
        expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
    });

    test("problems of the landing zone and the Kafka cluster are reported together, as the architecture's", async () => {
        const { problems } = await rejection(
            build.hybrid({ landingZone: { protect: "no" } as never, kafka: { brokerCount: "3" } as never }),
        );
        expect(problems.map((p) => p.split(" = ")[0])).toEqual([
            'HybridArchitecture "hybrid": landingZone.protect',
            'HybridArchitecture "hybrid": kafka.brokerCount',
        ]);
    });

    test("two architectures with one name clash before the second registers anything", async () => {
        const { problems } = await rejection(() => {
            build.hybrid({})();
            build.hybrid({})();
        });
        expect(problems[0]).toMatch(
            /^HybridArchitecture "hybrid": name = "hybrid": HybridArchitecture "hybrid" already uses this resource name/,
        );
    });

    test.each([
        ["hybrid", { landingZone: { protect: false, zones: { "raw-events": {} } }, kafka: { brokerCount: 6 }, batch: { stepRetries: 5 } }],
        ["hybrid", { topics: { "orders.v1": { partitions: 1 } }, ingest: { bufferingIntervalSeconds: 0 } }],
        ["kappa", { versions: [{ version: "v1", startFrom: { timestampMs: 0 } }], flink: { operator: { replicas: 2 } } }],
        [
            "lambda",
            {
                serving: { databaseName: "my_db" },
                speed: { processor: "flink", flink: { parallelism: 2, jarUri: "local:///opt/flink/usrlib/speed.jar" } },
            },
        ],
    ] as [string, Overrides][])("valid but unusual %s overrides are accepted", async (arch, overrides) => {
        await expect(runProgram(build[arch](overrides))).resolves.toBeDefined();
    });

    test("an override key written as undefined counts as absent: prod keeps its brokers and disks, the batch its schedule", async () => {
        const brokers = async (overrides: Overrides) => {
            const graph = await runProgram(
                () => void new HybridArchitecture("hybrid", { profile: "prod", network, ...overrides } as HybridArchitectureArgs),
            );
            const cluster = graph.one("aws:msk/cluster:Cluster").inputs.brokerNodeGroupInfo as Record<string, unknown>;
            return { cluster, schedule: graph.one("aws:scheduler/schedule:Schedule").inputs.scheduleExpression };
        };
        const written = await brokers({
            kafka: { instanceType: undefined, volumeSizeGiB: undefined },
            batch: { schedule: undefined },
        } as Overrides);
        expect(written).toEqual(await brokers({}));
    });

    test("a compacted topic is accepted, without the profile's time retention (hybrid and Lambda share it)", async () => {
        const graph = await runProgram(build.hybrid({ topics: { clicks: {}, customers: { cleanupPolicy: "compact" } } }));
        const configs = (name: string) =>
            JSON.parse(String(graph.ofType("aws:msk/topic:Topic").find((t) => t.inputs.name === name)?.inputs.configs));
        expect(configs("customers")).toEqual({ "cleanup.policy": "compact", "min.insync.replicas": "2" });
        expect(configs("clicks")["retention.ms"]).toBeDefined();
    });
});
