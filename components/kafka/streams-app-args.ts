import type * as k8s from "@pulumi/kubernetes";
import { KafkaConnection, KubernetesTarget } from "../core/contracts";
import { kafkaConnection, kubernetesTarget } from "../core/schema/contracts";
import { isDnsLabel, isDnsSubdomain, resourceQuantityProblem } from "../core/kubernetes-values";
import { WorkloadIdentityMode } from "../core/workload-identity";
import { v, strict, map, input, integer, explain, awsTagMap, k8sLabelMap, k8sQuantity } from "../core/schema";

/** A topic the app reads or writes: a `KafkaTopic` (its partitions are then known) or a name. */
export type StreamsTopicRef = string | { readonly topicName: string; readonly partitions?: number };

/** Kafka Streams processing guarantees (the older exactly-once values are gone in Kafka 4). */
export type ProcessingGuarantee = "exactly_once_v2" | "at_least_once";

const GUARANTEES: readonly ProcessingGuarantee[] = ["exactly_once_v2", "at_least_once"];
const REMOVED_GUARANTEES = ["exactly_once", "exactly_once_beta"];
const IDENTITY_MODES: readonly WorkloadIdentityMode[] = ["irsa", "pod-identity"];

/** A topic the app reads or writes, as a name or a `KafkaTopic`. */
export const topicRef = v.union(
    [
        v.pipe(v.string(), v.minLength(1, explain("a topic name is empty", "Write the topic's name, or pass the KafkaTopic"))),
        v.object({ topicName: v.string(), partitions: v.optional(v.number()) }),
    ],
    explain("is neither a topic name nor a KafkaTopic", 'Write the name, e.g. "orders.v1", or pass the KafkaTopic itself'),
) as unknown as v.GenericSchema<StreamsTopicRef, StreamsTopicRef>;

/** A whole number of seconds, at least `min`. */
function seconds(min: number, example: number, max?: number) {
    const message = explain(
        max === undefined ? `must be a whole number of seconds >= ${min}` : `must be a whole number of seconds from ${min} to ${max}`,
        `Use e.g. ${example}`,
    );
    const base = v.pipe(v.number(), v.integer(message), v.minValue(min, message));
    return max === undefined ? base : v.pipe(base, v.maxValue(max, message));
}

/** A DNS label (namespaces, service accounts, Kubernetes object names). */
function dnsLabel(what: string, example: string) {
    return v.pipe(
        v.string(),
        v.check(
            isDnsLabel,
            explain(`not a Kubernetes ${what} (a DNS label: at most 63 lowercase letters, digits and "-")`, `Use e.g. "${example}"`),
        ),
    );
}

/** A container resource amount: a Kubernetes quantity (`"500m"`, `"2Gi"`, `"20G"`), or a plain number of units (`2` CPUs). */
const resourceAmount = v.union(
    [
        k8sQuantity(),
        v.pipe(
            v.number(),
            v.check(
                (n) => Number.isFinite(n) && resourceQuantityProblem(String(n)) === undefined,
                explain("must be a positive number", 'Use a positive amount such as 2 or "500m"'),
            ),
        ),
    ],
    explain("is not a Kubernetes quantity", 'Write a number with an optional unit, e.g. "500m", "2", "2Gi" or "20G"'),
);

/** Container resource names the API server takes: the standard ones, hugepages, or an extended resource (`example.com/gpu`). */
export const CONTAINER_RESOURCES = ["cpu", "memory", "ephemeral-storage"];
function isContainerResource(name: string): boolean {
    return (
        CONTAINER_RESOURCES.includes(name) || name.startsWith("hugepages-") || (name.includes("/") && isDnsSubdomain(name.split("/")[0]))
    );
}
const resourceList = map(
    v.pipe(
        v.string(),
        v.check(
            isContainerResource,
            explain(
                "is not a container resource Kubernetes knows",
                'Use "cpu", "memory", "ephemeral-storage", or a qualified name like "example.com/gpu"',
            ),
        ),
    ),
    resourceAmount,
);

const probeHandler = <T>() =>
    v.optional(
        input(
            v.custom<T>(
                (value) => value !== null && typeof value === "object" && !Array.isArray(value),
                explain("is not a mapping", "Write the handler as in a pod spec"),
            ),
        ),
    );
const probeCount = (min: number) => v.optional(input(integer(min)));

/** The declaration of a Kubernetes probe, as in a pod spec (`httpGet`, `exec`, `grpc` or `tcpSocket`, and its timings). */
export const probeShape = {
    /** Run a command in the container. Default: none. */
    exec: probeHandler<k8s.types.input.core.v1.ExecAction>(),
    /** Call a gRPC health service. Default: none. */
    grpc: probeHandler<k8s.types.input.core.v1.GRPCAction>(),
    /** Call an HTTP endpoint. Default: none. */
    httpGet: probeHandler<k8s.types.input.core.v1.HTTPGetAction>(),
    /** Open a TCP connection. Default: none. */
    tcpSocket: probeHandler<k8s.types.input.core.v1.TCPSocketAction>(),
    /** Consecutive failures before the probe fails. Default: Kubernetes' (3). */
    failureThreshold: probeCount(1),
    /** Seconds after the container starts before the first probe. Default: Kubernetes' (0). */
    initialDelaySeconds: probeCount(0),
    /** Seconds between probes. Default: Kubernetes' (10). */
    periodSeconds: probeCount(1),
    /** Consecutive successes after a failure before the probe succeeds (1 for liveness and startup). Default: Kubernetes' (1). */
    successThreshold: probeCount(1),
    /** Grace period for a pod killed by this probe, overriding the pod's. Default: the pod's. */
    terminationGracePeriodSeconds: probeCount(1),
    /** Seconds before a probe times out. Default: Kubernetes' (1). */
    timeoutSeconds: probeCount(1),
};
/** The schema of {@link probeShape}. */
export const probe: v.StrictObjectSchema<typeof probeShape, undefined> = strict(probeShape);

/** The declaration of the health endpoints a Kafka Streams app's probes call. */
export const streamsHealthShape = {
    /** Port of the app's HTTP health endpoints. Default: 8080. */
    port: v.optional(
        v.pipe(
            v.number(),
            v.integer(explain("not a TCP port", "Use e.g. 8080")),
            v.minValue(1, explain("not a TCP port", "Use e.g. 8080")),
            v.maxValue(65535, explain("not a TCP port", "Use e.g. 8080")),
        ),
        8080,
    ),
    /** Path that fails only when the Streams state is ERROR or NOT_RUNNING (liveness and startup). Default: `"/health/liveness"`. */
    livenessPath: v.optional(
        v.pipe(v.string(), v.startsWith("/", explain("an HTTP path starts with /", 'Write e.g. "/health/liveness"'))),
        "/health/liveness",
    ),
    /** Path that succeeds only when the Streams state is RUNNING (readiness). Default: `"/health/readiness"`. */
    readinessPath: v.optional(
        v.pipe(v.string(), v.startsWith("/", explain("an HTTP path starts with /", 'Write e.g. "/health/readiness"'))),
        "/health/readiness",
    ),
    /** Seconds allowed to start, including state restore from changelogs, before Kubernetes restarts the pod (at least 10). Default: 1800. */
    startupTimeoutSeconds: v.optional(
        v.pipe(
            v.number(),
            v.integer(explain("must be a whole number of seconds", "Use e.g. 1800")),
            v.minValue(10, explain("must be at least 10 seconds, and long enough to restore state", "Use e.g. 1800")),
        ),
        1800,
    ),
};
/** The schema of {@link streamsHealthShape}. */
export const streamsHealth: v.StrictObjectSchema<typeof streamsHealthShape, undefined> = strict(streamsHealthShape);
/** Health checks of a Kafka Streams app's pods. */
export type StreamsHealthArgs = v.InferInput<typeof streamsHealth>;

/** The declaration of lag-based autoscaling of a Kafka Streams app through KEDA. */
export const streamsAutoscalingShape = {
    /** Most replicas KEDA may run. Default: none (required). */
    maxReplicas: integer(1),
    /** Fewest replicas; at least 1 (a Streams app is never scaled to zero). Default: `replicas`. */
    minReplicas: v.optional(
        v.pipe(
            v.number(),
            v.integer(),
            v.minValue(1, explain("a Streams app must never scale to zero: its state and group membership would be lost", "Use 1 or more")),
        ),
    ),
    /** Consumer lag per replica that triggers a scale-out. Default: 1000. */
    lagThreshold: v.optional(
        v.pipe(
            v.number(),
            v.integer(explain("must be a whole number of records >= 1", "Use e.g. 1000")),
            v.minValue(1, explain("must be a whole number of records >= 1", "Use e.g. 1000")),
        ),
        1000,
    ),
    /** Seconds between lag checks. Default: 30. */
    pollingIntervalSeconds: v.optional(seconds(1, 30), 30),
    /**
     * Seconds the lag must stay above `lagThreshold` before KEDA adds pods: the HPA's scale-up
     * stabilization window (0-3600). Pods are never removed on lag (see the README), so a short
     * bump (a rolling restart, a broker failover) must not add one. Default: 300.
     */
    scaleOutAfterSeconds: v.optional(
        v.pipe(
            v.number(),
            v.integer(explain("must be a whole number of seconds from 0 to 3600 (the HPA's stabilization window)", "Use e.g. 300")),
            v.minValue(0, explain("must be a whole number of seconds from 0 to 3600 (the HPA's stabilization window)", "Use e.g. 300")),
            v.maxValue(3600, explain("must be a whole number of seconds from 0 to 3600 (the HPA's stabilization window)", "Use e.g. 300")),
        ),
        300,
    ),
    /** Namespace KEDA runs in. Default: `"keda"`. */
    kedaNamespace: v.optional(dnsLabel("namespace", "keda"), "keda"),
    /** KEDA operator's service account (for IAM: the role created for the lag check trusts it through IRSA). Default: `"keda-operator"`. */
    kedaServiceAccount: v.optional(
        v.pipe(v.string(), v.check(isDnsSubdomain, explain("not a Kubernetes service account name", 'Use e.g. "keda-operator"'))),
        "keda-operator",
    ),
    /**
     * Gone: KEDA applies its cooldownPeriod only to scaling to zero, which a Streams app never
     * does, and pods are not removed on lag here; scale in by lowering `maxReplicas`. Default: none (refused).
     */
    cooldownSeconds: v.optional(
        v.custom<never>(
            () => false,
            explain(
                "KEDA's cooldownPeriod only governs scaling to zero, which a Streams app never does, and pods are not removed on lag here",
                "Remove it; scale in by lowering autoscaling.maxReplicas (see the README), and tune scale-out with scaleOutAfterSeconds",
            ),
        ),
    ),
};
/** The schema of {@link streamsAutoscalingShape}. */
export const streamsAutoscaling: v.StrictObjectSchema<typeof streamsAutoscalingShape, undefined> = strict(streamsAutoscalingShape);
/** Lag-based autoscaling of a Kafka Streams app through KEDA. */
export type StreamsAutoscalingArgs = v.InferInput<typeof streamsAutoscaling>;

/** The declaration of `KafkaStreamsApp`'s args: the cluster and Kubernetes target, the image, its topics, and how it runs. */
export const kafkaStreamsAppShape = {
    /** The Kafka cluster: a `KafkaCluster`'s `connection` or `externalKafka(...)`. Default: none (required). */
    connection: kafkaConnection,
    /** The Kubernetes cluster: a `PlatformCluster`'s `target`, or your own. Default: none (required). */
    target: kubernetesTarget,
    /** Container image with a tag or digest (not `:latest`). Default: none (required). */
    image: v.string(),
    /** Topics the app consumes (at least one): names, or `KafkaTopic`s (their partitions are then known). Default: none (required). */
    inputTopics: v.pipe(
        v.array(topicRef),
        v.minLength(1, explain("a Streams app needs at least one input topic", "List the topics it consumes")),
    ),
    /** Topics the app produces to. Default: `[]` (none). */
    outputTopics: v.optional(v.array(topicRef), []),
    /** Kafka Streams `application.id`: the consumer group and the prefix of internal topics and transactional ids. Default: the component name. */
    applicationId: v.optional(v.string()),
    /** Name of the Kubernetes objects (DNS label, at most 52 characters). Default: the component name. */
    kubernetesName: v.optional(v.string()),
    /** Namespace (must exist; pass `dependsOn` to wait for it). Default: `"default"`. */
    namespace: v.optional(dnsLabel("namespace name", "streams"), "default"),
    /** Pods. Default: 2 (room for a standby of every stateful task). */
    replicas: v.optional(integer(1), 2),
    /** `num.stream.threads` per pod. Default: 1. */
    threads: v.optional(integer(1), 1),
    /** Whether the topology has state stores: adds a volume per pod and standby replicas. Default: true. */
    stateful: v.optional(v.boolean(), true),
    /** `num.standby.replicas`. Default: 1 when stateful, 0 otherwise. */
    standbyReplicas: v.optional(integer(0)),
    /** `processing.guarantee`: `"exactly_once_v2"` or `"at_least_once"`. Default: `"exactly_once_v2"`. */
    processingGuarantee: v.optional(
        v.picklist(GUARANTEES, (issue) =>
            REMOVED_GUARANTEES.includes(String(issue.input))
                ? explain(
                      "exactly_once and exactly_once_beta were removed in Kafka 4; only these remain",
                      'Use "exactly_once_v2" or "at_least_once"',
                  )
                : explain("is not a processing guarantee Kafka Streams 4 knows", 'Use "exactly_once_v2" or "at_least_once"'),
        ),
        "exactly_once_v2",
    ),
    /** `replication.factor` of internal topics; exactly-once needs >= 3. Default: 3. */
    replicationFactor: v.optional(integer(1), 3),
    /** Extra Kafka Streams / client properties, as strings (not the ones set from other arguments). Default: `{}` (none). */
    properties: v.optional(map(v.string(), v.string()), {}),
    /** Volume per pod for `state.dir` (stateful apps): `size` (a Kubernetes quantity) and `storageClassName`. Default: `{}` (10Gi on the cluster's default storage class). */
    stateStorage: v.optional(
        strict({
            size: v.optional(k8sQuantity(), "10Gi"),
            storageClassName: v.optional(
                v.pipe(v.string(), v.check(isDnsSubdomain, explain("not a Kubernetes storage class name", 'Use e.g. "gp3"'))),
            ),
        }),
        {},
    ),
    /** Container resources (`requests` and `limits`, each a map of resource to quantity; a given map replaces the default one). Default: `{}` (requests 500m CPU / 2Gi, limits 2 CPU / 2Gi). */
    resources: v.optional(strict({ requests: v.optional(resourceList), limits: v.optional(resourceList) }), {}),
    /** Health endpoints the probes call. Default: `{}` (port 8080, `/health/liveness`, `/health/readiness`, 1800 s startup). */
    health: v.optional(streamsHealth, {}),
    /** Full probe overrides (`startup`, `liveness`, `readiness`), each a Kubernetes probe. Default: `{}` (HTTP probes built from `health`). */
    probes: v.optional(strict({ startup: v.optional(probe), liveness: v.optional(probe), readiness: v.optional(probe) }), {}),
    /** Timeout the app passes to `KafkaStreams.close` (given to it as an env var). Default: 60. */
    closeTimeoutSeconds: v.optional(seconds(1, 60), 60),
    /** Pod termination grace period; must exceed closeTimeoutSeconds. Default: closeTimeoutSeconds + 30. */
    terminationGracePeriodSeconds: v.optional(seconds(1, 90)),
    /** Extra environment variables. Default: `{}` (none). */
    env: v.optional(map(v.string(), v.string()), {}),
    /** How pods get AWS credentials for IAM auth: `"irsa"` or `"pod-identity"`. Default: `"irsa"`. */
    identity: v.optional(v.picklist(IDENTITY_MODES), "irsa"),
    /** For SCRAM/TLS: the Kafka principal the ACLs name (`User:<name>`). Default: `User:<scram username>`; required for TLS (the certificate's principal). */
    aclPrincipal: v.optional(
        v.pipe(
            v.string(),
            v.regex(
                /^[A-Za-z]+:.+$/,
                explain("a Kafka principal is <type>:<name>", 'Write e.g. "User:CN=orders-enricher" or "User:sa-abc123"'),
            ),
        ),
    ),
    /** For SCRAM/TLS: the connection that creates the ACLs (an admin). Default: `connection`. */
    aclConnection: v.optional(kafkaConnection),
    /** Lag-based scale-out with a KEDA ScaledObject; scale-in is a planned step (lower `maxReplicas`). Default: off (fixed replicas). */
    autoscaling: v.optional(streamsAutoscaling),
    /** Pod user, group and fsGroup (non-root). Default: 1000. */
    runAsUser: v.optional(
        v.pipe(
            v.number(),
            v.integer(),
            v.minValue(1, explain("pods run as a non-root user", "Use a uid >= 1, e.g. 1000")),
            v.maxValue(2147483647, explain("is above the largest uid Kubernetes takes", "Use e.g. 1000")),
        ),
        1000,
    ),
    /** Keep state volumes when the StatefulSet is deleted or scaled in. Default: true. */
    protect: v.optional(v.boolean(), true),
    /** Extra labels on every Kubernetes object. Default: `{}` (the `app.kubernetes.io/*` labels are always set). */
    labels: v.optional(k8sLabelMap(), {}),
    /** Extra AWS tags (IAM roles; keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link KafkaStreamsApp}'s args, built from {@link kafkaStreamsAppShape}. */
export const kafkaStreamsAppArgs: v.StrictObjectSchema<typeof kafkaStreamsAppShape, undefined> = strict(kafkaStreamsAppShape);
/** Arguments of {@link KafkaStreamsApp}: the cluster and Kubernetes target, the image, its topics, and how it runs. */
export type KafkaStreamsAppArgs = v.InferInput<typeof kafkaStreamsAppArgs>;
/** The args with every declared default applied. */
export type KafkaStreamsAppInput = v.InferOutput<typeof kafkaStreamsAppArgs>;

type Probe = k8s.types.input.core.v1.Probe;

export interface TopicInfo {
    name: string;
    partitions?: number;
}

/** Every setting, defaults applied; the component reads only this. */
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
    health: Required<v.InferOutput<typeof streamsHealth>>;
    probes: { startup?: Probe; liveness?: Probe; readiness?: Probe };
    closeTimeoutSeconds: number;
    terminationGracePeriodSeconds: number;
    env: Record<string, string>;
    identity: WorkloadIdentityMode;
    aclPrincipal?: string;
    aclConnection: KafkaConnection;
    autoscaling?: Required<Omit<v.InferOutput<typeof streamsAutoscaling>, "cooldownSeconds">>;
    runAsUser: number;
    protect: boolean;
    labels: Record<string, string>;
    tags: Record<string, string>;
}

export function topicInfo(ref: StreamsTopicRef): TopicInfo {
    return typeof ref === "string" ? { name: ref } : { name: ref.topicName, partitions: ref.partitions };
}

/** A resource list as the API expects it: numbers written as quantities (`2` CPUs is `"2"`). */
function quantities(list: Record<string, string | number>): Record<string, string> {
    return Object.fromEntries(Object.entries(list).map(([name, amount]) => [name, String(amount)]));
}

/** Resolves checked args into settings: names from the component's, and the defaults that follow other fields. */
export function resolveSettings(name: string, args: KafkaStreamsAppInput): KafkaStreamsSettings {
    const a = args.autoscaling;
    return {
        connection: args.connection,
        target: args.target,
        image: args.image,
        inputs: args.inputTopics.map(topicInfo),
        outputs: args.outputTopics.map(topicInfo),
        applicationId: args.applicationId ?? name,
        kubernetesName: args.kubernetesName ?? name,
        namespace: args.namespace,
        replicas: args.replicas,
        threads: args.threads,
        stateful: args.stateful,
        standbyReplicas: args.standbyReplicas ?? (args.stateful ? 1 : 0),
        processingGuarantee: args.processingGuarantee,
        replicationFactor: args.replicationFactor,
        properties: args.properties,
        stateSize: args.stateStorage.size,
        storageClassName: args.stateStorage.storageClassName,
        resources: {
            requests: args.resources.requests ? quantities(args.resources.requests) : { cpu: "500m", memory: "2Gi" },
            limits: args.resources.limits ? quantities(args.resources.limits) : { cpu: "2", memory: "2Gi" },
        },
        health: args.health,
        probes: args.probes as KafkaStreamsSettings["probes"],
        closeTimeoutSeconds: args.closeTimeoutSeconds,
        terminationGracePeriodSeconds: args.terminationGracePeriodSeconds ?? args.closeTimeoutSeconds + 30,
        env: args.env,
        identity: args.identity,
        aclPrincipal: args.aclPrincipal,
        aclConnection: args.aclConnection ?? args.connection,
        autoscaling: a
            ? {
                  maxReplicas: a.maxReplicas,
                  minReplicas: a.minReplicas ?? args.replicas,
                  lagThreshold: a.lagThreshold,
                  pollingIntervalSeconds: a.pollingIntervalSeconds,
                  scaleOutAfterSeconds: a.scaleOutAfterSeconds,
                  kedaNamespace: a.kedaNamespace,
                  kedaServiceAccount: a.kedaServiceAccount,
              }
            : undefined,
        runAsUser: args.runAsUser,
        protect: args.protect,
        labels: args.labels,
        tags: args.tags,
    };
}
