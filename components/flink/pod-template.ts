import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { FlinkVersion, S3Plugin, s3PluginJar } from "./versions";

/** The container name the operator merges a pod template into; any other name becomes a sidecar. */
export const MAIN_CONTAINER = "flink-main-container";

/** The `flink` user of the official images. */
export const FLINK_UID = 9999;

export interface PodTemplateInputs {
    version: FlinkVersion;
    s3Plugin: S3Plugin;
    metricsPort: number;
    labels: Record<string, string>;
    env: Record<string, pulumi.Input<string>>;
}

export interface EnvVar {
    name: string;
    value: pulumi.Input<string>;
}

/** Environment of the main container: the S3 plugin first, then the user's, sorted for stable diffs. */
export function mainContainerEnv(inputs: PodTemplateInputs): EnvVar[] {
    return [
        // The image's entrypoint links this jar from opt/ into plugins/ at start; a name that does
        // not match the image's Flink exactly makes the container exit.
        { name: "ENABLE_BUILT_IN_PLUGINS", value: s3PluginJar(inputs.s3Plugin, inputs.version.full) },
        ...Object.keys(inputs.env)
            .sort()
            .map((name) => ({ name, value: inputs.env[name] })),
    ];
}

/**
 * The pod template shared by JobManager and TaskManager pods: a restricted-profile security
 * context, the plugin env on the main container, and annotations that keep node autoscalers
 * (Cluster Autoscaler, Karpenter) from evicting a running job to consolidate nodes.
 */
export function podTemplate(inputs: PodTemplateInputs): k8s.types.input.core.v1.Pod {
    return {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
            labels: inputs.labels,
            annotations: {
                "cluster-autoscaler.kubernetes.io/safe-to-evict": "false",
                "karpenter.sh/do-not-disrupt": "true",
                "prometheus.io/scrape": "true",
                "prometheus.io/port": String(inputs.metricsPort),
            },
        },
        spec: {
            securityContext: {
                runAsNonRoot: true,
                runAsUser: FLINK_UID,
                runAsGroup: FLINK_UID,
                // Lets the non-root user read the projected IRSA token.
                fsGroup: FLINK_UID,
                seccompProfile: { type: "RuntimeDefault" },
            },
            containers: [
                {
                    name: MAIN_CONTAINER,
                    env: mainContainerEnv(inputs),
                    ports: [{ name: "metrics", containerPort: inputs.metricsPort, protocol: "TCP" }],
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        capabilities: { drop: ["ALL"] },
                        runAsNonRoot: true,
                        // The entrypoint writes plugins/ and conf/ at start, so the root filesystem stays writable.
                        readOnlyRootFilesystem: false,
                    },
                },
            ],
        },
    };
}
