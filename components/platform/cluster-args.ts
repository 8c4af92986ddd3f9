import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { newestEksVersion } from "./eks-versions";
import { NetworkPlacement } from "./network";
import { ClusterSupportType, PlatformProfile, ProfileDefaults, profileDefaults } from "./profile";

/** The Kubernetes minor version new clusters get: the newest in the EKS version catalog (`EKS_VERSIONS`). */
export const DEFAULT_KUBERNETES_VERSION = newestEksVersion().version;

/** Control-plane log types EKS can send to CloudWatch Logs. */
export type ControlPlaneLogType = "api" | "audit" | "authenticator" | "controllerManager" | "scheduler";
export const CONTROL_PLANE_LOG_TYPES: readonly ControlPlaneLogType[] = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/** A cluster you already run. Nothing is created for it but the Kubernetes provider. */
export interface ExistingCluster {
    /** Kubeconfig of the cluster (YAML or JSON). Required unless `provider` is given. */
    kubeconfig?: pulumi.Input<string>;
    /** A provider already configured for the cluster. Default: one is made from `kubeconfig`. */
    provider?: k8s.Provider;
    /** EKS cluster name: needed by components that use EKS Pod Identity. Default: none. */
    clusterName?: pulumi.Input<string>;
    /** IAM OIDC provider ARN of the cluster: needed for IRSA. Default: none. */
    oidcProviderArn?: pulumi.Input<string>;
    /** OIDC issuer URL of the cluster: needed for IRSA, with `oidcProviderArn`. Default: none. */
    oidcProviderUrl?: pulumi.Input<string>;
}

/** The node group's size; each field overrides the profile's default. */
export interface NodeGroupSizing {
    /** Graviton (arm64) instance types. Default: dev `["m7g.large"]`, prod `["m7g.xlarge"]`. */
    instanceTypes?: string[];
    /** Fewest nodes. Default: dev 2, prod 3 (lowered to `maxSize` when that is set lower). */
    minSize?: number;
    /** Nodes at creation. Default: dev 2, prod 3, kept between `minSize` and `maxSize`. */
    desiredSize?: number;
    /** Most nodes. Default: dev 3, prod 6 (raised to `minSize` when that is set higher). */
    maxSize?: number;
    /** Encrypted gp3 root volume per node, GiB (images and emptyDir live there). Default: dev 50, prod 100. */
    diskSizeGiB?: number;
}

/** Arguments of {@link PlatformCluster}: the network and shape of a new EKS cluster, or an existing cluster. */
export interface PlatformClusterArgs {
    /** Sizing profile: node group size and support policy defaults. Default: `dev`. */
    profile?: PlatformProfile;
    /** The VPC and private subnets: a {@link PlatformNetwork} or your own placement. Required unless `existing` is set. */
    network?: NetworkPlacement;
    /** Use an existing cluster instead of creating one; then every other cluster setting is refused. Default: none (a cluster is created). */
    existing?: ExistingCluster;
    /** Kubernetes minor version, e.g. `1.36`; one EKS offers (`EKS_VERSIONS`). Default: {@link DEFAULT_KUBERNETES_VERSION} (the newest). */
    kubernetesVersion?: string;
    /**
     * Whether the API server also has a public endpoint (the private one is always on). `pulumi up`
     * must reach the API server to deploy workloads: turn this off only when it runs inside the VPC.
     * Default: true.
     */
    publicEndpoint?: boolean;
    /**
     * CIDR blocks allowed to reach the public endpoint (requests are still authenticated by IAM).
     * Default: dev `["0.0.0.0/0"]`; prod has no default and must list them while `publicEndpoint` is on.
     */
    publicAccessCidrs?: string[];
    /** Node group size, field by field. Default: the profile's. */
    nodes?: NodeGroupSizing;
    /** Control-plane logs sent to CloudWatch Logs. Default: `["api", "audit", "authenticator"]`. */
    controlPlaneLogTypes?: ControlPlaneLogType[];
    /**
     * EKS version support policy once the version leaves standard support: `STANDARD` lets EKS
     * upgrade the control plane to the next minor, `EXTENDED` keeps the version 12 months longer at
     * 6x the control-plane price. Plan upgrades instead (see the README's runbook). Default:
     * `STANDARD` for every profile.
     */
    supportType?: ClusterSupportType;
    /**
     * IAM role or user ARNs given cluster-admin through EKS access entries. The identity that runs
     * the first `pulumi up` is admin anyway. Default: none.
     */
    adminPrincipalArns?: string[];
    /**
     * Protect the secrets encryption key from deletion and replacement and turn on EKS deletion
     * protection. Set to `false` only for throwaway dev stacks. Default: true.
     */
    protect?: boolean;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

export interface ResolvedNodeGroup {
    instanceTypes: string[];
    minSize: number;
    desiredSize: number;
    maxSize: number;
    diskSizeGiB: number;
}

export interface ClusterSettings {
    profile: string;
    existing?: ExistingCluster;
    network?: NetworkPlacement;
    kubernetesVersion: string;
    publicEndpoint: boolean;
    publicAccessCidrs: string[];
    nodes: ResolvedNodeGroup;
    controlPlaneLogTypes: string[];
    supportType: string;
    adminPrincipalArns: string[];
    protect: boolean;
    tags: Record<string, string>;
}

export function resolvePlatformClusterSettings(args: PlatformClusterArgs): ClusterSettings {
    const profile = args.profile ?? "dev";
    const d = profileDefaults(profile);
    const publicEndpoint = args.publicEndpoint ?? true;
    return {
        profile,
        existing: args.existing,
        network: args.network,
        kubernetesVersion: args.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
        publicEndpoint,
        // Production gets no open default: validation asks for the deployers' ranges instead.
        publicAccessCidrs: args.publicAccessCidrs ?? (publicEndpoint && profile === "dev" ? ["0.0.0.0/0"] : []),
        nodes: resolveNodes(args.nodes ?? {}, d),
        controlPlaneLogTypes: args.controlPlaneLogTypes ?? ["api", "audit", "authenticator"],
        supportType: args.supportType ?? d.supportType,
        adminPrincipalArns: args.adminPrincipalArns ?? [],
        protect: args.protect ?? true,
        tags: args.tags ?? {},
    };
}

/**
 * Defaults follow what the user did set, so `{ minSize: 8 }` alone is a valid request; values the
 * user set are never changed (validation rejects inconsistent ones instead).
 */
function resolveNodes(n: NodeGroupSizing, d: ProfileDefaults): ResolvedNodeGroup {
    const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
    const maxSize = n.maxSize ?? (num(n.minSize) ? Math.max(d.nodeMaxSize, n.minSize) : d.nodeMaxSize);
    const minSize = n.minSize ?? (num(maxSize) ? Math.min(d.nodeMinSize, maxSize) : d.nodeMinSize);
    const desiredSize =
        n.desiredSize ?? (num(minSize) && num(maxSize) ? Math.min(Math.max(d.nodeDesiredSize, minSize), maxSize) : d.nodeDesiredSize);
    return {
        instanceTypes: n.instanceTypes ?? d.nodeInstanceTypes,
        minSize,
        desiredSize,
        maxSize,
        diskSizeGiB: n.diskSizeGiB ?? d.nodeDiskSizeGiB,
    };
}
