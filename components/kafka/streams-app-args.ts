import type * as k8s from "@pulumi/kubernetes";
import { KafkaConnection, KubernetesTarget } from "../core/contracts";
import { WorkloadIdentityMode } from "../core/workload-identity";

/** A topic the app reads or writes: a `KafkaTopic` (its partitions are then known) or a name. */
export type StreamsTopicRef = string | { readonly topicName: string; readonly partitions?: number };

/** Kafka Streams processing guarantees (the older exactly-once values are gone in Kafka 4). */
export type ProcessingGuarantee = "exactly_once_v2" | "at_least_once";

/** Health checks of a Kafka Streams app's pods. */
export interface StreamsHealthArgs {
    /** Port of the app's HTTP health endpoints. Default: 8080. */
    port?: number;
    /** Path that fails only when the Streams state is ERROR or NOT_RUNNING (liveness and startup). Default: `"/health/liveness"`. */
    livenessPath?: string;
    /** Path that succeeds only when the Streams state is RUNNING (readiness). Default: `"/health/readiness"`. */
    readinessPath?: string;
    /** Time allowed to start, including state restore from changelogs, before Kubernetes restarts the pod. Default: 1800 (30 min). */
    startupTimeoutSeconds?: number;
}

/** Lag-based autoscaling of a Kafka Streams app through KEDA. */
export interface StreamsAutoscalingArgs {
    /** Most replicas KEDA may run. Required. */
    maxReplicas: number;
    /** Fewest replicas; at least 1 (a Streams app is never scaled to zero). Default: `replicas`. */
    minReplicas?: number;
    /** Consumer lag per replica that triggers a scale-out. Default: 1000. */
    lagThreshold?: number;
    /** Seconds between lag checks. Default: 30. */
    pollingIntervalSeconds?: number;
    /**
     * Seconds the lag must stay above `lagThreshold` before KEDA adds pods: the HPA's scale-up
     * stabilization window. Pods are never removed on lag (see the README), so a short bump (a
     * rolling restart, a broker failover) must not add one. Default: 300.
     */
    scaleOutAfterSeconds?: number;
    /** Namespace KEDA runs in. Default: `"keda"`. */
    kedaNamespace?: string;
    /** KEDA operator's service account (for IAM: the role created for the lag check trusts it through IRSA). Default: `"keda-operator"`. */
    kedaServiceAccount?: string;
}

/** Arguments of {@link KafkaStreamsApp}: the cluster and Kubernetes target, the image, its topics, and how it runs. */
export interface KafkaStreamsAppArgs {
    /** The Kafka cluster. Required. */
    connection: KafkaConnection;
    /** The Kubernetes cluster. Required. */
    target: KubernetesTarget;
    /** Container image with a tag or digest (not `:latest`). Required. */
    image: string;
    /** Topics the app consumes (at least one). Required. */
    inputTopics: StreamsTopicRef[];
    /** Topics the app produces to. Default: none. */
    outputTopics?: StreamsTopicRef[];
    /** Kafka Streams `application.id`: the consumer group and the prefix of internal topics and transactional ids. Default: the component name. */
    applicationId?: string;
    /** Name of the Kubernetes objects (DNS label, at most 52 characters). Default: the component name. */
    kubernetesName?: string;
    /** Namespace (must exist). Default: `"default"`. */
    namespace?: string;
    /** Pods. Default: 2 (room for a standby of every stateful task). */
    replicas?: number;
    /** `num.stream.threads` per pod. Default: 1. */
    threads?: number;
    /** Whether the topology has state stores: adds a volume per pod and standby replicas. Default: true. */
    stateful?: boolean;
    /** `num.standby.replicas`. Default: 1 when stateful, 0 otherwise. */
    standbyReplicas?: number;
    /** `processing.guarantee`. Default: `"exactly_once_v2"`. */
    processingGuarantee?: ProcessingGuarantee;
    /** `replication.factor` of internal topics; exactly-once needs >= 3. Default: 3. */
    replicationFactor?: number;
    /** Extra Kafka Streams / client properties (not the ones set from other arguments). Default: none. */
    properties?: Record<string, string>;
    /** Volume per pod for `state.dir` (stateful apps). Default: 10Gi on the cluster's default storage class. */
    stateStorage?: { size?: string; storageClassName?: string };
    /** Container resources. Default: requests 500m CPU / 2Gi, limits 2 CPU / 2Gi. */
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    /** Health endpoints the probes call. Default: see StreamsHealthArgs. */
    health?: StreamsHealthArgs;
    /** Full probe overrides. Default: HTTP probes built from `health`. */
    probes?: {
        startup?: k8s.types.input.core.v1.Probe;
        liveness?: k8s.types.input.core.v1.Probe;
        readiness?: k8s.types.input.core.v1.Probe;
    };
    /** Timeout the app passes to `KafkaStreams.close` (given to it as an env var). Default: 60. */
    closeTimeoutSeconds?: number;
    /** Pod termination grace period; must exceed closeTimeoutSeconds. Default: closeTimeoutSeconds + 30. */
    terminationGracePeriodSeconds?: number;
    /** Extra environment variables. Default: none. */
    env?: Record<string, string>;
    /** How pods get AWS credentials for IAM auth. Default: `"irsa"`. */
    identity?: WorkloadIdentityMode;
    /** For SCRAM/TLS: the Kafka principal the ACLs name. Default: `User:<scram username>`; required for TLS (the certificate's principal). */
    aclPrincipal?: string;
    /** For SCRAM/TLS: the connection that creates the ACLs (an admin). Default: `connection`. */
    aclConnection?: KafkaConnection;
    /** Lag-based scale-out with a KEDA ScaledObject; scale-in is a planned step (lower `maxReplicas`). Default: off (fixed replicas). */
    autoscaling?: StreamsAutoscalingArgs;
    /** Pod user, group and fsGroup (non-root). Default: 1000. */
    runAsUser?: number;
    /** Keep state volumes when the StatefulSet is deleted or scaled in. Default: true. */
    protect?: boolean;
    /** Extra labels on every Kubernetes object. Default: none. */
    labels?: Record<string, string>;
    /** Extra AWS tags (IAM roles). Default: none. */
    tags?: Record<string, string>;
}

export interface TopicInfo {
    name: string;
    partitions?: number;
}

export interface KafkaStreamsSettings {
    connection: KafkaConnection;
    target: KubernetesTarget;
    image: string;
    inputs: TopicInfo[];
    outputs: TopicInfo[];
    applicationId: string;
    kubernetesName: string;
    namespace: string;
    replicas: number;
    threads: number;
    stateful: boolean;
    standbyReplicas: number;
    processingGuarantee: ProcessingGuarantee;
    replicationFactor: number;
    properties: Record<string, string>;
    stateSize: string;
    storageClassName?: string;
    resources: { requests: Record<string, string>; limits: Record<string, string> };
    health: Required<StreamsHealthArgs>;
    probes: NonNullable<KafkaStreamsAppArgs["probes"]>;
    closeTimeoutSeconds: number;
    terminationGracePeriodSeconds: number;
    env: Record<string, string>;
    identity: WorkloadIdentityMode;
    aclPrincipal?: KafkaStreamsAppArgs["aclPrincipal"];
    aclConnection: KafkaConnection;
    autoscaling?: Required<StreamsAutoscalingArgs>;
    runAsUser: number;
    protect: boolean;
    labels: Record<string, string>;
    tags: Record<string, string>;
}

export function topicInfo(ref: StreamsTopicRef): TopicInfo {
    return typeof ref === "string" ? { name: ref } : { name: ref.topicName, partitions: ref.partitions };
}

export function resolveStreamsSettings(name: string, args: KafkaStreamsAppArgs): KafkaStreamsSettings {
    const stateful = args.stateful ?? true;
    const replicas = args.replicas ?? 2;
    const closeTimeoutSeconds = args.closeTimeoutSeconds ?? 60;
    const a = args.autoscaling;
    return {
        connection: args.connection,
        target: args.target,
        image: args.image,
        inputs: (args.inputTopics ?? []).map(topicInfo),
        outputs: (args.outputTopics ?? []).map(topicInfo),
        applicationId: args.applicationId ?? name,
        kubernetesName: args.kubernetesName ?? name,
        namespace: args.namespace ?? "default",
        replicas,
        threads: args.threads ?? 1,
        stateful,
        standbyReplicas: args.standbyReplicas ?? (stateful ? 1 : 0),
        processingGuarantee: args.processingGuarantee ?? "exactly_once_v2",
        replicationFactor: args.replicationFactor ?? 3,
        properties: args.properties ?? {},
        stateSize: args.stateStorage?.size ?? "10Gi",
        storageClassName: args.stateStorage?.storageClassName,
        resources: {
            requests: args.resources?.requests ?? { cpu: "500m", memory: "2Gi" },
            limits: args.resources?.limits ?? { cpu: "2", memory: "2Gi" },
        },
        health: {
            port: args.health?.port ?? 8080,
            livenessPath: args.health?.livenessPath ?? "/health/liveness",
            readinessPath: args.health?.readinessPath ?? "/health/readiness",
            startupTimeoutSeconds: args.health?.startupTimeoutSeconds ?? 1800,
        },
        probes: args.probes ?? {},
        closeTimeoutSeconds,
        terminationGracePeriodSeconds: args.terminationGracePeriodSeconds ?? closeTimeoutSeconds + 30,
        env: args.env ?? {},
        identity: args.identity ?? "irsa",
        aclPrincipal: args.aclPrincipal,
        aclConnection: args.aclConnection ?? args.connection,
        autoscaling: a
            ? {
                  maxReplicas: a.maxReplicas,
                  minReplicas: a.minReplicas ?? replicas,
                  lagThreshold: a.lagThreshold ?? 1000,
                  pollingIntervalSeconds: a.pollingIntervalSeconds ?? 30,
                  scaleOutAfterSeconds: a.scaleOutAfterSeconds ?? 300,
                  kedaNamespace: a.kedaNamespace ?? "keda",
                  kedaServiceAccount: a.kedaServiceAccount ?? "keda-operator",
              }
            : undefined,
        runAsUser: args.runAsUser ?? 1000,
        protect: args.protect ?? true,
        labels: args.labels ?? {},
        tags: args.tags ?? {},
    };
}
