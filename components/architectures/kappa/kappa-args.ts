import { v, strict, map, overridesOf, explain } from "../../core/schema";
import { kubernetesTarget } from "../../core/schema/contracts";
import { WorkloadIdentityMode } from "../../core/workload-identity";
import { CleanupPolicy } from "../../kafka";
import { topicSpecShape } from "../../kafka/topic-args";
import { kafkaStreamsAppShape } from "../../kafka/streams-app-args";
import { flinkOperatorShape } from "../../flink/operator-args";
import { flinkProcessResources } from "../../flink/job-args";
import { ProcessorRecommendation, processingRequirements, recommendProcessor } from "../shared/recommend-processor";
import { architectureBaseShape } from "../shared/base-args";
import { ArchitectureDefaults } from "../shared/profile";
import { defaultsOf } from "../shared/profile-check";
import { KappaVersionNames, versionNames } from "./version-names";
import {
    DEFAULT_CHECKPOINT_INTERVAL_SECONDS,
    DEFAULT_CHECKPOINT_TIMEOUT_SECONDS,
    DEFAULT_TRANSACTION_TIMEOUT_MS,
    brokerTransactionMaxTimeoutMs,
} from "./exactly-once";

export const KAPPA_COMPONENT = "KappaArchitecture";

/** The stream processors a Kappa architecture runs. */
export type KappaProcessor = "flink" | "kafka-streams";

/** A string, or a mapping checked against `mapping` alone, so a misspelt key in it is named (a plain union would not). */
function stringOr<const TMapping extends v.GenericSchema>(
    mapping: TMapping,
): v.UnionSchema<[v.StringSchema<undefined>, TMapping], undefined> {
    const schema = v.union([v.string(), mapping]);
    const run = schema["~run"].bind(schema);
    return Object.assign(schema, {
        "~run"(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
            const value = dataset.value;
            return value !== null && typeof value === "object" ? mapping["~run"](dataset, config) : run(dataset, config);
        },
    });
}

const WORKLOAD_IDENTITY_MODES = ["irsa", "pod-identity"] as const satisfies readonly WorkloadIdentityMode[];
const KAPPA_PROCESSOR_CHOICES = ["flink", "kafka-streams", "auto"] as const satisfies readonly (KappaProcessor | "auto")[];

/** The declaration of a start position given as an instant. */
export const startTimestampShape = {
    /** Milliseconds since the epoch: the version starts at the first record at or after it. Default: none (required). */
    timestampMs: v.number(),
};
/**
 * Where a new version starts reading the input topics on its first start: the oldest retained
 * record (a full replay of the horizon), only new records, or the first record at or after an
 * instant (milliseconds since the epoch; Flink only). Later restarts resume from the job's own
 * checkpoints (Flink) or committed offsets (Kafka Streams), never from here.
 */
export const kappaStartFrom = stringOr(strict(startTimestampShape));
/** Where a new version starts reading the input topics on its first start: `"earliest"`, `"latest"` or `{ timestampMs }`. */
export type KappaStartFrom = "earliest" | "latest" | { timestampMs: number };

/** The declaration of an input topic: part of the log of record, kept at least as long as the replay horizon. */
export const kappaInputTopicShape = {
    /** Partitions: the ceiling of the processor's parallelism; can grow, never shrink. Default: the profile's (dev 3, prod 12). */
    partitions: v.optional(v.number()),
    /**
     * Total retention in days (on broker disks, plus the remote tier with tiered storage); -1 keeps
     * records forever. Must cover `replayHorizonDays`: a replay cannot read what the log dropped.
     * Default: `replayHorizonDays`.
     */
    retentionDays: v.optional(v.number()),
    /**
     * With tiered storage only: days kept on broker disks before segments live only in the remote
     * tier; below `retentionDays`. MSK tiers only `delete`-policy topics. Default: 1 with tiered
     * storage and policy `delete`, unset otherwise.
     */
    localRetentionDays: v.optional(v.number()),
    /** Cleanup policy. `compact` keeps the latest record per key forever (a table-like input; no retention check). Default: `"delete"`. */
    cleanupPolicy: topicSpecShape.cleanupPolicy,
    /** Other topic-level configs (`max.message.bytes`, `compression.type`, ...), checked by KafkaTopic. Default: none. */
    config: v.optional(map(v.string(), v.string())),
};
/** The schema of {@link kappaInputTopicShape}. */
export const kappaInputTopic: v.StrictObjectSchema<typeof kappaInputTopicShape, undefined> = strict(kappaInputTopicShape);
/** An input topic: part of the log of record, kept at least as long as the replay horizon. */
export type KappaInputTopic = v.InferInput<typeof kappaInputTopic>;

/** The declaration of an output topic, created once per version as `<name>.<version>`. */
export const kappaOutputTopicShape = {
    /** Partitions. Default: the profile's (dev 3, prod 12). */
    partitions: v.optional(v.number()),
    /** Retention in days; -1 forever. Outputs can be recomputed by a replay, so no horizon check. Default: the profile's (dev 3, prod 7). */
    retentionDays: v.optional(v.number()),
    /** Cleanup policy (`compact` for a changelog of the latest result per key). Default: `"delete"`. */
    cleanupPolicy: topicSpecShape.cleanupPolicy,
    /** Other topic-level configs. Default: none. */
    config: v.optional(map(v.string(), v.string())),
};
/** The schema of {@link kappaOutputTopicShape}. */
export const kappaOutputTopic: v.StrictObjectSchema<typeof kappaOutputTopicShape, undefined> = strict(kappaOutputTopicShape);
/** An output topic, created once per version as `<name>.<version>`. */
export type KappaOutputTopic = v.InferInput<typeof kappaOutputTopic>;

/** The declaration of results written to the landing zone, under one prefix per version: `<area>/<path>/<version>/`. */
export const kappaLandingOutputShape = {
    /** A zone of the landing zone (created if it is not among its zones). Default: `"curated"`. */
    area: v.optional(v.string()),
    /** Path inside the zone. Default: the job name. */
    path: v.optional(v.string()),
};
/** The schema of {@link kappaLandingOutputShape}. */
export const kappaLandingOutput: v.StrictObjectSchema<typeof kappaLandingOutputShape, undefined> = strict(kappaLandingOutputShape);
/** Results written to the landing zone, under one prefix per version: `<area>/<path>/<version>/`. */
export type KappaLandingOutput = v.InferInput<typeof kappaLandingOutput>;

/**
 * The declaration of one version of the stream job. Each version runs as its own job with its own
 * consumer group (Kafka Streams `application.id`), transactional ids, state, IAM role, output topics
 * `<output>.<version>` and landing-zone prefix, so a new version replays the log beside the live
 * one without touching it.
 */
export const kappaJobVersionShape = {
    /** Version name: 1-12 lowercase letters and digits (`v1`, `v2`, `2026q3`). Default: none (required). */
    version: v.string(),
    /** Where the version starts reading on its first start: `"earliest"`, `"latest"` or `{ timestampMs }` (Flink only). Default: `"earliest"` (replay the whole horizon). */
    startFrom: v.optional(kappaStartFrom),
    /** Container image. Flink: must contain Flink `flinkVersion`; Kafka Streams: required, pinned by tag or digest. Default: `flink:<flinkVersion>-java17` for Flink, none for Kafka Streams. */
    image: v.optional(v.string()),
    /** Flink only: the job jar. Default: the Flink image's bundled `StateMachineExample` (a smoke test that reads no topic; see the README). */
    jarUri: v.optional(v.string()),
    /** Flink only: main class, when the jar's manifest names none. Default: the manifest's. */
    entryClass: v.optional(v.string()),
    /** Flink only: program arguments. Default: none. */
    args: v.optional(v.array(v.string())),
    /** Flink only: the exact Flink version inside the image. Default: `flink.version` (1.20.3). */
    flinkVersion: v.optional(v.string()),
    /** Flink subtasks, or Kafka Streams pods. Default: the profile's `streamParallelism` (dev 1, prod 3). */
    parallelism: v.optional(v.number()),
    /**
     * Lifts protection from this version's job and output topics so that removing it from
     * `versions` deletes them (step 3 of the retirement runbook in a protected stack). The live
     * version cannot be retiring. Default: false.
     */
    retiring: v.optional(v.boolean()),
};
/** The schema of {@link kappaJobVersionShape}. */
export const kappaJobVersion: v.StrictObjectSchema<typeof kappaJobVersionShape, undefined> = strict(kappaJobVersionShape);
/** One version of the stream job, running beside the others with its own group, state and outputs. */
export type KappaJobVersion = v.InferInput<typeof kappaJobVersion>;

/** The declaration of the Flink settings shared by every version. */
export const kappaFlinkShape = {
    /** Default Flink version of the versions (exact, as in the image). Default: `"1.20.3"`. */
    version: v.optional(v.string()),
    /** FlinkOperator overrides (namespace, job namespaces, cert-manager, ...): FlinkOperator's args less `target`. Default: the operator's, with the profile's replicas (dev 1, prod 2). */
    operator: v.optional(strict(overridesOf(flinkOperatorShape, ["target"]))),
    /** Exactly-once checkpoint interval, seconds: also how often output transactions commit (the latency consumers see). Default: 60. */
    checkpointIntervalSeconds: v.optional(v.number()),
    /** Checkpoint timeout, seconds. With output topics, the longer of the interval and timeout plus half the interval (the pause after a checkpoint), plus the timeout, must stay below `transactionTimeoutMs`. Default: 300. */
    checkpointTimeoutSeconds: v.optional(v.number()),
    /** Task slots per TaskManager. Default: 2. */
    taskSlots: v.optional(v.number()),
    /** JobManager resources. Default: FlinkJob's (0.5 CPU, 1600m) with the profile's replicas (dev 1, prod 2). */
    jobManager: v.optional(flinkProcessResources),
    /** TaskManager resources. Default: FlinkJob's (1 CPU, 2048m). */
    taskManager: v.optional(flinkProcessResources),
    /** How job pods get AWS credentials. Default: `"irsa"`. */
    identity: v.optional(v.picklist(WORKLOAD_IDENTITY_MODES)),
    /** Extra Flink configuration (tuning keys; FlinkJob refuses the keys it owns, and with output topics the architecture sets `execution.checkpointing.tolerable-failed-checkpoints` to 0). Default: none. */
    flinkConfiguration: v.optional(map(v.string(), v.string())),
};
/** The schema of {@link kappaFlinkShape}. */
export const kappaFlink: v.StrictObjectSchema<typeof kappaFlinkShape, undefined> = strict(kappaFlinkShape);
/** Flink settings shared by every version. */
export type KappaFlinkOverrides = v.InferInput<typeof kappaFlink>;

/** The declaration of the Kafka Streams settings shared by every version. */
export const kappaStreamsShape = {
    /** Namespace of the apps. Default: `"kappa"`. */
    namespace: v.optional(v.string()),
    /** Create the namespace (Pod Security Standard `restricted`). Default: true. */
    createNamespace: v.optional(v.boolean()),
    /** The topology has state stores (volumes and standbys). Default: true. */
    stateful: v.optional(v.boolean()),
    /** `num.stream.threads` per pod. Default: 1. */
    threads: v.optional(v.number()),
    /** State volume per pod. Default: 10Gi on `storageClassName` (or the cluster default). */
    stateStorageSize: v.optional(v.string()),
    /** Container resources (`requests` and `limits`, each a map of resource to quantity). Default: KafkaStreamsApp's (500m/2Gi requests, 2/2Gi limits). */
    resources: v.optional(kafkaStreamsAppShape.resources.wrapped),
    /** How pods get AWS credentials. Default: `"irsa"`. */
    identity: v.optional(v.picklist(WORKLOAD_IDENTITY_MODES)),
    /** Extra Streams properties (not those set from arguments). Default: none. */
    properties: v.optional(map(v.string(), v.string())),
};
/** The schema of {@link kappaStreamsShape}. */
export const kappaStreams: v.StrictObjectSchema<typeof kappaStreamsShape, undefined> = strict(kappaStreamsShape);
/** Kafka Streams settings shared by every version. */
export type KappaStreamsOverrides = v.InferInput<typeof kappaStreams>;

/** The declaration of {@link KappaArchitecture}'s args: the base arguments, the input topics, the job versions and which one is live. */
export const kappaArchitectureShape = {
    ...architectureBaseShape,
    /** The Kubernetes cluster the stream jobs run on (`PlatformCluster.target`). Default: none (required). */
    target: kubernetesTarget,
    /** Storage class for Kafka Streams state volumes. Default: the cluster's default class. */
    storageClassName: v.optional(v.string()),
    /** The stream processor, or `auto` to let `recommendProcessor(requirements)` pick between Flink and Kafka Streams. Default: `"flink"`. */
    processor: v.optional(
        v.picklist(
            KAPPA_PROCESSOR_CHOICES,
            explain("not a processor the Kappa architecture runs", 'Use "flink", "kafka-streams" or "auto"'),
        ),
    ),
    /** What the workload needs, for `processor: "auto"`. Default: none (required with auto). */
    requirements: v.optional(processingRequirements),
    /** Name of the job: prefix of deployment names, consumer groups and transactional ids (`<jobName>-<version>`); lowercase, at most 32. Default: the component name. */
    jobName: v.optional(v.string()),
    /** How far back a new version must be able to replay, in days: every input topic keeps at least this much. Default: the profile's topic retention (dev 3, prod 7). */
    replayHorizonDays: v.optional(v.number()),
    /** The log of record: input topics, keyed by topic name. Default: `{ events: {} }`. */
    inputTopics: v.optional(map(v.string(), kappaInputTopic)),
    /** Output topics, keyed by base name; each version writes `<name>.<version>`. Default: `{ results: {} }` (set `{}` to write only to the landing zone). */
    outputTopics: v.optional(map(v.string(), kappaOutputTopic)),
    /** Also (or only) write results to the landing zone, one prefix per version. Flink only. Default: off. */
    landingOutput: v.optional(kappaLandingOutput),
    /** The versions of the job that run, each beside the others. Default: `[{ version: "v1" }]`. */
    versions: v.optional(v.array(kappaJobVersion)),
    /** The version consumers read (the live pointer and `liveOutputs`); flip it to cut over. Default: the first version. */
    live: v.optional(v.string()),
    /**
     * Kafka transaction timeout of the Flink exactly-once sink, ms: above the longest a transaction
     * stays open (until the next checkpoint completes: 630000 with the default checkpoint timing;
     * see the README), at most the brokers' `transaction.max.timeout.ms` (900000 unless
     * `kafka.serverProperties` raises it). Default: 900000.
     */
    transactionTimeoutMs: v.optional(v.number()),
    /** SSM parameter holding the live pointer. Default: `/spectrum/<project>/<stack>/<name>/live`. */
    liveParameterName: v.optional(v.string()),
    /** Flink settings. Default: see KappaFlinkOverrides. */
    flink: v.optional(kappaFlink),
    /** Kafka Streams settings. Default: see KappaStreamsOverrides. */
    streams: v.optional(kappaStreams),
    /** Protect topics and jobs (and, unless their own overrides say otherwise, the landing zone and Kafka cluster). Default: the profile's (dev false, prod true). */
    protect: v.optional(v.boolean()),
};
/** The schema of {@link kappaArchitectureShape}. */
export const kappaArchitectureArgs: v.StrictObjectSchema<typeof kappaArchitectureShape, undefined> = strict(kappaArchitectureShape);
/** Arguments of {@link KappaArchitecture}: the base arguments, the input topics, the job versions and which one is live. */
export type KappaArchitectureArgs = v.InferInput<typeof kappaArchitectureArgs>;

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
        resources: KappaStreamsOverrides["resources"];
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
        // A string other than earliest or latest is reported by validation.
        startFrom: (ver.startFrom ?? "earliest") as KappaStartFrom,
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
