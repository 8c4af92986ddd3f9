import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection, Storage, StorageAccess } from "../core/contracts";
import { KafkaAccess } from "../core/kafka-access";
import { WorkloadIdentityMode } from "../core/workload-identity";
import { FlinkOperatorRef } from "./operator-ref";
import { FlinkVersion, S3Plugin, defaultFlinkImage, parseFlinkVersion } from "./versions";

/** How the operator carries state across a spec change: see the README's "Upgrades" section. */
export type UpgradeMode = "savepoint" | "last-state" | "stateless";

/** CPU, memory and count of one Flink process kind. */
export interface FlinkProcessResources {
    /** CPU cores requested (and, with the operator's default limit factor 1.0, the limit). Default: JobManager 0.5, TaskManager 1. */
    cpu?: number;
    /** Total process memory, Flink or Kubernetes notation (`1600m`, `2g`, `2Gi`); also the pod's request and limit. Default: JobManager `1600m`, TaskManager `2048m`. */
    memory?: string;
    /**
     * How many of them. JobManager: more than 1 runs standbys and needs high availability.
     * TaskManager: when set, the operator runs the job at replicas x taskSlots and ignores
     * `parallelism`, so the two must agree. Default: JobManager 1, TaskManager derived.
     */
    replicas?: number;
}

/** A landing-zone location the job reads or writes, granted to the job's IAM role. */
export interface FlinkStorageGrant {
    /** `read` or `write` (write includes read). Required. */
    access: StorageAccess;
    /** An area of the landing zone (`raw`, `curated`, ...). Required. */
    area: string;
    /** A path inside the area. Default: the whole area. */
    path?: string;
}

/** The Kafka cluster the job talks to and what it may do there. */
export interface FlinkKafkaAccess {
    /** The cluster. With `authMode: "iam"` the job's role gets exactly `access` on it; other modes need credentials in the job. Required. */
    connection: KafkaConnection;
    /** Topics, groups and transactional ids the job uses (exactly-once sinks need their transactional-id prefix here, e.g. `my-job-*`). Required. */
    access: KafkaAccess;
}

/** The Flink autoscaler (part of the operator), which rescales job vertices in place. */
export interface FlinkAutoscalerArgs {
    /** Target busy-time share of each vertex, in (0, 1]. Default: 0.7. */
    utilizationTarget?: number;
    /** Lowest parallelism a vertex is scaled to. Default: 1. */
    minParallelism?: number;
    /** Highest parallelism a vertex is scaled to; at most the job's `maxParallelism`. Default: the job's `maxParallelism`. */
    maxParallelism?: number;
    /** Whole minutes of metrics each decision looks at. Default: 10. */
    metricsWindowMinutes?: number;
    /** Whole minutes after a rescale during which no other rescale happens. Default: 5. */
    stabilizationMinutes?: number;
}

/** Arguments of {@link FlinkJob}: the operator and storage it uses, the job, its resources and its state handling. */
export interface FlinkJobArgs {
    /** The operator that runs the job: its namespaces, version and readiness. A {@link FlinkOperator} or a hand-built reference. Required. */
    operator: FlinkOperatorRef;
    /** The landing zone: state goes under its checkpoint area, one prefix per job. Required. */
    storage: Storage;
    /** The exact Flink version inside the image (`1.20.3`, `2.1.0`): picks config key names, `spec.flinkVersion` and the S3 plugin jar. Required. */
    flinkVersion: string;
    /** The job jar: `local:///opt/flink/...` inside the image, or `s3://...` / `https://...`. Required. */
    jarUri: string;
    /** Main class, when the jar's manifest names none. Default: the manifest's. */
    entryClass?: string;
    /** Program arguments. Default: none. */
    args?: pulumi.Input<string>[];
    /** Container image, which must contain Flink `flinkVersion`. Default: `flink:<flinkVersion>-java17`. */
    image?: pulumi.Input<string>;
    /** Namespace, one the operator watches. Default: the operator's first job namespace. */
    namespace?: string;
    /** Name of the FlinkDeployment (at most 45 characters, `[a-z]([-a-z0-9]*[a-z0-9])?`); also the job's state prefix. Default: the component name. */
    deploymentName?: string;
    /** Job parallelism. Default: 2. */
    parallelism?: number;
    /** `pipeline.max-parallelism`: the number of key groups, fixed for the life of the state. Default: 720 (divisible by 1-6, 8-10, 12, 15, ...; even rescaling). */
    maxParallelism?: number;
    /** Task slots per TaskManager. Default: 2. */
    taskSlots?: number;
    /** JobManager resources. Default: 0.5 CPU, `1600m`, 1 replica. */
    jobManager?: FlinkProcessResources;
    /** TaskManager resources. Default: 1 CPU, `2048m`, count derived from parallelism / slots. */
    taskManager?: FlinkProcessResources;
    /** How state is carried across upgrades. Default: `savepoint`. */
    upgradeMode?: UpgradeMode;
    /** Exactly-once checkpoint interval in seconds (1 to 86400). Default: 60. */
    checkpointIntervalSeconds?: number;
    /** Completed checkpoints kept. Default: 3. */
    retainedCheckpoints?: number;
    /** Whole hours between periodic savepoints; 0 turns them off. Default: 6. */
    savepointIntervalHours?: number;
    /** Savepoint (or retained checkpoint) to start from on the FlinkDeployment's first deployment, inside the landing zone's checkpoint area. Default: none (empty state). */
    initialSavepointPath?: string;
    /** `suspended` stops the job (with a savepoint in savepoint mode) and keeps its state; `running` starts it again from there. Default: `running`. */
    state?: "running" | "suspended";
    /** Change this number to take a savepoint now (the operator triggers one per new value). Default: none. */
    savepointTriggerNonce?: number;
    /** Start even if the savepoint holds state no operator claims. Default: false. */
    allowNonRestoredState?: boolean;
    /** Kubernetes high availability (leader election and job metadata in ConfigMaps, files in the state prefix). Needed for last-state upgrades and more than one JobManager. Default: true. */
    highAvailability?: boolean;
    /** Turn on the Flink autoscaler (with the adaptive scheduler), with `true` for its defaults or the settings. Default: off. */
    autoscaler?: boolean | FlinkAutoscalerArgs;
    /** The job writes files to S3 (FileSink, table filesystem connector): loads the Hadoop S3 plugin instead of Presto. Default: false. */
    writesFilesToS3?: boolean;
    /** Landing-zone locations the job reads or writes, beyond its own state. Default: none. */
    storageAccess?: FlinkStorageGrant[];
    /** Kafka the job uses; also exported to the containers as `KAFKA_BOOTSTRAP_SERVERS`. Default: none. */
    kafka?: FlinkKafkaAccess;
    /** How pods get AWS credentials. Default: `irsa`. */
    identity?: WorkloadIdentityMode;
    /** Extra environment variables of the Flink containers. Default: none. */
    env?: Record<string, pulumi.Input<string>>;
    /** Extra Flink configuration, string values. Keys FlinkJob sets itself, keys the operator forbids and keys spelled for another Flink version are rejected. Default: none. */
    flinkConfiguration?: Record<string, pulumi.Input<string>>;
    /** Port of the Prometheus metrics reporter on every Flink pod. Default: 9249. */
    metricsPort?: number;
    /** Protect the FlinkDeployment (its running state) from `pulumi destroy` and replacement. Default: true. */
    protect?: boolean;
    /**
     * Let a change of namespace, name or state prefix through without a savepoint to start from.
     * The job then starts with empty state. For throwaway dev stacks. Default: false.
     */
    allowStateReset?: boolean;
    /** Labels added to the Kubernetes objects. Default: none. */
    labels?: Record<string, string>;
    /** Tags added to the IAM role. Default: none. */
    tags?: Record<string, string>;
}

export interface FlinkJobSettings {
    name: string;
    namespace: string;
    deploymentName: string;
    version: FlinkVersion | undefined;
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
    kafka: FlinkKafkaAccess | undefined;
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

export function resolveFlinkJobSettings(name: string, args: FlinkJobArgs): FlinkJobSettings {
    const namespace = args.namespace ?? args.operator.jobNamespaces[0] ?? "";
    const deploymentName = args.deploymentName ?? name;
    const maxParallelism = args.maxParallelism ?? 720;
    const autoscaler =
        args.autoscaler === undefined || args.autoscaler === false
            ? undefined
            : {
                  utilizationTarget: 0.7,
                  minParallelism: 1,
                  maxParallelism,
                  metricsWindowMinutes: 10,
                  stabilizationMinutes: 5,
                  ...(args.autoscaler === true ? {} : args.autoscaler),
              };
    const upgradeMode = args.upgradeMode ?? "savepoint";
    return {
        name,
        namespace,
        deploymentName,
        version: parseFlinkVersion(args.flinkVersion),
        flinkVersion: args.flinkVersion,
        image: args.image ?? defaultFlinkImage(args.flinkVersion),
        jarUri: args.jarUri,
        entryClass: args.entryClass,
        args: args.args ?? [],
        parallelism: args.parallelism ?? 2,
        maxParallelism,
        taskSlots: args.taskSlots ?? 2,
        jobManager: {
            cpu: args.jobManager?.cpu ?? 0.5,
            memory: args.jobManager?.memory ?? "1600m",
            replicas: args.jobManager?.replicas ?? 1,
        },
        taskManager: { cpu: args.taskManager?.cpu ?? 1, memory: args.taskManager?.memory ?? "2048m", replicas: args.taskManager?.replicas },
        upgradeMode,
        stateful: upgradeMode !== "stateless",
        checkpointIntervalSeconds: args.checkpointIntervalSeconds ?? 60,
        retainedCheckpoints: args.retainedCheckpoints ?? 3,
        savepointIntervalHours: args.savepointIntervalHours ?? 6,
        initialSavepointPath: args.initialSavepointPath,
        state: args.state ?? "running",
        savepointTriggerNonce: args.savepointTriggerNonce,
        allowNonRestoredState: args.allowNonRestoredState ?? false,
        highAvailability: args.highAvailability ?? true,
        autoscaler,
        s3Plugin: args.writesFilesToS3 ? "hadoop" : "presto",
        storageAccess: args.storageAccess ?? [],
        kafka: args.kafka,
        identity: args.identity ?? "irsa",
        env: args.env ?? {},
        flinkConfiguration: args.flinkConfiguration ?? {},
        metricsPort: args.metricsPort ?? 9249,
        protect: args.protect ?? true,
        allowStateReset: args.allowStateReset ?? false,
        labels: args.labels ?? {},
        tags: args.tags ?? {},
        statePath: `${namespace}/${deploymentName}`,
    };
}
