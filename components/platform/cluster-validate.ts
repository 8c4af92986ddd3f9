import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { parseArgs } from "../core/schema";
import { CREATE_ONLY, ClusterSettings, PlatformClusterInput, platformClusterArgs, resolveSettings } from "./cluster-args";
import { MIN_AZS } from "./network-args";
import { clusterNameProblems } from "./names";

export const COMPONENT = "PlatformCluster";
const OPEN_TO_ALL = "0.0.0.0/0";

/**
 * Checks a PlatformCluster's args, structure first (the declaration in cluster-args.ts), then what
 * EKS would reject or accept and then break, and returns the settings the component reads. Throws
 * one SpectrumValidationError naming every problem; call it before registering anything.
 */
export function platformClusterSettings(name: string, args: unknown): ClusterSettings {
    const input = parseArgs(COMPONENT, name, platformClusterArgs, args);
    const s = resolveSettings(input);
    validatePlatformCluster(name, input, s);
    return s;
}

/** The rules across fields, and the names AWS derives from the component's name. */
export function validatePlatformCluster(name: string, args: PlatformClusterInput, s: ClusterSettings): void {
    const v = new Validator(COMPONENT, name);
    if (s.existing) {
        validateExisting(v, s.existing);
        // Settings for a cluster created here would silently do nothing next to `existing`.
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
        for (const found of clusterNameProblems(name)) v.fail("name", name, `${found.problem} (in ${found.where})`, found.fix);
        validateNetwork(v, s);
        validateEndpointAccess(v, args, s);
        validateNodes(v, s);
        validateLists(v, s);
    }
    v.throwIfInvalid();
}

function validateExisting(v: Validator, existing: NonNullable<ClusterSettings["existing"]>): void {
    v.check(
        existing.kubeconfig !== undefined || existing.provider !== undefined,
        "existing.kubeconfig",
        existing.kubeconfig,
        "an existing cluster needs a way in",
        "Set existing.kubeconfig (or existing.provider)",
    );
    v.check(
        !(existing.kubeconfig !== undefined && existing.provider !== undefined),
        "existing.provider",
        "[provider]",
        "kubeconfig and provider both say how to reach the cluster",
        "Set one of existing.kubeconfig and existing.provider",
    );
    const arn = existing.oidcProviderArn !== undefined;
    if (arn !== (existing.oidcProviderUrl !== undefined)) {
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

function validateNetwork(v: Validator, s: ClusterSettings): void {
    const network = s.network;
    if (!network) {
        v.fail(
            "network",
            network,
            "a new cluster needs a VPC and private subnets",
            "Pass a PlatformNetwork (or { vpcId, privateSubnetIds }) as network, or set existing",
        );
        return;
    }
    v.check(
        network.vpcId !== undefined,
        "network.vpcId",
        network.vpcId,
        "the network has no VPC id",
        "Pass a PlatformNetwork, or set vpcId",
    );
    const subnets = network.privateSubnetIds;
    if (subnets === undefined) {
        v.fail(
            "network.privateSubnetIds",
            subnets,
            "the network has no private subnets",
            "Pass a PlatformNetwork, or set privateSubnetIds",
        );
    } else if (Array.isArray(subnets)) {
        v.check(
            subnets.length >= MIN_AZS,
            "network.privateSubnetIds",
            subnets,
            "EKS needs subnets in at least two AZs",
            "Give the cluster private subnets in two or more AZs",
        );
    }
    const azs = network.availabilityZoneCount;
    if (azs !== undefined)
        v.check(
            azs >= MIN_AZS,
            "network.availabilityZoneCount",
            azs,
            "EKS needs subnets in at least two AZs",
            "Use a network that spans two or more AZs",
        );
}

function validateEndpointAccess(v: Validator, args: PlatformClusterInput, s: ClusterSettings): void {
    const cidrs = s.publicAccessCidrs;
    if (!s.publicEndpoint && cidrs.length > 0) {
        v.fail(
            "publicAccessCidrs",
            cidrs,
            "there is no public endpoint to restrict (publicEndpoint is false)",
            "Remove publicAccessCidrs, or turn publicEndpoint on",
        );
    }
    if (s.publicEndpoint && s.profile === "prod") {
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
            cidrs,
            "a production API endpoint must not be open to the whole internet",
            "List the CIDR blocks `pulumi up` and operators connect from",
        );
    }
    if (s.publicEndpoint && s.profile !== "prod") {
        v.check(
            cidrs.length > 0,
            "publicAccessCidrs",
            cidrs,
            "an empty list would leave the public endpoint reachable from nowhere",
            "List at least one CIDR block, or set publicEndpoint: false",
        );
    }
}

function validateNodes(v: Validator, s: ClusterSettings): void {
    const n = s.nodes;
    v.check(
        n.minSize <= n.maxSize,
        "nodes.minSize",
        n.minSize,
        `the node group cannot have more nodes at least (${n.minSize}) than at most (maxSize ${n.maxSize})`,
        `Lower minSize to ${n.maxSize} or less, or raise maxSize`,
    );
    if (n.minSize <= n.maxSize) {
        v.check(
            n.desiredSize >= n.minSize && n.desiredSize <= n.maxSize,
            "nodes.desiredSize",
            n.desiredSize,
            `outside minSize..maxSize (${n.minSize}..${n.maxSize})`,
            `Use a size from ${n.minSize} to ${n.maxSize}`,
        );
    }
    if (s.profile === "prod") {
        v.check(
            n.minSize >= 2,
            "nodes.minSize",
            n.minSize,
            "a production node group with fewer than 2 nodes loses every workload with one node",
            "Use 2 or more (the prod default is 3, one per AZ)",
        );
    }
}

function validateLists(v: Validator, s: ClusterSettings): void {
    v.check(
        new Set(s.controlPlaneLogTypes).size === s.controlPlaneLogTypes.length,
        "controlPlaneLogTypes",
        s.controlPlaneLogTypes,
        "lists a log type twice",
        "List each log type once",
    );
    v.check(
        new Set(s.adminPrincipalArns.map(accessEntryKey)).size === s.adminPrincipalArns.length,
        "adminPrincipalArns",
        s.adminPrincipalArns,
        "lists one principal name twice",
        "List each principal once",
    );
}

/** The access entry key of a principal: its name, so reordering the list does not replace entries. */
export function accessEntryKey(arn: string): string {
    const name = arn.split("/").pop() ?? arn;
    return `admin-${name.replace(/[^A-Za-z0-9-]/g, "-")}`;
}
