import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as eks from "@pulumi/eks";
import type * as k8s from "@pulumi/kubernetes";
import { KubernetesTarget } from "../core/contracts";
import { requirePeer } from "../core/optional-peers";
import { dataProtection } from "../core/protection";
import { awsTags } from "../core/tags";
import { DEFAULT_STORAGE_CLASS, defaultStorageClass, ebsCsiDriver } from "./block-storage";
import { ClusterSettings, PlatformClusterArgs } from "./cluster-args";
import { COMPONENT, accessEntryKey, platformClusterSettings } from "./cluster-validate";
import { versionNotice } from "./eks-versions";
import { NetworkPlacement } from "./network";
import { platformNodeGroup } from "./node-group";
import { childNameClaim, clashRegistry } from "../core/clashes";

const CLUSTER_ADMIN_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

/**
 * The Kubernetes side of the foundation, for the stacks that run anything on Kubernetes: an EKS
 * cluster (private endpoint, IAM access entries, envelope-encrypted secrets, control-plane logs,
 * OIDC provider for IRSA) with a Graviton managed node group in the private subnets, the EKS Pod
 * Identity agent, EBS volumes for stateful workloads, and a Kubernetes provider. Or an existing
 * cluster, described in `existing`, for which only the provider is made. Either way `target` is
 * what the Kubernetes components take.
 */
export class PlatformCluster extends pulumi.ComponentResource {
    /** Where workloads go, with what workload identity needs. */
    readonly target: KubernetesTarget;
    /** The provider for the cluster (also `target.provider`). */
    readonly provider: k8s.Provider;
    /** EKS cluster name, when known. */
    readonly clusterName?: pulumi.Output<string>;
    /** Name of the default StorageClass created here (encrypted gp3), if the cluster was created here. */
    readonly storageClassName?: string;
    /** The @pulumi/eks cluster, when it was created here. */
    readonly cluster?: eks.Cluster;
    /** The managed node group, when the cluster was created here. */
    readonly nodeGroup?: eks.ManagedNodeGroup;
    /** The KMS key that envelope-encrypts Kubernetes secrets, when the cluster was created here. */
    readonly secretsKey?: aws.kms.Key;

    constructor(name: string, args: PlatformClusterArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected cluster registers nothing, not even itself.
        const s: ClusterSettings = platformClusterSettings(name, args);
        clashRegistry().claimAll([childNameClaim(COMPONENT, name, opts?.parent)]);
        super("spectrum:index:PlatformCluster", name, {}, opts);
        const k8s = requirePeer("@pulumi/kubernetes", `PlatformCluster "${name}"`);

        if (s.existing) {
            this.provider = s.existing.provider ?? existingProvider(name, s.existing, this);
            this.target = {
                provider: this.provider,
                clusterName: s.existing.clusterName,
                oidcProviderArn: s.existing.oidcProviderArn,
                oidcProviderUrl: s.existing.oidcProviderUrl,
            };
            if (s.existing.clusterName !== undefined) this.clusterName = pulumi.output(s.existing.clusterName);
        } else {
            const notice = versionNotice(s.kubernetesVersion, s.supportType, new Date().toISOString().slice(0, 10));
            if (notice !== undefined) pulumi.log.warn(`${COMPONENT} "${name}": ${notice}.`, this);
            const eks = requirePeer("@pulumi/eks", `PlatformCluster "${name}"`);
            const tags = awsTags(COMPONENT, s.tags);
            const network = s.network as NetworkPlacement;
            this.secretsKey = new aws.kms.Key(
                `${name}-secrets-key`,
                {
                    description: `spectrum ${name}: envelope encryption of the EKS cluster's Kubernetes secrets`,
                    enableKeyRotation: true,
                    deletionWindowInDays: s.protect ? 30 : 7,
                    tags,
                },
                // Without this key the cluster cannot read its own secrets.
                { parent: this, ...dataProtection(s.protect) },
            );
            this.cluster = new eks.Cluster(
                `${name}-eks`,
                {
                    vpcId: network.vpcId,
                    privateSubnetIds: network.privateSubnetIds,
                    ...(network.publicSubnetIds !== undefined ? { publicSubnetIds: network.publicSubnetIds } : {}),
                    nodeAssociatePublicIpAddress: false,
                    version: s.kubernetesVersion,
                    authenticationMode: "API",
                    accessEntries: adminAccessEntries(s.adminPrincipalArns, tags),
                    createOidcProvider: true,
                    encryptionConfigKeyArn: this.secretsKey.arn,
                    endpointPrivateAccess: true,
                    endpointPublicAccess: s.publicEndpoint,
                    ...(s.publicEndpoint ? { publicAccessCidrs: s.publicAccessCidrs } : {}),
                    enabledClusterLogTypes: s.controlPlaneLogTypes,
                    upgradePolicy: { supportType: s.supportType },
                    deletionProtection: s.protect,
                    // Nodes come from the managed node group below, which uses the security group
                    // EKS creates for the cluster; the component's extra groups would be unused.
                    skipDefaultNodeGroup: true,
                    skipDefaultSecurityGroups: true,
                    tags,
                },
                { parent: this },
            );
            const clusterName = this.cluster.eksCluster.apply((c) => c.name);
            this.clusterName = clusterName;

            const nodes = platformNodeGroup(
                name,
                {
                    cluster: this.cluster,
                    clusterName,
                    kubernetesVersion: s.kubernetesVersion,
                    subnetIds: network.privateSubnetIds,
                    sizing: s.nodes,
                    tags,
                },
                this,
            );
            this.nodeGroup = nodes.nodeGroup;
            // A DaemonSet: the add-on only turns active once nodes run it.
            const podIdentityAgent = new aws.eks.Addon(
                `${name}-pod-identity-agent`,
                {
                    clusterName,
                    addonName: "eks-pod-identity-agent",
                    resolveConflictsOnCreate: "OVERWRITE",
                    resolveConflictsOnUpdate: "OVERWRITE",
                    tags,
                },
                { parent: this, dependsOn: [nodes.nodeGroup] },
            );
            const ebsCsi = ebsCsiDriver(
                name,
                {
                    clusterName,
                    oidcProviderArn: this.cluster.oidcProviderArn,
                    oidcProviderUrl: this.cluster.oidcProviderUrl,
                    tags,
                    dependsOn: [nodes.nodeGroup],
                },
                this,
            );
            // Everything deployed through the target waits for nodes, the identity agent and the
            // volume driver. (A claim made before the default StorageClass exists gets it assigned
            // once it does: retroactive default assignment, GA since Kubernetes 1.28.)
            this.provider = new k8s.Provider(
                `${name}-k8s`,
                { kubeconfig: this.cluster.kubeconfigJson },
                { parent: this, dependsOn: [nodes.nodeGroup, podIdentityAgent, ebsCsi.addon] },
            );
            defaultStorageClass(name, s.protect, this.provider, this);
            this.storageClassName = DEFAULT_STORAGE_CLASS;
            this.target = {
                provider: this.provider,
                clusterName,
                oidcProviderArn: this.cluster.oidcProviderArn,
                oidcProviderUrl: this.cluster.oidcProviderUrl,
            };
        }

        this.registerOutputs({
            clusterName: this.clusterName,
            oidcProviderArn: this.target.oidcProviderArn,
            oidcProviderUrl: this.target.oidcProviderUrl,
        });
    }
}

/** The provider for a cluster you bring: its kubeconfig is treated as a secret (it may hold tokens). */
function existingProvider(name: string, existing: NonNullable<ClusterSettings["existing"]>, parent: pulumi.Resource): k8s.Provider {
    const k8s = requirePeer("@pulumi/kubernetes", `PlatformCluster "${name}"`);
    return new k8s.Provider(`${name}-k8s`, { kubeconfig: pulumi.secret(existing.kubeconfig as pulumi.Input<string>) }, { parent });
}

/** Cluster-admin access entries, keyed by principal name so reordering the list replaces nothing. */
function adminAccessEntries(arns: string[], tags: Record<string, string>): Record<string, eks.types.input.AccessEntryArgs> {
    return Object.fromEntries(
        arns.map((principalArn) => [
            accessEntryKey(principalArn),
            { principalArn, accessPolicies: { admin: { policyArn: CLUSTER_ADMIN_POLICY, accessScope: { type: "cluster" } } }, tags },
        ]),
    );
}
