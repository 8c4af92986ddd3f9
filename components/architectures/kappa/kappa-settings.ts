import { Validator } from "../../core/errors";
import { WorkloadIdentityMode } from "../../core/workload-identity";
import { CleanupPolicy } from "../../kafka";
import { ArchitectureDefaults, profileDefaults } from "../shared/profile";
import { ProcessorRecommendation, recommendProcessor } from "../shared/recommend-processor";
import { KappaArchitectureArgs, KappaFlinkOverrides, KappaProcessor, KappaStartFrom } from "./kappa-args";
import { KappaVersionNames, versionNames } from "./version-names";
import {
    DEFAULT_CHECKPOINT_INTERVAL_SECONDS,
    DEFAULT_CHECKPOINT_TIMEOUT_SECONDS,
    DEFAULT_TRANSACTION_TIMEOUT_MS,
    brokerTransactionMaxTimeoutMs,
} from "./exactly-once";

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
export function resolveKappaSettings(v: Validator, name: string, args: KappaArchitectureArgs): KappaSettings {
    const d = profileDefaults(v, args.profile);
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
