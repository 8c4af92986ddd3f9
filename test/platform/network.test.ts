import * as pulumi from "@pulumi/pulumi";
import { PlatformNetwork, PlatformNetworkArgs } from "../../components/platform";
import { PlannedResource, ResourceGraph, policyStatements, runProgram, validationProblems } from "../../testing";

const types = {
    network: "spectrum:index:PlatformNetwork",
    vpc: "awsx:ec2:Vpc",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    flowLog: "aws:ec2/flowLog:FlowLog",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
};
const REGION = { "aws:region": "eu-west-1" };

type SubnetSpec = { type: string; cidrMask: number; tags: Record<string, string> };

/** Runs a program that builds one network, expecting validation to fail, and returns the problems. */
function problems(args: PlatformNetworkArgs, config: Record<string, unknown> = REGION): Promise<readonly string[]> {
    return validationProblems(() => runProgram(() => new PlatformNetwork("net", args), { config }));
}

describe("PlatformNetwork", () => {
    let graph: ResourceGraph;
    let dev: PlannedResource;
    let prod: PlannedResource;
    const azCounts: Record<string, number> = {};
    let byoHasPublic = true;

    beforeAll(async () => {
        graph = await runProgram(
            () => {
                const networks = {
                    dev: new PlatformNetwork("dev", { tags: { team: "data" } }),
                    prod: new PlatformNetwork("prod", { profile: "prod" }),
                    two: new PlatformNetwork("two", { availabilityZoneCount: 2, cidrBlock: "10.8.0.0/20", s3GatewayEndpoint: false }),
                    byo: new PlatformNetwork("byo", {
                        existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] },
                    }),
                };
                for (const [k, n] of Object.entries(networks)) azCounts[k] = n.availabilityZoneCount;
                byoHasPublic = networks.byo.publicSubnetIds !== undefined;
                return Object.fromEntries(
                    Object.entries(networks).flatMap(([k, n]) => [
                        [`${k}Vpc`, n.vpcId],
                        [`${k}Private`, n.privateSubnetIds],
                        [`${k}Public`, n.publicSubnetIds ?? "none"],
                    ]),
                );
            },
            { config: REGION },
        );
        dev = graph.one(types.vpc, "dev-vpc");
        prod = graph.one(types.vpc, "prod-vpc");
    });

    it("creates one awsx VPC per network, a child of its component, over three AZs by default", () => {
        expect(dev.parent).toBe(graph.one(types.network, "dev").urn);
        expect(dev.inputs.numberOfAvailabilityZones).toBe(3);
        expect(dev.inputs.cidrBlock).toBe("10.0.0.0/16");
        expect(dev.inputs.enableDnsHostnames).toBe(true);
        expect(dev.inputs.enableDnsSupport).toBe(true);
        expect(azCounts).toEqual({ dev: 3, prod: 3, two: 2, byo: 3 });
        expect(graph.outputs.devPrivate).toHaveLength(3);
        expect(graph.outputs.devVpc).toMatch(/^vpc-/);
    });

    it("sizes NAT by profile: one gateway in dev, one per AZ in prod", () => {
        expect(dev.inputs.natGateways).toEqual({ strategy: "Single" });
        expect(prod.inputs.natGateways).toEqual({ strategy: "OnePerAz" });
    });

    it("lays out a large private and a small public subnet per AZ, tagged for load balancers", () => {
        const specs = dev.inputs.subnetSpecs as SubnetSpec[];
        expect(dev.inputs.subnetStrategy).toBe("Auto");
        // /16 over 3 AZs: a /18 per AZ, half of it private, a quarter public.
        expect(specs).toEqual([
            {
                type: "Private",
                cidrMask: 19,
                tags: { "kubernetes.io/role/internal-elb": "1", "for-use-with-amazon-emr-managed-policies": "true" },
            },
            { type: "Public", cidrMask: 20, tags: { "kubernetes.io/role/elb": "1" } },
        ]);
        const two = graph.one(types.vpc, "two-vpc");
        // /20 over 2 AZs: a /21 per AZ.
        expect((two.inputs.subnetSpecs as SubnetSpec[]).map((s) => s.cidrMask)).toEqual([22, 23]);
        expect(two.inputs.numberOfAvailabilityZones).toBe(2);
        expect(graph.outputs.twoPrivate).toHaveLength(2);
    });

    it("attaches an S3 gateway endpoint for the stack's region to the VPC's route tables", () => {
        expect(dev.inputs.vpcEndpointStrategy).toBe("Auto");
        const endpoints = dev.inputs.vpcEndpointSpecs as Array<Record<string, unknown>>;
        expect(endpoints).toHaveLength(1);
        expect(endpoints[0]).toMatchObject({ serviceName: "com.amazonaws.eu-west-1.s3", vpcEndpointType: "Gateway" });
        // Only the Auto strategy fills in route tables; a spec with its own would have to name them.
        expect(endpoints[0].routeTableIds).toBeUndefined();
        expect(graph.one(types.vpc, "two-vpc").inputs.vpcEndpointSpecs).toBeUndefined();
    });

    it("tags the VPC (and so every subnet, route table and gateway awsx makes) with spectrum's tags", () => {
        expect(dev.inputs.tags).toEqual({ team: "data", "spectrum:component": "PlatformNetwork" });
    });

    it("turns flow logs on for prod only, delivered by a role that may write to its own log group", () => {
        expect(graph.ofType(types.flowLog).map((r) => r.name)).toEqual(["prod-flow-log"]);
        const flowLog = graph.one(types.flowLog);
        const logGroup = graph.one(types.logGroup, "prod-flow-logs");
        const role = graph.one(types.role, "prod-flow-logs-role");
        const policy = graph.one(types.rolePolicy, "prod-flow-logs-policy");
        expect(logGroup.inputs.retentionInDays).toBe(90);
        expect(flowLog.inputs).toMatchObject({
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: logGroup.outputs.arn,
            vpcId: graph.outputs.prodVpc,
        });
        expect(flowLog.propertyDependencies.vpcId).toContain(prod.urn);
        expect(flowLog.propertyDependencies.iamRoleArn).toContain(role.urn);
        expect(flowLog.dependencies).toContain(policy.urn);
        const [trust] = policyStatements(role);
        expect(trust).toMatchObject({
            Principal: { Service: "vpc-flow-logs.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        });
        const [write] = policyStatements(policy);
        expect(write.Action).toEqual(["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]);
        expect(write.Resource).toEqual([logGroup.outputs.arn, `${logGroup.outputs.arn as string}:*`]);
    });

    it("creates nothing for an existing VPC and passes its ids through", () => {
        const byo = graph.one(types.network, "byo");
        expect(graph.childrenOf(byo)).toEqual([]);
        expect(graph.outputs.byoVpc).toBe("vpc-0abc");
        expect(graph.outputs.byoPrivate).toEqual(["subnet-01", "subnet-02", "subnet-03"]);
        expect(byoHasPublic).toBe(false);
        expect(graph.outputs.byoPublic).toBe("none");
        expect(graph.outputs.devPublic).toHaveLength(3);
    });

    it("takes the AZ count of an existing VPC whose subnets come from another resource", async () => {
        const g = await runProgram(() => {
            const n = new PlatformNetwork("net", {
                existing: {
                    vpcId: pulumi.output("vpc-1"),
                    privateSubnetIds: pulumi.output(["subnet-1", "subnet-2"]),
                    availabilityZoneCount: 2,
                },
            });
            return { azs: n.availabilityZoneCount, subnets: n.privateSubnetIds };
        });
        expect(g.outputs).toEqual({ azs: 2, subnets: ["subnet-1", "subnet-2"] });
        expect(g.resources.filter((r) => r.parent === g.one(types.network).urn)).toEqual([]);
    });
});

describe("PlatformNetwork validation", () => {
    it("rejects an existing VPC without subnets", async () => {
        expect(await problems({ existing: { vpcId: "vpc-0abc", privateSubnetIds: [] } })).toEqual([
            'PlatformNetwork "net": existing.privateSubnetIds = []: EKS and MSK need private subnets in at least 2 AZs. List one private subnet per AZ, in at least two AZs.',
        ]);
        const missing = await problems({ existing: { vpcId: "vpc-0abc" } as never });
        expect(missing).toEqual(['PlatformNetwork "net": existing.privateSubnetIds = undefined: is required. Set privateSubnetIds.']);
    });

    it("rejects malformed ids and an AZ count the subnets cannot span", async () => {
        const p = await problems({ existing: { vpcId: "my-vpc", privateSubnetIds: ["subnet-01", "sn-2"] } });
        expect(p).toEqual([
            'PlatformNetwork "net": existing.vpcId = "my-vpc": not a VPC id. Use the id EC2 shows, e.g. "vpc-0abc1234".',
            'PlatformNetwork "net": existing.privateSubnetIds[1] = "sn-2": not a subnet id. Use the id EC2 shows, e.g. "subnet-0abc1234".',
        ]);
        expect(
            await problems({ existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02"], availabilityZoneCount: 3 } }),
        ).toEqual([
            'PlatformNetwork "net": existing.availabilityZoneCount = 3: 2 private subnets cannot span 3 AZs. Add the missing subnets or lower the count.',
        ]);
    });

    it("asks for the AZ count when the existing subnets are not a list yet", async () => {
        const p = await problems({ existing: { vpcId: "vpc-1", privateSubnetIds: pulumi.output(["subnet-1", "subnet-2"]) } });
        expect(p).toEqual([
            'PlatformNetwork "net": existing.availabilityZoneCount = undefined: the number of AZs cannot be counted when the subnet ids come from another resource. Set existing.availabilityZoneCount to the number of AZs the private subnets span.',
        ]);
    });

    it("refuses settings for a created VPC next to an existing one, all at once", async () => {
        const p = await problems({
            existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-1", "subnet-2"] },
            cidrBlock: "10.1.0.0/16",
            natGateways: "OnePerAz",
            flowLogs: true,
        });
        expect(p).toEqual([
            'PlatformNetwork "net": cidrBlock = "10.1.0.0/16": only applies to a VPC created here, and existing is set. Remove cidrBlock, or remove existing to create the VPC.',
            'PlatformNetwork "net": natGateways = "OnePerAz": only applies to a VPC created here, and existing is set. Remove natGateways, or remove existing to create the VPC.',
            'PlatformNetwork "net": flowLogs = true: only applies to a VPC created here, and existing is set. Remove flowLogs, or remove existing to create the VPC.',
        ]);
    });

    it("rejects CIDR blocks EC2 or the subnet layout cannot use", async () => {
        expect(await problems({ cidrBlock: "10.0.0.0" })).toEqual([
            'PlatformNetwork "net": cidrBlock = "10.0.0.0": not an IPv4 CIDR block. Write it as address/prefix, e.g. "10.0.0.0/16".',
        ]);
        expect(await problems({ cidrBlock: "10.0.0.0/8" })).toEqual([
            'PlatformNetwork "net": cidrBlock = "10.0.0.0/8": the prefix must be /16 to /22 (EC2 allows /16 at most; pods take one IP each). Use a prefix such as "10.0.0.0/16".',
        ]);
        expect(await problems({ cidrBlock: "10.0.1.0/16" })).toEqual([
            'PlatformNetwork "net": cidrBlock = "10.0.1.0/16": the address has bits set past the prefix. Use the network address of the block, e.g. 10.0.0.0/16 rather than 10.0.1.0/16.',
        ]);
    });

    it("rejects a bad profile, AZ count, NAT layout and flow-log settings together", async () => {
        const p = await problems({
            profile: "staging" as never,
            availabilityZoneCount: 1,
            natGateways: "None" as never,
            flowLogs: { retentionInDays: 10, trafficType: "SOME" as never },
        });
        expect(p).toEqual([
            'PlatformNetwork "net": profile = "staging": is not one of dev, prod. Use one of "dev", "prod".',
            'PlatformNetwork "net": availabilityZoneCount = 1: must be a whole number from 2 to 6. Use 3 (the default) for production: brokers and nodes spread across three AZs.',
            'PlatformNetwork "net": natGateways = "None": is not one of Single, OnePerAz. Use one of "Single", "OnePerAz".',
            expect.stringMatching(
                /^PlatformNetwork "net": flowLogs.retentionInDays = 10: CloudWatch Logs does not offer this retention. Use one of 1, 3, 5, 7, 14, 30, /,
            ),
            'PlatformNetwork "net": flowLogs.trafficType = "SOME": is not one of ALL, ACCEPT, REJECT. Use one of "ALL", "ACCEPT", "REJECT".',
        ]);
    });

    it("rejects a flow-log setting that is neither a flag nor options (stack config is untyped)", async () => {
        expect(await problems({ flowLogs: "yes" as never })).toEqual([
            'PlatformNetwork "net": flowLogs = "yes": must be true, false or an options object. Write flowLogs: true, false, or { retentionInDays: 30 }.',
        ]);
    });

    it("needs the region for the S3 endpoint, and accepts it as an argument", async () => {
        const saved = [process.env.AWS_REGION, process.env.AWS_DEFAULT_REGION];
        delete process.env.AWS_REGION;
        delete process.env.AWS_DEFAULT_REGION;
        try {
            expect(await problems({}, { "aws:region": undefined })).toEqual([
                'PlatformNetwork "net": region = undefined: the S3 gateway endpoint\'s service name needs the region, and neither the aws:region config nor AWS_REGION is set. Set aws:region in the stack config, or pass region.',
            ]);
            expect(await problems({ region: "Frankfurt" }, { "aws:region": undefined })).toEqual([
                'PlatformNetwork "net": region = "Frankfurt": not an AWS region name. Use a region code such as "us-east-1".',
            ]);
            const g = await runProgram(() => new PlatformNetwork("net", { region: "ap-southeast-2" }), {
                config: { "aws:region": undefined },
            });
            expect((g.one(types.vpc).inputs.vpcEndpointSpecs as Array<{ serviceName: string }>)[0].serviceName).toBe(
                "com.amazonaws.ap-southeast-2.s3",
            );
        } finally {
            if (saved[0] !== undefined) process.env.AWS_REGION = saved[0];
            if (saved[1] !== undefined) process.env.AWS_DEFAULT_REGION = saved[1];
        }
    });
});
