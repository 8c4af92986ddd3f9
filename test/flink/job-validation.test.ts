import { FlinkJob, FlinkJobArgs } from "../../components/flink";
import { LandingZone } from "../../components/landing-zone";
import { SpectrumValidationError } from "../../components/core";
import { runProgram } from "../../testing";
import { clusterTarget, existingOperator, thrownMessage } from "./fixtures";

type Case = [label: string, args: (base: FlinkJobArgs) => Partial<FlinkJobArgs>, parts: string[]];

const cases: Case[] = [
    // The operator's own rules.
    [
        "a name over 45 characters",
        () => ({ deploymentName: "a".repeat(46) }),
        [
            `deploymentName = "${"a".repeat(46)}"`,
            "at most 45 characters of lowercase letters, digits and dashes",
            "Set deploymentName to a short lowercase name",
        ],
    ],
    [
        "a name with capitals",
        () => ({ deploymentName: "Orders_Job" }),
        ['deploymentName = "Orders_Job"', "starting with a letter", "Set deploymentName"],
    ],
    [
        "a name the operator chart uses",
        () => ({ deploymentName: "flink" }),
        [
            'deploymentName = "flink"',
            "the operator chart already has a service account, Role or RoleBinding of this name",
            "Choose another deploymentName",
        ],
    ],
    [
        "the operator's own Role name",
        () => ({ deploymentName: "flink-operator" }),
        [
            'deploymentName = "flink-operator"',
            "the operator chart already has a service account, Role or RoleBinding of this name",
            "Choose another deploymentName",
        ],
    ],
    [
        "a flinkVersion outside the operator's CRD enum",
        () => ({ flinkVersion: "2.3.0" }),
        ['flinkVersion = "2.3.0"', "operator 1.15.0 accepts spec.flinkVersion", "not v2_3", "upgrade the operator first"],
    ],
    [
        "a forbidden config key",
        () => ({ flinkConfiguration: { "kubernetes.cluster-id": "other" } }),
        ['flinkConfiguration["kubernetes.cluster-id"] = "other"', "the operator sets this key", "Remove it"],
    ],
    [
        "a missing JobManager memory",
        () => ({ jobManager: { memory: "" } }),
        ['jobManager.memory = ""', "the operator needs the process memory set", 'Use e.g. "2048m"'],
    ],
    [
        "more JobManagers without HA",
        () => ({ jobManager: { replicas: 2 }, highAvailability: false }),
        ["jobManager.replicas = 2", "needs high availability", "Leave highAvailability on"],
    ],
    [
        "last-state without HA",
        () => ({ upgradeMode: "last-state", highAvailability: false }),
        ['upgradeMode = "last-state"', "high-availability metadata", 'use upgradeMode "savepoint"'],
    ],
    // Ours.
    [
        "a namespace the operator does not watch",
        () => ({ namespace: "default" }),
        ['namespace = "default"', "not a namespace the operator watches (flink)", "add this one to FlinkOperator's jobNamespaces"],
    ],
    ["an inexact flinkVersion", () => ({ flinkVersion: "1.20" }), ['flinkVersion = "1.20"', "not an exact Flink version", 'e.g. "1.20.3"']],
    [
        "an unsupported Flink",
        () => ({ flinkVersion: "1.17.2" }),
        ['flinkVersion = "1.17.2"', "Flink 1.17 is not supported", "Use Flink 1.18 or later"],
    ],
    [
        "an image of another Flink than the plugin",
        () => ({ image: "flink:1.20.1-java17" }),
        [
            'image = "flink:1.20.1-java17"',
            "the image tag says Flink 1.20.1 but flinkVersion is 1.20.3",
            "Set flinkVersion to the Flink version inside the image",
        ],
    ],
    [
        "a plain-HTTP jar",
        () => ({ jarUri: "http://example.com/job.jar" }),
        ['jarUri = "http://example.com/job.jar"', "not a jar location", "local:///opt/flink/"],
    ],
    [
        "a key spelled for an older Flink",
        () => ({ flinkConfiguration: { "state.checkpoints.dir": "s3://elsewhere/" } }),
        [
            'flinkConfiguration["state.checkpoints.dir"] = "s3://elsewhere/"',
            'Flink 1.20 spells this key "execution.checkpointing.dir"',
            "one spelling per key",
        ],
    ],
    [
        "a key Flink 2 removed",
        () => ({ flinkVersion: "2.0.1", flinkConfiguration: { "execution.savepoint.path": "s3://x/sp" } }),
        ['flinkConfiguration["execution.savepoint.path"]', "Flink 2.0 no longer reads this key", 'Use "execution.state-recovery.path"'],
    ],
    [
        "a key spelled for a newer Flink",
        () => ({ flinkVersion: "1.19.2", flinkConfiguration: { "execution.checkpointing.num-retained": "5" } }),
        ['flinkConfiguration["execution.checkpointing.num-retained"] = "5"', 'Flink 1.19 spells this key "state.checkpoints.num-retained"'],
    ],
    [
        "a key FlinkJob sets",
        () => ({ flinkConfiguration: { "execution.checkpointing.interval": "1 s" } }),
        [
            'flinkConfiguration["execution.checkpointing.interval"] = "1 s"',
            "FlinkJob sets this key itself from checkpointIntervalSeconds",
            "set checkpointIntervalSeconds instead",
        ],
    ],
    [
        "moving HA elsewhere",
        () => ({ flinkConfiguration: { "high-availability.storageDir": "s3://other/ha" } }),
        ['flinkConfiguration["high-availability.storageDir"]', "from storage", "Remove it"],
    ],
    [
        "too little TaskManager memory",
        () => ({ taskManager: { memory: "512m" } }),
        ['taskManager.memory = "512m"', "below 1024 MiB", 'at least "1024m"'],
    ],
    [
        "parallelism over max parallelism",
        () => ({ parallelism: 1000 }),
        ["parallelism = 1000", "from 1 to maxParallelism (720)", "raise maxParallelism"],
    ],
    [
        "too few TaskManagers",
        () => ({ parallelism: 8, taskManager: { replicas: 2 } }),
        [
            "taskManager.replicas = 2",
            "2 TaskManagers x 2 slots make the operator run the job at parallelism 4, ignoring parallelism 8",
            "Set parallelism to taskManager.replicas x taskSlots",
        ],
    ],
    [
        "more TaskManager slots than parallelism (the operator would raise it)",
        () => ({ parallelism: 3, taskManager: { replicas: 2 } }),
        ["taskManager.replicas = 2", "at parallelism 4, ignoring parallelism 3", "or leave replicas unset"],
    ],
    [
        "a zero checkpoint interval",
        () => ({ checkpointIntervalSeconds: 0 }),
        ["checkpointIntervalSeconds = 0", "from 1 to 86400", "Use e.g. 60"],
    ],
    [
        "a savepoint outside the landing zone",
        () => ({ initialSavepointPath: "s3://someone-else/savepoints/sp-1" }),
        [
            'initialSavepointPath = "s3://someone-else/savepoints/sp-1"',
            "not inside the landing zone's checkpoints area",
            "Copy the savepoint under",
        ],
    ],
    [
        "IRSA without the cluster's OIDC provider",
        (b) => ({ operator: existingOperator({ provider: b.operator.target.provider, clusterName: "c" }) }),
        ['identity = "irsa"', "IRSA needs the cluster's OIDC provider ARN and URL", "choose the other identity mode"],
    ],
    [
        "Pod Identity without the cluster name",
        (b) => ({ identity: "pod-identity", operator: existingOperator({ provider: b.operator.target.provider }) }),
        ['identity = "pod-identity"', "needs the cluster name", "Fill in the KubernetesTarget"],
    ],
    [
        "IAM Kafka without a cluster ARN",
        () => ({ kafka: { connection: { bootstrapServers: "b:9098", authMode: "iam" }, access: { readTopics: ["t"] } } }),
        ["kafka.connection.clusterArn = undefined", "granted on the cluster's ARN", "set clusterArn"],
    ],
    [
        "a grant on an unknown area",
        () => ({ storageAccess: [{ access: "read", area: "bronze" }] }),
        ['storageAccess[0].area = "bronze"', "not an area of the landing zone", "Use one of raw, curated, checkpoints, logs"],
    ],
    [
        "an env var FlinkJob owns",
        () => ({ env: { ENABLE_BUILT_IN_PLUGINS: "flink-s3-fs-hadoop-1.19.0.jar" } }),
        ['env.ENABLE_BUILT_IN_PLUGINS = "flink-s3-fs-hadoop-1.19.0.jar"', "sets this variable itself", "the plugin follows flinkVersion"],
    ],
    [
        "an autoscaler target over 1",
        () => ({ autoscaler: { utilizationTarget: 1.5 } }),
        ["autoscaler.utilizationTarget = 1.5", "must be in (0, 1]", "Use e.g. 0.7"],
    ],
    [
        "an autoscaler ceiling over max parallelism",
        () => ({ autoscaler: { maxParallelism: 1000 } }),
        ["autoscaler.maxParallelism = 1000", "the job's maxParallelism (720)", "Adjust autoscaler"],
    ],
    [
        "a fractional metrics window (Flink durations are whole numbers)",
        () => ({ autoscaler: { metricsWindowMinutes: 2.5 } }),
        ["autoscaler.metricsWindowMinutes = 2.5", "whole number of minutes", "Use e.g. 10"],
    ],
    [
        "a fractional stabilization interval",
        () => ({ autoscaler: { stabilizationMinutes: 0.5 } }),
        ["autoscaler.stabilizationMinutes = 0.5", "whole number of minutes", "Use e.g. 5"],
    ],
    [
        "a fractional savepoint interval",
        () => ({ savepointIntervalHours: 1.5 }),
        ["savepointIntervalHours = 1.5", "whole number of hours", "Use e.g. 6"],
    ],
    ["a metrics port Flink uses", () => ({ metricsPort: 8081 }), ["metricsPort = 8081", "not used by Flink", "Use the default 9249"]],
];

describe("FlinkJob validation", () => {
    const messages: Record<string, string> = {};
    let combined: unknown;

    beforeAll(async () => {
        await runProgram(() => {
            const target = clusterTarget();
            const zone = new LandingZone("lz", { protect: false });
            const base: FlinkJobArgs = {
                operator: existingOperator(target),
                storage: zone,
                flinkVersion: "1.20.3",
                jarUri: "local:///opt/flink/examples/streaming/StateMachineExample.jar",
            };
            cases.forEach(([label, args], i) => {
                messages[label] = thrownMessage(() => new FlinkJob(`bad${i}`, { ...base, ...args(base) }));
            });
            try {
                new FlinkJob("many", {
                    ...base,
                    parallelism: 1000,
                    checkpointIntervalSeconds: 30,
                    namespace: "nope",
                    upgradeMode: "last-state",
                    highAvailability: false,
                });
            } catch (e) {
                combined = e;
            }
        });
    });

    it.each(cases.map((c, i) => [c[0], i, c[2]] as const))("rejects %s, naming the component, field, value and fix", (label, i, parts) => {
        const message = messages[label];
        expect(message).toMatch(new RegExp(`^FlinkJob "bad${i}": `));
        for (const part of parts) expect(message).toContain(part);
    });

    it("reports every problem at once, as one SpectrumValidationError", () => {
        expect(combined).toBeInstanceOf(SpectrumValidationError);
        const problems = (combined as SpectrumValidationError).problems;
        expect(problems).toHaveLength(3);
        expect(problems.map((p) => p.split(" = ")[0])).toEqual([
            'FlinkJob "many": namespace',
            'FlinkJob "many": parallelism',
            'FlinkJob "many": upgradeMode',
        ]);
    });
});
