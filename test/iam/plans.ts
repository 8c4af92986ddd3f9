import * as fs from "fs";
import * as path from "path";
import { MockCallArgs } from "@pulumi/pulumi/runtime";
import { Program, ResourceGraph, runStack } from "../../testing";
import rootProgram from "../../index";
// The examples' modules are their programs (`export =`), as Pulumi runs them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to import an `export =` module
import flinkJob = require("../../examples/flink-job");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
import kafkaStreams = require("../../examples/kafka-streams");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
import sparkBatch = require("../../examples/spark-batch");

const root = path.join(__dirname, "..", "..");

const OIDC_URL = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const MSK_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/dev-events/1111-2222-3";

/** The existing EKS and MSK clusters the examples look up. */
function calls(args: MockCallArgs): Record<string, unknown> | undefined {
    switch (args.token) {
        case "aws:eks/getCluster:getCluster":
            return { name: args.inputs.name, endpoint: "https://ABCDEF.gr7.us-east-1.eks.amazonaws.com", certificateAuthorities: [{ data: "LS0tLS1CRUdJTi==" }], identities: [{ oidcs: [{ issuer: OIDC_URL }] }] };
        case "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider":
            return { arn: OIDC_ARN, url: args.inputs.url };
        case "aws:msk/getCluster:getCluster":
            return { arn: MSK_ARN, clusterName: args.inputs.clusterName, bootstrapBrokersSaslIam: "b-1.dev-events.kafka.us-east-1.amazonaws.com:9098,b-2.dev-events.kafka.us-east-1.amazonaws.com:9098", numberOfBrokerNodes: 3 };
        default:
            return undefined;
    }
}

/** A plan to check: a stack of the root program, or an example with its dev stack file. */
export interface PlanTarget {
    label: string;
    program: Program;
    stackFile: string;
}

/** Every stack in stacks/ (whatever is there: a new stack is checked without editing this file) and every example. */
export function planTargets(): PlanTarget[] {
    const stacks = fs
        .readdirSync(path.join(root, "stacks"))
        .filter((f) => /^Pulumi\.[\w-]+\.yaml$/.test(f))
        .sort()
        .map((f) => ({ label: `stacks/${f}`, program: rootProgram, stackFile: path.join(root, "stacks", f) }));
    const examples: Array<[string, Program]> = [
        ["flink-job", flinkJob],
        ["kafka-streams", kafkaStreams],
        ["spark-batch", sparkBatch],
    ];
    return [...stacks, ...examples.map(([name, program]) => ({ label: `examples/${name}`, program, stackFile: path.join(root, "examples", name, "Pulumi.dev.yaml") }))];
}

/** Plans one target under the mocks, answering the examples' lookups of existing clusters. */
export function plan(target: PlanTarget): Promise<ResourceGraph> {
    return runStack(target.program, target.stackFile, { calls });
}
