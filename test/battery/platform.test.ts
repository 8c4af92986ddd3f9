/**
 * The platform battery: bad PlatformNetwork and PlatformCluster args, and bad `spectrum:network` and
 * `spectrum:kubernetes` stack config, each rejected before anything is registered with all four
 * parts of the message; then valid but unusual inputs, accepted.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { PlatformCluster, PlatformClusterArgs, PlatformNetwork, PlatformNetworkArgs } from "../../components/platform";
import { runProgram } from "../../testing";
import rootProgram from "../../index";
import { Expected, expectParts, rejection, warningsOf } from "./battery";

type Case = [string, unknown, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const notKnown = (key: string) => `"${key}" is not a known field`;
const REGION = { config: { "aws:region": "us-east-1" } };
const NETWORK = { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] };
const EXISTING = { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] };
const LIST = "is a list where a map is expected";
const OUTPUT = "is an Output, but this field must be known when the program runs";
const OUTPUT_VALUE = "an Output (checked when it resolves)";
const AZS = "must be a whole number from 2 to 6";
const CREATE_ONLY_VPC = "only applies to a VPC created here, and existing is set";
const CREATE_ONLY_CLUSTER = "only applies to a cluster created here, and existing is set";

const network: Case[] = [
    // Unknown and misspelt keys.
    [
        "a NAT key without its s",
        { natGateway: "Single" },
        e("natGateway", '"Single"', notKnown("natGateway"), 'Did you mean "natGateways"?'),
    ],
    ["flowLog for flowLogs", { flowLog: true }, e("flowLog", "true", notKnown("flowLog"), 'Did you mean "flowLogs"?')],
    ["a key in the wrong case", { Profile: "dev" }, e("Profile", '"dev"', notKnown("Profile"), 'Did you mean "profile"?')],
    [
        "cidr for cidrBlock",
        { cidr: "10.0.0.0/16" },
        e("cidr", '"10.0.0.0/16"', notKnown("cidr"), 'Use one of "profile", "existing", "cidrBlock"'),
    ],
    ["a VPC id outside existing", { vpcId: "vpc-0abc" }, e("vpcId", '"vpc-0abc"', notKnown("vpcId"), "Use one of")],
    [
        "vpcID in the wrong case",
        { existing: { ...EXISTING, vpcId: undefined, vpcID: "vpc-0abc" } },
        e("existing.vpcID", '"vpc-0abc"', notKnown("vpcID"), 'Did you mean "vpcId"?'),
    ],
    [
        "privateSubnets for privateSubnetIds",
        { existing: { vpcId: "vpc-0abc", privateSubnets: ["subnet-01", "subnet-02"] } },
        e("existing.privateSubnets", '["subnet-01","subnet-02"]', notKnown("privateSubnets"), 'Did you mean "privateSubnetIds"?'),
    ],
    [
        "an existing VPC without its subnets",
        { existing: { vpcId: "vpc-0abc" } },
        e("existing.privateSubnetIds", "undefined", "is required", "Set privateSubnetIds"),
    ],
    [
        "a flow-log option that does not exist",
        { flowLogs: { retention: 30 } },
        e("flowLogs.retention", "30", notKnown("retention"), 'Use one of "retentionInDays", "trafficType"'),
    ],
    // Lists, maps and kinds of value.
    ["existing as a list", { existing: [EXISTING] }, e("existing", JSON.stringify([EXISTING]), LIST, "Write it as a mapping")],
    [
        "subnets as one comma-separated string",
        { existing: { vpcId: "vpc-0abc", privateSubnetIds: "subnet-01,subnet-02" } },
        e("existing.privateSubnetIds", '"subnet-01,subnet-02"', "is a string, not a list", "Write a list"),
    ],
    [
        "subnets as a map",
        { existing: { vpcId: "vpc-0abc", privateSubnetIds: { a: "subnet-01", b: "subnet-02" } } },
        e("existing.privateSubnetIds", '{"a":"subnet-01","b":"subnet-02"}', "is a map where a list is expected", "Write it as a list"),
    ],
    ["tags as a list", { tags: ["team=data"] }, e("tags", '["team=data"]', LIST, "Write it as a mapping")],
    ["a tag value that is a number", { tags: { cost: 5 } }, e("tags.cost", "5", "is a number, not a string", "Write a string")],
    [
        "a reserved tag key",
        { tags: { "aws:team": "data" } },
        e('tags["aws:team"]', '"aws:team"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
    [
        'flowLogs "yes"',
        { flowLogs: "yes" },
        e("flowLogs", '"yes"', "must be true, false or an options object", "Write flowLogs: true, false, or { retentionInDays: 30 }"),
    ],
    ["flowLogs as a list", { flowLogs: [] }, e("flowLogs", "[]", "must be true, false or an options object", "Write flowLogs: true")],
    ["flowLogs 1", { flowLogs: 1 }, e("flowLogs", "1", "must be true, false or an options object", "Write flowLogs: true")],
    [
        "the S3 endpoint flag quoted",
        { s3GatewayEndpoint: "false" },
        e("s3GatewayEndpoint", '"false"', "is a string, write true or false", "Write true or false without quotes"),
    ],
    // Numbers.
    [
        "an AZ count quoted",
        { availabilityZoneCount: "3" },
        e("availabilityZoneCount", '"3"', "is a string, write a number", "Write 3 without quotes"),
    ],
    ["an AZ count of 2.5", { availabilityZoneCount: 2.5 }, e("availabilityZoneCount", "2.5", AZS, "Use 3 (the default)")],
    ["an AZ count of NaN", { availabilityZoneCount: NaN }, e("availabilityZoneCount", "NaN", "is not a number", "Write a number")],
    ["an AZ count of Infinity", { availabilityZoneCount: Infinity }, e("availabilityZoneCount", "Infinity", AZS, "Use 3 (the default)")],
    ["one AZ", { availabilityZoneCount: 1 }, e("availabilityZoneCount", "1", AZS, "Use 3 (the default)")],
    ["seven AZs", { availabilityZoneCount: 7 }, e("availabilityZoneCount", "7", AZS, "Use 3 (the default)")],
    // The CIDR block.
    ["a CIDR block as a number", { cidrBlock: 10 }, e("cidrBlock", "10", "is a number, not a string", "Write a string")],
    [
        "an address without a prefix",
        { cidrBlock: "10.0.0.0" },
        e("cidrBlock", '"10.0.0.0"', "not an IPv4 CIDR block", 'Write it as address/prefix, e.g. "10.0.0.0/16"'),
    ],
    ["an octet past 255", { cidrBlock: "300.0.0.0/16" }, e("cidrBlock", '"300.0.0.0/16"', "not an IPv4 CIDR block", "Write it as")],
    [
        "a /8 block",
        { cidrBlock: "10.0.0.0/8" },
        e("cidrBlock", '"10.0.0.0/8"', "the prefix must be /16 to /22", 'Use a prefix such as "10.0.0.0/16"'),
    ],
    ["a /24 block", { cidrBlock: "10.0.0.0/24" }, e("cidrBlock", '"10.0.0.0/24"', "the prefix must be /16 to /22", "Use a prefix")],
    [
        "a block with host bits set",
        { cidrBlock: "10.0.1.0/16" },
        e("cidrBlock", '"10.0.1.0/16"', "the address has bits set past the prefix", "Use the network address of the block"),
    ],
    // Enums.
    [
        "a NAT layout in lowercase",
        { natGateways: "single" },
        e("natGateways", '"single"', "is not one of Single, OnePerAz", 'Did you mean "Single"?'),
    ],
    [
        "no NAT at all",
        { natGateways: "None" },
        e("natGateways", '"None"', "is not one of Single, OnePerAz", 'Use one of "Single", "OnePerAz"'),
    ],
    ["a profile in capitals", { profile: "Prod" }, e("profile", '"Prod"', "is not one of dev, prod", 'Did you mean "prod"?')],
    ["a profile spelt out", { profile: "production" }, e("profile", '"production"', "is not one of dev, prod", 'Use one of "dev", "prod"')],
    [
        "flow-log traffic in lowercase",
        { flowLogs: { trafficType: "all" } },
        e("flowLogs.trafficType", '"all"', "is not one of ALL, ACCEPT, REJECT", 'Did you mean "ALL"?'),
    ],
    [
        "a flow-log retention CloudWatch does not offer",
        { flowLogs: { retentionInDays: 10 } },
        e("flowLogs.retentionInDays", "10", "CloudWatch Logs does not offer this retention", "Use one of 1, 3, 5, 7, 14, 30"),
    ],
    [
        "a flow-log retention quoted",
        { flowLogs: { retentionInDays: "30" } },
        e("flowLogs.retentionInDays", '"30"', "is a string, write a number", "Write 30 without quotes"),
    ],
    // Region.
    [
        "a region by its city",
        { region: "Frankfurt" },
        e("region", '"Frankfurt"', "not an AWS region name", 'Use a region code such as "us-east-1"'),
    ],
    ["an AZ for a region", { region: "us-east-1a" }, e("region", '"us-east-1a"', "not an AWS region name", "Use a region code")],
    // An existing VPC.
    [
        "a VPC name for its id",
        { existing: { ...EXISTING, vpcId: "my-vpc" } },
        e("existing.vpcId", '"my-vpc"', "not a VPC id", "Use the id EC2 shows"),
    ],
    [
        "an empty VPC id",
        { existing: { ...EXISTING, vpcId: "" } },
        e("existing.vpcId", '""', "an existing network needs the VPC's id", "Set existing.vpcId"),
    ],
    [
        "a VPC id as a number",
        { existing: { ...EXISTING, vpcId: 123 } },
        e("existing.vpcId", "123", "is a number, not a string", "Write a string"),
    ],
    [
        "one private subnet",
        { existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01"] } },
        e(
            "existing.privateSubnetIds",
            '["subnet-01"]',
            "EKS and MSK need private subnets in at least 2 AZs",
            "List one private subnet per AZ",
        ),
    ],
    [
        "a private subnet listed twice",
        { existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-01"], availabilityZoneCount: 2 } },
        e("existing.privateSubnetIds[2]", '"subnet-01"', "lists a subnet twice", "List each private subnet once"),
    ],
    [
        "a subnet id that is not one",
        { existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "sn-2"] } },
        e("existing.privateSubnetIds[1]", '"sn-2"', "not a subnet id", "Use the id EC2 shows"),
    ],
    [
        "an internet gateway among the public subnets",
        { existing: { ...EXISTING, publicSubnetIds: ["igw-01"] } },
        e("existing.publicSubnetIds[0]", '"igw-01"', "not a subnet id", "Use the id EC2 shows"),
    ],
    [
        "an existing VPC over one AZ",
        { existing: { ...EXISTING, availabilityZoneCount: 1 } },
        e("existing.availabilityZoneCount", "1", AZS, "Count the AZs the private subnets span"),
    ],
    [
        "more AZs than subnets",
        { existing: { ...EXISTING, availabilityZoneCount: 4 } },
        e("existing.availabilityZoneCount", "4", "3 private subnets cannot span 4 AZs", "Add the missing subnets or lower the count"),
    ],
    [
        "subnets from another resource without an AZ count",
        { existing: { vpcId: "vpc-0abc", privateSubnetIds: pulumi.output(["subnet-01", "subnet-02"]) } },
        e("existing.availabilityZoneCount", "undefined", "the number of AZs cannot be counted", "Set existing.availabilityZoneCount"),
    ],
    [
        "a CIDR block next to an existing VPC",
        { existing: EXISTING, cidrBlock: "10.1.0.0/16" },
        e("cidrBlock", '"10.1.0.0/16"', CREATE_ONLY_VPC, "Remove cidrBlock, or remove existing to create the VPC"),
    ],
    [
        "flow logs turned off next to an existing VPC",
        { existing: EXISTING, flowLogs: false },
        e("flowLogs", "false", CREATE_ONLY_VPC, "Remove flowLogs"),
    ],
    // Outputs where plain values are needed.
    ["existing as an Output", { existing: pulumi.output(EXISTING) }, e("existing", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    [
        "the AZ count as an Output",
        { availabilityZoneCount: pulumi.output(3) },
        e("availabilityZoneCount", OUTPUT_VALUE, OUTPUT, "Pass a plain value"),
    ],
    ["flowLogs as an Output", { flowLogs: pulumi.output(true) }, e("flowLogs", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
];

const networkNames: [string, string, PlatformNetworkArgs, Expected][] = [
    [
        "a name too long for the flow-log role",
        "n".repeat(42),
        { profile: "prod" },
        e(
            "name",
            `"${"n".repeat(42)}"`,
            "the role name would be 65 characters; IAM allows 64 (in the flow-log role's name)",
            "Shorten the name to 41 characters or fewer",
        ),
    ],
    [
        "a name with a space, with flow logs",
        "my net",
        { flowLogs: true },
        e(
            "name",
            '"my net"',
            "IAM role names allow letters, digits and +=,.@_- only (in the flow-log role's name)",
            "Remove the other characters",
        ),
    ],
    [
        "a name with +, with flow logs",
        "net+1",
        { flowLogs: true },
        e(
            "name",
            '"net+1"',
            "CloudWatch log group names allow letters, digits and ._-/# only (in the flow-log group's name)",
            "Remove the other characters",
        ),
    ],
];

const cluster: Case[] = [
    // Unknown and misspelt keys.
    [
        "kubernetesversion in the wrong case",
        { kubernetesversion: "1.35" },
        e("kubernetesversion", '"1.35"', notKnown("kubernetesversion"), 'Did you mean "kubernetesVersion"?'),
    ],
    ["version for kubernetesVersion", { version: "1.35" }, e("version", '"1.35"', notKnown("version"), "Use one of")],
    ["node for nodes", { node: { minSize: 2 } }, e("node", '{"minSize":2}', notKnown("node"), 'Did you mean "nodes"?')],
    [
        "instanceType for instanceTypes",
        { nodes: { instanceType: "m7g.large" } },
        e("nodes.instanceType", '"m7g.large"', notKnown("instanceType"), 'Did you mean "instanceTypes"?'),
    ],
    [
        "publicAccessCIDRs in capitals",
        { publicAccessCIDRs: ["10.0.0.0/8"] },
        e("publicAccessCIDRs", '["10.0.0.0/8"]', notKnown("publicAccessCIDRs"), 'Did you mean "publicAccessCidrs"?'),
    ],
    [
        "kubeConfig in the wrong case",
        { existing: { kubeConfig: "apiVersion: v1" } },
        e("existing.kubeConfig", '"apiVersion: v1"', notKnown("kubeConfig"), 'Did you mean "kubeconfig"?'),
    ],
    ["a Terraform-style key", { cluster_version: "1.35" }, e("cluster_version", '"1.35"', notKnown("cluster_version"), "Use one of")],
    // Lists, maps and kinds of value.
    ["nodes as a list", { nodes: [{ minSize: 2 }] }, e("nodes", '[{"minSize":2}]', LIST, "Write it as a mapping")],
    [
        "one instance type as a string",
        { nodes: { instanceTypes: "m7g.large" } },
        e("nodes.instanceTypes", '"m7g.large"', "is a string, not a list", "Write a list"),
    ],
    [
        "the allow-list as one string",
        { publicAccessCidrs: "203.0.113.0/24" },
        e("publicAccessCidrs", '"203.0.113.0/24"', "is a string, not a list", "Write a list"),
    ],
    [
        "log types as one string",
        { controlPlaneLogTypes: "api" },
        e("controlPlaneLogTypes", '"api"', "is a string, not a list", "Write a list"),
    ],
    [
        "an existing cluster as a kubeconfig path",
        { existing: "~/.kube/config" },
        e("existing", '"~/.kube/config"', "is a string, not a mapping (key: value)", "Write a mapping"),
    ],
    ["a network given by VPC id", { network: "vpc-0abc" }, e("network", '"vpc-0abc"', "is not a network", "Pass a PlatformNetwork")],
    ["the network as an Output", { network: pulumi.output(NETWORK) }, e("network", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    // The Kubernetes version.
    [
        "a version YAML read as a number",
        { kubernetesVersion: 1.3 },
        e(
            "kubernetesVersion",
            "1.3",
            "is a number, not a version string (YAML reads 1.30 as the number 1.3)",
            'Quote it in the stack config, e.g. "1.36"',
        ),
    ],
    ["a version as true", { kubernetesVersion: true }, e("kubernetesVersion", "true", "is a boolean, not a string", "Write a string")],
    [
        "a v-prefixed version",
        { kubernetesVersion: "v1.35" },
        e("kubernetesVersion", '"v1.35"', "not a Kubernetes minor version", 'Write it as "1.<minor>"'),
    ],
    [
        "a patch version",
        { kubernetesVersion: "1.35.2" },
        e("kubernetesVersion", '"1.35.2"', "not a Kubernetes minor version", 'Write it as "1.<minor>"'),
    ],
    [
        "latest",
        { kubernetesVersion: "latest" },
        e("kubernetesVersion", '"latest"', "not a Kubernetes minor version", 'Write it as "1.<minor>"'),
    ],
    [
        "a version past extended support",
        { kubernetesVersion: "1.30" },
        e(
            "kubernetesVersion",
            '"1.30"',
            "EKS no longer creates clusters older than 1.32",
            'Use a version EKS supports, e.g. the default "1.36"',
        ),
    ],
    [
        "a version newer than EKS offers",
        { kubernetesVersion: "1.40" },
        e(
            "kubernetesVersion",
            '"1.40"',
            "EKS offers no version newer than 1.36",
            "Use 1.36 or older, or add the new version to platform/eks-versions.ts",
        ),
    ],
    [
        "a version with a leading zero",
        { kubernetesVersion: "1.035" },
        e("kubernetesVersion", '"1.035"', "is not a version EKS offers", "Use one of 1.36, 1.35, 1.34, 1.33, 1.32"),
    ],
    // Flags.
    [
        "the endpoint flag quoted",
        { publicEndpoint: "false" },
        e("publicEndpoint", '"false"', "is a string, write true or false", "Write true or false"),
    ],
    [
        'protect "no"',
        { protect: "no" },
        e("protect", '"no"', "must be true or false", "Write protect: true (the default) or protect: false"),
    ],
    ["protect 0", { protect: 0 }, e("protect", "0", "must be true or false", "Write protect: true")],
    ["protect null", { protect: null }, e("protect", "null", "must be true or false", "Write protect: true")],
    // Node group size.
    [
        "a negative minimum",
        { nodes: { minSize: -1 } },
        e("nodes.minSize", "-1", "must be a whole number, 0 or more", "Use an integer such as 2"),
    ],
    [
        "a maximum of 0",
        { nodes: { maxSize: 0 } },
        e("nodes.maxSize", "0", "must be a whole number, at least 1", "Use an integer such as 3"),
    ],
    [
        "a fractional desired size",
        { nodes: { desiredSize: 2.5 } },
        e("nodes.desiredSize", "2.5", "must be a whole number, 0 or more", "Use an integer between minSize and maxSize"),
    ],
    ["a minimum quoted", { nodes: { minSize: "2" } }, e("nodes.minSize", '"2"', "is a string, write a number", "Write 2 without quotes")],
    ["a maximum of NaN", { nodes: { maxSize: NaN } }, e("nodes.maxSize", "NaN", "is not a number", "Write a number")],
    [
        "an 8 GiB root volume",
        { nodes: { diskSizeGiB: 8 } },
        e(
            "nodes.diskSizeGiB",
            "8",
            "must be a whole number of GiB from 20 (the AMI's own size) to 16384",
            "Use e.g. 50 for dev, 100 for prod",
        ),
    ],
    [
        "a 20 TB root volume",
        { nodes: { diskSizeGiB: 20000 } },
        e("nodes.diskSizeGiB", "20000", "must be a whole number of GiB from 20", "Use e.g. 50"),
    ],
    [
        "a minimum above the maximum",
        { nodes: { minSize: 4, maxSize: 2 } },
        e(
            "nodes.minSize",
            "4",
            "the node group cannot have more nodes at least (4) than at most (maxSize 2)",
            "Lower minSize to 2 or less",
        ),
    ],
    [
        "a desired size above the maximum",
        { nodes: { desiredSize: 9 } },
        e("nodes.desiredSize", "9", "outside minSize..maxSize (2..3)", "Use a size from 2 to 3"),
    ],
    [
        "one node in production",
        { profile: "prod", publicEndpoint: false, nodes: { minSize: 1 } },
        e("nodes.minSize", "1", "a production node group with fewer than 2 nodes loses every workload with one node", "Use 2 or more"),
    ],
    // Instance types.
    [
        "an x86 instance type",
        { nodes: { instanceTypes: ["m7g.large", "m7i.large"] } },
        e(
            "nodes.instanceTypes[1]",
            '"m7i.large"',
            "not a Graviton (arm64) instance type: the nodes run the AL2023 arm64 AMI",
            "Use a Graviton type such as m7g.large",
        ),
    ],
    [
        "a size the family does not have",
        { nodes: { instanceTypes: ["m7g.huge"] } },
        e(
            "nodes.instanceTypes[0]",
            '"m7g.huge"',
            'm7g has no size "huge" (Graviton catalog as of 2026-12-05)',
            "Use one of m7g.medium, m7g.large",
        ),
    ],
    [
        "a metal size of another generation",
        { nodes: { instanceTypes: ["m7g.metal-48xl"] } },
        e("nodes.instanceTypes[0]", '"m7g.metal-48xl"', 'm7g has no size "metal-48xl"', "Use one of m7g.medium"),
    ],
    [
        "a family EC2 does not offer",
        { nodes: { instanceTypes: ["m10g.large"] } },
        e(
            "nodes.instanceTypes[0]",
            '"m10g.large"',
            "is not an EC2 instance type (Graviton catalog as of 2026-12-05)",
            "Use a family EC2 offers",
        ),
    ],
    [
        "no instance types",
        { nodes: { instanceTypes: [] } },
        e("nodes.instanceTypes", "[]", "the node group needs at least one instance type", 'List Graviton types such as ["m7g.large"]'),
    ],
    // Lists of enums and ARNs.
    [
        "a log type EKS does not send",
        { controlPlaneLogTypes: ["api", "kubelet"] },
        e("controlPlaneLogTypes[1]", '"kubelet"', "is not one of api, audit, authenticator, controllerManager, scheduler", "Use one of"),
    ],
    [
        "a log type twice",
        { controlPlaneLogTypes: ["api", "api"] },
        e("controlPlaneLogTypes", '["api","api"]', "lists a log type twice", "List each log type once"),
    ],
    [
        "a support type in lowercase",
        { supportType: "extended" },
        e("supportType", '"extended"', "is not one of STANDARD, EXTENDED", 'Did you mean "EXTENDED"?'),
    ],
    [
        "an admin by name",
        { adminPrincipalArns: ["platform-admin"] },
        e(
            "adminPrincipalArns[0]",
            '"platform-admin"',
            "not an IAM role or user ARN",
            'Use an ARN such as "arn:aws:iam::123456789012:role/platform-admin"',
        ),
    ],
    [
        "an IAM group as admin",
        { adminPrincipalArns: ["arn:aws:iam::123456789012:group/admins"] },
        e("adminPrincipalArns[0]", '"arn:aws:iam::123456789012:group/admins"', "not an IAM role or user ARN", "Use an ARN such as"),
    ],
    [
        "two admins with one name",
        { adminPrincipalArns: ["arn:aws:iam::111111111111:role/admin", "arn:aws:iam::222222222222:role/admin"] },
        e(
            "adminPrincipalArns",
            '["arn:aws:iam::111111111111:role/admin","arn:aws:iam::222222222222:role/admin"]',
            "lists one principal name twice",
            "List each principal once",
        ),
    ],
    // The public endpoint.
    [
        "an allow-list entry that is not a CIDR",
        { publicAccessCidrs: ["office"] },
        e("publicAccessCidrs[0]", '"office"', "not an IPv4 CIDR block", 'Write it as address/prefix, e.g. "203.0.113.0/24"'),
    ],
    [
        "a /33 prefix",
        { publicAccessCidrs: ["10.0.0.0/33"] },
        e("publicAccessCidrs[0]", '"10.0.0.0/33"', "not an IPv4 CIDR block", "Write it as"),
    ],
    [
        "a production endpoint without an allow-list",
        { profile: "prod" },
        e(
            "publicAccessCidrs",
            "undefined",
            "a production API endpoint needs an allow-list",
            "List the CIDR blocks `pulumi up` and operators connect from",
        ),
    ],
    [
        "a production endpoint open to all",
        { profile: "prod", publicAccessCidrs: ["0.0.0.0/0"] },
        e("publicAccessCidrs", '["0.0.0.0/0"]', "a production API endpoint must not be open to the whole internet", "List the CIDR blocks"),
    ],
    [
        "an empty allow-list",
        { publicAccessCidrs: [] },
        e(
            "publicAccessCidrs",
            "[]",
            "an empty list would leave the public endpoint reachable from nowhere",
            "List at least one CIDR block",
        ),
    ],
    [
        "an allow-list without a public endpoint",
        { publicEndpoint: false, publicAccessCidrs: ["10.0.0.0/8"] },
        e(
            "publicAccessCidrs",
            '["10.0.0.0/8"]',
            "there is no public endpoint to restrict",
            "Remove publicAccessCidrs, or turn publicEndpoint on",
        ),
    ],
];

/** Cases whose args carry their own network (or none). */
const clusterNetwork: Case[] = [
    [
        "no network for a new cluster",
        {},
        e(
            "network",
            "undefined",
            "a new cluster needs a VPC and private subnets",
            "Pass a PlatformNetwork (or { vpcId, privateSubnetIds }) as network",
        ),
    ],
    [
        "a network without subnets",
        { network: { vpcId: "vpc-0abc" } },
        e("network.privateSubnetIds", "undefined", "the network has no private subnets", "Pass a PlatformNetwork, or set privateSubnetIds"),
    ],
    [
        "a network over one subnet",
        { network: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01"] } },
        e(
            "network.privateSubnetIds",
            '["subnet-01"]',
            "EKS needs subnets in at least two AZs",
            "Give the cluster private subnets in two or more AZs",
        ),
    ],
    [
        "a network over one AZ",
        { network: { ...NETWORK, availabilityZoneCount: 1 } },
        e("network.availabilityZoneCount", "1", "EKS needs subnets in at least two AZs", "Use a network that spans two or more AZs"),
    ],
    [
        "an existing cluster without a way in",
        { existing: { clusterName: "shared" } },
        e("existing.kubeconfig", "undefined", "an existing cluster needs a way in", "Set existing.kubeconfig (or existing.provider)"),
    ],
    ["an empty kubeconfig", { existing: { kubeconfig: "" } }, e("existing.kubeconfig", '""', "is empty", "Set the cluster's kubeconfig")],
    [
        "an OIDC provider without its issuer",
        {
            existing: {
                kubeconfig: "apiVersion: v1",
                oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
            },
        },
        e(
            "existing.oidcProviderUrl",
            "undefined",
            "IRSA needs both the OIDC provider ARN and the issuer URL",
            "Set both existing.oidcProviderArn and existing.oidcProviderUrl",
        ),
    ],
    [
        "a role ARN for the OIDC provider",
        { existing: { kubeconfig: "apiVersion: v1", oidcProviderArn: "arn:aws:iam::123456789012:role/eks" } },
        e("existing.oidcProviderArn", '"arn:aws:iam::123456789012:role/eks"', "not an IAM OIDC provider ARN", "Use the ARN IAM shows"),
    ],
    [
        "a cluster name EKS would refuse",
        { existing: { kubeconfig: "apiVersion: v1", clusterName: "shared cluster" } },
        e("existing.clusterName", '"shared cluster"', "not an EKS cluster name", "Use the name EKS shows"),
    ],
    [
        "a provider that is a plain object",
        { existing: { provider: {} } },
        e("existing.provider", "{}", "is not a Kubernetes provider", "Pass a k8s.Provider"),
    ],
    [
        "node sizes next to an existing cluster",
        { existing: { kubeconfig: "apiVersion: v1" }, nodes: { minSize: 3 } },
        e("nodes", '{"minSize":3}', CREATE_ONLY_CLUSTER, "Remove nodes, or remove existing to create the cluster"),
    ],
    [
        "a network next to an existing cluster",
        { existing: { kubeconfig: "apiVersion: v1" }, network: NETWORK },
        e("network", JSON.stringify(NETWORK), CREATE_ONLY_CLUSTER, "Remove network"),
    ],
    [
        "protection next to an existing cluster",
        { existing: { kubeconfig: "apiVersion: v1" }, protect: false },
        e("protect", "false", CREATE_ONLY_CLUSTER, "Remove protect"),
    ],
];

const clusterNames: [string, string, Expected][] = [
    [
        "a name too long for the EKS service role",
        "c".repeat(40),
        e(
            "name",
            `"${"c".repeat(40)}"`,
            "the role name would be 65 characters; IAM allows 64 (in the EKS service role's name)",
            "Shorten the name to 39 characters or fewer",
        ),
    ],
    [
        "a name with a dot",
        "data.platform",
        e(
            "name",
            '"data.platform"',
            "EKS cluster names start with a letter or digit and allow letters, digits, - and _ only (in the EKS cluster's name)",
            "Remove the other characters",
        ),
    ],
    [
        "a name with a space",
        "my cluster",
        e(
            "name",
            '"my cluster"',
            "EKS cluster names start with a letter or digit and allow letters, digits, - and _ only",
            "Remove the other characters",
        ),
    ],
];

const hybrid = { "spectrum:architecture": "hybrid", "spectrum:profile": "dev", "spectrum:hybrid": { topics: { events: {} } } };
const kappa = { "spectrum:architecture": "kappa", "spectrum:profile": "dev" };
const STACK = "stack config";
const stackConfig: [string, Record<string, unknown>, Expected][] = [
    [
        "a misspelt network field",
        { ...hybrid, "spectrum:network": { natGateway: "Single" } },
        e("spectrum:network.natGateway", '"Single"', notKnown("natGateway"), 'Did you mean "natGateways"?'),
    ],
    [
        "the network as a list",
        { ...hybrid, "spectrum:network": [{ cidrBlock: "10.0.0.0/16" }] },
        e("spectrum:network", '[{"cidrBlock":"10.0.0.0/16"}]', LIST, "Write it as a mapping"),
    ],
    [
        "an AZ count quoted in YAML",
        { ...hybrid, "spectrum:network": { availabilityZoneCount: "3" } },
        e("spectrum:network.availabilityZoneCount", '"3"', "is a string, write a number", "Write 3 without quotes"),
    ],
    [
        "existing subnets as one string",
        { ...hybrid, "spectrum:network": { existing: { vpcId: "vpc-0abc", privateSubnetIds: "subnet-01" } } },
        e("spectrum:network.existing.privateSubnetIds", '"subnet-01"', "is a string, not a list", "Write a list"),
    ],
    [
        "a CIDR block EC2 would refuse",
        { ...hybrid, "spectrum:network": { cidrBlock: "10.0.0.0/8" } },
        e("spectrum:network.cidrBlock", '"10.0.0.0/8"', "the prefix must be /16 to /22", "Use a prefix"),
    ],
    [
        "the network's dotted key",
        { ...hybrid, "spectrum:network.cidrBlock": "10.1.0.0/16" },
        e(
            "spectrum:network.cidrBlock",
            '"10.1.0.0/16"',
            "Pulumi reads a dotted key as a key of its own",
            "Nest it: spectrum:network: { cidrBlock: 10.1.0.0/16 }",
        ),
    ],
    [
        "a Kubernetes version YAML read as a number",
        { ...kappa, "spectrum:kubernetes": { kubernetesVersion: 1.3 } },
        e("spectrum:kubernetes.kubernetesVersion", "1.3", "is a number, not a version string", "Quote it in the stack config"),
    ],
    [
        "the network set under kubernetes",
        { ...kappa, "spectrum:kubernetes": { network: { vpcId: "vpc-0abc" } } },
        e("spectrum:kubernetes.network", '{"vpcId":"vpc-0abc"}', notKnown("network"), "Use one of"),
    ],
    [
        "an x86 node type in the stack",
        { ...kappa, "spectrum:kubernetes": { nodes: { instanceTypes: ["m7i.large"] } } },
        e("spectrum:kubernetes.nodes.instanceTypes[0]", '"m7i.large"', "not a Graviton (arm64) instance type", "Use a Graviton type"),
    ],
    [
        "protect quoted in YAML",
        { ...kappa, "spectrum:kubernetes": { protect: "no" } },
        e("spectrum:kubernetes.protect", '"no"', "must be true or false", "Write protect: true"),
    ],
    [
        "kubernetes settings in a hybrid stack",
        { ...hybrid, "spectrum:kubernetes": {} },
        e(
            "spectrum:kubernetes",
            "{}",
            "the hybrid architecture does not read it",
            "Remove it, or set spectrum:architecture to kappa or lambda",
        ),
    ],
];

describe("platform battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each(network)("PlatformNetwork: %s", async (_, args, expected) => {
        const { problems, registered } = await rejection(() => new PlatformNetwork("net", args as PlatformNetworkArgs), REGION);
        expectParts(problems, 'PlatformNetwork "net"', expected);
        expect(registered).toEqual([]);
    });

    test.each(networkNames)("PlatformNetwork: %s", async (_, name, args, expected) => {
        const { problems, registered } = await rejection(() => new PlatformNetwork(name, args), REGION);
        expectParts(problems, `PlatformNetwork "${name}"`, expected);
        expect(registered).toEqual([]);
    });

    test.each(cluster)("PlatformCluster: %s", async (_, args, expected) => {
        const { problems, registered } = await rejection(
            () => new PlatformCluster("eks", { network: NETWORK, ...(args as object) } as PlatformClusterArgs),
            REGION,
        );
        expectParts(problems, 'PlatformCluster "eks"', expected);
        expect(registered).toEqual([]);
    });

    test.each(clusterNetwork)("PlatformCluster: %s", async (_, args, expected) => {
        const { problems, registered } = await rejection(() => new PlatformCluster("eks", args as PlatformClusterArgs), REGION);
        expectParts(problems, 'PlatformCluster "eks"', expected);
        expect(registered).toEqual([]);
    });

    test.each(clusterNames)("PlatformCluster: %s", async (_, name, expected) => {
        const { problems, registered } = await rejection(() => new PlatformCluster(name, { network: NETWORK }), REGION);
        expectParts(problems, `PlatformCluster "${name}"`, expected);
        expect(registered).toEqual([]);
    });

    test("a provider and a kubeconfig both given: only the test's own provider was registered", async () => {
        const { problems, registered } = await rejection(() => {
            const provider = new k8s.Provider("brought", { kubeconfig: "{}" });
            new PlatformCluster("eks", { existing: { kubeconfig: "apiVersion: v1", provider } });
        });
        expectParts(
            problems,
            'PlatformCluster "eks"',
            e(
                "existing.provider",
                '"[provider]"',
                "kubeconfig and provider both say how to reach the cluster",
                "Set one of existing.kubeconfig and existing.provider",
            ),
        );
        expect(registered).toEqual(["pulumi:providers:kubernetes::brought"]);
    });

    test.each(stackConfig)("stack config: %s", async (_, config, expected) => {
        const { problems, registered } = await rejection(rootProgram, {
            project: "spectrum",
            config: { "aws:region": "us-east-1", ...config },
        });
        expectParts(problems, STACK, expected);
        expect(registered).toEqual([]);
    });

    test("a second network or cluster of one name is refused with both named, before it registers anything", async () => {
        const { problems, registered } = await rejection(() => {
            new PlatformNetwork("net", { existing: EXISTING });
            new PlatformNetwork("net", { existing: EXISTING });
        });
        expect(problems).toEqual([
            'PlatformNetwork "net": name = "net": PlatformNetwork "net" already uses this resource name (its name); the Pulumi engine refuses two resources with one type and name. Give one of the components another name.',
        ]);
        expect(registered).toEqual(["spectrum:index:PlatformNetwork::net"]);
    });

    test("every structural problem of one input is reported at once", async () => {
        const { problems } = await rejection(
            () =>
                new PlatformCluster("eks", {
                    network: NETWORK,
                    kubernetesVersion: 1.3,
                    protect: "no",
                    nodes: { minSize: -1 },
                    tag: {},
                } as never),
            REGION,
        );
        expect(problems).toHaveLength(4);
    });
});

describe("platform battery: values known only later are checked when they resolve", () => {
    test("an existing VPC id from an Output that resolves to something else fails the run, showing the value", async () => {
        const run = runProgram(
            () =>
                void new PlatformNetwork("net", {
                    existing: { vpcId: pulumi.output("my-vpc"), privateSubnetIds: EXISTING.privateSubnetIds },
                }),
            REGION,
        );
        await expect(run).rejects.toThrow(
            'PlatformNetwork "net": existing.vpcId = "my-vpc": not a VPC id. Use the id EC2 shows, e.g. "vpc-0abc1234".',
        );
    });

    test("subnets from an Output that resolve to a single subnet fail the run", async () => {
        const run = runProgram(
            () =>
                void new PlatformNetwork("net", {
                    existing: { vpcId: "vpc-0abc", privateSubnetIds: pulumi.output(["subnet-01"]), availabilityZoneCount: 2 },
                }),
            REGION,
        );
        await expect(run).rejects.toThrow(
            'PlatformNetwork "net": existing.privateSubnetIds = ["subnet-01"]: EKS and MSK need private subnets in at least 2 AZs.',
        );
    });

    test("a secret kubeconfig that resolves to nothing fails the run without printing it", async () => {
        const run = runProgram(() => void new PlatformCluster("eks", { existing: { kubeconfig: pulumi.secret("") } }), REGION);
        await expect(run).rejects.toThrow('PlatformCluster "eks": existing.kubeconfig = "[secret]": is empty.');
    });
});

describe("platform battery: valid but unusual inputs are accepted", () => {
    const networks: [string, string, PlatformNetworkArgs][] = [
        ["the smallest block", "net", { cidrBlock: "10.0.0.0/22" }],
        ["six AZs", "net", { availabilityZoneCount: 6 }],
        ["two AZs", "net", { availabilityZoneCount: 2, natGateways: "OnePerAz" }],
        ["flow logs on with their defaults", "net", { flowLogs: {} }],
        ["rejected traffic only, kept ten years", "net", { flowLogs: { trafficType: "REJECT", retentionInDays: 3653 } }],
        ["production without flow logs", "net", { profile: "prod", flowLogs: false }],
        ["a GovCloud region", "net", { region: "us-gov-west-1" }],
        ["the longest name the flow-log role allows", "n".repeat(41), { profile: "prod" }],
        ["a long name without flow logs", "n".repeat(80), {}],
        ["a name with + and no flow logs", "net+1", {}],
        ["explicit undefined fields", "net", { cidrBlock: undefined, flowLogs: undefined, existing: undefined }],
        ["tags with spaces and accents", "net", { tags: { "Cost Center": "Données" } }],
    ];
    test.each(networks)("PlatformNetwork: %s", async (_, name, args) => {
        const graph = await runProgram(() => void new PlatformNetwork(name, args), REGION);
        expect(graph.ofType("awsx:ec2:Vpc")).toHaveLength(1);
    });

    test("PlatformNetwork: an existing VPC whose subnets come from Outputs, with public subnets", async () => {
        const graph = await runProgram(
            () =>
                void new PlatformNetwork("net", {
                    existing: {
                        vpcId: pulumi.output("vpc-0abc"),
                        privateSubnetIds: pulumi.output(["subnet-01", "subnet-02"]),
                        publicSubnetIds: [pulumi.output("subnet-0a")],
                        availabilityZoneCount: 2,
                    },
                }),
            REGION,
        );
        expect(graph.ofType("spectrum:index:PlatformNetwork")).toHaveLength(1);
        expect(graph.ofType("awsx:ec2:Vpc")).toEqual([]);
    });

    const clusters: [string, string, PlatformClusterArgs][] = [
        ["the oldest version EKS still creates", "eks", { kubernetesVersion: "1.32" }],
        ["a node group that can scale to zero", "eks", { nodes: { minSize: 0, desiredSize: 0, maxSize: 1 } }],
        ["the smallest Graviton burstable", "eks", { nodes: { instanceTypes: ["t4g.nano"] } }],
        ["a Graviton4 metal size and a Graviton5 type", "eks", { nodes: { instanceTypes: ["m8g.metal-48xl", "c9gd.medium"] } }],
        ["a private production cluster without an allow-list", "eks", { profile: "prod", publicEndpoint: false }],
        ["extended support", "eks", { supportType: "EXTENDED" }],
        ["no control-plane logs", "eks", { controlPlaneLogTypes: [] }],
        ["every control-plane log", "eks", { controlPlaneLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"] }],
        [
            "admins with paths and in GovCloud",
            "eks",
            { adminPrincipalArns: ["arn:aws:iam::123456789012:role/team/admin", "arn:aws-us-gov:iam::123456789012:user/ops"] },
        ],
        ["the largest root volume", "eks", { nodes: { diskSizeGiB: 16384 } }],
        ["the longest name the EKS service role allows", "c".repeat(39), {}],
        ["a name with _", "data_platform", {}],
    ];
    test.each(clusters)("PlatformCluster: %s", async (_, name, args) => {
        const { result: graph, warnings } = await warningsOf(() =>
            runProgram(() => void new PlatformCluster(name, { network: NETWORK, ...args }), REGION),
        );
        expect(graph.ofType("eks:index:Cluster")).toHaveLength(1);
        // A version past standard support is accepted, with a warning that EKS will upgrade it.
        expect(warnings.some((w) => w.includes("left standard support"))).toBe(args.kubernetesVersion === "1.32");
    });

    test("PlatformCluster: an existing cluster from a secret kubeconfig, and one through a provider of your own", async () => {
        const graph = await runProgram(() => {
            new PlatformCluster("byo", {
                existing: {
                    kubeconfig: pulumi.secret("apiVersion: v1"),
                    clusterName: "shared-eks",
                    oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
                    oidcProviderUrl: "oidc.eks.us-east-1.amazonaws.com/id/ABC",
                },
            });
            new PlatformCluster("with-provider", { existing: { provider: new k8s.Provider("brought", { kubeconfig: "{}" }) } });
        }, REGION);
        expect(graph.ofType("eks:index:Cluster")).toEqual([]);
        expect(
            graph
                .ofType("pulumi:providers:kubernetes")
                .map((p) => p.name)
                .sort(),
        ).toEqual(["brought", "byo-k8s"]);
    });

    test("stack config: a Kappa stack on an existing VPC and an existing EKS cluster", async () => {
        const graph = await runProgram(rootProgram, {
            project: "spectrum",
            config: {
                "aws:region": "us-east-1",
                ...kappa,
                "spectrum:kappa": {
                    inputTopics: { orders: {} },
                    outputTopics: { "orders-enriched": {} },
                    versions: [{ version: "v1" }],
                    live: "v1",
                },
                "spectrum:network": { existing: { vpcId: "vpc-0abc", privateSubnetIds: ["subnet-01", "subnet-02", "subnet-03"] } },
                "spectrum:kubernetes": {
                    existing: {
                        kubeconfig: "apiVersion: v1",
                        clusterName: "shared-eks",
                        oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
                        oidcProviderUrl: "https://oidc.eks.us-east-1.amazonaws.com/id/ABC",
                    },
                },
            },
        });
        expect(graph.ofType("eks:index:Cluster")).toEqual([]);
        expect(graph.ofType("awsx:ec2:Vpc")).toEqual([]);
        expect(graph.ofType("spectrum:index:PlatformCluster")).toHaveLength(1);
    });
});
