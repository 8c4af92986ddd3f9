import { MockCallArgs } from "@pulumi/pulumi/runtime";
import { SERVICE_PRINCIPAL_DOMAINS, requireServicePrincipal, servicePrincipalIn } from "../../components/core/service-principals";
import { EmrSparkCluster, SparkBatchJob } from "../../components/spark";
import { PlatformCluster } from "../../components/platform";
import { SpectrumValidationError } from "../../components/core";
import { ResourceGraph, policyStatements, runProgram } from "../../testing";
import { T, allowing, landingZone, network, roleStatements } from "../spark/fixtures";

/** Answers the partition lookup as the provider would in another partition. */
function inPartition(partition: string, dnsSuffix: string) {
    return (args: MockCallArgs): Record<string, unknown> | undefined =>
        args.token === "aws:index/getPartition:getPartition" ? { partition, dnsSuffix, id: partition } : undefined;
}

function emrProgram(): void {
    const lz = landingZone();
    new EmrSparkCluster("shared", { storage: lz, network });
    new SparkBatchJob("daily", {
        storage: lz,
        network,
        schedule: "cron(0 2 * * ? *)",
        application: { area: "artifacts", path: "jobs/daily.py" },
    });
}

/** Every `iam:PassedToService` value the roles of the plan allow, by the role passed. */
function passedTo(graph: ResourceGraph, roleName: string): string[] {
    return allowing(roleStatements(graph, roleName), "iam:PassRole").map(
        (s) => (s.Condition?.StringEquals as Record<string, string>)["iam:PassedToService"],
    );
}

describe("service principals per partition", () => {
    it("knows EC2 and EMR by their China names in aws-cn and by the commercial names elsewhere", () => {
        expect(servicePrincipalIn("aws", "ec2")).toBe("ec2.amazonaws.com");
        expect(servicePrincipalIn("aws-us-gov", "elasticmapreduce")).toBe("elasticmapreduce.amazonaws.com");
        expect(servicePrincipalIn("aws-cn", "ec2")).toBe("ec2.amazonaws.com.cn");
        expect(servicePrincipalIn("aws-cn", "elasticmapreduce")).toBe("elasticmapreduce.amazonaws.com.cn");
        expect(servicePrincipalIn("aws-iso", "ec2")).toBeUndefined();
        expect(Object.keys(SERVICE_PRINCIPAL_DOMAINS).sort()).toEqual(["aws", "aws-cn", "aws-us-gov"]);
    });

    it("in aws-cn, EMR roles trust and are passed to ec2.amazonaws.com.cn and elasticmapreduce.amazonaws.com.cn", async () => {
        const graph = await runProgram(emrProgram, {
            environment: { region: "cn-north-1" },
            calls: inPartition("aws-cn", "amazonaws.com.cn"),
        });
        for (const name of ["shared", "daily"]) {
            expect(policyStatements(graph.one(T.role, `${name}-instance-role`))[0].Principal).toEqual({ Service: "ec2.amazonaws.com.cn" });
            expect(policyStatements(graph.one(T.role, `${name}-service-role`))[0].Principal).toEqual({
                Service: "elasticmapreduce.amazonaws.com.cn",
            });
            // The service role passes the instance role to EC2 when it launches nodes.
            expect(passedTo(graph, `${name}-service-role`)).toEqual(["ec2.amazonaws.com.cn"]);
        }
        // The batch workflow passes the service role to EMR and the instance role to EC2.
        expect(passedTo(graph, "daily-workflow-role").sort()).toEqual(["ec2.amazonaws.com.cn", "elasticmapreduce.amazonaws.com.cn"]);
        // ARNs are built for the same partition.
        expect(graph.one(T.attachment, "shared-service-managed-policy").inputs.policyArn).toBe(
            "arn:aws-cn:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2",
        );
    });

    it("in aws-cn, the EKS node role trusts ec2.amazonaws.com.cn, which EKS requires there", async () => {
        const graph = await runProgram(
            () => new PlatformCluster("eks", { network: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] } }),
            { environment: { region: "cn-northwest-1" }, calls: inPartition("aws-cn", "amazonaws.com.cn") },
        );
        expect(policyStatements(graph.one(T.role, "eks-node-role"))[0].Principal).toEqual({ Service: "ec2.amazonaws.com.cn" });
    });

    it("in aws-us-gov, the commercial principal names apply", async () => {
        const graph = await runProgram(emrProgram, {
            environment: { region: "us-gov-west-1" },
            calls: inPartition("aws-us-gov", "amazonaws.com"),
        });
        expect(passedTo(graph, "daily-workflow-role").sort()).toEqual(["ec2.amazonaws.com", "elasticmapreduce.amazonaws.com"]);
        expect(policyStatements(graph.one(T.role, "shared-instance-role"))[0].Principal).toEqual({ Service: "ec2.amazonaws.com" });
    });

    it("refuses a partition whose principals are not in the catalog rather than trusting a guess", () => {
        // servicePrincipal() runs this on the resolved partition, before the role carrying it is registered.
        expect(() => requireServicePrincipal("aws-iso", "ec2", { component: "EmrSparkCluster", name: "shared" })).toThrow(
            new SpectrumValidationError([
                'EmrSparkCluster "shared": partition = "aws-iso": the ec2 service principal of this partition is not known here. ' +
                    "Deploy to aws, aws-us-gov, aws-cn, or add the partition to SERVICE_PRINCIPAL_DOMAINS (components/core/service-principals.ts).",
            ]),
        );
        expect(requireServicePrincipal("aws-cn", "elasticmapreduce", { component: "C", name: "n" })).toBe(
            "elasticmapreduce.amazonaws.com.cn",
        );
    });
});
