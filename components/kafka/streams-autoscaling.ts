import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { requirePeer } from "../core/optional-peers";
import { kafkaIamStatements } from "../core/kafka-access";
import { workloadRole } from "../core/workload-identity";
import { KafkaStreamsSettings } from "./streams-app-args";
import { lagReaderAccess } from "./streams-access";
import { mskRegion } from "./connection";

export interface AutoscalingInputs {
    /** The StatefulSet's name. */
    statefulSetName: string;
    labels: Record<string, string>;
    awsTags: Record<string, string>;
    /** What the component's Kubernetes objects wait for. */
    dependsOn?: pulumi.ComponentResourceOptions["dependsOn"];
}

/**
 * The HPA behavior KEDA passes on: scale out only once the lag has stayed high for the window,
 * never scale in on lag. A Streams member that stops does not leave its group (static membership,
 * and Streams' own consumers never send a LeaveGroup on close), so its partitions wait for
 * `session.timeout.ms`: lag rises and a lag-driven scale-in would be undone at once, with a state
 * restore each round. Scale-in is a planned step instead: lowering `maxReplicas` makes the HPA set
 * the replicas to the new maximum directly, whatever the behavior says, and the lag that follows
 * cannot scale back beyond it.
 */
export function scalingBehavior(scaleOutAfterSeconds: number): Record<string, unknown> {
    return {
        scaleUp: { stabilizationWindowSeconds: scaleOutAfterSeconds },
        scaleDown: { selectPolicy: "Disabled" },
    };
}

/**
 * KEDA scale-out on the consumer lag of the `application.id` group, never below one replica and
 * never in on lag (see {@link scalingBehavior}). The lag check authenticates on its own: with IAM
 * through a describe-only role KEDA's operator assumes (IRSA), with SCRAM/TLS through a Secret
 * holding the app's credentials.
 */
export function createAutoscaling(
    name: string,
    s: KafkaStreamsSettings,
    p: AutoscalingInputs,
    parent: pulumi.Resource,
): k8s.apiextensions.CustomResource {
    const a = s.autoscaling as NonNullable<KafkaStreamsSettings["autoscaling"]>;
    const k8s = requirePeer("@pulumi/kubernetes", `KafkaStreamsApp "${name}"`);
    const k8sOpts = { parent, provider: s.target.provider, dependsOn: p.dependsOn };
    const meta = (suffix: string) => ({ name: `${s.kubernetesName}-${suffix}`, namespace: s.namespace, labels: p.labels });
    const metadata: Record<string, pulumi.Input<string>> = {
        bootstrapServers: s.connection.bootstrapServers,
        consumerGroup: s.applicationId,
        lagThreshold: String(a.lagThreshold),
        // Kafka Streams' default auto.offset.reset; KEDA's own default (latest) would misjudge a new group.
        offsetResetPolicy: "earliest",
        allowIdleConsumers: "false",
    };
    let authSpec: Record<string, unknown> | undefined;

    switch (s.connection.authMode) {
        case "iam": {
            const reader = workloadRole(
                `${name}-keda`,
                {
                    target: s.target,
                    mode: "irsa",
                    namespace: a.kedaNamespace,
                    serviceAccount: a.kedaServiceAccount,
                    statements: kafkaIamStatements(s.connection.clusterArn as pulumi.Input<string>, lagReaderAccess(s)),
                    tags: p.awsTags,
                },
                parent,
            );
            Object.assign(metadata, {
                sasl: "oauthbearer",
                saslTokenProvider: "aws_msk_iam",
                tls: "enable",
                awsRegion: mskRegion(s.connection.clusterArn as pulumi.Input<string>),
            });
            authSpec = { podIdentity: { provider: "aws", roleArn: reader.role.arn } };
            break;
        }
        case "scram":
        case "tls": {
            const data: Record<string, pulumi.Input<string>> = { tls: "enable" };
            if (s.connection.authMode === "scram" && s.connection.scram) {
                const mech = { "SCRAM-SHA-256": "scram_sha256", "SCRAM-SHA-512": "scram_sha512", PLAIN: "plaintext" }[
                    s.connection.scram.mechanism ?? "SCRAM-SHA-512"
                ];
                Object.assign(data, { sasl: mech, username: s.connection.scram.username, password: s.connection.scram.password });
            }
            if (s.connection.authMode === "tls" && s.connection.tls) {
                Object.assign(data, {
                    cert: s.connection.tls.clientCert,
                    key: s.connection.tls.clientKey,
                    ...(s.connection.tls.caCert !== undefined ? { ca: s.connection.tls.caCert } : {}),
                });
            }
            const secret = new k8s.core.v1.Secret(
                `${name}-keda-credentials`,
                { metadata: meta("keda-kafka"), type: "Opaque", stringData: pulumi.secret(data) },
                k8sOpts,
            );
            authSpec = { secretTargetRef: Object.keys(data).map((key) => ({ parameter: key, name: secret.metadata.name, key })) };
            break;
        }
        default:
            break;
    }

    const auth = authSpec
        ? new k8s.apiextensions.CustomResource(
              `${name}-keda-auth`,
              { apiVersion: "keda.sh/v1alpha1", kind: "TriggerAuthentication", metadata: meta("kafka"), spec: authSpec },
              k8sOpts,
          )
        : undefined;

    return new k8s.apiextensions.CustomResource(
        `${name}-scaler`,
        {
            apiVersion: "keda.sh/v1alpha1",
            kind: "ScaledObject",
            metadata: { name: s.kubernetesName, namespace: s.namespace, labels: p.labels },
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "StatefulSet", name: p.statefulSetName },
                minReplicaCount: a.minReplicas,
                maxReplicaCount: a.maxReplicas,
                pollingInterval: a.pollingIntervalSeconds,
                // No cooldownPeriod: KEDA applies it only to scaling to zero, which a Streams app never does.
                advanced: { horizontalPodAutoscalerConfig: { behavior: scalingBehavior(a.scaleOutAfterSeconds) } },
                triggers: [{ type: "kafka", metadata, ...(auth ? { authenticationRef: { name: auth.metadata.name } } : {}) }],
            },
        },
        k8sOpts,
    );
}
