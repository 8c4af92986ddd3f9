/**
 * The EMR Serverless battery: bad EmrServerlessApplication inputs, each rejected before anything is
 * registered with all four parts of the message; bad serverless job inputs (arguments of the other
 * runtime, too many Spark properties); and valid but unusual inputs accepted.
 */
import { LandingZone } from "../../components/landing-zone";
import {
    EmrServerlessApplication,
    EmrServerlessApplicationArgs,
    EmrServerlessTarget,
    SparkBatchJob,
    SparkStreamingJob,
} from "../../components/spark";
import { runProgram } from "../../testing";
import { Expected, expectParts, rejection } from "./battery";

type Case = [string, Record<string, unknown>, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const network = { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"] };
const notKnown = (key: string) => `"${key}" is not a known field`;

const applicationCases: Case[] = [
    // EMR-on-EC2 habits that an application does not take.
    ["instance types", { instanceType: "m7g.xlarge" }, e("instanceType", '"m7g.xlarge"', notKnown("instanceType"), "Use one of")],
    [
        "a cluster shape",
        { core: { instanceTypes: ["m7g.xlarge"] } },
        e("core", '{"instanceTypes":["m7g.xlarge"]}', notKnown("core"), "Use one of"),
    ],
    [
        "a misspelt architecture key",
        { architecure: "arm64" },
        e("architecure", '"arm64"', notKnown("architecure"), 'Did you mean "architecture"?'),
    ],
    [
        "a misspelt worker field",
        { initialCapacity: { executor: { count: 2, cpus: 4, memoryGb: 16 } } },
        e("initialCapacity.executor.cpus", "4", notKnown("cpus"), 'Did you mean "cpu"?'),
    ],
    [
        "a worker role Spark does not have",
        { initialCapacity: { worker: { count: 1, cpu: 2, memoryGb: 8 } } },
        e("initialCapacity.worker", '{"count":1,"cpu":2,"memoryGb":8}', notKnown("worker"), "Use one of"),
    ],
    // Shapes and values.
    [
        "an architecture by its marketing name",
        { architecture: "graviton" },
        e("architecture", '"graviton"', "not an EMR Serverless architecture", 'Use "arm64"'),
    ],
    [
        "capacity as the API's strings",
        { maximumCapacity: { cpu: "16 vCPU", memoryGb: 64 } },
        e("maximumCapacity.cpu", '"16 vCPU"', "is a string, not a number", "Write a number"),
    ],
    ["no vCPU at all", { maximumCapacity: { cpu: 0, memoryGb: 64 } }, e("maximumCapacity.cpu", "0", "must be at least 1", "Use 1 or more")],
    [
        "half a vCPU",
        { maximumCapacity: { cpu: 0.5, memoryGb: 64 } },
        e("maximumCapacity.cpu", "0.5", "must be a whole number", "Write an integer"),
    ],
    [
        "the idle timeout as a string",
        { autoStopIdleMinutes: "15" },
        e(
            "autoStopIdleMinutes",
            '"15"',
            "EMR Serverless stops an application after 1 to 10080 idle minutes",
            "Use a whole number of minutes",
        ),
    ],
    ["autoStart as a string", { autoStart: "yes" }, e("autoStart", '"yes"', "must be true or false", "Write autoStart: true")],
    [
        "Spark defaults as a list",
        { sparkDefaults: ["spark.executor.memory=4g"] },
        e("sparkDefaults", '["spark.executor.memory=4g"]', "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "a storage that is not a landing zone",
        { storage: { bucketName: "lake" } },
        e("storage", '{"bucketName":"lake"}', "is not a landing zone", "Pass a LandingZone"),
    ],
    // What EMR Serverless refuses.
    [
        "a 3-vCPU worker",
        { initialCapacity: { driver: { count: 1, cpu: 3, memoryGb: 8 } } },
        e("initialCapacity.driver.cpu", "3", "an EMR Serverless worker has 1, 2, 4, 8 or 16 vCPUs", "Use one of 1, 2, 4, 8, 16"),
    ],
    [
        "8-vCPU workers with memory off their 4 GB steps",
        { initialCapacity: { executor: { count: 2, cpu: 8, memoryGb: 18 } } },
        e("initialCapacity.executor.memoryGb", "18", "a worker with 8 vCPU has 16 to 60 GB of memory, in steps of 4 GB", "Use e.g. 32"),
    ],
    [
        "a 1-vCPU worker with 16 GB",
        { initialCapacity: { driver: { count: 1, cpu: 1, memoryGb: 16 } } },
        e("initialCapacity.driver.memoryGb", "16", "a worker with 1 vCPU has 2 to 8 GB of memory", "Use e.g. 4"),
    ],
    [
        "a worker disk past 200 GB",
        { initialCapacity: { executor: { count: 2, cpu: 2, memoryGb: 8, diskGb: 500 } } },
        e("initialCapacity.executor.diskGb", "500", "must be at most 200", "Use 200 or less"),
    ],
    [
        "an idle timeout past a week",
        { autoStopIdleMinutes: 20000 },
        e("autoStopIdleMinutes", "20000", "must be at most 10080", "Use 10080 or less"),
    ],
    [
        "warm workers beyond the cost ceiling",
        { maximumCapacity: { cpu: 8, memoryGb: 64 }, initialCapacity: { executor: { count: 4, cpu: 4, memoryGb: 16 } } },
        e(
            "initialCapacity",
            '"16 vCPU"',
            "pre-initialized workers exceed maximumCapacity.cpu (8)",
            "Raise maximumCapacity or lower initialCapacity",
        ),
    ],
    [
        "warm workers kept forever",
        { autoStopIdleMinutes: false, initialCapacity: { driver: { count: 1, cpu: 2, memoryGb: 4 } } },
        e(
            "autoStopIdleMinutes",
            "false",
            "an application that never stops bills its pre-initialized workers around the clock",
            "Set an idle timeout",
        ),
    ],
    [
        "an EMR 6 release",
        { releaseLabel: "emr-6.15.0" },
        e("releaseLabel", '"emr-6.15.0"', "EMR 6.x is older than the 7.x releases", 'Use a 7.x release such as "emr-7.13.0"'),
    ],
    ["a release label typo", { releaseLabel: "7.13.0" }, e("releaseLabel", '"7.13.0"', "is not an EMR release label", 'e.g. "emr-7.13.0"')],
    [
        "a Spark default that is not a Spark property",
        { sparkDefaults: { "executor.memory": "4g" } },
        e(
            'sparkDefaults["executor.memory"]',
            '"4g"',
            'is not a Spark property (they start with "spark.")',
            "Use a property such as spark.executor.memory",
        ),
    ],
    [
        "no subnets",
        { network: { vpcId: "vpc-1", subnetIds: [] } },
        e("network.subnetIds", '"0 subnets"', "EMR Serverless takes 1 to 16 private subnets", "Pass the private subnets"),
    ],
    [
        "a reserved tag key",
        { tags: { "aws:team": "data" } },
        e('tags["aws:team"]', '"aws:team"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
];

describe("EmrServerlessApplication battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each(applicationCases)("%s", async (_, over, expected) => {
        const { problems, registered } = await rejection(() => {
            const lake = new LandingZone("lake");
            return new EmrServerlessApplication("etl", { storage: lake, network, ...over } as EmrServerlessApplicationArgs);
        });
        expectParts(problems, 'EmrServerlessApplication "etl"', expected);
        expect(registered.filter((r) => r.includes("EmrServerless") || r.includes("etl"))).toEqual([]);
    });

    test("a name that would make the application's name too long", async () => {
        const name = "n".repeat(56);
        const { problems } = await rejection(() => new EmrServerlessApplication(name, { storage: new LandingZone("lake"), network }));
        expectParts(
            problems,
            `EmrServerlessApplication "${name}"`,
            e(
                "name",
                `"${name}"`,
                "the application's name would be 68 characters; EMR Serverless allows 64",
                "Shorten the component's name to 52 characters or fewer",
            ),
        );
    });
});

describe("Serverless jobs battery: arguments of the other runtime, and what one job run takes", () => {
    const job = { application: { area: "artifacts", path: "jobs/daily.py" }, schedule: "rate(1 hour)" };
    const withTarget = (build: (lake: LandingZone, target: EmrServerlessTarget) => unknown) => () => {
        const lake = new LandingZone("lake", { zones: { raw: {}, curated: {}, artifacts: {} } });
        const app = new EmrServerlessApplication("etl", { storage: lake, network });
        return build(lake, app.target);
    };
    const cases: Array<[string, (lake: LandingZone, target: EmrServerlessTarget) => unknown, string, Expected]> = [
        [
            "a batch job with a network",
            (lake, target) => new SparkBatchJob("daily", { ...job, storage: lake, serverless: target, network }),
            'SparkBatchJob "daily"',
            e(
                "network",
                JSON.stringify(network),
                "applies to EMR on EC2 only, and this job runs on EMR Serverless",
                "Remove network, or remove serverless",
            ),
        ],
        [
            "a batch job with a cluster shape",
            (lake, target) =>
                new SparkBatchJob("daily", { ...job, storage: lake, serverless: target, cluster: { releaseLabel: "emr-7.14.0" } }),
            'SparkBatchJob "daily"',
            e("cluster", '{"releaseLabel":"emr-7.14.0"}', "applies to EMR on EC2 only", "Remove cluster"),
        ],
        [
            "a batch job with an idle timeout",
            (lake, target) => new SparkBatchJob("daily", { ...job, storage: lake, serverless: target, idleTimeoutMinutes: 10 }),
            'SparkBatchJob "daily"',
            e("idleTimeoutMinutes", "10", "applies to EMR on EC2 only", "Remove idleTimeoutMinutes"),
        ],
        [
            "a batch job with more Spark properties than a run takes",
            (lake, target) =>
                new SparkBatchJob("daily", {
                    ...job,
                    storage: lake,
                    serverless: target,
                    sparkConf: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`spark.custom.p${i}`, "x"])),
                }),
            'SparkBatchJob "daily"',
            e(
                "sparkConf",
                '"105 Spark properties"',
                "an EMR Serverless job run takes at most 100 Spark properties",
                "Move shared properties to the application's sparkDefaults",
            ),
        ],
        [
            "a streaming job with the supervisor's restart cap",
            (_, target) =>
                new SparkStreamingJob("clicks", { application: job.application, serverless: target, restart: { maxAttempts: 3 } }),
            'SparkStreamingJob "clicks"',
            e(
                "restart.maxAttempts",
                "3",
                "applies to EMR on EC2 only: on EMR Serverless the streaming mode's retry policy restarts the job",
                "Use restart.maxFailedAttemptsPerHour",
            ),
        ],
        [
            "a streaming job with no failed attempt allowed",
            (_, target) =>
                new SparkStreamingJob("clicks", {
                    application: job.application,
                    serverless: target,
                    restart: { maxFailedAttemptsPerHour: 0 },
                }),
            'SparkStreamingJob "clicks"',
            e("restart.maxFailedAttemptsPerHour", "0", "must be a whole number of attempts from 1 to 10", "Use e.g. 5"),
        ],
        [
            "a streaming job allowed more failed attempts an hour than EMR Serverless takes",
            (_, target) =>
                new SparkStreamingJob("clicks", {
                    application: job.application,
                    serverless: target,
                    restart: { maxFailedAttemptsPerHour: 11 },
                }),
            'SparkStreamingJob "clicks"',
            e("restart.maxFailedAttemptsPerHour", "11", "must be a whole number of attempts from 1 to 10", "Use e.g. 5"),
        ],
        [
            "a streaming job on an application older than EMR Serverless's streaming mode",
            (_, target) =>
                new SparkStreamingJob("clicks", { application: job.application, serverless: { ...target, releaseLabel: "emr-7.0.0" } }),
            'SparkStreamingJob "clicks"',
            e("serverless", '"emr-7.0.0"', "runs streaming jobs from emr-7.1.0 on", "Give the application releaseLabel emr-7.1.0 or later"),
        ],
        [
            "a batch job with neither a network nor an application",
            (lake) => new SparkBatchJob("daily", { ...job, storage: lake }),
            'SparkBatchJob "daily"',
            e(
                "network",
                "undefined",
                "is required: transient EMR clusters on EC2 run in your private subnets",
                "Pass network: { vpcId, subnetIds }, or serverless: an EmrServerlessApplication's target",
            ),
        ],
        [
            "a batch job given an application's id instead of its target",
            (lake) => new SparkBatchJob("daily", { ...job, storage: lake, serverless: "00fabc123" as unknown as EmrServerlessTarget }),
            'SparkBatchJob "daily"',
            e("serverless", '"00fabc123"', "is not an EMR Serverless application's target", "Pass an EmrServerlessApplication's target"),
        ],
        [
            "a streaming job given a resource policy statement as access",
            (_, target) =>
                new SparkStreamingJob("clicks", {
                    application: job.application,
                    serverless: target,
                    access: [{ Effect: "Allow", Principal: "*", Action: ["kafka-cluster:Connect"], Resource: ["*"] }],
                }),
            'SparkStreamingJob "clicks"',
            e(
                "access[0]",
                '{"Effect":"Allow","Principal":"*","Action":["kafka-cluster:Connect"],"Resource":["*"]}',
                "is not an IAM policy statement of an identity policy",
                "kafkaIamStatements",
            ),
        ],
        [
            "a streaming job with nowhere to run",
            () => new SparkStreamingJob("clicks", { application: job.application }),
            'SparkStreamingJob "clicks"',
            e(
                "cluster",
                "undefined",
                "is required: a streaming job needs somewhere to run",
                "Pass an EmrSparkCluster as cluster, or an EmrServerlessApplication's target as serverless",
            ),
        ],
    ];
    test.each(cases)("%s", async (_, build, prefix, expected) => {
        const { problems } = await rejection(withTarget(build));
        expectParts(problems, prefix, expected);
    });

    test("a streaming job on a cluster refuses EMR Serverless's retry policy", async () => {
        const { problems } = await rejection(() => {
            const lake = new LandingZone("lake", { zones: { artifacts: {} } });
            const cluster = { clusterId: lake.bucketName, clusterArn: lake.bucketArn, instanceRoleName: lake.bucketName, storage: lake };
            return new SparkStreamingJob("clicks", { application: job.application, cluster, restart: { maxFailedAttemptsPerHour: 5 } });
        });
        expectParts(
            problems,
            'SparkStreamingJob "clicks"',
            e("restart.maxFailedAttemptsPerHour", "5", "applies to EMR Serverless only", "Use restart.maxAttempts"),
        );
    });
});

describe("EmrServerlessApplication battery: valid but unusual inputs are accepted", () => {
    const accepted: [string, Record<string, unknown>][] = [
        ["x86 workers", { architecture: "x86_64" }],
        [
            "warm workers at every size's edge",
            {
                maximumCapacity: { cpu: 64, memoryGb: 256 },
                initialCapacity: { driver: { count: 1, cpu: 16, memoryGb: 120 }, executor: { count: 3, cpu: 1, memoryGb: 2, diskGb: 200 } },
            },
        ],
        ["kept started with no warm workers", { autoStopIdleMinutes: false }],
        ["a one-minute idle timeout", { autoStopIdleMinutes: 1 }],
        ["Spark 4", { releaseLabel: "emr-spark-8.0.0" }],
        ["sixteen subnets", { network: { vpcId: "vpc-1", subnetIds: Array.from({ length: 16 }, (_, i) => `subnet-${i}`) } }],
        ["a name at the length limit", { name: "n".repeat(52) }],
    ];
    test.each(accepted)("%s", async (_, over) => {
        const { name, ...args } = over as { name?: string };
        const graph = await runProgram(
            () =>
                new EmrServerlessApplication(name ?? "etl", {
                    storage: new LandingZone("lake"),
                    network,
                    ...args,
                } as EmrServerlessApplicationArgs),
        );
        expect(graph.ofType("aws:emrserverless/application:Application")).toHaveLength(1);
    });
});
