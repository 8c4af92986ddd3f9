import * as k8s from "@pulumi/kubernetes";
import { KappaArchitecture, KappaArchitectureArgs } from "../../components/architectures/kappa/kappa";
import { runProgram, validationProblems } from "../../testing";

type Overrides = Partial<Omit<KappaArchitectureArgs, "network" | "target">>;

/** The problems the architecture reports for these arguments (it must refuse them). */
function problems(overrides: Overrides): Promise<readonly string[]> {
    return validationProblems(() =>
        runProgram(() => {
            new KappaArchitecture("kappa", {
                profile: "dev",
                network: { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"], availabilityZoneCount: 3 },
                target: {
                    provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
                    oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/x",
                    oidcProviderUrl: "https://x",
                },
                ...overrides,
            });
        }),
    );
}

/** Expects one problem that names the field and value and says what is wrong and how to fix it. */
function expectProblem(all: readonly string[], fieldAndValue: string, ...parts: string[]): void {
    const hit = all.find((p) => p.startsWith(`KappaArchitecture "kappa": ${fieldAndValue}: `));
    if (!hit) throw new Error(`no problem for ${fieldAndValue}; got:\n  ${all.join("\n  ")}`);
    for (const part of parts) expect(hit).toContain(part);
}

describe("KappaArchitecture validation: the log, the versions and exactly-once (Flink)", () => {
    let found: readonly string[];
    beforeAll(async () => {
        found = await problems({
            jobName: "Kappa_Job",
            replayHorizonDays: 7,
            inputTopics: { short: { retentionDays: 2 }, local: { localRetentionDays: 1 }, ok: {} },
            versions: [{ version: "V-1" }, { version: "v2" }, { version: "v2" }],
            live: "v9",
            transactionTimeoutMs: 600_000,
            flink: {
                flinkConfiguration: {
                    "execution.checkpointing.timeout": "5 min",
                    "execution.checkpointing.min-pause": "0 s",
                    "execution.checkpointing.tolerable-failed-checkpoints": "3",
                },
            },
        });
    });

    it("refuses an input retention shorter than the replay horizon, pointing at tiered storage", () => {
        expectProblem(
            found,
            'inputTopics["short"].retentionDays = 2',
            "shorter than the replay horizon (7 days)",
            "Keep at least 7 days",
            "kafka.tieredStorage: true",
            "or shorten replayHorizonDays",
        );
    });

    it("refuses local retention without tiered storage", () => {
        expectProblem(
            found,
            'inputTopics["local"].localRetentionDays = 1',
            "only applies with tiered storage",
            "Set kafka.tieredStorage: true",
        );
    });

    it("refuses bad and duplicate version names, and a live version that is not declared", () => {
        expectProblem(found, 'versions[0].version = "V-1"', "1-12 lowercase letters and digits", 'Use e.g. "v2"');
        expectProblem(found, 'versions[2].version = "v2"', "declared twice", "Give each version its own name");
        expectProblem(found, 'live = "v9"', "not a declared version (V-1, v2, v2)", "Point live at one of versions");
    });

    it("refuses a job name that cannot prefix Kubernetes names", () => {
        expectProblem(found, 'jobName = "Kappa_Job"', "lowercase letters, digits", 'Set jobName, e.g. "orders"');
    });

    it("refuses a sink transaction timeout the broker would hit before the next checkpoint completes", () => {
        expectProblem(found, "transactionTimeoutMs = 600000", "(630000 ms)", "Use more than 630000 (at most 900000)");
    });

    it("counts a slow checkpoint and the pause after it: a 10-minute checkpoint timeout outruns the brokers' 15-minute maximum", async () => {
        const slow = await problems({ flink: { checkpointTimeoutSeconds: 600 } });
        expectProblem(
            slow,
            "transactionTimeoutMs = 900000",
            "(1230000 ms)",
            "shorten flink.checkpointIntervalSeconds or flink.checkpointTimeoutSeconds",
        );
    });

    it("refuses checkpoint timing set outside its typed argument", () => {
        expectProblem(
            found,
            'flink.flinkConfiguration["execution.checkpointing.timeout"] = "5 min"',
            "Use flink.checkpointTimeoutSeconds instead",
        );
        expectProblem(
            found,
            'flink.flinkConfiguration["execution.checkpointing.min-pause"] = "0 s"',
            "Use flink.checkpointIntervalSeconds (the pause is half of it) instead",
        );
    });

    it("refuses tolerated failed checkpoints when the job writes output topics (a transaction would outlive its timeout)", () => {
        expectProblem(
            found,
            'flink.flinkConfiguration["execution.checkpointing.tolerable-failed-checkpoints"] = "3"',
            "the broker aborts it",
            "Remove it",
        );
    });

    it("reports every problem in one error", () => {
        expect(found).toHaveLength(10);
    });
});

describe("KappaArchitecture validation: tiered storage and retirement", () => {
    let found: readonly string[];
    beforeAll(async () => {
        found = await problems({
            replayHorizonDays: 7,
            inputTopics: {
                recent: { retentionDays: 5 },
                mirrored: { retentionDays: 10, localRetentionDays: 10 },
                long: { retentionDays: -1, localRetentionDays: 3 },
                ledger: { cleanupPolicy: "compact,delete", localRetentionDays: 1 },
            },
            versions: [{ version: "v1", retiring: true }, { version: "v2" }],
            live: "v1",
            transactionTimeoutMs: 1_200_000,
            kafka: { tieredStorage: true, auth: "scram" },
        });
    });

    it("still refuses a total retention below the horizon, since the remote tier only keeps what retention keeps", () => {
        expectProblem(
            found,
            'inputTopics["recent"].retentionDays = 5',
            "shorter than the replay horizon",
            "tiered storage holds the old segments in the remote tier",
        );
    });

    it("refuses local retention that is not below the total (MSK's rule)", () => {
        expectProblem(found, 'inputTopics["mirrored"].localRetentionDays = 10', "below the total retention (10 days)", "Use less than 10");
    });

    it("refuses local retention on a topic MSK cannot tier (compact,delete)", () => {
        expectProblem(
            found,
            'inputTopics["ledger"].localRetentionDays = 1',
            "only topics with the delete policy",
            "Remove localRetentionDays",
        );
    });

    it("refuses a live version marked retiring", () => {
        expectProblem(found, 'live = "v1"', "marked retiring", "Flip live to another version first");
    });

    it("refuses a transaction timeout above the brokers' maximum", () => {
        expectProblem(
            found,
            "transactionTimeoutMs = 1200000",
            "transaction.max.timeout.ms (900000)",
            'raise kafka.serverProperties["transaction.max.timeout.ms"]',
        );
    });

    it("refuses SCRAM, since per-version access is IAM policy", () => {
        expectProblem(found, 'kafka.auth = "scram"', "scoped with MSK IAM policies", 'Use auth "iam"');
    });

    it("accepts forever with a few days on broker disks", () => {
        expect(found.some((p) => p.includes('inputTopics["long"]'))).toBe(false);
        expect(found).toHaveLength(6);
    });
});

describe("KappaArchitecture validation: Kafka Streams", () => {
    let found: readonly string[];
    beforeAll(async () => {
        found = await problems({
            processor: "kafka-streams",
            landingOutput: {},
            versions: [
                { version: "v1" },
                { version: "v2", image: "registry/app:2.0.0", jarUri: "local:///x.jar", startFrom: { timestampMs: 1_700_000_000_000 } },
            ],
            streams: { properties: { "auto.offset.reset": "latest" } },
        });
    });

    it("needs an image per version", () => {
        expectProblem(found, "versions[0].image = undefined", "no default", "Set image to your Streams app");
    });

    it("refuses Flink-only fields and a timestamp start", () => {
        expectProblem(found, 'versions[1].jarUri = "local:///x.jar"', "only a Flink job uses this", 'use processor "flink"');
        expectProblem(
            found,
            'versions[1].startFrom = {"timestampMs":1700000000000}',
            "only start from the earliest or latest offset",
            "kafka-streams-application-reset --to-datetime",
        );
    });

    it("refuses landing-zone output, which Streams cannot write", () => {
        expectProblem(found, "landingOutput = {}", "writes only to Kafka topics", "MskFirehoseIngest");
    });

    it("refuses a start position set in properties", () => {
        expectProblem(found, 'streams.properties["auto.offset.reset"] = "latest"', "Use versions[].startFrom instead");
    });
});

describe("KappaArchitecture validation: processor auto", () => {
    it("fails clearly when the recommendation is batch, which Kappa does not run", async () => {
        const found = await problems({ processor: "auto", requirements: { latencyBudgetMs: 60_000, boundedInput: true } });
        expectProblem(
            found,
            'processor = "auto"',
            'recommendProcessor chose "spark-batch"',
            "the input is bounded",
            "Lambda or hybrid architecture's batch layer",
            'set processor "flink" explicitly',
        );
    });

    it("fails clearly when the recommendation is Spark Structured Streaming", async () => {
        const found = await problems({ processor: "auto", requirements: { latencyBudgetMs: 5_000, teamRunsSpark: true } });
        expectProblem(found, 'processor = "auto"', 'chose "spark-streaming"', 'Set processor "flink" explicitly');
    });

    it("refuses a budget below the checkpoint interval when it picks Flink: its results become visible per checkpoint", async () => {
        const found = await problems({ processor: "auto", requirements: { latencyBudgetMs: 500, inputInKafka: true } });
        expectProblem(
            found,
            "requirements.latencyBudgetMs = 500",
            'chose "flink"',
            "every flink.checkpointIntervalSeconds (60 s)",
            "Allow at least 60000 ms",
        );
        expect(found).toHaveLength(1);
    });

    it("needs requirements, and somewhere to write", async () => {
        const found = await problems({ processor: "auto", outputTopics: {} });
        expectProblem(found, "requirements = undefined", "none were given", "Add requirements: { latencyBudgetMs");
        expectProblem(found, "outputTopics = {}", "would write nowhere", "or set landingOutput");
    });
});
