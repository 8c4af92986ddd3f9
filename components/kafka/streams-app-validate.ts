import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { workloadIdentityProblem } from "../core/workload-identity";
import { KafkaStreamsAppArgs, KafkaStreamsSettings } from "./streams-app-args";
import { checkTopicName } from "./topic-validate";
import { fixesReplication, flavourLabel, mskFlavourOf } from "./msk-flavour";

const COMPONENT = "KafkaStreamsApp";
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// The StatefulSet controller adds an 11-character revision hash to pod labels (63 max).
const MAX_STATEFULSET_NAME = 52;
// Internal topics are `<application.id>-<store>-changelog`: leave room under Kafka's 249.
const MAX_APPLICATION_ID = 180;
const QUANTITY = /^[1-9]\d*(Ki|Mi|Gi|Ti)$/;
const DIGEST = /@sha256:[a-f0-9]{64}$/;

/** Properties set from arguments; setting them again in `properties` would be ambiguous. */
const MANAGED_PROPERTIES: Record<string, string> = {
    "application.id": "applicationId",
    "bootstrap.servers": "connection",
    "processing.guarantee": "processingGuarantee",
    "replication.factor": "replicationFactor",
    "num.standby.replicas": "standbyReplicas",
    "num.stream.threads": "threads",
    "state.dir": "stateful (the state volume)",
    "group.instance.id": "the pod name (static membership is automatic)",
    "security.protocol": "connection",
};

/** The image's tag, or undefined without one (a registry port is not a tag). */
export function imageTag(image: string): string | undefined {
    const lastSegment = image.split("@")[0].split("/").pop() ?? "";
    const cut = lastSegment.indexOf(":");
    return cut >= 0 ? lastSegment.slice(cut + 1) : undefined;
}

const isInt = (n: unknown, min: number): boolean => typeof n === "number" && Number.isInteger(n) && n >= min;

/** Checks what Kubernetes, Kafka or the data guarantees would reject. */
export function validateKafkaStreamsApp(name: string, args: KafkaStreamsAppArgs, s: KafkaStreamsSettings): void {
    const v = new Validator(COMPONENT, name);

    const digest = DIGEST.test(s.image);
    const tag = imageTag(s.image);
    v.check(
        digest || (tag !== undefined && tag.length > 0),
        "image",
        s.image,
        "an image without a tag or digest runs whatever `latest` is at pull time",
        'Pin it, e.g. "registry/app:1.4.2" or "registry/app@sha256:..."',
    );
    v.check(
        digest || tag !== "latest",
        "image",
        s.image,
        "`latest` moves, so pods of one StatefulSet could run different code",
        "Use a version tag or a digest",
    );

    checkTopicName(v, "applicationId", s.applicationId);
    v.check(
        s.applicationId.length <= MAX_APPLICATION_ID,
        "applicationId",
        s.applicationId,
        `internal topic names extend application.id and must fit in 249 characters`,
        `Use at most ${MAX_APPLICATION_ID} characters`,
    );
    v.check(
        DNS_LABEL.test(s.kubernetesName) && s.kubernetesName.length <= MAX_STATEFULSET_NAME,
        "kubernetesName",
        s.kubernetesName,
        `Kubernetes names here are lowercase letters, digits and "-", at most ${MAX_STATEFULSET_NAME} characters`,
        'Pass kubernetesName, e.g. "orders-enricher"',
    );
    v.check(
        DNS_LABEL.test(s.namespace) && s.namespace.length <= 63,
        "namespace",
        s.namespace,
        "not a Kubernetes namespace name",
        'Use lowercase letters, digits and "-"',
    );

    v.check(
        s.inputs.length > 0,
        "inputTopics",
        args.inputTopics,
        "a Streams app needs at least one input topic",
        "List the topics it consumes",
    );
    s.inputs.forEach((t, i) => checkTopicName(v, `inputTopics[${i}]`, t.name));
    s.outputs.forEach((t, i) => checkTopicName(v, `outputTopics[${i}]`, t.name));
    for (const t of [...s.inputs, ...s.outputs]) {
        v.check(
            !t.name.startsWith(`${s.applicationId}-`),
            "inputTopics/outputTopics",
            t.name,
            `topics starting with "${s.applicationId}-" are the app's internal topics`,
            "Declare only external topics; Streams creates its internal ones",
        );
    }

    v.check(isInt(s.replicas, 1), "replicas", args.replicas, "must be a whole number >= 1", "Use 2 or more for a stateful app");
    v.check(isInt(s.threads, 1), "threads", args.threads, "must be a whole number >= 1", "Use 1 or more");
    v.check(
        isInt(s.standbyReplicas, 0),
        "standbyReplicas",
        args.standbyReplicas,
        "must be a whole number >= 0",
        "Use 1 for a stateful app",
    );
    v.check(
        s.stateful || s.standbyReplicas === 0,
        "standbyReplicas",
        s.standbyReplicas,
        "standby replicas copy state stores, and this app is stateless",
        "Remove standbyReplicas, or set stateful: true",
    );
    // MSK Developer Guide, "Using Kafka Streams with MSK Express brokers and MSK Serverless" (checked
    // 2026-12): Streams creates its internal topics with segment.bytes set, which both refuse, so a
    // stateful topology fails at start unless its internal topics were created beforehand.
    const flavour = mskFlavourOf(s.connection);
    if (s.stateful && fixesReplication(flavour))
        v.fail(
            "stateful",
            true,
            `Kafka Streams sets segment.bytes on the changelog and repartition topics it creates, which ${flavourLabel(flavour!)} refuse, so a stateful app cannot start`,
            "Use MSK with Standard brokers, or set stateful: false for a topology without state stores or repartitioning",
        );
    const guarantees = ["exactly_once_v2", "at_least_once"];
    v.check(
        guarantees.includes(s.processingGuarantee),
        "processingGuarantee",
        s.processingGuarantee,
        "exactly_once and exactly_once_beta were removed in Kafka 4; only these remain",
        'Use "exactly_once_v2" or "at_least_once"',
    );
    v.check(isInt(s.replicationFactor, 1), "replicationFactor", args.replicationFactor, "must be a whole number >= 1", "Use 3");
    if (s.processingGuarantee === "exactly_once_v2") {
        v.check(
            s.replicationFactor >= 3,
            "replicationFactor",
            s.replicationFactor,
            "exactly-once needs internal topics (and the broker's transaction log) with 3 replicas to survive a broker loss",
            'Use 3, or processingGuarantee "at_least_once"',
        );
    }
    if (s.connection.brokerCount !== undefined) {
        v.check(
            s.replicationFactor <= s.connection.brokerCount,
            "replicationFactor",
            s.replicationFactor,
            `the cluster has only ${s.connection.brokerCount} brokers, so internal topics could not be created`,
            `Use at most ${s.connection.brokerCount}`,
        );
    }
    for (const [key, value] of Object.entries(s.properties)) {
        const arg = MANAGED_PROPERTIES[key] ?? (key.startsWith("sasl.") || key.startsWith("ssl.") ? "connection" : undefined);
        v.check(arg === undefined, `properties["${key}"]`, value, "this property is set from another argument", `Use ${arg} instead`);
    }
    v.check(QUANTITY.test(s.stateSize), "stateStorage.size", s.stateSize, "not a Kubernetes storage quantity", 'Use e.g. "10Gi"');
    v.check(
        isInt(s.closeTimeoutSeconds, 1),
        "closeTimeoutSeconds",
        args.closeTimeoutSeconds,
        "must be a whole number of seconds >= 1",
        "Use e.g. 60",
    );
    v.check(
        isInt(s.terminationGracePeriodSeconds, 1) && s.terminationGracePeriodSeconds > s.closeTimeoutSeconds,
        "terminationGracePeriodSeconds",
        s.terminationGracePeriodSeconds,
        `must exceed closeTimeoutSeconds (${s.closeTimeoutSeconds}), or Kubernetes kills the pod before Streams commits and leaves the group`,
        `Use ${s.closeTimeoutSeconds + 30} or more`,
    );
    v.check(isInt(s.health.port, 1) && s.health.port <= 65535, "health.port", s.health.port, "not a TCP port", "Use e.g. 8080");
    v.check(
        isInt(s.health.startupTimeoutSeconds, 10),
        "health.startupTimeoutSeconds",
        s.health.startupTimeoutSeconds,
        "must be at least 10 seconds, and long enough to restore state",
        "Use e.g. 1800",
    );
    v.check(isInt(s.runAsUser, 1), "runAsUser", args.runAsUser, "pods run as a non-root user", "Use a uid >= 1, e.g. 1000");

    const auth = s.connection.authMode;
    if (auth === "iam") {
        v.check(
            s.connection.clusterArn !== undefined,
            "connection.clusterArn",
            undefined,
            "IAM auth needs the MSK cluster ARN for the app's policy",
            "Use a KafkaCluster's connection, or externalKafka(...) with clusterArn",
        );
        v.check(
            s.identity === "irsa" || s.identity === "pod-identity",
            "identity",
            s.identity,
            "not a workload identity mode",
            'Use "irsa" or "pod-identity"',
        );
        const problem = workloadIdentityProblem(s.target, s.identity);
        if (problem) v.fail("target", s.identity, problem, "Pass them on the KubernetesTarget, or choose the other identity mode");
    }
    if (auth === "scram") {
        v.check(
            !!s.connection.scram,
            "connection.scram",
            undefined,
            "SCRAM auth needs the app's username and password",
            "Pass { ...connection, scram: { username, password } }",
        );
        v.check(
            !!s.aclConnection.scram || s.aclConnection.authMode !== "scram",
            "aclConnection.scram",
            undefined,
            "the ACLs are created with SCRAM credentials",
            "Pass aclConnection with an admin's scram credentials",
        );
    }
    if (auth === "tls") {
        v.check(
            !!s.connection.tls,
            "connection.tls",
            undefined,
            "mutual TLS needs the app's client certificate and key",
            "Pass { ...connection, tls: { clientCert, clientKey } }",
        );
        v.check(
            s.aclPrincipal !== undefined,
            "aclPrincipal",
            undefined,
            "with mutual TLS the principal comes from the certificate and cannot be derived",
            'Pass aclPrincipal, e.g. "User:CN=orders-enricher"',
        );
    }
    if ((auth === "scram" || auth === "tls") && s.aclConnection.clusterArn === undefined) {
        v.check(
            s.aclConnection.authMode !== "iam",
            "aclConnection.authMode",
            "iam",
            "ACLs are created through @pulumi/kafka, which needs SCRAM, TLS or plaintext here",
            "Pass an aclConnection with SCRAM or TLS admin credentials",
        );
    }

    const a = s.autoscaling;
    if (a) {
        v.check(
            isInt(a.minReplicas, 1),
            "autoscaling.minReplicas",
            a.minReplicas,
            "a Streams app must never scale to zero: its state and group membership would be lost",
            "Use 1 or more",
        );
        v.check(
            isInt(a.maxReplicas, 1) && a.maxReplicas >= a.minReplicas,
            "autoscaling.maxReplicas",
            a.maxReplicas,
            `must be at least minReplicas (${a.minReplicas})`,
            `Use ${a.minReplicas} or more`,
        );
        v.check(
            isInt(a.lagThreshold, 1),
            "autoscaling.lagThreshold",
            a.lagThreshold,
            "must be a whole number of records >= 1",
            "Use e.g. 1000",
        );
        // The HPA accepts stabilization windows of 0 to 3600 seconds.
        v.check(
            isInt(a.scaleOutAfterSeconds, 0) && a.scaleOutAfterSeconds <= 3600,
            "autoscaling.scaleOutAfterSeconds",
            a.scaleOutAfterSeconds,
            "must be a whole number of seconds from 0 to 3600 (the HPA's stabilization window)",
            "Use e.g. 300",
        );
        const removed = (args.autoscaling as unknown as Record<string, unknown> | undefined)?.cooldownSeconds;
        if (removed !== undefined)
            v.fail(
                "autoscaling.cooldownSeconds",
                removed,
                "KEDA's cooldownPeriod only governs scaling to zero, which a Streams app never does, and pods are not removed on lag here",
                "Remove it; scale in by lowering autoscaling.maxReplicas (see the README), and tune scale-out with scaleOutAfterSeconds",
            );
        if (auth === "iam") {
            v.check(
                !!s.target.oidcProviderArn && !!s.target.oidcProviderUrl,
                "autoscaling",
                "iam",
                "KEDA reads the group's lag with an IAM role trusted through IRSA, which needs the cluster's OIDC provider",
                "Pass oidcProviderArn and oidcProviderUrl on the KubernetesTarget",
            );
        }
    }
    v.throwIfInvalid();
    warnAboutParallelism(name, s);
}

/**
 * Threads beyond the task count sit idle. The task count depends on the topology (sub-topologies,
 * repartitioning), which is not visible here, so this warns instead of refusing: the sum of the
 * input partitions is the most source tasks the declared inputs can give.
 */
function warnAboutParallelism(name: string, s: KafkaStreamsSettings): void {
    if (s.inputs.some((t) => t.partitions === undefined)) return;
    const partitions = s.inputs.reduce((n, t) => n + (t.partitions ?? 0), 0);
    const peak = (s.autoscaling?.maxReplicas ?? s.replicas) * s.threads;
    if (peak > partitions) {
        pulumi.log.warn(
            `${COMPONENT} "${name}": up to ${peak} stream threads (${s.autoscaling ? "autoscaling.maxReplicas" : "replicas"} x threads) for ${partitions} input partitions; ` +
                `threads without a task sit idle unless repartitioning adds tasks. Lower them, or add partitions to the input topics.`,
        );
    }
    if (s.stateful && s.standbyReplicas >= (s.autoscaling?.minReplicas ?? s.replicas)) {
        pulumi.log.warn(
            `${COMPONENT} "${name}": ${s.standbyReplicas} standby replicas need more than ${s.autoscaling?.minReplicas ?? s.replicas} pods to be placed; run more replicas.`,
        );
    }
}
