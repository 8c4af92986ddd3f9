import * as fs from "fs";
import * as path from "path";
import { Program, ResourceGraph, runStack } from "../testing";
import rootProgram from "../index";
import { existingClusterCalls as calls } from "./existing-clusters";
// The examples' modules are their programs (`export =`), as Pulumi runs them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to import an `export =` module
import flinkJob = require("../examples/flink-job");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
import kafkaStreams = require("../examples/kafka-streams");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
import sparkBatch = require("../examples/spark-batch");

const root = path.join(__dirname, "..");

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
    return [
        ...stacks,
        ...examples.map(([name, program]) => ({
            label: `examples/${name}`,
            program,
            stackFile: path.join(root, "examples", name, "Pulumi.dev.yaml"),
        })),
    ];
}

/** Plans one target under the mocks, answering the examples' lookups of existing clusters. */
export function plan(target: PlanTarget): Promise<ResourceGraph> {
    return runStack(target.program, target.stackFile, { calls });
}
