import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { AUTO_NAME_SUFFIX_LENGTH, IAM_ROLE_NAME_MAX, iamRoleNameProblem } from "../core/aws-limits";
import { quantityValue } from "../core/kubernetes-values";
import { workloadIdentityProblem } from "../core/workload-identity";
import { fieldPath, parseArgs } from "../core/schema";
import { KafkaStreamsSettings, TopicInfo, kafkaStreamsAppArgs, resolveSettings } from "./streams-app-args";
import { checkTopicName } from "./topic-validate";
import { fixesReplication, flavourLabel, mskFlavourOf } from "./msk-flavour";
import { RESERVED_ENV } from "./streams-pod";

export const COMPONENT = "KafkaStreamsApp";
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// The StatefulSet controller adds an 11-character revision hash to pod labels (63 max).
const MAX_STATEFULSET_NAME = 52;
// Internal topics are `<application.id>-<store>-changelog`: leave room under Kafka's 249.
const MAX_APPLICATION_ID = 180;
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

/**
 * Checks a KafkaStreamsApp's args, structure first (the declaration in streams-app-args.ts), then
 * what Kubernetes, Kafka, IAM or the data guarantees would reject, and returns the settings the
 * component reads. Throws one SpectrumValidationError naming every problem; call it before
 * registering anything.
 */
export function kafkaStreamsAppSettings(name: string, args: unknown): KafkaStreamsSettings {
    const s = resolveSettings(name, parseArgs(COMPONENT, name, kafkaStreamsAppArgs, args));
    validateKafkaStreamsApp(name, s);
    return s;
}

/** The IAM roles the app's name feeds: the pods' role with IAM auth, and KEDA's lag reader with autoscaling too. */
function checkRoleNames(v: Validator, name: string, s: KafkaStreamsSettings): void {
    if (s.connection.authMode !== "iam") return;
    // Roles are auto-named `<name>-role-<7 random characters>` (and `<name>-keda-role-...`).
    const suffix = s.autoscaling ? "-keda-role" : "-role";
    const problem = iamRoleNameProblem(`${name}${suffix}`, true);
    if (!problem) return;
    const longest = IAM_ROLE_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH - suffix.length;
    const tooLong = name.length > longest;
    v.fail(
        "name",
        name,
        `${problem.problem} (in the IAM role ${name}${suffix}-...)`,
        tooLong
            ? `Shorten the component's name to ${longest} characters or fewer (the role adds "${suffix}" and Pulumi's random suffix)`
            : problem.fix,
    );
}

/** Requests a container could never get: more than its limit of the same resource. */
function checkRequestsWithinLimits(v: Validator, s: KafkaStreamsSettings): void {
    for (const [resource, request] of Object.entries(s.resources.requests)) {
        const limit = s.resources.limits[resource];
        if (limit === undefined) continue;
        const requested = quantityValue(request);
        const allowed = quantityValue(limit);
        if (requested !== undefined && allowed !== undefined && requested > allowed) {
            v.fail(
                fieldPath([{ key: "resources" }, { key: "requests" }, { key: resource }]),
                request,
                `is above the limit (${limit}), which Kubernetes refuses`,
                `Request at most ${limit}, or raise resources.limits.${resource}`,
            );
        }
    }
}

/** Topic names Kafka accepts, none of the app's own internal topics, none listed twice (its ACLs would clash). */
function checkTopicRefs(v: Validator, list: string, topics: readonly TopicInfo[], applicationId: string): void {
    const seen = new Set<string>();
    topics.forEach((t, i) => {
        const field = fieldPath([{ key: list }, { key: i }]);
        checkTopicName(v, field, t.name);
        v.check(
            !t.name.startsWith(`${applicationId}-`),
            field,
            t.name,
            `topics starting with "${applicationId}-" are the app's internal topics`,
            "Declare only external topics; Streams creates its internal ones",
        );
        v.check(!seen.has(t.name), field, t.name, "is listed twice", "List each topic once");
        seen.add(t.name);
    });
}

/** Variables the container reads that the component sets: a second value would break the app's configuration. */
function checkEnvironment(v: Validator, s: KafkaStreamsSettings): void {
    for (const key of Object.keys(s.env)) {
        const field = fieldPath([{ key: "env" }, { key }]);
        v.check(
            key.length > 0 && !key.includes("=") && /^[\x20-\x7e]+$/.test(key),
            field,
            key,
            "Kubernetes takes environment variable names of printable ASCII characters without =",
            "Rename it, e.g. APP_MODE",
        );
        v.check(
            !RESERVED_ENV.includes(key) && !(key === "AWS_REGION" && s.connection.authMode === "iam"),
            field,
            key,
            "is set by KafkaStreamsApp itself (configuration, static membership, close timeout)",
            "Use another name; the value the app gets comes from the component's arguments",
        );
    }
}

/** What the API server refuses in a probe: no handler or several, and liveness or startup needing more than one success. */
function checkProbes(v: Validator, s: KafkaStreamsSettings): void {
    for (const [kind, probe] of Object.entries(s.probes)) {
        if (probe === undefined) continue;
        const handlers = (["exec", "grpc", "httpGet", "tcpSocket"] as const).filter((h) => probe[h] !== undefined);
        v.check(
            handlers.length === 1,
            fieldPath([{ key: "probes" }, { key: kind }]),
            handlers.length === 0 ? probe : handlers,
            handlers.length === 0 ? "a probe needs a handler" : "a probe takes exactly one handler",
            "Give exactly one of httpGet, exec, grpc or tcpSocket",
        );
        if (kind !== "readiness" && typeof probe.successThreshold === "number") {
            v.check(
                probe.successThreshold === 1,
                fieldPath([{ key: "probes" }, { key: kind }, { key: "successThreshold" }]),
                probe.successThreshold,
                `Kubernetes takes only 1 for a ${kind} probe`,
                "Use 1, or leave it out",
            );
        }
    }
}

/** Checks what Kubernetes, Kafka or the data guarantees would reject. */
export function validateKafkaStreamsApp(name: string, s: KafkaStreamsSettings): void {
    const v = new Validator(COMPONENT, name);
    checkRoleNames(v, name, s);
    checkRequestsWithinLimits(v, s);

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

    checkTopicRefs(v, "inputTopics", s.inputs, s.applicationId);
    checkTopicRefs(v, "outputTopics", s.outputs, s.applicationId);
    checkEnvironment(v, s);
    checkProbes(v, s);

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
        v.check(
            arg === undefined,
            fieldPath([{ key: "properties" }, { key }]),
            value,
            "this property is set from another argument",
            `Use ${arg} instead`,
        );
    }
    v.check(
        s.terminationGracePeriodSeconds > s.closeTimeoutSeconds,
        "terminationGracePeriodSeconds",
        s.terminationGracePeriodSeconds,
        `must exceed closeTimeoutSeconds (${s.closeTimeoutSeconds}), or Kubernetes kills the pod before Streams commits and leaves the group`,
        `Use ${s.closeTimeoutSeconds + 30} or more`,
    );

    const auth = s.connection.authMode;
    if (auth === "iam") {
        v.check(
            s.connection.clusterArn !== undefined,
            "connection.clusterArn",
            undefined,
            "IAM auth needs the MSK cluster ARN for the app's policy",
            "Use a KafkaCluster's connection, or externalKafka(...) with clusterArn",
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
            a.maxReplicas >= a.minReplicas,
            "autoscaling.maxReplicas",
            a.maxReplicas,
            `must be at least minReplicas (${a.minReplicas})`,
            `Use ${a.minReplicas} or more`,
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
