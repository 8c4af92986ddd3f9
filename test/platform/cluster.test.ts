import * as k8s from "@pulumi/kubernetes";
import { PlatformCluster, PlatformClusterArgs, PlatformNetwork } from "../../components/platform";
import { PlannedResource, ResourceGraph, policyStatements, runProgram, validationProblems } from "../../testing";

const types = {
    cluster: "spectrum:index:PlatformCluster",
    vpc: "awsx:ec2:Vpc",
    eks: "eks:index:Cluster",
    nodeGroup: "eks:index:ManagedNodeGroup",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    addon: "aws:eks/addon:Addon",
    key: "aws:kms/key:Key",
    role: "aws:iam/role:Role",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    k8sProvider: "pulumi:providers:kubernetes",
    storageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
};
const CONFIG = { config: { "aws:region": "us-east-1" } };
const NETWORK = { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] };

/** Runs a program that builds one cluster, expecting validation to fail, and returns the problems. */
function problems(args: PlatformClusterArgs | (() => PlatformClusterArgs)): Promise<readonly string[]> {
    return validationProblems(() => runProgram(() => new PlatformCluster("eks", typeof args === "function" ? args() : args), CONFIG));
}

describe("PlatformCluster", () => {
    let graph: ResourceGraph;
    let vpc: PlannedResource;
    let dev: PlannedResource;
    let prod: PlannedResource;
    const child = (type: string, name: string) => graph.one(type, name);

    beforeAll(async () => {
        graph = await runProgram(() => {
            const network = new PlatformNetwork("net");
            const devCluster = new PlatformCluster("dev", { network, tags: { team: "data" } });
            new PlatformCluster("prod", {
                profile: "prod",
                network: NETWORK,
                publicAccessCidrs: ["203.0.113.0/24"],
                adminPrincipalArns: ["arn:aws:iam::123456789012:role/platform-admin"],
            });
            const byo = new PlatformCluster("byo", {
                existing: {
                    kubeconfig: "apiVersion: v1\nkind: Config\n",
                    clusterName: "shared",
                    oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/x",
                    oidcProviderUrl: "https://x",
                },
            });
            const brought = new k8s.Provider("brought", { kubeconfig: "{}" });
            const withProvider = new PlatformCluster("with-provider", { existing: { provider: brought, clusterName: "other" } });
            return {
                devName: devCluster.target.clusterName,
                devOidcArn: devCluster.target.oidcProviderArn,
                devOidcUrl: devCluster.target.oidcProviderUrl,
                devProviderIsTarget: devCluster.target.provider === devCluster.provider,
                devStorageClass: devCluster.storageClassName,
                byoName: byo.target.clusterName,
                byoOidcArn: byo.target.oidcProviderArn,
                byoOidcUrl: byo.target.oidcProviderUrl,
                broughtIsTarget: withProvider.target.provider === brought,
            };
        }, CONFIG);
        vpc = graph.one(types.vpc);
        dev = child(types.eks, "dev-eks");
        prod = child(types.eks, "prod-eks");
    });

    it("creates an EKS cluster in the network's VPC and private subnets, a child of its component", () => {
        expect(dev.parent).toBe(graph.one(types.cluster, "dev").urn);
        expect(dev.propertyDependencies.vpcId).toContain(vpc.urn);
        expect(dev.propertyDependencies.privateSubnetIds).toContain(vpc.urn);
        expect(dev.inputs.privateSubnetIds).toEqual(vpc.outputs.privateSubnetIds);
        expect(dev.inputs.publicSubnetIds).toEqual(vpc.outputs.publicSubnetIds);
        expect(dev.inputs.nodeAssociatePublicIpAddress).toBe(false);
        expect(prod.inputs.vpcId).toBe("vpc-0abc");
        expect(prod.inputs.publicSubnetIds).toBeUndefined();
    });

    it("configures the control plane: API access entries, private endpoint, current version, logging, no default node group", () => {
        expect(dev.inputs).toMatchObject({
            authenticationMode: "API",
            version: "1.36",
            endpointPrivateAccess: true,
            endpointPublicAccess: true,
            publicAccessCidrs: ["0.0.0.0/0"],
            enabledClusterLogTypes: ["api", "audit", "authenticator"],
            skipDefaultNodeGroup: true,
            skipDefaultSecurityGroups: true,
            upgradePolicy: { supportType: "STANDARD" },
            deletionProtection: true,
            tags: { team: "data", "spectrum:component": "PlatformCluster" },
        });
        expect(dev.inputs.accessEntries).toEqual({});
        // Production too: extended support would bill the control plane at 6x once a version ages; it upgrades instead.
        expect(prod.inputs).toMatchObject({ publicAccessCidrs: ["203.0.113.0/24"], upgradePolicy: { supportType: "STANDARD" } });
        expect(prod.inputs.accessEntries).toEqual({
            "admin-platform-admin": {
                principalArn: "arn:aws:iam::123456789012:role/platform-admin",
                accessPolicies: {
                    admin: {
                        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                        accessScope: { type: "cluster" },
                    },
                },
                tags: { "spectrum:component": "PlatformCluster" },
            },
        });
    });

    it("envelope-encrypts secrets with a rotating, protected KMS key of its own", () => {
        const key = child(types.key, "dev-secrets-key");
        expect(key.inputs.enableKeyRotation).toBe(true);
        expect(key.options).toMatchObject({ protect: true, retainOnDelete: true });
        expect(dev.inputs.encryptionConfigKeyArn).toBe(key.outputs.arn);
        expect(dev.propertyDependencies.encryptionConfigKeyArn).toEqual([key.urn]);
    });

    it("creates the OIDC provider for IRSA and exposes it, with the cluster name, on the target", () => {
        expect(dev.inputs.createOidcProvider).toBe(true);
        expect(graph.outputs.devName).toBe((dev.outputs.eksCluster as { name: string }).name);
        expect(graph.outputs.devOidcArn).toBe(dev.outputs.oidcProviderArn);
        expect(graph.outputs.devOidcUrl).toBe(dev.outputs.oidcProviderUrl);
        expect(graph.outputs.devOidcArn).toMatch(/^arn:aws:iam::123456789012:oidc-provider\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\//);
    });

    it("runs a Graviton AL2023 managed node group in the private subnets, sized by profile", () => {
        const ng = child(types.nodeGroup, "dev-nodes");
        expect(ng.inputs).toMatchObject({
            amiType: "AL2023_ARM_64_STANDARD",
            version: "1.36",
            instanceTypes: ["m7g.large"],
            capacityType: "ON_DEMAND",
            scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 3 },
            subnetIds: vpc.outputs.privateSubnetIds,
            clusterName: graph.outputs.devName,
        });
        expect(ng.propertyDependencies.subnetIds).toContain(vpc.urn);
        expect(ng.propertyDependencies.clusterName).toContain(dev.urn);
        const prodNodes = child(types.nodeGroup, "prod-nodes");
        expect(prodNodes.inputs).toMatchObject({
            instanceTypes: ["m7g.xlarge"],
            scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
            subnetIds: NETWORK.privateSubnetIds,
        });
    });

    it("gives nodes an EC2 role with exactly the EKS node policies, attached before the nodes start", () => {
        const ng = child(types.nodeGroup, "dev-nodes");
        const role = child(types.role, "dev-node-role");
        expect(ng.inputs.nodeRoleArn).toBe(role.outputs.arn);
        expect(policyStatements(role)).toEqual([
            { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
        ]);
        const attachments = graph.ofType(types.attachment).filter((a) => a.name.startsWith("dev-node-"));
        expect(attachments.map((a) => a.inputs.policyArn).sort()).toEqual([
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
        ]);
        for (const a of attachments) {
            expect(a.propertyDependencies.role).toEqual([role.urn]);
            expect(ng.dependencies).toContain(a.urn);
        }
    });

    it("launches nodes with encrypted gp3 root volumes and IMDSv2 closed to pods", () => {
        const lt = child(types.launchTemplate, "dev-node-template");
        const ng = child(types.nodeGroup, "dev-nodes");
        expect(lt.inputs.blockDeviceMappings).toEqual([
            { deviceName: "/dev/xvda", ebs: { volumeSize: 50, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
        ]);
        expect(lt.inputs.metadataOptions).toEqual({ httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 });
        // No image id: EKS keeps choosing (and upgrading) the AMI from amiType.
        expect(lt.inputs.imageId).toBeUndefined();
        expect(ng.inputs.launchTemplate).toEqual({ id: lt.id, version: "1" });
        expect(ng.inputs.diskSize).toBeUndefined();
        expect(child(types.launchTemplate, "prod-node-template").inputs.blockDeviceMappings).toEqual([
            expect.objectContaining({ ebs: expect.objectContaining({ volumeSize: 100 }) }),
        ]);
    });

    it("installs the EKS Pod Identity agent once nodes exist", () => {
        const agent = child(types.addon, "dev-pod-identity-agent");
        expect(agent.inputs).toMatchObject({ addonName: "eks-pod-identity-agent", clusterName: graph.outputs.devName });
        expect(agent.propertyDependencies.clusterName).toContain(dev.urn);
        expect(agent.dependencies).toContain(child(types.nodeGroup, "dev-nodes").urn);
    });

    it("installs the EBS CSI driver with an IRSA role for its controller only, and an encrypted default gp3 class", () => {
        const addon = child(types.addon, "dev-ebs-csi");
        const role = child(types.role, "dev-ebs-csi-role");
        expect(addon.inputs).toMatchObject({
            addonName: "aws-ebs-csi-driver",
            clusterName: graph.outputs.devName,
            serviceAccountRoleArn: role.outputs.arn,
        });
        const issuer = (graph.outputs.devOidcUrl as string).replace("https://", "");
        expect(policyStatements(role)).toEqual([
            {
                Effect: "Allow",
                Principal: { Federated: graph.outputs.devOidcArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        [`${issuer}:sub`]: "system:serviceaccount:kube-system:ebs-csi-controller-sa",
                        [`${issuer}:aud`]: "sts.amazonaws.com",
                    },
                },
            },
        ]);
        const policy = graph.ofType(types.attachment).find((a) => a.name === "dev-ebs-csi-policy");
        expect(policy?.inputs.policyArn).toBe("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
        const sc = child(types.storageClass, "dev-gp3");
        expect(sc.inputs).toMatchObject({
            metadata: { name: "gp3-encrypted", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
            provisioner: "ebs.csi.aws.com",
            parameters: { type: "gp3", encrypted: "true" },
            volumeBindingMode: "WaitForFirstConsumer",
            reclaimPolicy: "Retain",
        });
        expect(sc.provider).toBe(child(types.k8sProvider, "dev-k8s").urn);
        expect(graph.outputs.devStorageClass).toBe("gp3-encrypted");
    });

    it("targets a Kubernetes provider built from the cluster's kubeconfig that waits for nodes and add-ons", () => {
        const provider = child(types.k8sProvider, "dev-k8s");
        expect(provider.parent).toBe(graph.one(types.cluster, "dev").urn);
        expect(provider.inputs.kubeconfig).toBe(dev.outputs.kubeconfigJson);
        expect(provider.propertyDependencies.kubeconfig).toContain(dev.urn);
        for (const dep of [
            child(types.nodeGroup, "dev-nodes"),
            child(types.addon, "dev-pod-identity-agent"),
            child(types.addon, "dev-ebs-csi"),
        ]) {
            expect(provider.dependencies).toContain(dep.urn);
        }
        expect(graph.outputs.devProviderIsTarget).toBe(true);
    });

    it("creates nothing but a provider for an existing cluster, and passes identity through", () => {
        const byo = graph.one(types.cluster, "byo");
        const children = graph.childrenOf(byo);
        expect(children.map((c) => [c.type, c.name])).toEqual([[types.k8sProvider, "byo-k8s"]]);
        expect(children[0].inputs.kubeconfig).toBe("apiVersion: v1\nkind: Config\n");
        expect(graph.outputs).toMatchObject({
            byoName: "shared",
            byoOidcArn: "arn:aws:iam::123456789012:oidc-provider/x",
            byoOidcUrl: "https://x",
        });
        expect(graph.childrenOf(graph.one(types.cluster, "with-provider"))).toEqual([]);
        expect(graph.outputs.broughtIsTarget).toBe(true);
        expect(
            graph
                .ofType(types.eks)
                .map((r) => r.name)
                .sort(),
        ).toEqual(["dev-eks", "prod-eks"]);
    });

    it("lets a dev stack drop protection, so teardown is one pulumi destroy", async () => {
        const g = await runProgram(() => new PlatformCluster("eks", { network: NETWORK, protect: false }), CONFIG);
        expect(g.one(types.key).options.protect).toBe(false);
        expect(g.one(types.eks).inputs.deletionProtection).toBe(false);
        expect(g.one(types.storageClass).inputs.reclaimPolicy).toBe("Delete");
    });

    it("derives unset node sizes from the ones given", async () => {
        const g = await runProgram(() => new PlatformCluster("eks", { network: NETWORK, nodes: { minSize: 5 } }), CONFIG);
        expect(g.one(types.nodeGroup).inputs.scalingConfig).toEqual({ minSize: 5, desiredSize: 5, maxSize: 5 });
    });
});

describe("PlatformCluster validation", () => {
    it("rejects a node group whose minimum exceeds its maximum", async () => {
        expect(await problems({ network: NETWORK, nodes: { minSize: 4, maxSize: 2 } })).toEqual([
            'PlatformCluster "eks": nodes.minSize = 4: the node group cannot have more nodes at least (4) than at most (maxSize 2). Lower minSize to 2 or less, or raise maxSize.',
        ]);
        expect(await problems({ network: NETWORK, nodes: { desiredSize: 9 } })).toEqual([
            'PlatformCluster "eks": nodes.desiredSize = 9: outside minSize..maxSize (2..3). Use a size from 2 to 3.',
        ]);
    });

    it("rejects instance types the arm64 AMI cannot boot, and undersized disks", async () => {
        expect(await problems({ network: NETWORK, nodes: { instanceTypes: ["m7g.large", "m7i.large"], diskSizeGiB: 8 } })).toEqual([
            'PlatformCluster "eks": nodes.instanceTypes[1] = "m7i.large": not a Graviton (arm64) instance type: the nodes run the AL2023 arm64 AMI. Use a Graviton type such as m7g.large, c7g.xlarge or r7g.large.',
            'PlatformCluster "eks": nodes.diskSizeGiB = 8: must be a whole number of GiB from 20 (the AMI\'s own size) to 16384. Use e.g. 50 for dev, 100 for prod.',
        ]);
    });

    it("requires a production endpoint to be private or allow-listed", async () => {
        expect(await problems({ profile: "prod", network: NETWORK })).toEqual([
            'PlatformCluster "eks": publicAccessCidrs = undefined: a production API endpoint needs an allow-list. List the CIDR blocks `pulumi up` and operators connect from, or set publicEndpoint: false when deploying from inside the VPC.',
        ]);
        expect(await problems({ profile: "prod", network: NETWORK, publicAccessCidrs: ["0.0.0.0/0"], nodes: { minSize: 1 } })).toEqual([
            'PlatformCluster "eks": publicAccessCidrs = ["0.0.0.0/0"]: a production API endpoint must not be open to the whole internet. List the CIDR blocks `pulumi up` and operators connect from.',
            'PlatformCluster "eks": nodes.minSize = 1: a production node group with fewer than 2 nodes loses every workload with one node. Use 2 or more (the prod default is 3, one per AZ).',
        ]);
        expect(await problems({ network: NETWORK, publicEndpoint: false, publicAccessCidrs: ["10.0.0.0/8", "nowhere"] })).toEqual([
            'PlatformCluster "eks": publicAccessCidrs[1] = "nowhere": not an IPv4 CIDR block. Write it as address/prefix, e.g. "203.0.113.0/24".',
        ]);
        expect(await problems({ network: NETWORK, publicEndpoint: false, publicAccessCidrs: ["10.0.0.0/8"] })).toEqual([
            'PlatformCluster "eks": publicAccessCidrs = ["10.0.0.0/8"]: there is no public endpoint to restrict (publicEndpoint is false). Remove publicAccessCidrs, or turn publicEndpoint on.',
        ]);
        const g = await runProgram(() => new PlatformCluster("eks", { profile: "prod", network: NETWORK, publicEndpoint: false }), CONFIG);
        expect(g.one(types.eks).inputs).toMatchObject({ endpointPublicAccess: false, endpointPrivateAccess: true });
        expect(g.one(types.eks).inputs.publicAccessCidrs).toBeUndefined();
    });

    it("needs a network for a new cluster, and a current Kubernetes version", async () => {
        expect(await problems({ kubernetesVersion: "1.24", controlPlaneLogTypes: ["api", "kubelet" as never] })).toEqual([
            'PlatformCluster "eks": kubernetesVersion = "1.24": EKS no longer creates clusters older than 1.32 (their extended support has ended; EKS version catalog as of 2026-12-05). Use a version EKS supports, e.g. the default "1.36".',
            'PlatformCluster "eks": controlPlaneLogTypes[1] = "kubelet": is not one of api, audit, authenticator, controllerManager, scheduler. Use one of "api", "audit", "authenticator", "controllerManager", "scheduler".',
        ]);
        expect(await problems({})).toEqual([
            'PlatformCluster "eks": network = undefined: a new cluster needs a VPC and private subnets. Pass a PlatformNetwork (or { vpcId, privateSubnetIds }) as network, or set existing.',
        ]);
        expect(await problems({ network: NETWORK, kubernetesVersion: "1.40" })).toEqual([
            'PlatformCluster "eks": kubernetesVersion = "1.40": EKS offers no version newer than 1.36 (EKS version catalog as of 2026-12-05). Use 1.36 or older, or add the new version to platform/eks-versions.ts once EKS offers it.',
        ]);
        expect(await problems({ network: NETWORK, kubernetesVersion: "v1.35" })).toEqual([
            'PlatformCluster "eks": kubernetesVersion = "v1.35": not a Kubernetes minor version. Write it as "1.<minor>", e.g. "1.36".',
        ]);
        expect(await problems({ network: { vpcId: "vpc-1", privateSubnetIds: ["subnet-1"] } })).toEqual([
            'PlatformCluster "eks": network.privateSubnetIds = ["subnet-1"]: EKS needs subnets in at least two AZs. Give the cluster private subnets in two or more AZs.',
        ]);
    });

    it("explains a version that YAML turned into a number", async () => {
        expect(await problems({ network: NETWORK, kubernetesVersion: 1.3 as never })).toEqual([
            'PlatformCluster "eks": kubernetesVersion = 1.3: is a number, not a version string (YAML reads 1.30 as the number 1.3). Quote it in the stack config, e.g. "1.36".',
        ]);
    });

    it("names a whole network component by kind, not by its contents, when refusing it", async () => {
        const p = await problems(() => ({ existing: { kubeconfig: "{}" }, network: new PlatformNetwork("net") }));
        expect(p).toEqual([
            'PlatformCluster "eks": network = "[resource]": only applies to a cluster created here, and existing is set. Remove network, or remove existing to create the cluster.',
        ]);
    });

    it("rejects malformed admin ARNs and an untyped protect flag", async () => {
        expect(await problems({ network: NETWORK, adminPrincipalArns: ["platform-admin"], protect: "no" as never })).toEqual([
            'PlatformCluster "eks": adminPrincipalArns[0] = "platform-admin": not an IAM role or user ARN. Use an ARN such as "arn:aws:iam::123456789012:role/platform-admin".',
            'PlatformCluster "eks": protect = "no": must be true or false. Write protect: true (the default) or protect: false for a throwaway dev stack.',
        ]);
    });

    it("refuses cluster settings next to an existing cluster, and needs a way in", async () => {
        expect(
            await problems({
                existing: { clusterName: "shared", oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/x" },
                nodes: { minSize: 3 },
                network: NETWORK,
            }),
        ).toEqual([
            'PlatformCluster "eks": existing.kubeconfig = undefined: an existing cluster needs a way in. Set existing.kubeconfig (or existing.provider).',
            'PlatformCluster "eks": existing.oidcProviderUrl = undefined: IRSA needs both the OIDC provider ARN and the issuer URL. Set both existing.oidcProviderArn and existing.oidcProviderUrl, or neither.',
            'PlatformCluster "eks": network = {"vpcId":"vpc-0abc","privateSubnetIds":["subnet-01","subnet-02","subnet-03"]}: only applies to a cluster created here, and existing is set. Remove network, or remove existing to create the cluster.',
            'PlatformCluster "eks": nodes = {"minSize":3}: only applies to a cluster created here, and existing is set. Remove nodes, or remove existing to create the cluster.',
        ]);
    });
});
