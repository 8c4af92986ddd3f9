import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { KafkaStreamsSettings } from "./streams-app-args";
import { PATHS, configFiles } from "./streams-properties";
import { mskRegion } from "./msk-arn";

type Probe = k8s.types.input.core.v1.Probe;
type EnvVar = k8s.types.input.core.v1.EnvVar;

const PROBE_PERIOD_SECONDS = 10;

/** Environment variables the pod always sets (AWS_REGION is set too with IAM auth). */
export const RESERVED_ENV = [
    "POD_NAME",
    "POD_NAMESPACE",
    "KAFKA_STREAMS_CONFIG_FILES",
    "KAFKA_STREAMS_GROUP_INSTANCE_ID",
    "KAFKA_STREAMS_APPLICATION_SERVER",
    "KAFKA_STREAMS_CLOSE_TIMEOUT_MS",
];

/** Startup, liveness and readiness probes: overrides win, else HTTP probes on the health endpoints. */
export function probes(s: KafkaStreamsSettings): { startup: Probe; liveness: Probe; readiness: Probe } {
    const http = (path: string) => ({ path, port: "http" });
    return {
        // Restoring state from changelogs can take long: the startup probe holds off liveness until then.
        startup: s.probes.startup ?? {
            httpGet: http(s.health.livenessPath),
            periodSeconds: PROBE_PERIOD_SECONDS,
            timeoutSeconds: 5,
            failureThreshold: Math.ceil(s.health.startupTimeoutSeconds / PROBE_PERIOD_SECONDS),
        },
        // Liveness must fail only when Streams is ERROR or NOT_RUNNING: a rebalance is not a reason to restart.
        liveness: s.probes.liveness ?? {
            httpGet: http(s.health.livenessPath),
            periodSeconds: PROBE_PERIOD_SECONDS,
            timeoutSeconds: 5,
            failureThreshold: 6,
        },
        readiness: s.probes.readiness ?? {
            httpGet: http(s.health.readinessPath),
            periodSeconds: PROBE_PERIOD_SECONDS,
            timeoutSeconds: 5,
            failureThreshold: 3,
        },
    };
}

/** Environment: where the config is, the pod name for static membership, the close timeout. */
export function environment(s: KafkaStreamsSettings, headlessService: string): EnvVar[] {
    const env: EnvVar[] = [
        { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
        { name: "POD_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
        { name: "KAFKA_STREAMS_CONFIG_FILES", value: configFiles(s.connection).join(",") },
        // StatefulSet pod names are stable (app-0, app-1, ...): static membership survives restarts without a rebalance.
        { name: "KAFKA_STREAMS_GROUP_INSTANCE_ID", value: "$(POD_NAME)" },
        {
            name: "KAFKA_STREAMS_APPLICATION_SERVER",
            value: `$(POD_NAME).${headlessService}.$(POD_NAMESPACE).svc.cluster.local:${s.health.port}`,
        },
        { name: "KAFKA_STREAMS_CLOSE_TIMEOUT_MS", value: String(s.closeTimeoutSeconds * 1000) },
    ];
    if (s.connection.authMode === "iam" && s.connection.clusterArn !== undefined) {
        env.push({ name: "AWS_REGION", value: mskRegion(s.connection.clusterArn) });
    }
    for (const [name, value] of Object.entries(s.env)) env.push({ name, value });
    return env;
}

export interface PodTemplateInputs {
    labels: Record<string, string>;
    selector: Record<string, string>;
    serviceAccountName: string;
    configMapName: pulumi.Input<string>;
    credentialsSecretName?: pulumi.Input<string>;
    headlessService: string;
    configChecksum: pulumi.Input<string>;
}

/** The restricted, non-root pod that runs the Streams container. */
export function podTemplate(s: KafkaStreamsSettings, p: PodTemplateInputs): k8s.types.input.core.v1.PodTemplateSpec {
    const probe = probes(s);
    const volumes: k8s.types.input.core.v1.Volume[] = [
        { name: "config", configMap: { name: p.configMapName } },
        // JVM and RocksDB need a writable temp dir; the root filesystem is read-only.
        { name: "tmp", emptyDir: {} },
    ];
    const mounts: k8s.types.input.core.v1.VolumeMount[] = [
        { name: "config", mountPath: PATHS.configDir, readOnly: true },
        { name: "tmp", mountPath: "/tmp" },
        { name: "state", mountPath: PATHS.stateDir },
    ];
    if (!s.stateful) volumes.push({ name: "state", emptyDir: {} });
    if (p.credentialsSecretName !== undefined) {
        volumes.push({ name: "credentials", secret: { secretName: p.credentialsSecretName, defaultMode: 0o400 } });
        mounts.push({ name: "credentials", mountPath: PATHS.credentialsDir, readOnly: true });
    }
    return {
        metadata: { labels: p.labels, annotations: { "spectrum.dev/config-checksum": p.configChecksum } },
        spec: {
            serviceAccountName: p.serviceAccountName,
            // AWS credentials come from the IRSA / Pod Identity token the webhook mounts; the app needs no Kubernetes API token.
            automountServiceAccountToken: false,
            terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
            securityContext: {
                runAsNonRoot: true,
                runAsUser: s.runAsUser,
                runAsGroup: s.runAsUser,
                fsGroup: s.runAsUser,
                fsGroupChangePolicy: "OnRootMismatch",
                seccompProfile: { type: "RuntimeDefault" },
            },
            // Spread replicas (and so standbys) over zones, so a zone loss keeps a warm copy of each store.
            topologySpreadConstraints: [
                {
                    maxSkew: 1,
                    topologyKey: "topology.kubernetes.io/zone",
                    whenUnsatisfiable: "ScheduleAnyway",
                    labelSelector: { matchLabels: p.selector },
                },
            ],
            containers: [
                {
                    name: "streams",
                    image: s.image,
                    ports: [{ name: "http", containerPort: s.health.port, protocol: "TCP" }],
                    env: environment(s, p.headlessService),
                    resources: { requests: s.resources.requests, limits: s.resources.limits },
                    startupProbe: probe.startup,
                    livenessProbe: probe.liveness,
                    readinessProbe: probe.readiness,
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        readOnlyRootFilesystem: true,
                        privileged: false,
                        capabilities: { drop: ["ALL"] },
                    },
                    volumeMounts: mounts,
                },
            ],
            volumes,
        },
    };
}
