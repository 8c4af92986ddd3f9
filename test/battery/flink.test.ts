/**
 * The Flink battery: bad FlinkOperator and FlinkJob inputs a user really writes, each rejected
 * before the component registers anything, with all four parts of the message; values known only
 * later failing the run the same way; clashes between components; and valid but unusual inputs
 * accepted.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { KubernetesTarget, Storage, Validator } from "../../components/core";
import { FlinkJob, FlinkJobArgs, FlinkOperator, FlinkOperatorArgs, FlinkOperatorRef } from "../../components/flink";
import { LandingZone } from "../../components/landing-zone";
import { runProgram } from "../../testing";
import { OIDC_ARN, OIDC_URL, deploymentOf, specOf, types } from "../flink/fixtures";
import { Expected, expectParts, rejection } from "./battery";

type Case = [string, unknown, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const notKnown = (key: string) => `"${key}" is not a known field`;
const LIST = "is a list where a map is expected";
const LIST_FIX = "Write it as a mapping of name: value";
const BOOL_STRING = "is a string, write true or false";
const BOOL_FIX = "Write true or false without quotes";
const NUMBER_STRING = "is a string, write a number";
const OUTPUT = "is an Output, but this field must be known when the program runs";
const OUTPUT_VALUE = "an Output (checked when it resolves)";
const JAR = "local:///opt/flink/usrlib/orders.jar";

function target(overrides: Partial<Omit<KubernetesTarget, "provider">> = {}, name = "cluster"): KubernetesTarget {
    return {
        provider: new k8s.Provider(name, { kubeconfig: "{}" }),
        clusterName: "dev-cluster",
        oidcProviderArn: OIDC_ARN,
        oidcProviderUrl: OIDC_URL,
        ...overrides,
    };
}

function operatorRef(t: KubernetesTarget, jobNamespaces = ["flink"], version = "1.15.0"): FlinkOperatorRef {
    return { target: t, version, jobNamespaces, readyResources: [] };
}

/**
 * A stand-in for a landing zone named "lz" that registers nothing: its areas, and key prefixes
 * refused the way LandingZone refuses them. The cases that need the real one build it.
 */
function storage(): Storage {
    const areas = ["raw", "curated", "checkpoints", "logs"];
    const keyPrefix = (area: string, path?: string): string => {
        const v = new Validator("LandingZone", "lz");
        v.check(areas.includes(area), "area", area, "not an area of this landing zone", `Use one of ${areas.join(", ")}`);
        const segments = (path ?? "").split("/").filter((p) => p.length > 0);
        for (const segment of segments) {
            v.check(
                /^[A-Za-z0-9!_.*'()=-]+$/.test(segment),
                "path",
                path,
                `segment "${segment}" is not a safe S3 key segment`,
                "Use letters",
            );
        }
        v.throwIfInvalid();
        return [area, ...segments].join("/") + "/";
    };
    return {
        bucketName: pulumi.output("lake-data"),
        bucketArn: pulumi.output("arn:aws:s3:::lake-data"),
        kmsKeyArn: pulumi.output("arn:aws:kms:us-east-1:123456789012:key/lake"),
        areas,
        checkpointArea: "checkpoints",
        logArea: "logs",
        keyPrefix,
        uri: (area, path) => pulumi.output(`s3://lake-data/${keyPrefix(area, path)}`),
        grant: () => [],
    };
}

/** The smallest valid FlinkJob args on a fresh target and stand-in storage. */
function jobBase(t = target()): FlinkJobArgs {
    return { operator: operatorRef(t), storage: storage(), flinkVersion: "1.20.3", jarUri: JAR };
}

/** A program building one FlinkJob named `name` from the base args with `args` over them (a function gets the base). */
function job(args: unknown, name = "job"): () => void {
    return () => {
        const base = jobBase();
        const extra = typeof args === "function" ? (args as (b: FlinkJobArgs) => unknown)(base) : args;
        new FlinkJob(name, { ...base, ...(extra as object) } as FlinkJobArgs);
    };
}

/** What a rejected program registered besides providers (which a target needs). */
const own = (registered: string[]) => registered.filter((r) => !r.startsWith("pulumi:providers:"));

const jobUnknownKeys: Case[] = [
    ["a misspelt parallelism", { paralellism: 4 }, e("paralellism", "4", notKnown("paralellism"), 'Did you mean "parallelism"?')],
    [
        "snake_case upgrade mode",
        { upgrade_mode: "savepoint" },
        e("upgrade_mode", '"savepoint"', notKnown("upgrade_mode"), 'Did you mean "upgradeMode"?'),
    ],
    ["a key in the wrong case", { taskmanager: {} }, e("taskmanager", "{}", notKnown("taskmanager"), 'Did you mean "taskManager"?')],
    [
        "a misspelt highAvailability",
        { highAvailabilty: false },
        e("highAvailabilty", "false", notKnown("highAvailabilty"), 'Did you mean "highAvailability"?'),
    ],
    ["tag for tags", { tag: { team: "data" } }, e("tag", '{"team":"data"}', notKnown("tag"), 'Did you mean "tags"?')],
    [
        "an interval without its unit",
        { checkpointInterval: 60 },
        e("checkpointInterval", "60", notKnown("checkpointInterval"), "Use one of"),
    ],
    [
        "a misspelt memory in jobManager",
        { jobManager: { memmory: "2g" } },
        e("jobManager.memmory", '"2g"', notKnown("memmory"), 'Did you mean "memory"?'),
    ],
    [
        "an autoscaler key that does not exist",
        { autoscaler: { target: 0.7 } },
        e("autoscaler.target", "0.7", notKnown("target"), "Use one of"),
    ],
    [
        "readTopic for readTopics (it would grant nothing)",
        (b: FlinkJobArgs) => ({
            kafka: {
                connection: { bootstrapServers: "b:9098", authMode: "iam", clusterArn: "arn:aws:kafka:::cluster/c/1" },
                access: { readTopic: ["orders"] },
            },
            storage: b.storage,
        }),
        e("kafka.access.readTopic", '["orders"]', notKnown("readTopic"), 'Did you mean "readTopics"?'),
    ],
    [
        "a prefix key in a storage grant",
        { storageAccess: [{ access: "read", area: "raw", prefix: "reference" }] },
        e("storageAccess[0].prefix", '"reference"', notKnown("prefix"), "Use one of"),
    ],
];

const jobShapes: Case[] = [
    ["env as a YAML list", { env: ["A=1"] }, e("env", '["A=1"]', LIST, LIST_FIX)],
    ["flinkConfiguration as a list", { flinkConfiguration: [{ "a.b": "1" }] }, e("flinkConfiguration", '[{"a.b":"1"}]', LIST, LIST_FIX)],
    ["labels as a list", { labels: ["team=data"] }, e("labels", '["team=data"]', LIST, LIST_FIX)],
    [
        "storageAccess as a map",
        { storageAccess: { raw: "read" } },
        e("storageAccess", '{"raw":"read"}', "is a map where a list is expected", "Write it as a list of - items"),
    ],
    ["args as one string", { args: "--topic orders" }, e("args", '"--topic orders"', "is a string, not a list", "Write a list")],
    ["jobManager as a number", { jobManager: 2 }, e("jobManager", "2", "is a number, not a mapping (key: value)", "Write a mapping")],
    ['autoscaler as "yes"', { autoscaler: "yes" }, e("autoscaler", '"yes"', BOOL_STRING, BOOL_FIX)],
    [
        "autoscaler as a number",
        { autoscaler: 1 },
        e("autoscaler", "1", "is a number, not true or false or a mapping", "Write true or false or a mapping"),
    ],
];

const jobValues: Case[] = [
    ["parallelism as a string", { parallelism: "4" }, e("parallelism", '"4"', NUMBER_STRING, "Write 4 without quotes")],
    ["fractional parallelism", { parallelism: 2.5 }, e("parallelism", "2.5", "must be a whole number, at least 1", "Use e.g. 2")],
    ["parallelism NaN", { parallelism: NaN }, e("parallelism", "NaN", "is not a number", "Write a number")],
    ["parallelism Infinity", { parallelism: Infinity }, e("parallelism", "Infinity", "must be a whole number, at least 1", "Use e.g. 2")],
    ["parallelism 0", { parallelism: 0 }, e("parallelism", "0", "must be a whole number, at least 1", "Use e.g. 2")],
    [
        "max parallelism past Flink's",
        { maxParallelism: 40000 },
        e("maxParallelism", "40000", "must be an integer from 1 to 32768", "e.g. 720"),
    ],
    ["no task slots", { taskSlots: 0 }, e("taskSlots", "0", "must be a positive integer", "Use 1 or more slots per TaskManager")],
    [
        "a checkpoint interval over a day",
        { checkpointIntervalSeconds: 86401 },
        e("checkpointIntervalSeconds", "86401", "must be a whole number of seconds from 1 to 86400", "Use e.g. 60"),
    ],
    [
        "a checkpoint interval as a string",
        { checkpointIntervalSeconds: "60" },
        e("checkpointIntervalSeconds", '"60"', NUMBER_STRING, "Write 60 without quotes"),
    ],
    ["no retained checkpoints", { retainedCheckpoints: 0 }, e("retainedCheckpoints", "0", "must be a positive integer", "Keep at least 1")],
    [
        "a negative savepoint interval",
        { savepointIntervalHours: -1 },
        e("savepointIntervalHours", "-1", "must be a whole number of hours, 0 (off) or more", "Use e.g. 6"),
    ],
    [
        "a fractional savepoint interval",
        { savepointIntervalHours: 1.5 },
        e("savepointIntervalHours", "1.5", "must be a whole number of hours", "Use e.g. 6"),
    ],
    [
        'upgradeMode "savepoints"',
        { upgradeMode: "savepoints" },
        e("upgradeMode", '"savepoints"', "is not one of savepoint, last-state, stateless", 'Did you mean "savepoint"?'),
    ],
    [
        "upgradeMode in Java's spelling",
        { upgradeMode: "LAST_STATE" },
        e("upgradeMode", '"LAST_STATE"', "is not one of", 'Did you mean "last-state"?'),
    ],
    ['state "stopped"', { state: "stopped" }, e("state", '"stopped"', "is not one of running, suspended", "Use one of")],
    ["identity in capitals", { identity: "IRSA" }, e("identity", '"IRSA"', "is not one of irsa, pod-identity", 'Did you mean "irsa"?')],
    ['protect as "false"', { protect: "false" }, e("protect", '"false"', BOOL_STRING, BOOL_FIX)],
    ['highAvailability as "yes"', { highAvailability: "yes" }, e("highAvailability", '"yes"', BOOL_STRING, BOOL_FIX)],
    ["writesFilesToS3 as 1", { writesFilesToS3: 1 }, e("writesFilesToS3", "1", "is a number, not true or false", "Write true or false")],
    [
        "CPU in millicores",
        { jobManager: { cpu: "500m" } },
        e("jobManager.cpu", '"500m"', "is a Kubernetes quantity; FlinkJob takes CPU in cores, as a number", "Write 0.5 without quotes"),
    ],
    ["CPU as a string", { taskManager: { cpu: "2" } }, e("taskManager.cpu", '"2"', NUMBER_STRING, "Write 2 without quotes")],
    ["no CPU", { taskManager: { cpu: 0 } }, e("taskManager.cpu", "0", "must be a number of cores above 0", "Request at least 0.25 CPU")],
    [
        "negative CPU",
        { taskManager: { cpu: -1 } },
        e("taskManager.cpu", "-1", "must be a number of cores above 0", "Request at least 0.25 CPU"),
    ],
    [
        "memory the operator cannot read",
        { taskManager: { memory: "2 gigs" } },
        e("taskManager.memory", '"2 gigs"', "is not a memory size the operator reads", 'Use e.g. "2048m", "2g" or "2Gi"'),
    ],
    ["too little memory", { taskManager: { memory: "512m" } }, e("taskManager.memory", '"512m"', "is below 1024 MiB", 'at least "1024m"')],
    ["memory as a number", { jobManager: { memory: 2048 } }, e("jobManager.memory", "2048", "is a number, not a string", "Write a string")],
    ["no JobManager", { jobManager: { replicas: 0 } }, e("jobManager.replicas", "0", "must be a positive integer", "Use 1 or more")],
    [
        "the Flink UI's port for metrics",
        { metricsPort: 8081 },
        e(
            "metricsPort",
            "8081",
            "must be an unprivileged port (1024 to 65535) not used by Flink (6122, 6123, 6124, 8081)",
            "Use the default 9249",
        ),
    ],
    [
        "a privileged metrics port",
        { metricsPort: 80 },
        e("metricsPort", "80", "must be an unprivileged port (1024 to 65535)", "Use the default 9249"),
    ],
    [
        "an autoscaler target of 0",
        { autoscaler: { utilizationTarget: 0 } },
        e("autoscaler.utilizationTarget", "0", "must be in (0, 1]", "Use e.g. 0.7"),
    ],
    [
        "an empty metrics window",
        { autoscaler: { metricsWindowMinutes: 0 } },
        e("autoscaler.metricsWindowMinutes", "0", "must be a whole number of minutes above 0", "Use e.g. 10"),
    ],
    [
        "a fractional savepoint nonce",
        { savepointTriggerNonce: 1.5 },
        e("savepointTriggerNonce", "1.5", "must be a whole number", "Use e.g. 1"),
    ],
    ["flinkVersion as a YAML number", { flinkVersion: 1.2 }, e("flinkVersion", "1.2", "is a number, not a string", "Write a string")],
    ["an inexact flinkVersion", { flinkVersion: "1.20" }, e("flinkVersion", '"1.20"', "is not an exact Flink version", 'e.g. "1.20.3"')],
    [
        "flinkVersion in the CRD's spelling",
        { flinkVersion: "v1_20" },
        e("flinkVersion", '"v1_20"', "is not an exact Flink version", 'e.g. "1.20.3"'),
    ],
    [
        "a jar path without a scheme",
        { jarUri: "/opt/flink/usrlib/orders.jar" },
        e("jarUri", '"/opt/flink/usrlib/orders.jar"', "is not a jar location the job can fetch", "Use local:///opt/flink/"),
    ],
    [
        "a class name with slashes",
        { entryClass: "com/example/OrdersJob" },
        e("entryClass", '"com/example/OrdersJob"', "is not a Java class name", "com.example.OrdersJob"),
    ],
    ["an image in capitals", { image: "Flink:1.20.3" }, e("image", '"Flink:1.20.3"', "is not an image reference", "in lowercase")],
    [
        "an image with a space",
        { image: "flink:1.20.3 java17" },
        e("image", '"flink:1.20.3 java17"', "is not an image reference", 'e.g. "flink:1.20.3-java17"'),
    ],
    [
        "a namespace in capitals",
        { namespace: "Flink" },
        e("namespace", '"Flink"', "is not a valid namespace name", "Use lowercase letters, digits and dashes"),
    ],
    [
        "an env name starting with a digit",
        { env: { "1BAD": "x" } },
        e('env["1BAD"]', '"1BAD"', "is not a valid environment variable name", "not starting with a digit"),
    ],
    ["an env value as a number", { env: { RETRIES: 5 } }, e("env.RETRIES", "5", "is a number, not a string", "Write a string")],
    [
        "a Flink configuration value as a number",
        { flinkConfiguration: { "parallelism.default": 4 } },
        e('flinkConfiguration["parallelism.default"]', "4", "is a number, not a string", "Write a string"),
    ],
    [
        "a label value with a space",
        { labels: { team: "data eng" } },
        e("labels.team", '"data eng"', "a label value is letters, digits, -, _ and . only", "e.g. team-data"),
    ],
    [
        "a label key starting with a dash",
        { labels: { "-team": "data" } },
        e('labels["-team"]', '"-team"', "a label key is an optional DNS-subdomain prefix", "Rewrite the key"),
    ],
    [
        "an aws: tag",
        { tags: { "aws:owner": "me" } },
        e('tags["aws:owner"]', '"aws:owner"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
    [
        "a grant that reads and writes",
        { storageAccess: [{ access: "readwrite", area: "raw" }] },
        e("storageAccess[0].access", '"readwrite"', "is not one of read, write", "Use one of"),
    ],
    [
        "a grant without its area",
        { storageAccess: [{ access: "read" }] },
        e("storageAccess[0].area", "undefined", "is required", "Set area"),
    ],
    [
        "a Kafka wildcard inside a name",
        (b: FlinkJobArgs) => ({
            kafka: {
                connection: { bootstrapServers: "b:9098", authMode: "iam", clusterArn: "arn:aws:kafka:::cluster/c/1" },
                access: { writeTopics: ["orders*v1"] },
            },
            storage: b.storage,
        }),
        e(
            "kafka.access.writeTopics[0]",
            '"orders*v1"',
            "names are exact, or end in * to mean a prefix",
            'Write e.g. "orders" or "my-app-*"',
        ),
    ],
    [
        "Kafka topics as one string",
        { kafka: { connection: { bootstrapServers: "b:9092", authMode: "tls" }, access: { readTopics: "orders" } } },
        e("kafka.access.readTopics", '"orders"', "is a string, not a list", "Write a list"),
    ],
    ["jarUri as an Output", { jarUri: pulumi.output(JAR) }, e("jarUri", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    [
        "deploymentName as an Output",
        { deploymentName: pulumi.output("orders") },
        e("deploymentName", OUTPUT_VALUE, OUTPUT, "Pass a plain value"),
    ],
];

const jobContracts: Case[] = [
    ["no storage", { storage: undefined }, e("storage", "undefined", "is required", "Pass the landing zone (a LandingZone)")],
    [
        "storage as a bucket URI",
        { storage: "s3://lake-data" },
        e("storage", '"s3://lake-data"', "is a string, not a Storage", "Pass the landing zone"),
    ],
    [
        "storage without keyPrefix",
        (b: FlinkJobArgs) => ({ storage: { ...b.storage, keyPrefix: undefined } }),
        e("storage.keyPrefix", "undefined", "is missing: a Storage has keyPrefix(area, path)", "Pass the landing zone"),
    ],
    ["no operator", { operator: undefined }, e("operator", "undefined", "is required", "Pass the FlinkOperator")],
    [
        "an operator ref without its target",
        { operator: { version: "1.15.0", jobNamespaces: ["flink"], readyResources: [] } },
        e("operator.target", "undefined", "is missing: a FlinkOperatorRef has the cluster the operator runs in", "Pass the FlinkOperator"),
    ],
    [
        "an operator ref whose namespaces are one string",
        (b: FlinkJobArgs) => ({ operator: { ...b.operator, jobNamespaces: "flink" } }),
        e(
            "operator.jobNamespaces",
            '"flink"',
            "is a string, not a list of strings (the namespaces the operator watches)",
            "Pass the FlinkOperator",
        ),
    ],
    [
        "a target whose provider is a plain object",
        (b: FlinkJobArgs) => ({ operator: { ...b.operator, target: { ...b.operator.target, provider: {} } } }),
        e(
            "operator.target.provider",
            "{}",
            "is a mapping, not a Kubernetes provider (the provider for the cluster)",
            "Pass the cluster's target",
        ),
    ],
    ["no flinkVersion", { flinkVersion: undefined }, e("flinkVersion", "undefined", "is required", "Set flinkVersion")],
    [
        "a Kafka block without its connection",
        { kafka: { access: { readTopics: ["orders"] } } },
        e("kafka.connection", "undefined", "is required", "Set connection"),
    ],
    [
        "a Kafka auth mode in capitals",
        { kafka: { connection: { bootstrapServers: "b:9098", authMode: "IAM" }, access: {} } },
        e("kafka.connection.authMode", '"IAM"', "is not one of iam, scram, tls, plaintext (how clients authenticate)", 'Use one of "iam"'),
    ],
];

const jobRules: Case[] = [
    [
        "a deployment name over 45 characters",
        { deploymentName: "a".repeat(46) },
        e("deploymentName", `"${"a".repeat(46)}"`, "the operator accepts at most 45 characters", "Set deploymentName"),
    ],
    [
        "the chart's job service account name",
        { deploymentName: "flink" },
        e("deploymentName", '"flink"', "the operator chart already has", "Choose another deploymentName"),
    ],
    [
        "a namespace the operator does not watch",
        { namespace: "default" },
        e("namespace", '"default"', "not a namespace the operator watches (flink)", "add this one to FlinkOperator's jobNamespaces"),
    ],
    [
        "Flink 2.3 on operator 1.15",
        { flinkVersion: "2.3.0" },
        e("flinkVersion", '"2.3.0"', "operator 1.15.0 accepts spec.flinkVersion", "upgrade the operator first"),
    ],
    [
        "an unsupported Flink",
        { flinkVersion: "1.17.2" },
        e("flinkVersion", '"1.17.2"', "Flink 1.17 is not supported by FlinkJob", "Use Flink 1.18 or later"),
    ],
    [
        "a Flink release that does not exist",
        { flinkVersion: "1.20.9" },
        e("flinkVersion", '"1.20.9"', "is not a Flink release (the 1.20 line has 1.20.0", "Use 1.20.5, or add a newer release"),
    ],
    [
        "an image of another Flink than flinkVersion",
        { image: "flink:1.20.1-java17" },
        e(
            "image",
            '"flink:1.20.1-java17"',
            "the image tag says Flink 1.20.1 but flinkVersion is 1.20.3",
            "Set flinkVersion to the Flink version inside the image",
        ),
    ],
    [
        "parallelism over max parallelism",
        { parallelism: 1000 },
        e("parallelism", "1000", "must be an integer from 1 to maxParallelism (720)", "raise maxParallelism"),
    ],
    [
        "TaskManagers that disagree with parallelism",
        { parallelism: 8, taskManager: { replicas: 2 } },
        e(
            "taskManager.replicas",
            "2",
            "2 TaskManagers x 2 slots make the operator run the job at parallelism 4",
            "Set parallelism to taskManager.replicas x taskSlots",
        ),
    ],
    [
        "an autoscaler ceiling over max parallelism",
        { autoscaler: { maxParallelism: 1000 } },
        e(
            "autoscaler.maxParallelism",
            "1000",
            "vertex parallelism bounds must satisfy 1 <= minParallelism (1) <= maxParallelism <= the job's maxParallelism (720)",
            "Adjust autoscaler",
        ),
    ],
    [
        "an autoscaler floor over its ceiling",
        { autoscaler: { minParallelism: 8, maxParallelism: 4 } },
        e(
            "autoscaler.maxParallelism",
            "4",
            "vertex parallelism bounds must satisfy 1 <= minParallelism (8) <= maxParallelism",
            "Adjust autoscaler",
        ),
    ],
    [
        "a savepoint outside the landing zone",
        { initialSavepointPath: "s3://someone-else/savepoints/sp-1" },
        e(
            "initialSavepointPath",
            '"s3://someone-else/savepoints/sp-1"',
            "not inside the landing zone's checkpoints area",
            "Copy the savepoint under",
        ),
    ],
    [
        "last-state without HA",
        { upgradeMode: "last-state", highAvailability: false },
        e(
            "upgradeMode",
            '"last-state"',
            "last-state upgrades read the latest checkpoint from the high-availability metadata",
            'use upgradeMode "savepoint"',
        ),
    ],
    [
        "a standby JobManager without HA",
        { jobManager: { replicas: 2 }, highAvailability: false },
        e("jobManager.replicas", "2", "more than one JobManager needs high availability", "Leave highAvailability on"),
    ],
    [
        "IRSA without the cluster's OIDC provider",
        () => ({ operator: operatorRef(target({ oidcProviderArn: undefined, oidcProviderUrl: undefined }, "other")) }),
        e("identity", '"irsa"', "IRSA needs the cluster's OIDC provider ARN and URL", "choose the other identity mode"),
    ],
    [
        "Pod Identity without the cluster name",
        () => ({ identity: "pod-identity", operator: operatorRef(target({ clusterName: undefined }, "other")) }),
        e("identity", '"pod-identity"', "EKS Pod Identity needs the cluster name", "Fill in the KubernetesTarget"),
    ],
    [
        "IAM Kafka without a cluster ARN",
        { kafka: { connection: { bootstrapServers: "b:9098", authMode: "iam" }, access: { readTopics: ["orders"] } } },
        e("kafka.connection.clusterArn", "undefined", "IAM auth is granted on the cluster's ARN", "set clusterArn"),
    ],
    [
        "a grant on an unknown area",
        { storageAccess: [{ access: "read", area: "bronze" }] },
        e("storageAccess[0].area", '"bronze"', "not an area of the landing zone", "Use one of raw, curated, checkpoints, logs"),
    ],
    [
        "a grant on a path the landing zone refuses",
        { storageAccess: [{ access: "write", area: "curated", path: "orders enriched" }] },
        e(
            "storageAccess[0].path",
            '"orders enriched"',
            'the landing zone refuses this path (segment "orders enriched" is not a safe S3 key segment',
            "Change the path",
        ),
    ],
    [
        "an env var FlinkJob sets",
        { env: { ENABLE_BUILT_IN_PLUGINS: "flink-s3-fs-hadoop-1.20.3.jar" } },
        e(
            "env.ENABLE_BUILT_IN_PLUGINS",
            '"flink-s3-fs-hadoop-1.20.3.jar"',
            "FlinkJob sets this variable itself",
            "the plugin follows flinkVersion",
        ),
    ],
    [
        "a key the operator sets",
        { flinkConfiguration: { "kubernetes.cluster-id": "other" } },
        e('flinkConfiguration["kubernetes.cluster-id"]', '"other"', "the operator sets this key from the FlinkDeployment", "Remove it"),
    ],
    [
        "a key spelled for an older Flink",
        { flinkConfiguration: { "state.checkpoints.dir": "s3://elsewhere/" } },
        e(
            'flinkConfiguration["state.checkpoints.dir"]',
            '"s3://elsewhere/"',
            'Flink 1.20 spells this key "execution.checkpointing.dir"',
            "one spelling per key",
        ),
    ],
    [
        "a key FlinkJob sets from an arg",
        { flinkConfiguration: { "execution.checkpointing.interval": "1 s" } },
        e(
            'flinkConfiguration["execution.checkpointing.interval"]',
            '"1 s"',
            "FlinkJob sets this key itself from checkpointIntervalSeconds",
            "set checkpointIntervalSeconds instead",
        ),
    ],
    [
        "a Flink configuration key with a space",
        { flinkConfiguration: { "state backend": "rocksdb" } },
        e('flinkConfiguration["state backend"]', '"rocksdb"', "is not a Flink configuration key", "Write the key as Flink documents it"),
    ],
];

/** Component names: the IAM role `<name>-role-<random>` must fit IAM's limits. */
const jobNames: [string, string, unknown, Expected][] = [
    [
        "a name too long for the IAM role",
        "a".repeat(52),
        { deploymentName: "orders" },
        e(
            "name",
            `"${"a".repeat(52)}"`,
            "the role name would be 65 characters; IAM allows 64",
            "Shorten the name to 51 characters or fewer",
        ),
    ],
    [
        "a name with a slash",
        "team/orders",
        { deploymentName: "orders" },
        e("name", '"team/orders"', "IAM role names allow letters, digits and +=,.@_- only", "Remove the other characters"),
    ],
    [
        "a name in capitals, used as the deployment name",
        "OrdersJob",
        {},
        e(
            "deploymentName (from the component name)",
            '"OrdersJob"',
            "the operator accepts at most 45 characters of lowercase letters",
            "Set deploymentName",
        ),
    ],
];

const OPERATOR_FIX = "Pass the cluster's target";
const operatorCases: Case[] = [
    ["replica for replicas", { replica: 2 }, e("replica", "2", notKnown("replica"), 'Did you mean "replicas"?')],
    [
        "certmanager in lower case",
        { certmanager: "none" },
        e("certmanager", '"none"', notKnown("certmanager"), 'Did you mean "certManager"?'),
    ],
    [
        "jobNamespace for jobNamespaces",
        { jobNamespace: ["jobs"] },
        e("jobNamespace", '["jobs"]', notKnown("jobNamespace"), 'Did you mean "jobNamespaces"?'),
    ],
    ["cpus for cpu", { resources: { cpus: "1" } }, e("resources.cpus", '"1"', notKnown("cpus"), 'Did you mean "cpu"?')],
    ["job namespaces as one string", { jobNamespaces: "flink" }, e("jobNamespaces", '"flink"', "is a string, not a list", "Write a list")],
    [
        "no job namespaces",
        { jobNamespaces: [] },
        e("jobNamespaces", "[]", "the operator would watch every namespace and get cluster-wide RBAC", "List the namespaces jobs run in"),
    ],
    [
        "a job namespace with capitals",
        { jobNamespaces: ["Flink_Jobs"] },
        e("jobNamespaces[0]", '"Flink_Jobs"', "is not a valid namespace name", "Use lowercase letters"),
    ],
    [
        "a job namespace twice",
        { jobNamespaces: ["jobs", "jobs"] },
        e("jobNamespaces[1]", '"jobs"', "lists a namespace twice", "List each namespace once"),
    ],
    [
        "an operator namespace with _",
        { namespace: "flink_operator" },
        e("namespace", '"flink_operator"', "is not a valid namespace name", "Use lowercase letters"),
    ],
    ["an empty operator namespace", { namespace: "" }, e("namespace", '""', "is not a valid namespace name", "Use lowercase letters")],
    [
        'version "latest"',
        { version: "latest" },
        e("version", '"latest"', "is not an operator release version", 'Use a release such as "1.15.0"'),
    ],
    [
        "a release spectrum has no CRD for",
        { version: "1.16.0" },
        e("version", '"1.16.0"', "is not an operator release whose CRDs spectrum knows", "add the release's CRD Flink versions"),
    ],
    ["version as a YAML number", { version: 1.15 }, e("version", "1.15", "is a number, not a string", "Write a string")],
    ['certManager "yes"', { certManager: "yes" }, e("certManager", '"yes"', "is not one of install, present, none", "Use one of")],
    [
        'certManager "Install"',
        { certManager: "Install" },
        e("certManager", '"Install"', "is not one of install, present, none", 'Did you mean "install"?'),
    ],
    [
        'Pod Security "strict"',
        { jobNamespacePodSecurity: "strict" },
        e("jobNamespacePodSecurity", '"strict"', "is not one of restricted, baseline", "Use one of"),
    ],
    [
        "a cert-manager chart before crds.enabled",
        { certManagerVersion: "v1.14.4" },
        e("certManagerVersion", '"v1.14.4"', "is not a cert-manager chart version from v1.15 on", 'Use e.g. "v1.21.1"'),
    ],
    [
        "a cert-manager version without its v",
        { certManagerVersion: "1.19.2" },
        e("certManagerVersion", '"1.19.2"', "is not a cert-manager chart version from v1.15 on", 'Use e.g. "v1.21.1"'),
    ],
    [
        "a cert-manager release that does not exist",
        { certManagerVersion: "v1.19.9" },
        e(
            "certManagerVersion",
            '"v1.19.9"',
            "is not a cert-manager release spectrum knows (v1.15.0 to v1.21.1)",
            "add the release to CERT_MANAGER_NEWEST_PATCH",
        ),
    ],
    ["no replicas", { replicas: 0 }, e("replicas", "0", "must be a positive integer", "Use 1, or 2 for a standby")],
    ["replicas as a string", { replicas: "2" }, e("replicas", '"2"', NUMBER_STRING, "Write 2 without quotes")],
    ["fractional replicas", { replicas: 1.5 }, e("replicas", "1.5", "must be a positive integer", "Use 1, or 2")],
    [
        "the webhook's port for metrics",
        { metricsPort: 9443 },
        e(
            "metricsPort",
            "9443",
            "must be an unprivileged port (1024 to 65535) not used by the operator's health probe and webhook (8085, 9443)",
            "Use the default 9999",
        ),
    ],
    [
        "a metrics port past 65535",
        { metricsPort: 70000 },
        e("metricsPort", "70000", "must be an unprivileged port (1024 to 65535)", "Use the default 9999"),
    ],
    [
        "an image repository with a tag",
        { imageRepository: "apache/flink-kubernetes-operator:1.15.0" },
        e(
            "imageRepository",
            '"apache/flink-kubernetes-operator:1.15.0"',
            "is not an image repository without tag or digest",
            "Write the repository only",
        ),
    ],
    [
        "an image repository in capitals",
        { imageRepository: "Apache/Flink" },
        e("imageRepository", '"Apache/Flink"', "is not an image repository", "Write the repository only"),
    ],
    [
        "a negative CPU request",
        { resources: { cpu: "-1m" } },
        e("resources.cpu", '"-1m"', "must be more than zero", "Use a positive quantity"),
    ],
    ["memory in gb", { resources: { memory: "2gb" } }, e("resources.memory", '"2gb"', "is not a Kubernetes quantity", '"10Gi", "20G"')],
    ["memory as a number", { resources: { memory: 1024 } }, e("resources.memory", "1024", "is a number, not a string", "Write a string")],
    ["config as a list", { config: ["a: b"] }, e("config", '["a: b"]', LIST, LIST_FIX)],
    [
        "a config key the operator's args own",
        { config: { "kubernetes.operator.metrics.reporter.prom.port": "1234" } },
        e(
            'config["kubernetes.operator.metrics.reporter.prom.port"]',
            '"1234"',
            "FlinkOperator sets this key itself",
            "use metricsPort / replicas",
        ),
    ],
    [
        "a multi-line config value",
        { config: { "kubernetes.operator.reconcile.interval": "15 s\nother: 1" } },
        e(
            'config["kubernetes.operator.reconcile.interval"]',
            '"15 s\\nother: 1"',
            "keys and values must be single-line",
            "Put one key per entry",
        ),
    ],
    [
        "a label value over 63 characters",
        { labels: { team: "x".repeat(64) } },
        e("labels.team", `"${"x".repeat(64)}"`, "a label value has at most 63 characters", "Shorten"),
    ],
    ['createJobNamespaces as "false"', { createJobNamespaces: "false" }, e("createJobNamespaces", '"false"', BOOL_STRING, BOOL_FIX)],
    ["no target", { target: undefined }, e("target", "undefined", "is required", OPERATOR_FIX)],
    [
        "a cluster name as the target",
        { target: "dev-cluster" },
        e("target", '"dev-cluster"', "is a string, not a KubernetesTarget", OPERATOR_FIX),
    ],
    [
        "a target without its provider",
        { target: { clusterName: "dev" } },
        e("target.provider", "undefined", "is missing: a KubernetesTarget has the provider for the cluster", OPERATOR_FIX),
    ],
    [
        "an AWS provider as the target's provider",
        () => ({ target: { provider: new aws.Provider("aws", { region: "us-east-1" }) } }),
        e("target.provider", "", "is a resource, not a Kubernetes provider (the provider for the cluster)", OPERATOR_FIX),
    ],
    [
        "an OIDC provider ARN as a number",
        (t: KubernetesTarget) => ({ target: { ...t, oidcProviderArn: 5 } }),
        e("target.oidcProviderArn", "5", "is a number, not a non-empty string (or an Output of one)", OPERATOR_FIX),
    ],
];

describe("FlinkJob battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each([...jobUnknownKeys, ...jobShapes, ...jobValues, ...jobContracts, ...jobRules])("%s", async (_, args, expected) => {
        const { problems, registered } = await rejection(job(args));
        expectParts(problems, 'FlinkJob "job"', expected);
        expect(own(registered)).toEqual([]);
    });

    test.each(jobNames)("%s", async (_, name, args, expected) => {
        const { problems, registered } = await rejection(job(args, name));
        expectParts(problems, `FlinkJob "${name}"`, expected);
        expect(own(registered)).toEqual([]);
    });

    test("every problem of one input is reported at once", async () => {
        const { problems } = await rejection(job({ paralellism: 4, upgradeMode: "savepoints", taskManager: { cpu: "1" }, env: ["A=1"] }));
        expect(problems).toHaveLength(4);
    });

    test("a path the real landing zone refuses is the job's problem, and nothing of the job is registered", async () => {
        const names: string[] = [];
        const { problems, registered } = await rejection(() => {
            const zone = new LandingZone("lz", { protect: false });
            new FlinkJob("job", {
                operator: operatorRef(target()),
                storage: zone,
                flinkVersion: "1.20.3",
                jarUri: JAR,
                storageAccess: [{ access: "read", area: "raw", path: "reference/../secrets" }],
                initialSavepointPath: "s3://lake-data/checkpoints/flink/other job/sp-1",
            });
            names.push("built");
        });
        expect(names).toEqual([]);
        expectParts(
            problems,
            'FlinkJob "job"',
            e(
                "storageAccess[0].path",
                '"reference/../secrets"',
                'the landing zone refuses this path (segment ".." is not a safe S3 key segment',
                "Change the path",
            ),
        );
        expectParts(
            problems,
            'FlinkJob "job"',
            e(
                "initialSavepointPath",
                '"s3://lake-data/checkpoints/flink/other job/sp-1"',
                "the landing zone refuses this location for the job's read grant",
                "Copy the savepoint",
            ),
        );
        expect(problems.every((p) => p.startsWith('FlinkJob "job": '))).toBe(true);
        expect(own(registered).filter((r) => !r.includes("::lz"))).toEqual([]);
    });
});

describe("FlinkOperator battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each(operatorCases)("%s", async (_, args, expected) => {
        const { problems, registered } = await rejection(() => {
            const t = target();
            const extra = typeof args === "function" ? (args as (t: KubernetesTarget) => unknown)(t) : args;
            new FlinkOperator("flink", { target: t, ...(extra as object) } as FlinkOperatorArgs);
        });
        if (expected.value === "") {
            // A resource renders as a long mapping: match the rest of the message only.
            const line = problems.find((p) => p.startsWith(`FlinkOperator "flink": ${expected.field} = `));
            expect(line).toContain(`: ${expected.problem}. ${expected.fix}`);
        } else expectParts(problems, 'FlinkOperator "flink"', expected);
        expect(own(registered)).toEqual([]);
    });
});

describe("clashes between Flink components are refused before the second registers anything", () => {
    const claimants = (registered: string[], name: string) => own(registered).filter((r) => r.split("::")[1].startsWith(name));

    test("two jobs with one FlinkDeployment on one cluster", async () => {
        const { problems, registered } = await rejection(() => {
            const base = jobBase();
            new FlinkJob("first", { ...base, deploymentName: "orders" });
            new FlinkJob("second", { ...base, deploymentName: "orders" });
        });
        expect(problems).toContain(
            'FlinkJob "second": deploymentName = "flink/orders": FlinkJob "first" already uses this FlinkDeployment name (its deploymentName); both would manage one FlinkDeployment object in the namespace. Give each job its own name.',
        );
        expect(claimants(registered, "second")).toEqual([]);
    });

    test("two jobs on two clusters writing one state prefix", async () => {
        const { problems, registered } = await rejection(() => {
            const lake = storage();
            new FlinkJob("first", { ...jobBase(target()), storage: lake, deploymentName: "orders" });
            new FlinkJob("second", { ...jobBase(target({}, "other")), storage: lake, deploymentName: "orders" });
        });
        expectParts(
            problems,
            'FlinkJob "second"',
            e(
                "statePath",
                '"checkpoints/flink/orders/"',
                'FlinkJob "first" already uses this state prefix',
                "Give each job its own state path",
            ),
        );
        expect(claimants(registered, "second")).toEqual([]);
    });

    test("two jobs of one component name", async () => {
        const { problems, registered } = await rejection(() => {
            const base = jobBase();
            new FlinkJob("orders", { ...base, deploymentName: "orders-a" });
            new FlinkJob("orders", { ...base, deploymentName: "orders-b" });
        });
        expectParts(
            problems,
            'FlinkJob "orders"',
            e("name", '"orders"', 'FlinkJob "orders" already uses this resource name', "Give one of the components another name"),
        );
        expect(own(registered).filter((r) => r.includes("orders-b"))).toEqual([]);
    });

    test("two operators on one cluster", async () => {
        const { problems } = await rejection(() => {
            const t = target();
            new FlinkOperator("first", { target: t });
            new FlinkOperator("second", { target: t, namespace: "flink-2", jobNamespaces: ["jobs-2"] });
        });
        expectParts(
            problems,
            'FlinkOperator "second"',
            e(
                "target",
                '"flink-kubernetes-operator"',
                'FlinkOperator "first" already uses this operator install',
                "Install the operator once and share it",
            ),
        );
    });
});

describe("values known only later fail the run with the same message, showing the resolved value", () => {
    test("an env value that resolves to a number", async () => {
        const { problems } = await rejection(job({ env: { RETRIES: pulumi.output(5 as unknown as string) } }));
        expectParts(problems, 'FlinkJob "job"', e("env.RETRIES", "5", "is a number, not a string", "Write a string"));
    });

    test("an image that resolves to a reference no registry serves", async () => {
        const { problems } = await rejection(job({ image: pulumi.output("Registry/Orders Job:1") }));
        expectParts(problems, 'FlinkJob "job"', e("image", '"Registry/Orders Job:1"', "is not an image reference", "in lowercase"));
    });
});

describe("valid but unusual inputs are accepted", () => {
    const accepted: [string, string, unknown][] = [
        [
            'memory in decimal-looking units the operator reads as binary ("4G" is 4 GiB to it)',
            "job",
            { taskManager: { memory: "4G" }, jobManager: { memory: "20G" } },
        ],
        ["memory as a fractional Kubernetes quantity", "job", { taskManager: { memory: "1.5Gi" } }],
        ["memory with a space before its unit", "job", { taskManager: { memory: "2048 m" } }],
        ["quarter-core CPU and a big TaskManager", "job", { jobManager: { cpu: 0.25 }, taskManager: { cpu: 16, memory: "64g" } }],
        ["the oldest and newest supported Flink", "job", { flinkVersion: "2.2.1" }],
        ["Flink 1.18.0 with its image", "job", { flinkVersion: "1.18.0", image: "flink:1.18.0-java17" }],
        ["env names with dashes and dots", "job", { env: { "my-var": "1", "app.mode": "prod", _X: "" } }],
        ["an env value and an argument known later", "job", { env: { TOKEN: pulumi.secret("s3cr3t") }, args: [pulumi.output("--fast")] }],
        ["an ECR image pinned by tag", "job", { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.20.3-2026-07-01" }],
        [
            "an image from a registry with a port, pinned by digest",
            "job",
            { image: `registry.local:5000/team/orders@sha256:${"a".repeat(64)}` },
        ],
        ["the autoscaler with its defaults", "job", { autoscaler: true }],
        ["the autoscaler as an empty object", "job", { autoscaler: {} }],
        ["the autoscaler off", "job", { autoscaler: false }],
        [
            "a grant on a Hive-style partition path",
            "job",
            { storageAccess: [{ access: "read", area: "raw", path: "orders/date=2026-01-01" }] },
        ],
        [
            "Kafka access with prefixes",
            "job",
            {
                kafka: {
                    connection: {
                        bootstrapServers: "b:9098",
                        authMode: "iam",
                        clusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/c/1",
                    },
                    access: { readTopics: ["orders", "audit.*"], transactionalIds: ["orders-*"] },
                },
            },
        ],
        ["no periodic savepoints and no stabilization wait", "job", { savepointIntervalHours: 0, autoscaler: { stabilizationMinutes: 0 } }],
        ["a negative savepoint nonce", "job", { savepointTriggerNonce: -3 }],
        ["a deployment name of exactly 45 characters", "job", { deploymentName: `a${"b".repeat(44)}` }],
        ["the longest component name the IAM role allows", "a".repeat(51), { deploymentName: "orders" }],
        ["TaskManagers that agree with parallelism", "job", { parallelism: 6, taskSlots: 2, taskManager: { replicas: 3 } }],
        ["explicit undefined fields", "job", { image: undefined, entryClass: undefined, taskManager: undefined, kafka: undefined }],
        [
            "an operator outside the catalog (trusted to check its CRD)",
            "job",
            (b: FlinkJobArgs) => ({ operator: operatorRef(b.operator.target, ["flink"], "1.16.0") }),
        ],
        ["a tuning key given as an Output", "job", { flinkConfiguration: { "execution.checkpointing.timeout": pulumi.output("5 min") } }],
        ["an empty label value and a prefixed label key", "job", { labels: { "example.com/team": "data", reviewed: "" } }],
        [
            "starting from another job's savepoint",
            "job",
            { initialSavepointPath: "s3://lake-data/checkpoints/flink/old-orders/savepoints/savepoint-1" },
        ],
        ["a nested entry class", "job", { entryClass: "com.example.Jobs$Orders" }],
    ];
    test.each(accepted)("job: %s", async (_, name, args) => {
        const graph = await runProgram(job(args, name));
        expect(graph.ofType(types.job)).toHaveLength(1);
        expect(graph.ofType(types.flinkDeployment)).toHaveLength(1);
    });

    test('"4G" reaches the FlinkDeployment as written: the operator reads it as 4 GiB', async () => {
        const graph = await runProgram(job({ taskManager: { memory: "4G" } }));
        expect(specOf(deploymentOf(graph, "job")).taskManager.resource.memory).toBe("4G");
    });

    const operators: [string, (t: KubernetesTarget) => FlinkOperatorArgs][] = [
        ["an older release in the catalog", (t) => ({ target: t, version: "1.13.0" })],
        ["the newest cert-manager in the catalog", (t) => ({ target: t, certManagerVersion: "v1.21.1" })],
        ["no webhook, whatever the cert-manager version says", (t) => ({ target: t, certManager: "none", certManagerVersion: "whatever" })],
        [
            "jobs in the operator's own namespace, namespaces existing",
            (t) => ({ target: t, jobNamespaces: ["flink-operator", "jobs"], createJobNamespaces: false }),
        ],
        ["decimal quantities and three replicas", (t) => ({ target: t, resources: { cpu: "1", memory: "20G" }, replicas: 3 })],
        ["a mirror with a port", (t) => ({ target: t, imageRepository: "registry.local:5000/mirror/apache/flink-kubernetes-operator" })],
        ["a prefixed label key", (t) => ({ target: t, labels: { "example.com/team": "data" } })],
        ["a target with only a provider (jobs bring identity)", (t) => ({ target: { provider: t.provider } })],
    ];
    test.each(operators)("operator: %s", async (_, args) => {
        const graph = await runProgram(() => void new FlinkOperator("flink", args(target())));
        expect(graph.ofType(types.release).length).toBeGreaterThanOrEqual(1);
    });
});
