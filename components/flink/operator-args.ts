import { KubernetesTarget } from "../core/contracts";
import { DEFAULT_CERT_MANAGER_VERSION, DEFAULT_OPERATOR_IMAGE_REPOSITORY, DEFAULT_OPERATOR_VERSION } from "./versions";

/**
 * cert-manager issues the certificate of the operator's admission webhook. `install`: a Helm
 * release of the jetstack chart, ordered before the operator; `present`: the cluster already runs
 * it; `none`: no webhook (the operator still validates every resource, only later, as an event).
 */
export type CertManagerMode = "install" | "present" | "none";

/** Pod Security Standard enforced on a namespace. */
export type PodSecurityLevel = "restricted" | "baseline";

/** Arguments of {@link FlinkOperator}: the cluster, the release, the namespaces it watches, and cert-manager. */
export interface FlinkOperatorArgs {
    /** The cluster. Required. */
    target: KubernetesTarget;
    /** Operator release to install (chart, image and CRDs). Default: 1.15.0, the latest release. */
    version?: string;
    /** Namespace of the operator, created here. Default: `flink-operator`. */
    namespace?: string;
    /** Namespaces the operator watches and where FlinkJobs run; the chart creates the `flink` service account and RBAC in each. Default: `["flink"]`. */
    jobNamespaces?: string[];
    /** Create the job namespaces (with a Pod Security Standard label; the operator's own namespace, if listed, is created once, as the operator's). Set to false when they exist already. Default: true. */
    createJobNamespaces?: boolean;
    /** Pod Security Standard enforced on job namespaces created here. Default: `restricted`. */
    jobNamespacePodSecurity?: PodSecurityLevel;
    /** Where the webhook's certificate comes from. Default: `install`. */
    certManager?: CertManagerMode;
    /** cert-manager chart version when `certManager` is `install` (v1.15 or later: it uses `crds.enabled`). Default: v1.19.2. */
    certManagerVersion?: string;
    /** Operator replicas; more than 1 turns on leader election (and a rolling update strategy). Default: 1. */
    replicas?: number;
    /** Port of the operator's Prometheus metrics endpoint. Default: 9999. */
    metricsPort?: number;
    /** Operator image repository; the tag is always `version`. Default: `apache/flink-kubernetes-operator`. */
    imageRepository?: string;
    /** Requests (and memory limit) of the operator container. Default: `{ cpu: "250m", memory: "1Gi" }`. */
    resources?: { cpu?: string; memory?: string };
    /** Extra operator configuration (`kubernetes.operator.*` and deployment defaults), appended to the chart's. Default: none. */
    config?: Record<string, string>;
    /** Labels added to the namespaces and the operator pod. Default: none. */
    labels?: Record<string, string>;
}

export interface FlinkOperatorSettings {
    version: string;
    namespace: string;
    jobNamespaces: string[];
    createJobNamespaces: boolean;
    jobNamespacePodSecurity: PodSecurityLevel;
    certManager: CertManagerMode;
    certManagerVersion: string;
    replicas: number;
    metricsPort: number;
    imageRepository: string;
    resources: { cpu: string; memory: string };
    config: Record<string, string>;
    labels: Record<string, string>;
}

export function resolveFlinkOperatorSettings(args: FlinkOperatorArgs): FlinkOperatorSettings {
    return {
        version: args.version ?? DEFAULT_OPERATOR_VERSION,
        namespace: args.namespace ?? "flink-operator",
        jobNamespaces: args.jobNamespaces ?? ["flink"],
        createJobNamespaces: args.createJobNamespaces ?? true,
        jobNamespacePodSecurity: args.jobNamespacePodSecurity ?? "restricted",
        certManager: args.certManager ?? "install",
        certManagerVersion: args.certManagerVersion ?? DEFAULT_CERT_MANAGER_VERSION,
        replicas: args.replicas ?? 1,
        metricsPort: args.metricsPort ?? 9999,
        imageRepository: args.imageRepository ?? DEFAULT_OPERATOR_IMAGE_REPOSITORY,
        resources: { cpu: args.resources?.cpu ?? "250m", memory: args.resources?.memory ?? "1Gi" },
        config: args.config ?? {},
        labels: args.labels ?? {},
    };
}
