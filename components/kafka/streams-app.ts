import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { requirePeer } from "../core/optional-peers";
import { dependsOnAll } from "../core/depends-on";
import { kafkaIamStatements } from "../core/kafka-access";
import { awsTags, k8sLabels, k8sSelector } from "../core/tags";
import { workloadRole } from "../core/workload-identity";
import { KafkaStreamsAppArgs, KafkaStreamsSettings } from "./streams-app-args";
import { COMPONENT, kafkaStreamsAppSettings } from "./streams-app-validate";
import { credentialFiles, streamsProperties } from "./streams-properties";
import { podTemplate } from "./streams-pod";
import { createStreamsAcls, streamsAccess } from "./streams-access";
import { createAutoscaling } from "./streams-autoscaling";
import { childNameClaim, clashRegistry } from "../core/clashes";

const COMPONENT_LABEL = "kafka-streams";

/**
 * A Kafka Streams application on Kubernetes: a StatefulSet (stable pod names for static group
 * membership, a volume per pod at `state.dir`, parallel pod management) behind a headless
 * Service, its Streams config in a ConfigMap (credentials in a Secret), a restricted non-root pod
 * with startup/liveness/readiness probes, a PodDisruptionBudget, and exactly the Kafka access it
 * needs: an IAM role (IRSA or Pod Identity) on MSK, Kafka ACLs on SCRAM/TLS clusters. Optionally
 * scales on consumer lag with KEDA, never below one replica.
 */
export class KafkaStreamsApp extends pulumi.ComponentResource {
    /** The Kafka Streams `application.id` (also its consumer group). */
    readonly applicationId: string;
    /** Name of the StatefulSet, headless Service, ServiceAccount and PDB. */
    readonly kubernetesName: string;
    /** Namespace of the app's objects. */
    readonly namespace: string;
    /** The IAM role the pods assume (IAM auth only). */
    readonly roleArn?: pulumi.Output<string>;
    /** The StatefulSet. */
    readonly statefulSet: k8s.apps.v1.StatefulSet;
    /** The Kafka ACLs created (SCRAM/TLS only). */
    readonly acls: readonly pulumi.Resource[];

    constructor(name: string, args: KafkaStreamsAppArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected app registers nothing, not even itself.
        const s: KafkaStreamsSettings = kafkaStreamsAppSettings(name, args);
        clashRegistry().claimAll([
            childNameClaim(COMPONENT, name, opts?.parent),
            // Two apps with one application.id on one cluster would share a consumer group and state.
            {
                kind: "kafka-streams-application-id",
                identity: s.applicationId,
                who: { component: COMPONENT, name, field: "applicationId" },
                scope: s.connection,
            },
        ]);
        super("spectrum:index:KafkaStreamsApp", name, {}, opts);
        const k8s = requirePeer("@pulumi/kubernetes", `KafkaStreamsApp "${name}"`);
        this.applicationId = s.applicationId;
        this.kubernetesName = s.kubernetesName;
        this.namespace = s.namespace;

        const labels = k8sLabels(s.kubernetesName, COMPONENT_LABEL, s.labels);
        const selector = k8sSelector(s.kubernetesName, COMPONENT_LABEL);
        const tags = awsTags(COMPONENT, s.tags);
        // Kubernetes objects wait for what the component waits for (typically the namespace).
        const k8sOpts = { parent: this, provider: s.target.provider, dependsOn: opts?.dependsOn };
        const meta = (objectName: string) => ({ name: objectName, namespace: s.namespace, labels });

        let annotations: pulumi.Input<Record<string, string>> = {};
        let identityReady: pulumi.Resource[] = [];
        if (s.connection.authMode === "iam") {
            const identity = workloadRole(
                name,
                {
                    target: s.target,
                    mode: s.identity,
                    namespace: s.namespace,
                    serviceAccount: s.kubernetesName,
                    statements: kafkaIamStatements(s.connection.clusterArn as pulumi.Input<string>, streamsAccess(s)),
                    tags,
                },
                this,
            );
            this.roleArn = identity.role.arn;
            annotations = identity.serviceAccountAnnotations;
            identityReady = identity.ready;
        }
        const serviceAccount = new k8s.core.v1.ServiceAccount(
            `${name}-sa`,
            { metadata: { ...meta(s.kubernetesName), annotations }, automountServiceAccountToken: false },
            { ...k8sOpts, dependsOn: dependsOnAll(opts?.dependsOn, ...identityReady) },
        );

        const properties = streamsProperties(s);
        const configMap = new k8s.core.v1.ConfigMap(
            `${name}-config`,
            { metadata: meta(`${s.kubernetesName}-streams`), data: { "streams.properties": properties } },
            k8sOpts,
        );
        const files = credentialFiles(s.connection);
        const credentials = files
            ? new k8s.core.v1.Secret(
                  `${name}-credentials`,
                  { metadata: meta(`${s.kubernetesName}-kafka-credentials`), type: "Opaque", stringData: files },
                  k8sOpts,
              )
            : undefined;

        const headless = new k8s.core.v1.Service(
            `${name}-headless`,
            {
                metadata: meta(s.kubernetesName),
                spec: { clusterIP: "None", selector, ports: [{ name: "http", port: s.health.port, targetPort: "http", protocol: "TCP" }] },
            },
            k8sOpts,
        );

        const autoscaled = s.autoscaling !== undefined;
        this.statefulSet = new k8s.apps.v1.StatefulSet(
            `${name}-statefulset`,
            {
                metadata: meta(s.kubernetesName),
                spec: {
                    serviceName: headless.metadata.name,
                    replicas: s.autoscaling?.minReplicas ?? s.replicas,
                    podManagementPolicy: "Parallel",
                    updateStrategy: { type: "RollingUpdate" },
                    selector: { matchLabels: selector },
                    // State is a cache of the changelog topics, but rebuilding it is slow: keep it unless told otherwise.
                    persistentVolumeClaimRetentionPolicy: { whenDeleted: s.protect ? "Retain" : "Delete", whenScaled: "Retain" },
                    template: podTemplate(s, {
                        labels,
                        selector,
                        serviceAccountName: s.kubernetesName,
                        configMapName: configMap.metadata.name,
                        credentialsSecretName: credentials?.metadata.name,
                        headlessService: s.kubernetesName,
                        configChecksum: properties.apply((p) => crypto.createHash("sha256").update(p).digest("hex")),
                    }),
                    volumeClaimTemplates: s.stateful
                        ? [
                              {
                                  metadata: { name: "state", labels },
                                  spec: {
                                      accessModes: ["ReadWriteOnce"],
                                      resources: { requests: { storage: s.stateSize } },
                                      ...(s.storageClassName ? { storageClassName: s.storageClassName } : {}),
                                  },
                              },
                          ]
                        : [],
                },
            },
            // KEDA owns the replica count once autoscaling is on.
            {
                ...k8sOpts,
                dependsOn: dependsOnAll(opts?.dependsOn, serviceAccount),
                ...(autoscaled ? { ignoreChanges: ["spec.replicas"] } : {}),
            },
        );

        new k8s.policy.v1.PodDisruptionBudget(
            `${name}-pdb`,
            { metadata: meta(s.kubernetesName), spec: { maxUnavailable: 1, selector: { matchLabels: selector } } },
            k8sOpts,
        );

        this.acls = s.connection.authMode === "scram" || s.connection.authMode === "tls" ? createStreamsAcls(name, s, this) : [];
        if (autoscaled)
            createAutoscaling(name, s, { statefulSetName: s.kubernetesName, labels, awsTags: tags, dependsOn: opts?.dependsOn }, this);

        this.registerOutputs({
            applicationId: this.applicationId,
            kubernetesName: this.kubernetesName,
            namespace: this.namespace,
            roleArn: this.roleArn,
        });
    }
}
