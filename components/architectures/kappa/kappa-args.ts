import { KubernetesTarget } from "../../core/contracts";
import { WorkloadIdentityMode } from "../../core/workload-identity";
import { CleanupPolicy } from "../../kafka";
import { FlinkOperatorArgs, FlinkProcessResources } from "../../flink";
import { ProcessingRequirements, ProcessorRecommendation, recommendProcessor } from "../shared/recommend-processor";
import { ArchitectureBaseArgs } from "../shared/lake-and-log";
import { ArchitectureDefaults } from "../shared/profile";
import { defaultsOf } from "../shared/profile-check";
import { KappaVersionNames, versionNames } from "./version-names";
import {
    DEFAULT_CHECKPOINT_INTERVAL_SECONDS,
    DEFAULT_CHECKPOINT_TIMEOUT_SECONDS,
    DEFAULT_TRANSACTION_TIMEOUT_MS,
    brokerTransactionMaxTimeoutMs,
} from "./exactly-once";

/** The stream processors a Kappa architecture runs. */
export type KappaProcessor = "flink" | "kafka-streams";

/**
 * Where a new version starts reading the input topics on its first start: the oldest retained
 * record (a full replay of the horizon), only new records, or the first record at or after an
 * instant (milliseconds since the epoch; Flink only). Later restarts resume from the job's own
 * checkpoints (Flink) or committed offsets (Kafka Streams), never from here.
 */
export type KappaStartFrom = "earliest" | "latest" | { timestampMs: number };

/** An input topic: part of the log of record, kept at least as long as the replay horizon. */
export interface KappaInputTopic {
    /** Partitions: the ceiling of the processor's parallelism; can grow, never shrink. Default: the profile's (dev 3, prod 12). */
    partitions?: number;
    /**
     * Total retention in days (on broker disks, plus the remote tier with tiered storage); -1 keeps
     * records forever. Must cover `replayHorizonDays`: a replay cannot read what the log dropped.
     * Default: `replayHorizonDays`.
     */
    retentionDays?: number;
    /**
     * With tiered storage only: days kept on broker disks before segments live only in the remote
     * tier; below `retentionDays`. MSK tiers only `delete`-policy topics. Default: 1 with tiered
     * storage and policy `delete`, unset otherwise.
     */
    localRetentionDays?: number;
    /** Cleanup policy. `compact` keeps the latest record per key forever (a table-like input; no retention check). Default: `"delete"`. */
    cleanupPolicy?: CleanupPolicy;
    /** Other topic-level configs (`max.message.bytes`, `compression.type`, ...), checked by KafkaTopic. Default: none. */
    config?: Record<string, string>;
}

/** An output topic, created once per version as `<name>.<version>`. */
export interface KappaOutputTopic {
    /** Partitions. Default: the profile's (dev 3, prod 12). */
    partitions?: number;
    /** Retention in days; -1 forever. Outputs can be recomputed by a replay, so no horizon check. Default: the profile's (dev 3, prod 7). */
    retentionDays?: number;
    /** Cleanup policy (`compact` for a changelog of the latest result per key). Default: `"delete"`. */
    cleanupPolicy?: CleanupPolicy;
    /** Other topic-level configs. Default: none. */
    config?: Record<string, string>;
}

/** Results written to the landing zone, under one prefix per version: `<area>/<path>/<version>/`. */
export interface KappaLandingOutput {
    /** A zone of the landing zone (created if it is not among its zones). Default: `"curated"`. */
    area?: string;
    /** Path inside the zone. Default: the job name. */
    path?: string;
}

/**
 * One version of the stream job. Each version runs as its own job with its own consumer group
 * (Kafka Streams `application.id`), transactional ids, state, IAM role, output topics
 * `<output>.<version>` and landing-zone prefix, so a new version replays the log beside the
 * live one without touching it.
 */
export interface KappaJobVersion {
    /** Version name: 1-12 lowercase letters and digits (`v1`, `v2`, `2026q3`). Required. */
    version: string;
    /** Where the version starts reading on its first start. Default: `"earliest"` (replay the whole horizon). */
    startFrom?: KappaStartFrom;
    /** Container image. Flink: must contain Flink `flinkVersion`; Kafka Streams: required, pinned by tag or digest. Default (Flink): `flink:<flinkVersion>-java17`. */
    image?: string;
    /** Flink only: the job jar. Default: the Flink image's bundled `StateMachineExample` (a smoke test that reads no topic; see the README). */
    jarUri?: string;
    /** Flink only: main class, when the jar's manifest names none. Default: the manifest's. */
    entryClass?: string;
    /** Flink only: program arguments. Default: none. */
    args?: string[];
    /** Flink only: the exact Flink version inside the image. Default: `flink.version` (1.20.3). */
    flinkVersion?: string;
    /** Flink subtasks, or Kafka Streams pods. Default: the profile's `streamParallelism` (dev 1, prod 3). */
    parallelism?: number;
    /**
     * Lifts protection from this version's job and output topics so that removing it from
     * `versions` deletes them (step 3 of the retirement runbook in a protected stack). The live
     * version cannot be retiring. Default: false.
     */
    retiring?: boolean;
}

/** Flink settings shared by every version. */
export interface KappaFlinkOverrides {
    /** Default Flink version of the versions (exact, as in the image). Default: `"1.20.3"`. */
    version?: string;
    /** FlinkOperator overrides (namespace, job namespaces, cert-manager, ...). Default: the operator's, with the profile's replicas (dev 1, prod 2). */
    operator?: Omit<FlinkOperatorArgs, "target">;
    /** Exactly-once checkpoint interval, seconds: also how often output transactions commit (the latency consumers see). Default: 60. */
    checkpointIntervalSeconds?: number;
    /** Checkpoint timeout, seconds. With output topics, the longer of the interval and timeout plus half the interval (the pause after a checkpoint), plus the timeout, must stay below `transactionTimeoutMs`. Default: 300. */
    checkpointTimeoutSeconds?: number;
    /** Task slots per TaskManager. Default: 2. */
    taskSlots?: number;
    /** JobManager resources. Default: FlinkJob's (0.5 CPU, 1600m) with the profile's replicas (dev 1, prod 2). */
    jobManager?: FlinkProcessResources;
    /** TaskManager resources. Default: FlinkJob's (1 CPU, 2048m). */
    taskManager?: FlinkProcessResources;
    /** How job pods get AWS credentials. Default: `"irsa"`. */
    identity?: WorkloadIdentityMode;
    /** Extra Flink configuration (tuning keys; FlinkJob refuses the keys it owns, and with output topics the architecture sets `execution.checkpointing.tolerable-failed-checkpoints` to 0). Default: none. */
    flinkConfiguration?: Record<string, string>;
}

/** Kafka Streams settings shared by every version. */
export interface KappaStreamsOverrides {
    /** Namespace of the apps. Default: `"kappa"`. */
    namespace?: string;
    /** Create the namespace (Pod Security Standard `restricted`). Default: true. */
    createNamespace?: boolean;
    /** The topology has state stores (volumes and standbys). Default: true. */
    stateful?: boolean;
    /** `num.stream.threads` per pod. Default: 1. */
    threads?: number;
    /** State volume per pod. Default: 10Gi on `storageClassName` (or the cluster default). */
    stateStorageSize?: string;
    /** Container resources. Default: KafkaStreamsApp's (500m/2Gi requests, 2/2Gi limits). */
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    /** How pods get AWS credentials. Default: `"irsa"`. */
    identity?: WorkloadIdentityMode;
    /** Extra Streams properties (not those set from arguments). Default: none. */
    properties?: Record<string, string>;
}

/** Arguments of {@link KappaArchitecture}: the base arguments, the input topics, the job versions and which one is live. */
export interface KappaArchitectureArgs extends ArchitectureBaseArgs {
    /** The Kubernetes cluster the stream jobs run on (`PlatformCluster.target`). Required. */
    target: KubernetesTarget;
    /** Storage class for Kafka Streams state volumes. Default: the cluster's default class. */
    storageClassName?: string;
    /** The stream processor, or `auto` to let `recommendProcessor(requirements)` pick between Flink and Kafka Streams. Default: `"flink"`. */
    processor?: KappaProcessor | "auto";
    /** What the workload needs, for `processor: "auto"`. Default: none (required with auto). */
    requirements?: ProcessingRequirements;
    /** Name of the job: prefix of deployment names, consumer groups and transactional ids (`<jobName>-<version>`); lowercase, at most 32. Default: the component name. */
    jobName?: string;
    /** How far back a new version must be able to replay, in days: every input topic keeps at least this much. Default: the profile's topic retention (dev 3, prod 7). */
    replayHorizonDays?: number;
    /** The log of record: input topics, keyed by topic name. Default: `{ events: {} }`. */
    inputTopics?: Record<string, KappaInputTopic>;
    /** Output topics, keyed by base name; each version writes `<name>.<version>`. Default: `{ results: {} }` (set `{}` to write only to the landing zone). */
    outputTopics?: Record<string, KappaOutputTopic>;
    /** Also (or only) write results to the landing zone, one prefix per version. Flink only. Default: off. */
    landingOutput?: KappaLandingOutput;
    /** The versions of the job that run, each beside the others. Default: `[{ version: "v1" }]`. */
    versions?: KappaJobVersion[];
    /** The version consumers read (the live pointer and `liveOutputs`); flip it to cut over. Default: the first version. */
    live?: string;
    /**
     * Kafka transaction timeout of the Flink exactly-once sink, ms: above the longest a transaction
     * stays open (until the next checkpoint completes: 630000 with the default checkpoint timing;
     * see the README), at most the brokers' `transaction.max.timeout.ms` (900000 unless
     * `kafka.serverProperties` raises it). Default: 900000.
     */
    transactionTimeoutMs?: number;
    /** SSM parameter holding the live pointer. Default: `/spectrum/<project>/<stack>/<name>/live`. */
    liveParameterName?: string;
    /** Flink settings. Default: see KappaFlinkOverrides. */
    flink?: KappaFlinkOverrides;
    /** Kafka Streams settings. Default: see KappaStreamsOverrides. */
    streams?: KappaStreamsOverrides;
    /** Protect topics and jobs (and, unless their own overrides say otherwise, the landing zone and Kafka cluster). Default: the profile's (dev false, prod true). */
    protect?: boolean;
}

export const DEFAULT_KAPPA_FLINK_VERSION = "1.20.3";
/** Shipped in every official Flink image: a state machine over generated events (reads no topic), so the stack runs before any job code exists. */
export const BUNDLED_EXAMPLE_JAR = "local:///opt/flink/examples/streaming/StateMachineExample.jar";
export const DEFAULT_LANDING_AREA = "curated";
export const DEFAULT_STREAMS_NAMESPACE = "kappa";
/** With tiered storage, a day on broker disks serves consumers that keep up; replays read the remote tier. */
export const DEFAULT_LOCAL_RETENTION_DAYS = 1;

export interface KappaInputSettings {
    partitions: number;
    retentionDays: number | undefined;
    localRetentionDays: number | undefined;
    cleanupPolicy: CleanupPolicy;
    config: Record<string, string>;
}

export interface KappaOutputSettings {
    partitions: number;
    retentionDays: number | undefined;
    cleanupPolicy: CleanupPolicy;
    config: Record<string, string>;
}

export interface KappaVersionSettings {
    version: string;
    startFrom: KappaStartFrom;
    image: string | undefined;
    jarUri: string;
    entryClass: string | undefined;
    args: string[];
    flinkVersion: string;
    parallelism: number;
    retiring: boolean;
    names: KappaVersionNames;
}

export interface KappaSettings {
    defaults: ArchitectureDefaults;
    /** What was asked for. */
    requested: KappaProcessor | "auto";
    /** What runs; undefined when `auto` recommended a processor Kappa does not run (validation reports it). */
    processor: KappaProcessor | undefined;
    recommendation: ProcessorRecommendation | undefined;
    jobName: string;
    horizonDays: number;
    tieredStorage: boolean;
    inputs: Record<string, KappaInputSettings>;
    outputs: Record<string, KappaOutputSettings>;
    landing: { area: string; path: string } | undefined;
    versions: KappaVersionSettings[];
    live: string;
    transactionTimeoutMs: number;
    brokerTransactionMaxTimeoutMs: number;
    checkpointIntervalSeconds: number;
    checkpointTimeoutSeconds: number;
    flink: Omit<KappaFlinkOverrides, "version" | "checkpointIntervalSeconds" | "checkpointTimeoutSeconds">;
    streams: {
        namespace: string;
        createNamespace: boolean;
        stateful: boolean;
        threads: number;
        stateStorageSize: string | undefined;
        resources: { requests?: Record<string, string>; limits?: Record<string, string> } | undefined;
        identity: WorkloadIdentityMode;
        properties: Record<string, string>;
    };
    protect: boolean;
}

const KAPPA_PROCESSORS: readonly string[] = ["flink", "kafka-streams"];

/** The processor that runs: the one asked for, or the recommendation for `auto` when Kappa can run it. */
function chooseProcessor(args: KappaArchitectureArgs): Pick<KappaSettings, "requested" | "processor" | "recommendation"> {
    const requested = args.processor ?? "flink";
    if (requested !== "auto")
        return { requested, processor: KAPPA_PROCESSORS.includes(requested) ? requested : undefined, recommendation: undefined };
    if (args.requirements === undefined) return { requested, processor: undefined, recommendation: undefined };
    const recommendation = recommendProcessor(args.requirements);
    const picked = recommendation.processor;
    return { requested, processor: KAPPA_PROCESSORS.includes(picked) ? (picked as KappaProcessor) : undefined, recommendation };
}

/** Resolves every default once; the rest of the architecture reads only this. */
export function resolveKappaSettings(name: string, args: KappaArchitectureArgs): KappaSettings {
    const d = defaultsOf(args.profile);
    const jobName = args.jobName ?? name;
    const horizonDays = args.replayHorizonDays ?? d.topicRetentionDays;
    const tieredStorage = args.kafka?.tieredStorage ?? false;
    const flinkVersion = args.flink?.version ?? DEFAULT_KAPPA_FLINK_VERSION;
    const landing = args.landingOutput
        ? { area: args.landingOutput.area ?? DEFAULT_LANDING_AREA, path: args.landingOutput.path ?? jobName }
        : undefined;
    const outputs: Record<string, KappaOutputSettings> = {};
    for (const [topic, o] of Object.entries(args.outputTopics ?? { results: {} })) {
        outputs[topic] = {
            partitions: o.partitions ?? d.topicPartitions,
            retentionDays: o.retentionDays ?? (o.cleanupPolicy === "compact" ? undefined : d.topicRetentionDays),
            cleanupPolicy: o.cleanupPolicy ?? "delete",
            config: o.config ?? {},
        };
    }
    const inputs: Record<string, KappaInputSettings> = {};
    for (const [topic, i] of Object.entries(args.inputTopics ?? { events: {} })) {
        const policy = i.cleanupPolicy ?? "delete";
        const deletes = policy !== "compact";
        inputs[topic] = {
            partitions: i.partitions ?? d.topicPartitions,
            retentionDays: i.retentionDays ?? (deletes ? horizonDays : undefined),
            // Only pure delete-policy topics can be tiered (compact and compact,delete stay on broker disks).
            localRetentionDays: i.localRetentionDays ?? (tieredStorage && policy === "delete" ? DEFAULT_LOCAL_RETENTION_DAYS : undefined),
            cleanupPolicy: i.cleanupPolicy ?? "delete",
            config: i.config ?? {},
        };
    }
    const versions: KappaVersionSettings[] = (args.versions ?? [{ version: "v1" }]).map((ver) => ({
        version: ver.version,
        startFrom: ver.startFrom ?? "earliest",
        image: ver.image,
        jarUri: ver.jarUri ?? BUNDLED_EXAMPLE_JAR,
        entryClass: ver.entryClass,
        args: ver.args ?? [],
        flinkVersion: ver.flinkVersion ?? flinkVersion,
        parallelism: ver.parallelism ?? d.streamParallelism,
        retiring: ver.retiring ?? false,
        names: versionNames(jobName, ver.version, Object.keys(outputs), landing),
    }));
    const f = args.flink ?? {};
    const st = args.streams ?? {};
    return {
        defaults: d,
        ...chooseProcessor(args),
        jobName,
        horizonDays,
        tieredStorage,
        inputs,
        outputs,
        landing,
        versions,
        live: args.live ?? versions[0]?.version ?? "",
        transactionTimeoutMs: args.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
        brokerTransactionMaxTimeoutMs: brokerTransactionMaxTimeoutMs(args.kafka?.serverProperties),
        checkpointIntervalSeconds: f.checkpointIntervalSeconds ?? DEFAULT_CHECKPOINT_INTERVAL_SECONDS,
        checkpointTimeoutSeconds: f.checkpointTimeoutSeconds ?? DEFAULT_CHECKPOINT_TIMEOUT_SECONDS,
        flink: {
            operator: f.operator,
            taskSlots: f.taskSlots,
            jobManager: f.jobManager,
            taskManager: f.taskManager,
            identity: f.identity,
            flinkConfiguration: f.flinkConfiguration,
        },
        streams: {
            namespace: st.namespace ?? DEFAULT_STREAMS_NAMESPACE,
            createNamespace: st.createNamespace ?? true,
            stateful: st.stateful ?? true,
            threads: st.threads ?? 1,
            stateStorageSize: st.stateStorageSize,
            resources: st.resources,
            identity: st.identity ?? "irsa",
            properties: st.properties ?? {},
        },
        protect: args.protect ?? d.protect,
    };
}
