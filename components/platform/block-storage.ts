import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { irsaTrustPolicy } from "../core/workload-identity";
import type * as k8s from "@pulumi/kubernetes";
import { requirePeer } from "../core/optional-peers";
import { k8sLabels } from "../core/tags";

/** The default StorageClass the platform cluster gets: encrypted gp3 EBS through the EBS CSI driver. */
export const DEFAULT_STORAGE_CLASS = "gp3-encrypted";

const EBS_CSI_NAMESPACE = "kube-system";
const EBS_CSI_SERVICE_ACCOUNT = "ebs-csi-controller-sa";

export interface EbsCsiInputs {
    clusterName: pulumi.Input<string>;
    oidcProviderArn: pulumi.Input<string>;
    oidcProviderUrl: pulumi.Input<string>;
    tags: Record<string, string>;
    dependsOn: pulumi.Resource[];
}

export interface EbsCsiDriver {
    addon: aws.eks.Addon;
    role: aws.iam.Role;
}

/**
 * Persistent volumes for stateful workloads (Kafka Streams state stores, ...): the EBS CSI driver
 * add-on, with its controller's IAM role through IRSA (the webhook also gives it AWS_REGION, which
 * it cannot read from instance metadata on these nodes).
 */
export function ebsCsiDriver(name: string, args: EbsCsiInputs, parent: pulumi.Resource): EbsCsiDriver {
    const partition = aws.getPartitionOutput({}, { parent }).partition;
    const assumeRolePolicy = irsaTrustPolicy(args.oidcProviderArn, args.oidcProviderUrl, EBS_CSI_NAMESPACE, EBS_CSI_SERVICE_ACCOUNT);
    const role = new aws.iam.Role(`${name}-ebs-csi-role`, { assumeRolePolicy, tags: args.tags }, { parent });
    const attachment = new aws.iam.RolePolicyAttachment(
        `${name}-ebs-csi-policy`,
        { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy` },
        { parent },
    );
    const addon = new aws.eks.Addon(
        `${name}-ebs-csi`,
        {
            clusterName: args.clusterName,
            addonName: "aws-ebs-csi-driver",
            serviceAccountRoleArn: role.arn,
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
            tags: args.tags,
        },
        // The controller is a Deployment: the add-on stays degraded until nodes can run it.
        { parent, dependsOn: [...args.dependsOn, attachment] },
    );
    return { addon, role };
}

/**
 * The default StorageClass: encrypted gp3 through the EBS CSI driver. EKS stopped marking its gp2
 * class as default in 1.30, so without one a claim that names no class never binds.
 */
export function defaultStorageClass(
    name: string,
    retainVolumes: boolean,
    provider: k8s.Provider,
    parent: pulumi.Resource,
): k8s.storage.v1.StorageClass {
    const k8s = requirePeer("@pulumi/kubernetes", `PlatformCluster "${name}"`);
    return new k8s.storage.v1.StorageClass(
        `${name}-gp3`,
        {
            metadata: {
                name: DEFAULT_STORAGE_CLASS,
                labels: k8sLabels(DEFAULT_STORAGE_CLASS, "storage"),
                annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
            },
            provisioner: "ebs.csi.aws.com",
            parameters: { type: "gp3", encrypted: "true" },
            // Bind where the pod lands: an EBS volume lives in one AZ.
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
            // Protected stacks keep a volume when its claim goes away (state outlives a bad deploy).
            reclaimPolicy: retainVolumes ? "Retain" : "Delete",
        },
        { parent, provider },
    );
}
