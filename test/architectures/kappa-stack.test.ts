import { ResourceGraph, runProgram } from "../../testing";
import { stackPlan } from "../shared-plans";
import rootProgram from "../../index";

const FD = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";

describe("kappa stacks (root program)", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    beforeAll(async () => {
        dev = await stackPlan("kappa");
        prod = await stackPlan("kappa-prod");
    });

    it("builds the network, the EKS cluster and the architecture, with the jobs on that cluster", () => {
        expect(dev.stack).toBe("kappa");
        const arch = dev.one("spectrum:index:KappaArchitecture", "kappa");
        expect(dev.parentOf(arch)?.type).toBe("pulumi:pulumi:Stack");
        dev.one("spectrum:index:PlatformNetwork", "platform");
        dev.one("spectrum:index:PlatformCluster", "platform");
        const provider = dev.one("pulumi:providers:kubernetes", "platform-k8s");
        expect(dev.one(FD).provider).toBe(provider.urn);
        expect(dev.one("kubernetes:helm.sh/v3:Release", "kappa-flink-release").provider).toBe(provider.urn);
        // The brokers live in the stack's VPC and admit the cluster's nodes.
        const vpc = dev.one("awsx:ec2:Vpc");
        expect(dev.one("aws:ec2/securityGroup:SecurityGroup", "kappa-kafka-brokers").inputs.vpcId).toBe(vpc.outputs.vpcId);
        const nodeGroup = dev.one("eks:index:Cluster").outputs.nodeSecurityGroupId;
        expect(dev.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "kappa-kafka-client-sg-0").inputs).toMatchObject({
            referencedSecurityGroupId: nodeGroup,
            fromPort: 9098,
        });
        expect((dev.one("aws:msk/cluster:Cluster").inputs.tags as Record<string, string>)["spectrum:stack"]).toBe("kappa");
    });

    it("outputs what consumers and operators need", () => {
        expect(dev.outputs).toMatchObject({
            processor: "flink",
            liveVersion: "v1",
            liveOutputs: { version: "v1", topics: { "orders-enriched": "orders-enriched.v1" }, isolationLevel: "read_committed" },
            liveParameterName: "/spectrum/spectrum/kappa/kappa/live",
            versions: {
                v1: { workload: "kappa-v1", consumerGroup: "kappa-v1", outputTopics: { "orders-enriched": "orders-enriched.v1" } },
            },
        });
        expect(Object.keys(dev.outputs.kafkaTopics as object).sort()).toEqual(["customers", "orders", "orders-enriched.v1"]);
        expect((dev.outputs.versions as { v1: { roleArn: string } }).v1.roleArn).toMatch(/^arn:aws:iam::123456789012:role\/kappa-v1-role-/);
    });

    it("prod: the processor comes from the requirements, the horizon from tiered storage, and everything is protected", () => {
        expect(prod.outputs.processor).toBe("flink");
        expect((prod.outputs.processorReasons as string[])[0]).toContain("continuous processing without an existing Spark practice");
        expect(prod.one("aws:msk/cluster:Cluster").inputs.storageMode).toBe("TIERED");
        const orders = prod.ofType("aws:msk/topic:Topic").find((t) => t.inputs.name === "orders");
        expect(JSON.parse(orders?.inputs.configs as string)).toMatchObject({
            "retention.ms": String(30 * 86_400_000),
            "remote.storage.enable": "true",
        });
        for (const r of [prod.one("aws:msk/cluster:Cluster"), prod.one(FD), orders]) expect(r?.options.protect).toBe(true);
        for (const r of [dev.one("aws:msk/cluster:Cluster"), dev.one(FD)]) expect(r.options.protect).toBe(false);
        // dev is throwaway as documented: `pulumi destroy` meets no protected resource and no EKS deletion protection.
        expect(dev.resources.filter((r) => r.options.protect || r.options.retainOnDelete).map((r) => r.name)).toEqual([]);
        expect([dev.one("eks:index:Cluster").inputs.deletionProtection, prod.one("eks:index:Cluster").inputs.deletionProtection]).toEqual([
            false,
            true,
        ]);
        expect((prod.one(FD).inputs.spec as { jobManager: { replicas: number } }).jobManager.replicas).toBe(2);
    });

    it("fails with the architecture's message on a bad config value", async () => {
        await expect(
            runProgram(rootProgram, {
                project: "spectrum",
                config: {
                    "spectrum:architecture": "kappa",
                    "spectrum:profile": "dev",
                    "spectrum:kappa": { versions: [{ version: "v1" }], live: "v2" },
                },
            }),
        ).rejects.toThrow('KappaArchitecture "kappa": live = "v2": not a declared version (v1). Point live at one of versions.');
    });
});
