import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { isBlank, isInteger, parseIpv4Cidr } from "./checks";
import { CONTROL_PLANE_LOG_TYPES, ClusterSettings, DEFAULT_KUBERNETES_VERSION, ExistingCluster, PlatformClusterArgs } from "./cluster-args";
import { EKS_VERSIONS, EKS_VERSIONS_AS_OF, minorOf, newestEksVersion, versionNotice } from "./eks-versions";
import { PLATFORM_PROFILES } from "./profile";

const COMPONENT = "PlatformCluster";
const KUBERNETES_VERSION = /^1\.(\d+)$/;
// The catalog's oldest entry: older minors have left extended support, and EKS creates no cluster with them.
const OLDEST_VERSION = EKS_VERSIONS[EKS_VERSIONS.length - 1].version;
const NEWEST_VERSION = newestEksVersion().version;
// Graviton families carry a `g` right after the generation digit: m7g, c7gn, r8g, t4g, im4gn, ...
const GRAVITON_TYPE = /^[a-z]+\d+g[a-z]*\.[a-z0-9]+$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/;
// The AL2023 AMI's root snapshot is 20 GiB: EC2 refuses a smaller root volume.
const MIN_DISK_GIB = 20;
const MAX_DISK_GIB = 16384;
const OPEN_TO_ALL = "0.0.0.0/0";

/** Settings that only mean something for a cluster created here. */
const CREATE_ONLY: ReadonlyArray<keyof PlatformClusterArgs> = [
    "network",
    "kubernetesVersion",
    "publicEndpoint",
    "publicAccessCidrs",
    "nodes",
    "controlPlaneLogTypes",
    "supportType",
    "adminPrincipalArns",
    "protect",
];

/** Rejects what EKS would reject, or would accept and then break, before anything is created. */
export function validatePlatformCluster(name: string, args: PlatformClusterArgs, s: ClusterSettings): void {
    const v = new Validator(COMPONENT, name);
    v.check(
        PLATFORM_PROFILES.includes(s.profile as never),
        "profile",
        args.profile,
        "unknown profile",
        `Use one of ${PLATFORM_PROFILES.map((p) => `"${p}"`).join(", ")}`,
    );
    if (s.existing) {
        validateExisting(v, s.existing);
        for (const field of CREATE_ONLY) {
            const value = pulumi.Resource.isInstance(args[field]) ? "[resource]" : args[field];
            if (value !== undefined)
                v.fail(
                    field,
                    value,
                    "only applies to a cluster created here, and existing is set",
                    `Remove ${field}, or remove existing to create the cluster`,
                );
        }
    } else {
        validateCreated(v, args, s);
    }
    v.throwIfInvalid();
    if (!s.existing) {
        const notice = versionNotice(s.kubernetesVersion, s.supportType, new Date().toISOString().slice(0, 10));
        if (notice !== undefined) pulumi.log.warn(`${COMPONENT} "${name}": ${notice}.`);
    }
}

function validateExisting(v: Validator, existing: ExistingCluster): void {
    const hasKubeconfig = !isBlank(existing.kubeconfig);
    v.check(
        hasKubeconfig || existing.provider !== undefined,
        "existing.kubeconfig",
        existing.kubeconfig,
        "an existing cluster needs a way in",
        "Set existing.kubeconfig (or existing.provider)",
    );
    v.check(
        !(hasKubeconfig && existing.provider !== undefined),
        "existing.provider",
        "[provider]",
        "kubeconfig and provider both say how to reach the cluster",
        "Set one of existing.kubeconfig and existing.provider",
    );
    const arn = !isBlank(existing.oidcProviderArn);
    const url = !isBlank(existing.oidcProviderUrl);
    if (arn !== url) {
        const [field, value] = arn
            ? ["existing.oidcProviderUrl", existing.oidcProviderUrl]
            : ["existing.oidcProviderArn", existing.oidcProviderArn];
        v.fail(
            field,
            value,
            "IRSA needs both the OIDC provider ARN and the issuer URL",
            "Set both existing.oidcProviderArn and existing.oidcProviderUrl, or neither",
        );
    }
}

function validateCreated(v: Validator, args: PlatformClusterArgs, s: ClusterSettings): void {
    if (!s.network) {
        v.fail(
            "network",
            s.network,
            "a new cluster needs a VPC and private subnets",
            "Pass a PlatformNetwork (or { vpcId, privateSubnetIds }) as network, or set existing",
        );
    } else {
        const subnets = s.network.privateSubnetIds;
        if (Array.isArray(subnets))
            v.check(
                subnets.length >= 2,
                "network.privateSubnetIds",
                subnets,
                "EKS needs subnets in at least two AZs",
                "Give the cluster private subnets in two or more AZs",
            );
        const azs = s.network.availabilityZoneCount;
        if (azs !== undefined)
            v.check(
                azs >= 2,
                "network.availabilityZoneCount",
                azs,
                "EKS needs subnets in at least two AZs",
                "Use a network that spans two or more AZs",
            );
    }
    const version = KUBERNETES_VERSION.exec(typeof s.kubernetesVersion === "string" ? s.kubernetesVersion : "");
    if (typeof s.kubernetesVersion === "number") {
        v.fail(
            "kubernetesVersion",
            args.kubernetesVersion,
            "a number, not a version string (YAML reads 1.30 as the number 1.3)",
            `Quote it in the stack config, e.g. "${DEFAULT_KUBERNETES_VERSION}"`,
        );
    } else if (!version)
        v.fail(
            "kubernetesVersion",
            args.kubernetesVersion,
            "not a Kubernetes minor version",
            `Write it as "1.<minor>", e.g. "${DEFAULT_KUBERNETES_VERSION}"`,
        );
    else {
        v.check(
            Number(version[1]) >= (minorOf(OLDEST_VERSION) ?? 0),
            "kubernetesVersion",
            args.kubernetesVersion,
            `EKS no longer creates clusters older than ${OLDEST_VERSION} (their extended support has ended; EKS version catalog as of ${EKS_VERSIONS_AS_OF})`,
            `Use a version EKS supports, e.g. the default "${DEFAULT_KUBERNETES_VERSION}"`,
        );
        v.check(
            Number(version[1]) <= (minorOf(NEWEST_VERSION) ?? Infinity),
            "kubernetesVersion",
            args.kubernetesVersion,
            `EKS offers no version newer than ${NEWEST_VERSION} (EKS version catalog as of ${EKS_VERSIONS_AS_OF})`,
            `Use ${NEWEST_VERSION} or older, or add the new version to platform/eks-versions.ts once EKS offers it`,
        );
    }

    v.check(
        typeof s.publicEndpoint === "boolean",
        "publicEndpoint",
        args.publicEndpoint,
        "must be true or false",
        "Write true (the default) or false",
    );
    validateEndpointAccess(v, args, s);
    validateNodes(v, args, s);

    const logTypes = Array.isArray(s.controlPlaneLogTypes) ? s.controlPlaneLogTypes : [];
    v.check(
        Array.isArray(s.controlPlaneLogTypes),
        "controlPlaneLogTypes",
        args.controlPlaneLogTypes,
        "must be a list",
        'Write a list such as ["api", "audit", "authenticator"]',
    );
    for (const t of logTypes)
        v.check(
            CONTROL_PLANE_LOG_TYPES.includes(t as never),
            "controlPlaneLogTypes",
            t,
            "unknown control-plane log type",
            `Use any of ${CONTROL_PLANE_LOG_TYPES.join(", ")}`,
        );
    v.check(
        new Set(logTypes).size === logTypes.length,
        "controlPlaneLogTypes",
        args.controlPlaneLogTypes,
        "lists a log type twice",
        "List each log type once",
    );

    v.check(
        s.supportType === "STANDARD" || s.supportType === "EXTENDED",
        "supportType",
        args.supportType,
        "unknown support type",
        'Use "STANDARD" or "EXTENDED"',
    );
    const admins = Array.isArray(s.adminPrincipalArns) ? s.adminPrincipalArns : [];
    v.check(
        Array.isArray(s.adminPrincipalArns),
        "adminPrincipalArns",
        args.adminPrincipalArns,
        "must be a list",
        'Write a list such as ["arn:aws:iam::123456789012:role/platform-admin"]',
    );
    admins.forEach((arn, i) =>
        v.check(
            typeof arn === "string" && PRINCIPAL_ARN.test(arn),
            `adminPrincipalArns[${i}]`,
            arn,
            "not an IAM role or user ARN",
            'Use an ARN such as "arn:aws:iam::123456789012:role/platform-admin"',
        ),
    );
    v.check(
        new Set(admins.map(accessEntryKey)).size === admins.length,
        "adminPrincipalArns",
        args.adminPrincipalArns,
        "lists one principal name twice",
        "List each principal once",
    );
    // Values from stack config arrive untyped: a YAML "no" must not silently turn protection off.
    v.check(
        typeof s.protect === "boolean",
        "protect",
        args.protect,
        "must be true or false",
        "Write protect: true (the default) or protect: false for a throwaway dev stack",
    );
}

function validateEndpointAccess(v: Validator, args: PlatformClusterArgs, s: ClusterSettings): void {
    const cidrs = Array.isArray(s.publicAccessCidrs) ? s.publicAccessCidrs : [];
    v.check(
        Array.isArray(s.publicAccessCidrs),
        "publicAccessCidrs",
        args.publicAccessCidrs,
        "must be a list",
        'Write a list such as ["203.0.113.0/24"]',
    );
    cidrs.forEach((c, i) =>
        v.check(
            parseIpv4Cidr(c) !== undefined,
            `publicAccessCidrs[${i}]`,
            c,
            "not an IPv4 CIDR block",
            'Write it as address/prefix, e.g. "203.0.113.0/24"',
        ),
    );
    if (s.publicEndpoint === false && cidrs.length > 0) {
        v.fail(
            "publicAccessCidrs",
            args.publicAccessCidrs,
            "there is no public endpoint to restrict (publicEndpoint is false)",
            "Remove publicAccessCidrs, or turn publicEndpoint on",
        );
    }
    if (s.publicEndpoint === true && s.profile === "prod") {
        v.check(
            cidrs.length > 0,
            "publicAccessCidrs",
            args.publicAccessCidrs,
            "a production API endpoint needs an allow-list",
            "List the CIDR blocks `pulumi up` and operators connect from, or set publicEndpoint: false when deploying from inside the VPC",
        );
        v.check(
            !cidrs.includes(OPEN_TO_ALL),
            "publicAccessCidrs",
            args.publicAccessCidrs,
            "a production API endpoint must not be open to the whole internet",
            "List the CIDR blocks `pulumi up` and operators connect from",
        );
    }
    if (s.publicEndpoint === true && s.profile !== "prod") {
        v.check(
            cidrs.length > 0,
            "publicAccessCidrs",
            args.publicAccessCidrs,
            "an empty list would leave the public endpoint reachable from nowhere",
            "List at least one CIDR block, or set publicEndpoint: false",
        );
    }
}

function validateNodes(v: Validator, args: PlatformClusterArgs, s: ClusterSettings): void {
    const n = s.nodes;
    const types = Array.isArray(n.instanceTypes) ? n.instanceTypes : [];
    v.check(
        types.length > 0,
        "nodes.instanceTypes",
        args.nodes?.instanceTypes,
        "the node group needs at least one instance type",
        'List Graviton types such as ["m7g.large"]',
    );
    types.forEach((t, i) =>
        v.check(
            typeof t === "string" && GRAVITON_TYPE.test(t),
            `nodes.instanceTypes[${i}]`,
            t,
            "not a Graviton (arm64) instance type: the nodes run the AL2023 arm64 AMI",
            "Use a Graviton type such as m7g.large, c7g.xlarge or r7g.large",
        ),
    );
    v.check(isInteger(n.minSize, 0), "nodes.minSize", n.minSize, "must be a whole number, 0 or more", "Use an integer such as 2");
    v.check(isInteger(n.maxSize, 1), "nodes.maxSize", n.maxSize, "must be a whole number, at least 1", "Use an integer such as 3");
    v.check(
        isInteger(n.desiredSize, 0),
        "nodes.desiredSize",
        n.desiredSize,
        "must be a whole number, 0 or more",
        "Use an integer between minSize and maxSize",
    );
    if (isInteger(n.minSize, 0) && isInteger(n.maxSize, 1)) {
        v.check(
            n.minSize <= n.maxSize,
            "nodes.minSize",
            n.minSize,
            `the node group cannot have more nodes at least (${n.minSize}) than at most (maxSize ${n.maxSize})`,
            `Lower minSize to ${n.maxSize} or less, or raise maxSize`,
        );
        if (isInteger(n.desiredSize, 0) && n.minSize <= n.maxSize) {
            v.check(
                n.desiredSize >= n.minSize && n.desiredSize <= n.maxSize,
                "nodes.desiredSize",
                n.desiredSize,
                `outside minSize..maxSize (${n.minSize}..${n.maxSize})`,
                `Use a size from ${n.minSize} to ${n.maxSize}`,
            );
        }
    }
    if (s.profile === "prod" && isInteger(n.minSize, 0)) {
        v.check(
            n.minSize >= 2,
            "nodes.minSize",
            n.minSize,
            "a production node group with fewer than 2 nodes loses every workload with one node",
            "Use 2 or more (the prod default is 3, one per AZ)",
        );
    }
    v.check(
        isInteger(n.diskSizeGiB, MIN_DISK_GIB, MAX_DISK_GIB),
        "nodes.diskSizeGiB",
        n.diskSizeGiB,
        `must be a whole number of GiB from ${MIN_DISK_GIB} (the AMI's own size) to ${MAX_DISK_GIB}`,
        "Use e.g. 50 for dev, 100 for prod",
    );
}

/** The access entry key of a principal: its name, so reordering the list does not replace entries. */
export function accessEntryKey(arn: string): string {
    const name = String(arn).split("/").pop() ?? String(arn);
    return `admin-${name.replace(/[^A-Za-z0-9-]/g, "-")}`;
}
