import { FlinkOperatorSettings } from "./operator-args";

/** Lease the operator replicas elect a leader with; unique within the operator's namespace. */
export const LEADER_LEASE = "flink-operator-lease";

/**
 * Operator configuration keys FlinkOperator sets itself, from its typed args. Written to the
 * chart's `flink-conf.yaml` value, which chart 1.15 mounts as the operator's config file.
 */
export function operatorConfig(s: FlinkOperatorSettings): Record<string, string> {
    return {
        "kubernetes.operator.metrics.reporter.prom.factory.class": "org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
        "kubernetes.operator.metrics.reporter.prom.port": String(s.metricsPort),
        ...(s.replicas > 1
            ? { "kubernetes.operator.leader-election.enabled": "true", "kubernetes.operator.leader-election.lease-name": LEADER_LEASE }
            : {}),
    };
}

/** `key: value` lines, ours after the user's extras, each sorted for stable diffs. */
function configLines(s: FlinkOperatorSettings): string {
    const ours = operatorConfig(s);
    const lines = (m: Record<string, string>) =>
        Object.keys(m)
            .sort()
            .map((k) => `${k}: ${m[k]}`);
    return [...lines(s.config), ...lines(ours)].join("\n") + "\n";
}

const containerSecurity = {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ["ALL"] },
    runAsNonRoot: true,
    readOnlyRootFilesystem: false,
};

/** Helm values of the operator chart. */
export function operatorValues(s: FlinkOperatorSettings, labels: Record<string, string>) {
    return {
        image: { repository: s.imageRepository, tag: s.version, pullPolicy: "IfNotPresent" },
        replicas: s.replicas,
        // The chart requires Recreate unless leader election lets two operators overlap.
        strategy: { type: s.replicas > 1 ? "RollingUpdate" : "Recreate" },
        watchNamespaces: s.jobNamespaces,
        webhook: { create: s.certManager !== "none" },
        metrics: { port: s.metricsPort },
        rbac: { create: true, jobRole: { create: true, name: "flink" }, jobRoleBinding: { create: true, name: "flink-role-binding" } },
        jobServiceAccount: { create: true, name: "flink" },
        defaultConfiguration: { create: true, append: true, "flink-conf.yaml": configLines(s) },
        podSecurityContext: { runAsUser: 9999, runAsGroup: 9999, runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        operatorSecurityContext: containerSecurity,
        webhookSecurityContext: containerSecurity,
        operatorPod: {
            labels,
            annotations: { "prometheus.io/scrape": "true", "prometheus.io/port": String(s.metricsPort) },
            resources: { requests: { cpu: s.resources.cpu, memory: s.resources.memory }, limits: { memory: s.resources.memory } },
            webhook: { resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } } },
        },
    };
}

/** Helm values of the cert-manager chart: its CRDs installed and kept when the release goes. */
export function certManagerValues() {
    return { crds: { enabled: true, keep: true } };
}
