import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { requirePeer } from "../../core/optional-peers";
import { KafkaConnection, KubernetesTarget, Storage } from "../../core/contracts";
import { k8sLabels } from "../../core/tags";
import { KafkaStreamsApp, KafkaStreamsAppArgs, KafkaTopic, KafkaTopics } from "../../kafka";
import { FlinkJob, FlinkJobArgs, FlinkOperator, FlinkOperatorRef } from "../../flink";
import { KappaSettings, KappaVersionSettings } from "./kappa-args";
import { TOLERABLE_FAILED_CHECKPOINTS, jobEnvironment, minPauseSeconds } from "./exactly-once";

/** Kubernetes labels of every workload of a Kappa architecture. */
export const KAPPA_LABELS: Readonly<Record<string, string>> = { "spectrum/architecture": "kappa" };

/** What every version's args are built from. */
export interface KappaArgsContext {
    settings: KappaSettings;
    storage: Storage;
    connection: KafkaConnection;
    target: KubernetesTarget;
    /** Kubernetes labels shared by the architecture's workloads. */
    labels: Record<string, string>;
    storageClassName?: string;
    tags: Record<string, string>;
}

/** What every version's workload is built from. */
export interface KappaJobContext extends KappaArgsContext {
    /** The input topics, which every version reads. */
    inputs: KafkaTopics;
}

/** Labels that tell versions apart in `kubectl get -l`. */
function versionLabels(ctx: KappaArgsContext, ver: KappaVersionSettings): Record<string, string> {
    return { ...ctx.labels, "app.kubernetes.io/instance": ctx.settings.jobName, "app.kubernetes.io/version": ver.version };
}

/**
 * One version as a Flink job: its own FlinkDeployment, state prefix, IAM role (read the inputs,
 * write its own outputs and landing prefix, its own group and transactional ids), and exactly-once
 * checkpoints whose timing the sink's transaction timeout covers.
 */
export function flinkVersionJob(
    name: string,
    ctx: KappaJobContext,
    operator: FlinkOperator,
    ver: KappaVersionSettings,
    outputs: KafkaTopics | undefined,
    parent: pulumi.Resource,
): FlinkJob {
    // The job must not start before its topics exist (topic auto-creation is off): everything
    // FlinkJob creates waits for the operator's readiness, so the topics join it there.
    const ready: FlinkOperatorRef = {
        target: operator.target,
        version: operator.version,
        jobNamespaces: operator.jobNamespaces,
        readyResources: [...operator.readyResources, ctx.inputs, ...(outputs ? [outputs] : [])],
    };
    return new FlinkJob(name, flinkVersionJobArgs(ctx, ready, ver), { parent });
}

/**
 * The FlinkJob args of one version: its own FlinkDeployment, state prefix, access (read the inputs,
 * write its own outputs and landing prefix, its own group and transactional ids), and exactly-once
 * checkpoints whose timing the sink's transaction timeout covers.
 */
export function flinkVersionJobArgs(ctx: KappaArgsContext, operator: FlinkOperatorRef, ver: KappaVersionSettings): FlinkJobArgs {
    const s = ctx.settings;
    const n = ver.names;
    const landingUri = n.landing ? ctx.storage.uri(n.landing.area, n.landing.path) : undefined;
    // Transactions are only for Kafka outputs; files reach S3 exactly once through checkpoints alone.
    const writesKafka = Object.keys(n.outputTopics).length > 0;
    return {
        operator,
        storage: ctx.storage,
        flinkVersion: ver.flinkVersion,
        jarUri: ver.jarUri,
        entryClass: ver.entryClass,
        args: ver.args,
        ...(ver.image !== undefined ? { image: ver.image } : {}),
        deploymentName: n.workloadName,
        parallelism: ver.parallelism,
        taskSlots: s.flink.taskSlots,
        jobManager: { replicas: s.defaults.flinkJobManagerReplicas, ...s.flink.jobManager },
        taskManager: s.flink.taskManager,
        checkpointIntervalSeconds: s.checkpointIntervalSeconds,
        writesFilesToS3: n.landing !== undefined,
        storageAccess: n.landing ? [{ access: "write", area: n.landing.area, path: n.landing.path }] : [],
        kafka: {
            connection: ctx.connection,
            access: {
                readTopics: Object.keys(s.inputs),
                writeTopics: Object.values(n.outputTopics),
                consumerGroups: [n.consumerGroup],
                transactionalIds: writesKafka ? [`${n.transactionalIdPrefix}-*`] : [],
            },
        },
        identity: s.flink.identity,
        env: {
            ...jobEnvironment({
                names: n,
                inputTopics: Object.keys(s.inputs),
                startFrom: ver.startFrom,
                authMode: ctx.connection.authMode,
                ...(writesKafka ? { transactionTimeoutMs: s.transactionTimeoutMs } : {}),
            }),
            ...(landingUri ? { KAPPA_OUTPUT_URI: landingUri } : {}),
        },
        flinkConfiguration: {
            ...s.flink.flinkConfiguration,
            "execution.checkpointing.timeout": `${s.checkpointTimeoutSeconds} s`,
            "execution.checkpointing.min-pause": `${minPauseSeconds(s.checkpointIntervalSeconds)} s`,
            ...(writesKafka ? { [TOLERABLE_FAILED_CHECKPOINTS]: "0" } : {}),
        },
        protect: s.protect && !ver.retiring,
        labels: versionLabels(ctx, ver),
        tags: { ...ctx.tags, "spectrum:kappa-version": ver.version },
    };
}

/** The namespace Kafka Streams versions run in, enforcing the `restricted` Pod Security Standard their pods meet. */
export function streamsNamespace(name: string, ctx: KappaJobContext, parent: pulumi.Resource): k8s.core.v1.Namespace {
    const ns = ctx.settings.streams.namespace;
    const k8s = requirePeer("@pulumi/kubernetes", `KappaArchitecture "${name}"`);
    return new k8s.core.v1.Namespace(
        `${name}-streams-namespace`,
        {
            metadata: {
                name: ns,
                labels: {
                    ...k8sLabels(ns, "namespace", ctx.labels),
                    "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/enforce-version": "latest",
                },
            },
        },
        { parent, provider: ctx.target.provider },
    );
}

/**
 * One version as a Kafka Streams application: its own `application.id` (consumer group,
 * internal-topic and transactional-id prefix), exactly_once_v2, and an IAM role for exactly its
 * inputs, outputs and prefix.
 */
export function streamsVersionApp(
    name: string,
    ctx: KappaJobContext,
    ver: KappaVersionSettings,
    outputs: KafkaTopics | undefined,
    namespace: k8s.core.v1.Namespace | undefined,
    parent: pulumi.Resource,
): KafkaStreamsApp {
    const outputTopics: KafkaTopic[] = outputs ? Object.values(ver.names.outputTopics).map((t) => outputs.topics[t]) : [];
    const inputTopics = Object.keys(ctx.settings.inputs).map((t) => ctx.inputs.topics[t]);
    return new KafkaStreamsApp(name, streamsVersionAppArgs(ctx, ver, inputTopics, outputTopics), {
        parent,
        dependsOn: [ctx.inputs, ...(outputs ? [outputs] : []), ...(namespace ? [namespace] : [])],
    });
}

/**
 * The KafkaStreamsApp args of one version: its own `application.id` (consumer group, internal-topic
 * and transactional-id prefix), exactly_once_v2, and access to exactly its inputs, outputs and prefix.
 */
export function streamsVersionAppArgs(
    ctx: KappaArgsContext,
    ver: KappaVersionSettings,
    inputTopics: (KafkaTopic | string)[],
    outputTopics: (KafkaTopic | string)[],
): KafkaStreamsAppArgs {
    const s = ctx.settings;
    const st = s.streams;
    const n = ver.names;
    return {
        connection: ctx.connection,
        target: ctx.target,
        image: ver.image ?? "",
        inputTopics,
        outputTopics,
        applicationId: n.consumerGroup,
        kubernetesName: n.workloadName,
        namespace: st.namespace,
        replicas: ver.parallelism,
        threads: st.threads,
        stateful: st.stateful,
        // A standby needs a second pod to live on.
        ...(st.stateful ? { standbyReplicas: ver.parallelism > 1 ? 1 : 0 } : {}),
        processingGuarantee: "exactly_once_v2",
        replicationFactor: 3,
        // A new application.id has no committed offsets: this decides where the version starts.
        properties: { ...st.properties, "auto.offset.reset": typeof ver.startFrom === "string" ? ver.startFrom : "earliest" },
        stateStorage: {
            ...(st.stateStorageSize ? { size: st.stateStorageSize } : {}),
            ...(ctx.storageClassName ? { storageClassName: ctx.storageClassName } : {}),
        },
        ...(st.resources ? { resources: st.resources } : {}),
        env: jobEnvironment({
            names: n,
            inputTopics: Object.keys(s.inputs),
            startFrom: ver.startFrom,
            authMode: ctx.connection.authMode,
        }),
        identity: st.identity,
        protect: s.protect && !ver.retiring,
        labels: versionLabels(ctx, ver),
        tags: { ...ctx.tags, "spectrum:kappa-version": ver.version },
    };
}
