import { KubernetesTarget } from "../core/contracts";
import { explain, k8sLabelMap, k8sQuantity, map, strict, v } from "../core/schema";
import { kubernetesTarget } from "../core/schema/contracts";
import { IMAGE_REPOSITORY, namespaceName, port, wholeNumber } from "./arg-values";
import {
    DEFAULT_CERT_MANAGER_VERSION,
    DEFAULT_OPERATOR_IMAGE_REPOSITORY,
    DEFAULT_OPERATOR_VERSION,
    OPERATOR_FLINK_VERSIONS,
} from "./versions";

/**
 * cert-manager issues the certificate of the operator's admission webhook. `install`: a Helm
 * release of the jetstack chart, ordered before the operator; `present`: the cluster already runs
 * it; `none`: no webhook (the operator still validates every resource, only later, as an event).
 */
export type CertManagerMode = "install" | "present" | "none";

/** Pod Security Standard enforced on a namespace. */
export type PodSecurityLevel = "restricted" | "baseline";

/** Ports the operator pod already uses: health probes and the webhook. */
export const OPERATOR_RESERVED_PORTS = [8085, 9443];

/** Requests (and memory limit) of the operator container. */
export const flinkOperatorResourcesShape = {
    /** CPU request, a Kubernetes quantity. Default: `"250m"`. */
    cpu: v.optional(k8sQuantity(), "250m"),
    /** Memory request and limit, a Kubernetes quantity. Default: `"1Gi"`. */
    memory: v.optional(k8sQuantity(), "1Gi"),
};
/** The schema of the operator's container resources. */
export const flinkOperatorResources: v.StrictObjectSchema<typeof flinkOperatorResourcesShape, undefined> =
    strict(flinkOperatorResourcesShape);
/** Requests (and memory limit) of the operator container. */
export type FlinkOperatorResources = v.InferInput<typeof flinkOperatorResources>;

/** The declaration of {@link FlinkOperator}'s args: type, structural check, defaults and README table. */
export const flinkOperatorShape = {
    /** The cluster: its Kubernetes provider (and the identity details jobs use). Default: none (required). */
    target: kubernetesTarget,
    /** Operator release to install (chart, image and CRDs): one whose CRD spectrum knows (`OPERATOR_FLINK_VERSIONS`). Default: `"1.15.0"`, the latest release. */
    version: v.optional(
        v.pipe(
            v.string(),
            v.regex(
                /^\d+\.\d+\.\d+$/,
                explain("is not an operator release version", `Use a release such as "${DEFAULT_OPERATOR_VERSION}"`),
            ),
            v.check(
                (version) => OPERATOR_FLINK_VERSIONS[version] !== undefined,
                explain(
                    "is not an operator release whose CRDs spectrum knows",
                    `Use ${Object.keys(OPERATOR_FLINK_VERSIONS)
                        .map((k) => `"${k}"`)
                        .join(", ")}, or add the release's CRD Flink versions to OPERATOR_FLINK_VERSIONS in flink/versions.ts`,
                ),
            ),
        ),
        DEFAULT_OPERATOR_VERSION,
    ),
    /** Namespace of the operator, created here. Default: `"flink-operator"`. */
    namespace: v.optional(namespaceName(), "flink-operator"),
    /**
     * Namespaces the operator watches and where FlinkJobs run; the chart creates the `flink` service
     * account and RBAC in each. At least one: with none the operator would watch every namespace.
     * Default: `["flink"]`.
     */
    jobNamespaces: v.optional(
        v.pipe(
            v.array(namespaceName()),
            v.minLength(
                1,
                explain(
                    "the operator would watch every namespace and get cluster-wide RBAC",
                    'List the namespaces jobs run in, e.g. ["flink"]',
                ),
            ),
        ),
        ["flink"],
    ),
    /** Create the job namespaces (with a Pod Security Standard label; the operator's own namespace, if listed, is created once, as the operator's). Set to false when they exist already. Default: true. */
    createJobNamespaces: v.optional(v.boolean(), true),
    /** Pod Security Standard enforced on job namespaces created here. Default: `"restricted"`. */
    jobNamespacePodSecurity: v.optional(
        v.picklist(["restricted", "baseline"] as const satisfies readonly PodSecurityLevel[]),
        "restricted",
    ),
    /**
     * Where the webhook's certificate comes from: `install` a cert-manager Helm release (ordered
     * before the operator), `present` (the cluster runs cert-manager already) or `none` (no webhook:
     * the operator still validates every resource, only later, as an event). Default: `"install"`.
     */
    certManager: v.optional(v.picklist(["install", "present", "none"] as const satisfies readonly CertManagerMode[]), "install"),
    /** cert-manager chart version when `certManager` is `install` (v1.15 or later: it uses `crds.enabled`). Default: `"v1.21.1"`. */
    certManagerVersion: v.optional(v.string(), DEFAULT_CERT_MANAGER_VERSION),
    /** Operator replicas; more than 1 turns on leader election (and a rolling update strategy). Default: 1. */
    replicas: v.optional(wholeNumber(1, "must be a positive integer", "Use 1, or 2 for a standby with leader election"), 1),
    /** Port of the operator's Prometheus metrics endpoint: unprivileged, not 8085 (health) or 9443 (webhook). Default: 9999. */
    metricsPort: v.optional(port(OPERATOR_RESERVED_PORTS, "the operator's health probe and webhook", "Use the default 9999"), 9999),
    /** Operator image repository, without a tag (the tag is always `version`), e.g. an ECR pull-through cache. Default: `"apache/flink-kubernetes-operator"`. */
    imageRepository: v.optional(
        v.pipe(
            v.string(),
            v.regex(
                IMAGE_REPOSITORY,
                explain(
                    "is not an image repository without tag or digest (the tag is always the operator version)",
                    'Write the repository only, e.g. "123456789012.dkr.ecr.us-east-1.amazonaws.com/apache/flink-kubernetes-operator"',
                ),
            ),
        ),
        DEFAULT_OPERATOR_IMAGE_REPOSITORY,
    ),
    /** Requests (and memory limit) of the operator container. Default: `{ cpu: "250m", memory: "1Gi" }`. */
    resources: v.optional(flinkOperatorResources, { cpu: "250m", memory: "1Gi" }),
    /** Extra operator configuration (`kubernetes.operator.*` and deployment defaults), appended to the chart's; single-line keys and values. Default: `{}`. */
    config: v.optional(map(v.string(), v.string()), {}),
    /** Labels added to the namespaces and the operator pod. Default: `{}`. */
    labels: v.optional(k8sLabelMap(), {}),
};
/** The schema of {@link FlinkOperator}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const flinkOperatorArgs: v.StrictObjectSchema<typeof flinkOperatorShape, undefined> = strict(flinkOperatorShape);
/** Arguments of {@link FlinkOperator}: the cluster, the release, the namespaces it watches, and cert-manager. */
export type FlinkOperatorArgs = v.InferInput<typeof flinkOperatorArgs>;
/** The args with every default applied. */
export type FlinkOperatorInput = v.InferOutput<typeof flinkOperatorArgs>;

/** The fully populated settings the component reads (and nothing else). */
export interface FlinkOperatorSettings {
    target: KubernetesTarget;
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

/** Resolves checked args (defaults applied) into settings. */
export function resolveFlinkOperatorSettings(args: FlinkOperatorInput): FlinkOperatorSettings {
    return { ...args, jobNamespaces: [...args.jobNamespaces], resources: { ...args.resources } };
}
