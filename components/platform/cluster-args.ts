import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { v, strict, input, explain, awsTagMap } from "../core/schema";
import { parseIpv4Cidr } from "./checks";
import { kubernetesVersionProblem, newestEksVersion } from "./eks-versions";
import { platformProfile, wholeNumber } from "./fields";
import { NetworkPlacement } from "./network";
import { nodeInstanceTypeProblem } from "./node-instance-types";
import { CLUSTER_SUPPORT_TYPES, ClusterSupportType, PlatformProfile, ProfileDefaults, profileDefaults } from "./profile";

/** The Kubernetes minor version new clusters get: the newest in the EKS version catalog (`EKS_VERSIONS`). */
export const DEFAULT_KUBERNETES_VERSION = newestEksVersion().version;

/** Control-plane log types EKS can send to CloudWatch Logs. */
export type ControlPlaneLogType = "api" | "audit" | "authenticator" | "controllerManager" | "scheduler";
export const CONTROL_PLANE_LOG_TYPES: readonly ControlPlaneLogType[] = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

const KUBERNETES_VERSION = /^1\.\d+$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/;
const OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/\S+$/;
const OIDC_ISSUER_URL = /^(https:\/\/)?[A-Za-z0-9.-]+(\/\S*)?$/;
// EKS's CreateCluster model: 1-100 characters, alphanumeric first, then letters, digits, - and _.
const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
// The AL2023 AMI's root snapshot is 20 GiB: EC2 refuses a smaller root volume; gp3 stops at 16 TiB.
const MIN_DISK_GIB = 20;
const MAX_DISK_GIB = 16384;
const ANY = Number.MAX_SAFE_INTEGER;

/** Whether a value is a Kubernetes provider: Pulumi types a provider resource `pulumi:providers:<package>`. */
function isKubernetesProvider(value: unknown): boolean {
    return pulumi.CustomResource.isInstance(value) && (value as { __pulumiType?: unknown }).__pulumiType === "pulumi:providers:kubernetes";
}

/** Whether a value can be a network placement; its fields are checked by the validator, on the object as given. */
function isPlacement(value: unknown): boolean {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !pulumi.Output.isInstance(value);
}

const kubernetesVersion = v.pipe(
    v.string((issue) =>
        typeof issue.input === "number"
            ? explain(
                  "is a number, not a version string (YAML reads 1.30 as the number 1.3)",
                  `Quote it in the stack config, e.g. "${DEFAULT_KUBERNETES_VERSION}"`,
              )
            : "string",
    ),
    v.regex(KUBERNETES_VERSION, explain("not a Kubernetes minor version", `Write it as "1.<minor>", e.g. "${DEFAULT_KUBERNETES_VERSION}"`)),
    v.rawCheck(({ dataset, addIssue }) => {
        const found = dataset.typed ? kubernetesVersionProblem(dataset.value) : undefined;
        if (found) addIssue({ message: explain(found.problem, found.fix) });
    }),
);
const nodeInstanceType = v.pipe(
    v.string(),
    v.rawCheck(({ dataset, addIssue }) => {
        const found = dataset.typed ? nodeInstanceTypeProblem(dataset.value) : undefined;
        if (found) addIssue({ message: explain(found.problem, found.fix) });
    }),
);
const ipv4Cidr = v.pipe(
    v.string(),
    v.check(
        (text: string) => parseIpv4Cidr(text) !== undefined,
        explain("not an IPv4 CIDR block", 'Write it as address/prefix, e.g. "203.0.113.0/24"'),
    ),
);

/** A cluster you already run. Nothing is created for it but the Kubernetes provider. */
export const existingClusterShape = {
    /** Kubeconfig of the cluster (YAML or JSON); pass it as a secret. Default: none (required unless `provider` is given). */
    kubeconfig: v.optional(input(v.pipe(v.string(), v.nonEmpty(explain("is empty", "Set the cluster's kubeconfig (YAML or JSON)"))))),
    /** A provider already configured for the cluster. Default: one is made from `kubeconfig`. */
    provider: v.optional(
        v.custom<k8s.Provider>(
            isKubernetesProvider,
            explain("is not a Kubernetes provider", "Pass a k8s.Provider, or set existing.kubeconfig instead"),
        ),
    ),
    /** EKS cluster name: needed by components that use EKS Pod Identity. Default: none. */
    clusterName: v.optional(
        input(
            v.pipe(
                v.string(),
                v.regex(
                    EKS_CLUSTER_NAME,
                    explain(
                        "not an EKS cluster name (1-100 letters, digits, - and _, starting with a letter or digit)",
                        "Use the name EKS shows",
                    ),
                ),
            ),
        ),
    ),
    /** IAM OIDC provider ARN of the cluster: needed for IRSA. Default: none. */
    oidcProviderArn: v.optional(
        input(
            v.pipe(
                v.string(),
                v.regex(
                    OIDC_PROVIDER_ARN,
                    explain(
                        "not an IAM OIDC provider ARN",
                        "Use the ARN IAM shows, arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>",
                    ),
                ),
            ),
        ),
    ),
    /** OIDC issuer URL of the cluster (with or without `https://`): needed for IRSA, with `oidcProviderArn`. Default: none. */
    oidcProviderUrl: v.optional(
        input(
            v.pipe(
                v.string(),
                v.regex(
                    OIDC_ISSUER_URL,
                    explain("not an OIDC issuer URL", "Use the cluster's issuer, e.g. https://oidc.eks.<region>.amazonaws.com/id/<id>"),
                ),
            ),
        ),
    ),
};
/** The schema of an existing cluster, built from {@link existingClusterShape}. */
export const existingCluster: v.StrictObjectSchema<typeof existingClusterShape, undefined> = strict(existingClusterShape);
/** A cluster you already run. Nothing is created for it but the Kubernetes provider. */
export type ExistingCluster = v.InferInput<typeof existingCluster>;

/** The node group's size; each field overrides the profile's default. */
export const nodeGroupSizingShape = {
    /** Graviton (arm64) instance types EC2 offers (`GRAVITON_INSTANCE_FAMILIES`). Default: dev `["m7g.large"]`, prod `["m7g.xlarge"]`. */
    instanceTypes: v.optional(
        v.pipe(
            v.array(nodeInstanceType),
            v.minLength(1, explain("the node group needs at least one instance type", 'List Graviton types such as ["m7g.large"]')),
        ),
    ),
    /** Fewest nodes. Default: dev 2, prod 3 (lowered to `maxSize` when that is set lower). */
    minSize: v.optional(wholeNumber(0, ANY, "must be a whole number, 0 or more", "Use an integer such as 2")),
    /** Nodes at creation. Default: dev 2, prod 3, kept between `minSize` and `maxSize`. */
    desiredSize: v.optional(wholeNumber(0, ANY, "must be a whole number, 0 or more", "Use an integer between minSize and maxSize")),
    /** Most nodes. Default: dev 3, prod 6 (raised to `minSize` when that is set higher). */
    maxSize: v.optional(wholeNumber(1, ANY, "must be a whole number, at least 1", "Use an integer such as 3")),
    /** Encrypted gp3 root volume per node, GiB (images and emptyDir live there). Default: dev 50, prod 100. */
    diskSizeGiB: v.optional(
        wholeNumber(
            MIN_DISK_GIB,
            MAX_DISK_GIB,
            `must be a whole number of GiB from ${MIN_DISK_GIB} (the AMI's own size) to ${MAX_DISK_GIB}`,
            "Use e.g. 50 for dev, 100 for prod",
        ),
    ),
};
/** The schema of the node group's size, built from {@link nodeGroupSizingShape}. */
export const nodeGroupSizing: v.StrictObjectSchema<typeof nodeGroupSizingShape, undefined> = strict(nodeGroupSizingShape);
/** The node group's size; each field overrides the profile's default. */
export type NodeGroupSizing = v.InferInput<typeof nodeGroupSizing>;

/**
 * The declaration of {@link PlatformCluster}'s args. Settings for a cluster created here have their
 * defaults applied in `resolveSettings`, so one given next to `existing` can be refused.
 */
export const platformClusterShape = {
    /** Sizing profile: node group size and support policy defaults. Default: `dev`. */
    profile: v.optional(platformProfile, "dev"),
    /** The VPC and private subnets: a `PlatformNetwork` or your own placement (`NetworkPlacement`). Default: none (required unless `existing` is set). */
    network: v.optional(
        v.custom<NetworkPlacement>(
            isPlacement,
            explain("is not a network", "Pass a PlatformNetwork, or { vpcId, privateSubnetIds } of your own"),
        ),
    ),
    /** Use an existing cluster instead of creating one; then every other cluster setting is refused. Default: none (a cluster is created). */
    existing: v.optional(existingCluster),
    /** Kubernetes minor version, e.g. `1.36`; one EKS offers (`EKS_VERSIONS`). Default: `DEFAULT_KUBERNETES_VERSION` (the newest). */
    kubernetesVersion: v.optional(kubernetesVersion),
    /**
     * Whether the API server also has a public endpoint (the private one is always on). `pulumi up`
     * must reach the API server to deploy workloads: turn this off only when it runs inside the VPC.
     * Default: true.
     */
    publicEndpoint: v.optional(v.boolean()),
    /**
     * CIDR blocks allowed to reach the public endpoint (requests are still authenticated by IAM).
     * Default: dev `["0.0.0.0/0"]`; prod has no default and must list them while `publicEndpoint` is on.
     */
    publicAccessCidrs: v.optional(v.array(ipv4Cidr)),
    /** Node group size, field by field. Default: the profile's. */
    nodes: v.optional(nodeGroupSizing),
    /** Control-plane logs sent to CloudWatch Logs. Default: `["api", "audit", "authenticator"]`. */
    controlPlaneLogTypes: v.optional(v.array(v.picklist(CONTROL_PLANE_LOG_TYPES))),
    /**
     * EKS version support policy once the version leaves standard support: `STANDARD` lets EKS
     * upgrade the control plane to the next minor, `EXTENDED` keeps the version 12 months longer at
     * 6x the control-plane price. Plan upgrades instead (see the README's runbook). Default:
     * `STANDARD` for every profile.
     */
    supportType: v.optional(v.picklist(CLUSTER_SUPPORT_TYPES)),
    /**
     * IAM role or user ARNs given cluster-admin through EKS access entries. The identity that runs
     * the first `pulumi up` is admin anyway. Default: none.
     */
    adminPrincipalArns: v.optional(
        v.array(
            v.pipe(
                v.string(),
                v.regex(
                    PRINCIPAL_ARN,
                    explain("not an IAM role or user ARN", 'Use an ARN such as "arn:aws:iam::123456789012:role/platform-admin"'),
                ),
            ),
        ),
    ),
    /**
     * Protect the secrets encryption key from deletion and replacement and turn on EKS deletion
     * protection. Set to `false` only for throwaway dev stacks. Default: true.
     */
    protect: v.optional(
        v.boolean(explain("must be true or false", "Write protect: true (the default) or protect: false for a throwaway dev stack")),
    ),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link PlatformCluster}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const platformClusterArgs: v.StrictObjectSchema<typeof platformClusterShape, undefined> = strict(platformClusterShape);
/** Arguments of {@link PlatformCluster}: the network and shape of a new EKS cluster, or an existing cluster. */
export type PlatformClusterArgs = v.InferInput<typeof platformClusterArgs>;
/** The args as checked, with the declared defaults applied. */
export type PlatformClusterInput = v.InferOutput<typeof platformClusterArgs>;

/** Settings that only mean something for a cluster created here. */
export const CREATE_ONLY = [
    "network",
    "kubernetesVersion",
    "publicEndpoint",
    "publicAccessCidrs",
    "nodes",
    "controlPlaneLogTypes",
    "supportType",
    "adminPrincipalArns",
    "protect",
] as const;

export interface ResolvedNodeGroup {
    instanceTypes: string[];
    minSize: number;
    desiredSize: number;
    maxSize: number;
    diskSizeGiB: number;
}

/** The fully populated settings the component reads (and nothing else). */
export interface ClusterSettings {
    profile: PlatformProfile;
    existing?: v.InferOutput<typeof existingCluster>;
    network?: NetworkPlacement;
    kubernetesVersion: string;
    publicEndpoint: boolean;
    publicAccessCidrs: string[];
    nodes: ResolvedNodeGroup;
    controlPlaneLogTypes: ControlPlaneLogType[];
    supportType: ClusterSupportType;
    adminPrincipalArns: string[];
    protect: boolean;
    tags: Record<string, string>;
}

/** Resolves checked args into settings: the profile's defaults, node sizes that follow the ones given. */
export function resolveSettings(args: PlatformClusterInput): ClusterSettings {
    const d = profileDefaults(args.profile);
    const publicEndpoint = args.publicEndpoint ?? true;
    return {
        profile: args.profile,
        existing: args.existing,
        network: args.network,
        kubernetesVersion: args.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
        publicEndpoint,
        // Production gets no open default: validation asks for the deployers' ranges instead.
        publicAccessCidrs: args.publicAccessCidrs ?? (publicEndpoint && args.profile === "dev" ? ["0.0.0.0/0"] : []),
        nodes: resolveNodes(args.nodes ?? {}, d),
        controlPlaneLogTypes: args.controlPlaneLogTypes ?? ["api", "audit", "authenticator"],
        supportType: args.supportType ?? d.supportType,
        adminPrincipalArns: args.adminPrincipalArns ?? [],
        protect: args.protect ?? true,
        tags: args.tags,
    };
}

/**
 * Defaults follow what the user did set, so `{ minSize: 8 }` alone is a valid request; values the
 * user set are never changed (validation rejects inconsistent ones instead).
 */
function resolveNodes(n: v.InferOutput<typeof nodeGroupSizing>, d: ProfileDefaults): ResolvedNodeGroup {
    const maxSize = n.maxSize ?? (n.minSize !== undefined ? Math.max(d.nodeMaxSize, n.minSize) : d.nodeMaxSize);
    const minSize = n.minSize ?? Math.min(d.nodeMinSize, maxSize);
    const desiredSize = n.desiredSize ?? Math.min(Math.max(d.nodeDesiredSize, minSize), maxSize);
    return {
        instanceTypes: n.instanceTypes ?? d.nodeInstanceTypes,
        minSize,
        desiredSize,
        maxSize,
        diskSizeGiB: n.diskSizeGiB ?? d.nodeDiskSizeGiB,
    };
}
