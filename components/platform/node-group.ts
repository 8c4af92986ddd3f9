import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import type * as eks from "@pulumi/eks";
import { serviceTrustPolicy } from "../core/iam";
import { requirePeer } from "../core/optional-peers";
import { servicePrincipal } from "../core/service-principals";
import { ResolvedNodeGroup } from "./cluster-args";

/** The AMI type of every node: Amazon Linux 2023 on arm64 (Graviton). */
export const NODE_AMI_TYPE = "AL2023_ARM_64_STANDARD";

/**
 * AWS managed policies the node role needs, by the EKS node IAM role guide: the kubelet and the
 * Pod Identity agent (worker node), the VPC CNI's ENI management (still on the node role, as EKS
 * installs it; moving it to a dedicated role is a later hardening), and image pulls only.
 */
export const NODE_ROLE_POLICIES: readonly string[] = [
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryPullOnly",
];

export interface PlatformNodes {
    role: aws.iam.Role;
    launchTemplate: aws.ec2.LaunchTemplate;
    nodeGroup: eks.ManagedNodeGroup;
}

export interface NodeGroupInputs {
    cluster: eks.Cluster;
    clusterName: pulumi.Input<string>;
    /** The cluster's Kubernetes version: nodes follow it, so a control-plane upgrade rolls them too. */
    kubernetesVersion: string;
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    sizing: ResolvedNodeGroup;
    tags: Record<string, string>;
}

/** A Graviton managed node group in the private subnets, with encrypted root volumes and IMDSv2 only, closed to pods. */
export function platformNodeGroup(name: string, args: NodeGroupInputs, parent: pulumi.Resource): PlatformNodes {
    const partition = aws.getPartitionOutput({}, { parent }).partition;
    const role = new aws.iam.Role(
        `${name}-node-role`,
        // EKS checks the node role trusts the partition's EC2 principal (another name in China).
        {
            assumeRolePolicy: serviceTrustPolicy(servicePrincipal("ec2", partition, { component: "PlatformCluster", name })),
            tags: args.tags,
        },
        { parent },
    );
    const attachments = NODE_ROLE_POLICIES.map(
        (policy) =>
            new aws.iam.RolePolicyAttachment(
                `${name}-node-${policy}`,
                { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}` },
                { parent },
            ),
    );

    // Our own launch template: the managed default does not force encryption of the root volume.
    // No image id, so EKS still picks the AMI from amiType and the cluster version, and upgrades it.
    const launchTemplate = new aws.ec2.LaunchTemplate(
        `${name}-node-template`,
        {
            description: `spectrum ${name}: platform nodes (encrypted gp3 root volume, IMDSv2 only)`,
            blockDeviceMappings: [
                {
                    deviceName: "/dev/xvda",
                    ebs: { volumeSize: args.sizing.diskSizeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
                },
            ],
            // Session tokens required, and a hop limit of 1 keeps pods off the instance metadata
            // service, so no pod can borrow the node role: pods get AWS credentials (and, with
            // IRSA, AWS_REGION) from workload identity. Host-network agents (VPC CNI, kube-proxy,
            // the Pod Identity agent) are not a hop away and keep working.
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
            tagSpecifications: [
                { resourceType: "instance", tags: args.tags },
                { resourceType: "volume", tags: args.tags },
            ],
            tags: args.tags,
        },
        { parent },
    );

    const eks = requirePeer("@pulumi/eks", `PlatformCluster "${name}"`);
    const nodeGroup = new eks.ManagedNodeGroup(
        `${name}-nodes`,
        {
            cluster: args.cluster,
            clusterName: args.clusterName,
            nodeRoleArn: role.arn,
            subnetIds: args.subnetIds,
            amiType: NODE_AMI_TYPE,
            version: args.kubernetesVersion,
            instanceTypes: args.sizing.instanceTypes,
            capacityType: "ON_DEMAND",
            scalingConfig: { minSize: args.sizing.minSize, desiredSize: args.sizing.desiredSize, maxSize: args.sizing.maxSize },
            launchTemplate: { id: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
            tags: args.tags,
        },
        // Nodes that boot before their role has its policies fail to join the cluster.
        { parent, dependsOn: attachments },
    );
    return { role, launchTemplate, nodeGroup };
}
