import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection, Storage } from "../core/contracts";
import { KafkaAccess } from "../core/kafka-access";
import { WorkloadIdentityMode } from "../core/workload-identity";
import { awsTagMap, explain, k8sLabelMap, map, strict, v } from "../core/schema";
import { booleanOr } from "../core/schema/boolean-or";
import { kafkaAccess, kafkaConnection, storage } from "../core/schema/contracts";
import { IMAGE_REFERENCE, cpuCores, inputOf, namespaceName, port, processMemory, wholeNumber } from "./arg-values";
import { FlinkOperatorRef, flinkOperatorRef } from "./operator-ref";
import { FlinkVersion, S3Plugin, defaultFlinkImage, parseFlinkVersion } from "./versions";

/** How the operator carries state across a spec change: see the README's "Upgrades" section. */
export type UpgradeMode = "savepoint" | "last-state" | "stateless";

/** Ports Flink itself listens on in a pod (RPC, blob server, query state, REST). */
export const FLINK_PORTS = [6122, 6123, 6124, 8081];

/** CPU, memory and count of one Flink process kind. */
export const flinkProcessResourcesShape = {
    /** CPU cores requested, as a number (and, with the operator's default limit factor 1.0, the limit). Default: JobManager 0.5, TaskManager 1. */
    cpu: v.optional(cpuCores()),
    /**
     * Total process memory as the operator reads it: Flink's notation (`1600m`, `2g`: binary units)
     * or a Kubernetes quantity (`2Gi`); also the pod's request and limit. At least 1024 MiB.
     * Default: JobManager `1600m`, TaskManager `2048m`.
     */
    memory: v.optional(processMemory()),
    /**
     * How many of them. JobManager: more than 1 runs standbys and needs high availability.
     * TaskManager: when set, the operator runs the job at replicas x taskSlots and ignores
     * `parallelism`, so the two must agree. Default: JobManager 1, TaskManager derived.
     */
    replicas: v.optional(wholeNumber(1, "must be a positive integer", "Use 1 or more")),
};
/** The schema of {@link FlinkProcessResources}. */
export const flinkProcessResources: v.StrictObjectSchema<typeof flinkProcessResourcesShape, undefined> = strict(flinkProcessResourcesShape);
/** CPU, memory and count of one Flink process kind. */
export type FlinkProcessResources = v.InferInput<typeof flinkProcessResources>;

/** A landing-zone location the job reads or writes, granted to the job's IAM role. */
export const flinkStorageGrantShape = {
    /** `read` or `write` (write includes read). Default: none (required). */
    access: v.picklist(["read", "write"]),
    /** An area of the landing zone (`raw`, `curated`, ...). Default: none (required). */
    area: v.string(),
    /** A path inside the area. Default: the whole area. */
    path: v.optional(v.string()),
};
/** The schema of {@link FlinkStorageGrant}. */
export const flinkStorageGrant: v.StrictObjectSchema<typeof flinkStorageGrantShape, undefined> = strict(flinkStorageGrantShape);
/** A landing-zone location the job reads or writes, granted to the job's IAM role. */
export type FlinkStorageGrant = v.InferInput<typeof flinkStorageGrant>;

/** The Kafka cluster the job talks to and what it may do there. */
export const flinkKafkaAccessShape = {
    /** The cluster. With `authMode: "iam"` the job's role gets exactly `access` on it; other modes need credentials in the job. Default: none (required). */
    connection: kafkaConnection,
    /** Topics, groups and transactional ids the job uses (exactly-once sinks need their transactional-id prefix here, e.g. `my-job-*`). Default: none (required). */
    access: kafkaAccess as v.GenericSchema<KafkaAccess>,
};
/** The schema of {@link FlinkKafkaAccess}. */
export const flinkKafkaAccess: v.StrictObjectSchema<typeof flinkKafkaAccessShape, undefined> = strict(flinkKafkaAccessShape);
/** The Kafka cluster the job talks to and what it may do there. */
export type FlinkKafkaAccess = v.InferInput<typeof flinkKafkaAccess>;

/** The Flink autoscaler (part of the operator), which rescales job vertices in place. */
export const flinkAutoscalerArgsShape = {
    /** Target busy-time share of each vertex, in (0, 1]. Default: 0.7. */
    utilizationTarget: v.optional(
        v.pipe(
            v.number(),
            v.check((n) => n > 0 && n <= 1, explain("must be in (0, 1]", "Use e.g. 0.7")),
        ),
        0.7,
    ),
    /** Lowest parallelism a vertex is scaled to. Default: 1. */
    minParallelism: v.optional(wholeNumber(1, "must be a whole number, at least 1", "Use e.g. 1"), 1),
    /** Highest parallelism a vertex is scaled to; at most the job's `maxParallelism`. Default: the job's `maxParallelism`. */
    maxParallelism: v.optional(wholeNumber(1, "must be a whole number, at least 1", "Use at most the job's maxParallelism")),
    /** Whole minutes of metrics each decision looks at (Flink durations take a whole number). Default: 10. */
    metricsWindowMinutes: v.optional(wholeNumber(1, "must be a whole number of minutes above 0", "Use e.g. 10"), 10),
    /** Whole minutes after a rescale during which no other rescale happens. Default: 5. */
    stabilizationMinutes: v.optional(wholeNumber(0, "must be a whole number of minutes, 0 or more", "Use e.g. 5"), 5),
};
/** The schema of {@link FlinkAutoscalerArgs}. */
export const flinkAutoscalerArgs: v.StrictObjectSchema<typeof flinkAutoscalerArgsShape, undefined> = strict(flinkAutoscalerArgsShape);
/** The Flink autoscaler (part of the operator), which rescales job vertices in place. */
export type FlinkAutoscalerArgs = v.InferInput<typeof flinkAutoscalerArgs>;

// Environment variable names as the Kubernetes API validates them (before relaxed validation, 1.32).
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
// A Java class name: dot-separated identifiers (`$` for nested classes).
const JAVA_CLASS = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** The declaration of {@link FlinkJob}'s args: type, structural check, defaults and README table. */
export const flinkJobShape = {
    /** The operator that runs the job: its namespaces, version and readiness. A `FlinkOperator` or a hand-built `FlinkOperatorRef`. Default: none (required). */
    operator: flinkOperatorRef,
    /** The landing zone: state goes under its checkpoint area, one prefix per job. Default: none (required). */
    storage: storage,
    /** The exact Flink version inside the image (`1.20.3`, `2.1.0`): picks config key names, `spec.flinkVersion` and the S3 plugin jar. Default: none (required). */
    flinkVersion: v.pipe(
        v.string(),
        v.regex(
            /^\d+\.\d+\.\d+$/,
            explain("is not an exact Flink version", 'Give the version inside the image, e.g. "1.20.3" (it names the S3 plugin jar)'),
        ),
    ),
    /** The job jar: `local:///opt/flink/...` inside the image, or `s3://...` / `https://...`. Default: none (required). */
    jarUri: v.pipe(
        v.string(),
        v.regex(
            /^(local:\/\/\/|s3:\/\/|https:\/\/)\S+$/,
            explain(
                "is not a jar location the job can fetch",
                "Use local:///opt/flink/... (inside the image), s3://bucket/key.jar or https://...",
            ),
        ),
    ),
    /** Main class, when the jar's manifest names none. Default: the manifest's. */
    entryClass: v.optional(
        v.pipe(
            v.string(),
            v.regex(JAVA_CLASS, explain("is not a Java class name", 'Write the fully qualified name, e.g. "com.example.OrdersJob"')),
        ),
    ),
    /** Program arguments. Default: `[]`. */
    args: v.optional(v.array(inputOf(v.string())), []),
    /** Container image, which must contain Flink `flinkVersion`. Default: `flink:<flinkVersion>-java17`. */
    image: v.optional(
        inputOf(
            v.pipe(
                v.string(),
                v.regex(
                    IMAGE_REFERENCE,
                    explain(
                        "is not an image reference",
                        'Write [registry/]repository[:tag][@digest] in lowercase, e.g. "flink:1.20.3-java17"',
                    ),
                ),
            ),
        ),
    ),
    /** Namespace, one the operator watches. Default: the operator's first job namespace. */
    namespace: v.optional(namespaceName()),
    /** Name of the FlinkDeployment (at most 45 characters, `[a-z]([-a-z0-9]*[a-z0-9])?`); also the job's state prefix. Default: the component name. */
    deploymentName: v.optional(v.string()),
    /** Job parallelism, at most `maxParallelism`. Default: 2. */
    parallelism: v.optional(wholeNumber(1, "must be a whole number, at least 1", "Use e.g. 2"), 2),
    /** `pipeline.max-parallelism`: the number of key groups, fixed for the life of the state. Default: 720 (divisible by 1-6, 8-10, 12, 15, ...; even rescaling). */
    maxParallelism: v.optional(
        wholeNumber(1, "must be an integer from 1 to 32768", "Use a number with many divisors, e.g. 720", 32768),
        720,
    ),
    /** Task slots per TaskManager. Default: 2. */
    taskSlots: v.optional(wholeNumber(1, "must be a positive integer", "Use 1 or more slots per TaskManager"), 2),
    /** JobManager resources. Default: `{}` (0.5 CPU, `1600m`, 1 replica). */
    jobManager: v.optional(flinkProcessResources, {}),
    /** TaskManager resources. Default: `{}` (1 CPU, `2048m`, count derived from parallelism / slots). */
    taskManager: v.optional(flinkProcessResources, {}),
    /** How state is carried across upgrades: `savepoint`, `last-state` (needs high availability) or `stateless`. Default: `"savepoint"`. */
    upgradeMode: v.optional(v.picklist(["savepoint", "last-state", "stateless"] as const satisfies readonly UpgradeMode[]), "savepoint"),
    /** Exactly-once checkpoint interval in seconds (1 to 86400). Default: 60. */
    checkpointIntervalSeconds: v.optional(wholeNumber(1, "must be a whole number of seconds from 1 to 86400", "Use e.g. 60", 86400), 60),
    /** Completed checkpoints kept. Default: 3. */
    retainedCheckpoints: v.optional(wholeNumber(1, "must be a positive integer", "Keep at least 1 (default 3)"), 3),
    /** Whole hours between periodic savepoints; 0 turns them off. Default: 6. */
    savepointIntervalHours: v.optional(wholeNumber(0, "must be a whole number of hours, 0 (off) or more", "Use e.g. 6"), 6),
    /** Savepoint (or retained checkpoint) to start from on the FlinkDeployment's first deployment, inside the landing zone's checkpoint area. Default: none (empty state). */
    initialSavepointPath: v.optional(v.string()),
    /** `suspended` stops the job (with a savepoint in savepoint mode) and keeps its state; `running` starts it again from there. Default: `"running"`. */
    state: v.optional(v.picklist(["running", "suspended"]), "running"),
    /** Change this number to take a savepoint now (the operator triggers one per new value). Default: none. */
    savepointTriggerNonce: v.optional(
        v.pipe(v.number(), v.integer(explain("must be a whole number", "Use e.g. 1, then 2 for the next savepoint"))),
    ),
    /** Start even if the savepoint holds state no operator claims. Default: false. */
    allowNonRestoredState: v.optional(v.boolean(), false),
    /** Kubernetes high availability (leader election and job metadata in ConfigMaps, files in the state prefix). Needed for last-state upgrades and more than one JobManager. Default: true. */
    highAvailability: v.optional(v.boolean(), true),
    /** Turn on the Flink autoscaler (with the adaptive scheduler), with `true` for its defaults or the settings. Default: off. */
    autoscaler: v.optional(booleanOr(flinkAutoscalerArgs)),
    /** The job writes files to S3 (FileSink, table filesystem connector): loads the Hadoop S3 plugin instead of Presto. Default: false. */
    writesFilesToS3: v.optional(v.boolean(), false),
    /** Landing-zone locations the job reads or writes, beyond its own state. Default: `[]`. */
    storageAccess: v.optional(v.array(flinkStorageGrant), []),
    /** Kafka the job uses; also exported to the containers as `KAFKA_BOOTSTRAP_SERVERS`. Default: none. */
    kafka: v.optional(flinkKafkaAccess),
    /** How pods get AWS credentials: `irsa` or `pod-identity` (needs recent AWS SDKs in the image). Default: `"irsa"`. */
    identity: v.optional(v.picklist(["irsa", "pod-identity"] as const satisfies readonly WorkloadIdentityMode[]), "irsa"),
    /** Extra environment variables of the Flink containers. Default: `{}`. */
    env: v.optional(
        map(
            v.pipe(
                v.string(),
                v.regex(
                    ENV_NAME,
                    explain("is not a valid environment variable name", "Use letters, digits, _, - and ., not starting with a digit"),
                ),
            ),
            inputOf(v.string()),
        ),
        {},
    ),
    /** Extra Flink configuration, string values. Keys FlinkJob sets itself, keys the operator forbids and keys spelled for another Flink version are rejected. Default: `{}`. */
    flinkConfiguration: v.optional(map(v.string(), inputOf(v.string())), {}),
    /** Port of the Prometheus metrics reporter on every Flink pod. Default: 9249. */
    metricsPort: v.optional(port(FLINK_PORTS, "Flink", "Use the default 9249"), 9249),
    /** Protect the FlinkDeployment (its running state) from `pulumi destroy` and replacement. Default: true. */
    protect: v.optional(v.boolean(), true),
    /**
     * Let a change of namespace, name or state prefix through without a savepoint to start from.
     * The job then starts with empty state. For throwaway dev stacks. Default: false.
     */
    allowStateReset: v.optional(v.boolean(), false),
    /** Labels added to the Kubernetes objects. Default: `{}`. */
    labels: v.optional(k8sLabelMap(), {}),
    /** Tags added to the IAM role (keys must not start with `aws:`). Default: `{}`. */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link FlinkJob}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const flinkJobArgs: v.StrictObjectSchema<typeof flinkJobShape, undefined> = strict(flinkJobShape);
/** Arguments of {@link FlinkJob}: the operator and storage it uses, the job, its resources and its state handling. */
export type FlinkJobArgs = v.InferInput<typeof flinkJobArgs>;
/** The args with every plain default applied. */
export type FlinkJobInput = v.InferOutput<typeof flinkJobArgs>;

/** The fully populated settings the component reads (and nothing else). */
export interface FlinkJobSettings {
    name: string;
    operator: FlinkOperatorRef;
    storage: Storage;
    namespace: string;
    deploymentName: string;
    /** Whether deploymentName came from the component's name. */
    deploymentNameFromComponent: boolean;
    version: FlinkVersion;
    flinkVersion: string;
    image: pulumi.Input<string>;
    jarUri: string;
    entryClass: string | undefined;
    args: pulumi.Input<string>[];
    parallelism: number;
    maxParallelism: number;
    taskSlots: number;
    jobManager: { cpu: number; memory: string; replicas: number };
    taskManager: { cpu: number; memory: string; replicas: number | undefined };
    upgradeMode: UpgradeMode;
    stateful: boolean;
    checkpointIntervalSeconds: number;
    retainedCheckpoints: number;
    savepointIntervalHours: number;
    initialSavepointPath: string | undefined;
    state: "running" | "suspended";
    savepointTriggerNonce: number | undefined;
    allowNonRestoredState: boolean;
    highAvailability: boolean;
    autoscaler: Required<FlinkAutoscalerArgs> | undefined;
    s3Plugin: S3Plugin;
    storageAccess: FlinkStorageGrant[];
    kafka: { connection: KafkaConnection; access: KafkaAccess } | undefined;
    identity: WorkloadIdentityMode;
    env: Record<string, pulumi.Input<string>>;
    flinkConfiguration: Record<string, pulumi.Input<string>>;
    metricsPort: number;
    protect: boolean;
    allowStateReset: boolean;
    labels: Record<string, string>;
    tags: Record<string, string>;
    /** Path of the job's state inside the checkpoint area: `<namespace>/<deploymentName>`. */
    statePath: string;
}

/**
 * Resolves checked args (plain defaults applied) into settings: the defaults that depend on other
 * fields (namespace, deployment name, image, autoscaler bounds) and the state path.
 */
export function resolveFlinkJobSettings(name: string, args: FlinkJobInput): FlinkJobSettings {
    const namespace = args.namespace ?? args.operator.jobNamespaces[0] ?? "";
    const deploymentName = args.deploymentName ?? name;
    const maxParallelism = args.maxParallelism;
    const autoscaler =
        args.autoscaler === undefined || args.autoscaler === false
            ? undefined
            : {
                  utilizationTarget: 0.7,
                  minParallelism: 1,
                  metricsWindowMinutes: 10,
                  stabilizationMinutes: 5,
                  ...(args.autoscaler === true ? {} : args.autoscaler),
                  maxParallelism: (args.autoscaler === true ? undefined : args.autoscaler.maxParallelism) ?? maxParallelism,
              };
    // The declaration admits only exact versions, so this parses once the args are checked.
    const version = parseFlinkVersion(args.flinkVersion);
    if (version === undefined)
        throw new Error(`FlinkJob "${name}": flinkVersion ${args.flinkVersion} passed its declaration but does not parse`);
    return {
        name,
        operator: args.operator,
        storage: args.storage,
        namespace,
        deploymentName,
        deploymentNameFromComponent: args.deploymentName === undefined,
        version,
        flinkVersion: args.flinkVersion,
        image: args.image ?? defaultFlinkImage(args.flinkVersion),
        jarUri: args.jarUri,
        entryClass: args.entryClass,
        args: args.args,
        parallelism: args.parallelism,
        maxParallelism,
        taskSlots: args.taskSlots,
        jobManager: {
            cpu: args.jobManager.cpu ?? 0.5,
            memory: args.jobManager.memory ?? "1600m",
            replicas: args.jobManager.replicas ?? 1,
        },
        taskManager: { cpu: args.taskManager.cpu ?? 1, memory: args.taskManager.memory ?? "2048m", replicas: args.taskManager.replicas },
        upgradeMode: args.upgradeMode,
        stateful: args.upgradeMode !== "stateless",
        checkpointIntervalSeconds: args.checkpointIntervalSeconds,
        retainedCheckpoints: args.retainedCheckpoints,
        savepointIntervalHours: args.savepointIntervalHours,
        initialSavepointPath: args.initialSavepointPath,
        state: args.state,
        savepointTriggerNonce: args.savepointTriggerNonce,
        allowNonRestoredState: args.allowNonRestoredState,
        highAvailability: args.highAvailability,
        autoscaler,
        s3Plugin: args.writesFilesToS3 ? "hadoop" : "presto",
        storageAccess: args.storageAccess,
        kafka: args.kafka,
        identity: args.identity,
        env: args.env,
        flinkConfiguration: args.flinkConfiguration,
        metricsPort: args.metricsPort,
        protect: args.protect,
        allowStateReset: args.allowStateReset,
        labels: args.labels,
        tags: args.tags,
        statePath: `${namespace}/${deploymentName}`,
    };
}
