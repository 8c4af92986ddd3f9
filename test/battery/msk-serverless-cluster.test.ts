/**
 * The MskServerlessCluster battery: bad inputs a user really writes, each rejected before anything
 * is registered with all four parts of the message, and valid but unusual inputs accepted.
 */
import * as pulumi from "@pulumi/pulumi";
import { MskServerlessCluster, MskServerlessClusterArgs } from "../../components/kafka";
import { runProgram } from "../../testing";
import { Expected, expectParts, rejection } from "./battery";

type Case = [string, Record<string, unknown>, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const base = { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b", "subnet-c"] };
const notKnown = (key: string) => `"${key}" is not a known field`;
const USE_ONE_OF = 'Use one of "vpcId", "subnetIds"';

const cases: Case[] = [
    // Provisioned-cluster habits: MSK Serverless has none of these knobs.
    ["a broker count", { ...base, brokerCount: 3 }, e("brokerCount", "3", notKnown("brokerCount"), USE_ONE_OF)],
    [
        "a broker type",
        { ...base, instanceType: "kafka.m7g.large" },
        e("instanceType", '"kafka.m7g.large"', notKnown("instanceType"), USE_ONE_OF),
    ],
    [
        "a customer-managed key (Serverless takes none)",
        { ...base, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" },
        e("kmsKeyArn", '"arn:aws:kms:us-east-1:123456789012:key/k"', notKnown("kmsKeyArn"), USE_ONE_OF),
    ],
    [
        "broker properties (Serverless sets them all)",
        { ...base, serverProperties: { "log.retention.hours": "72" } },
        e("serverProperties", '{"log.retention.hours":"72"}', notKnown("serverProperties"), USE_ONE_OF),
    ],
    ["SCRAM auth (IAM only)", { ...base, auth: "scram" }, e("auth", '"scram"', notKnown("auth"), USE_ONE_OF)],
    ["a Kafka version", { ...base, kafkaVersion: "3.9.x" }, e("kafkaVersion", '"3.9.x"', notKnown("kafkaVersion"), USE_ONE_OF)],
    [
        "a misspelt client group list",
        { ...base, clientSecurityGroupId: ["sg-1"] },
        e("clientSecurityGroupId", '["sg-1"]', notKnown("clientSecurityGroupId"), 'Did you mean "clientSecurityGroupIds"?'),
    ],
    // Shapes.
    ["the VPC missing", { subnetIds: base.subnetIds }, e("vpcId", "undefined", "is required", "Set vpcId")],
    ["one subnet as a string", { ...base, subnetIds: "subnet-a" }, e("subnetIds", '"subnet-a"', "is a string, not a list", "Write a list")],
    ["protect as a string", { ...base, protect: "false" }, e("protect", '"false"', "must be true or false", "Write protect: true")],
    [
        "a CIDR that is an Output",
        { ...base, clientCidrBlocks: [pulumi.output("10.0.0.0/8")] },
        e(
            "clientCidrBlocks[0]",
            "an Output (checked when it resolves)",
            "is an Output, but this field must be known",
            "Pass a plain value",
        ),
    ],
    [
        "tags as a list",
        { ...base, tags: ["team=data"] },
        e("tags", '["team=data"]', "is a list where a map is expected", "Write it as a mapping"),
    ],
    // What MSK Serverless refuses.
    [
        "one subnet",
        { ...base, subnetIds: ["subnet-a"] },
        e(
            "subnetIds",
            '"1 subnets"',
            "MSK Serverless needs client subnets in at least two Availability Zones",
            "Pass 2 or more private subnets",
        ),
    ],
    [
        "the whole internet as a client",
        { ...base, clientCidrBlocks: ["0.0.0.0/0"] },
        e("clientCidrBlocks[0]", '"0.0.0.0/0"', "opens the cluster to every address", "Name the VPC or client ranges"),
    ],
    [
        "a CIDR with a bad octet",
        { ...base, clientCidrBlocks: ["10.0.0.300/8"] },
        e("clientCidrBlocks[0]", '"10.0.0.300/8"', "not an IPv4 CIDR block", 'Use a block like "10.0.0.0/16"'),
    ],
    [
        "a cluster name starting with a dash",
        { ...base, clusterName: "-events" },
        e("clusterName", '"-events"', "MSK cluster names are 1-64 letters, digits and dashes", "Rename it, or omit clusterName"),
    ],
    [
        "a cluster name past 64 characters",
        { ...base, clusterName: "e".repeat(65) },
        e("clusterName", `"${"e".repeat(65)}"`, "MSK cluster names are 1-64 letters", "Rename it"),
    ],
    [
        "a reserved tag key",
        { ...base, tags: { "aws:team": "data" } },
        e('tags["aws:team"]', '"aws:team"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
];

describe("MskServerlessCluster battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each(cases)("%s", async (_, args, expected) => {
        const { problems, registered } = await rejection(() => new MskServerlessCluster("events", args as MskServerlessClusterArgs));
        expectParts(problems, 'MskServerlessCluster "events"', expected);
        expect(registered).toEqual([]);
    });

    test("every problem of one input is reported at once", async () => {
        const { problems } = await rejection(
            () =>
                new MskServerlessCluster("events", {
                    ...base,
                    brokerCount: 3,
                    protect: "no",
                    clusterName: "_x",
                } as unknown as MskServerlessClusterArgs),
        );
        expect(problems).toHaveLength(3);
    });
});

describe("MskServerlessCluster battery: valid but unusual inputs are accepted", () => {
    const accepted: [string, MskServerlessClusterArgs][] = [
        ["two subnets only", { ...base, subnetIds: ["subnet-a", "subnet-b"] }],
        ["six subnets", { ...base, subnetIds: ["a", "b", "c", "d", "e", "f"] }],
        ["subnets and VPC that are outputs", { vpcId: pulumi.output("vpc-1"), subnetIds: [pulumi.output("a"), pulumi.output("b")] }],
        ["a 64-character name", { ...base, clusterName: "e".repeat(64) }],
        ["a single-host client range", { ...base, clientCidrBlocks: ["10.1.2.3/32"] }],
        ["unprotected", { ...base, protect: false }],
    ];
    test.each(accepted)("%s", async (_, args) => {
        const graph = await runProgram(() => new MskServerlessCluster("events", args));
        expect(graph.ofType("aws:msk/serverlessCluster:ServerlessCluster")).toHaveLength(1);
    });
});
