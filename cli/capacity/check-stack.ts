/**
 * The capacity gate of `pulumi up` and `pulumi preview`: the root program (program/capacity-gate.ts)
 * starts this in a child process before it registers anything, when the stack declares its load.
 * It plans the stack offline (the root program under the mock engine, as `npm run plan` does) and
 * runs the plan's capacity checks on that graph (gate.ts), so both commands decide on one graph.
 *
 * Reads `{ project, stack, config }` on stdin (config as the engine passes it, `namespace:key` ->
 * string) and writes a {@link CapacityAnswer} on stdout. Exit code 1 when it could not decide.
 */
import * as fs from "fs";
import { runProgram } from "../../testing";
import { describeFailure, rootProgram } from "../plan-stack";
import { assertCapacity } from "./gate";

/** What the child answers. */
export interface CapacityAnswer {
    /** Failed, unwaived checks (or a malformed `spectrum:load`), one uniform message each: the run must fail with them. */
    problems: string[];
    /**
     * Set when the program itself refused the config under the mock engine: the real run reports
     * the same mistake, the way it always does, so the gate leaves it to the run.
     */
    deferred?: string;
}

interface CapacityRequest {
    project: string;
    stack: string;
    config: Record<string, string>;
}

/** Plans the stack offline and answers with the capacity problems of that plan. */
export async function checkStack(request: CapacityRequest): Promise<CapacityAnswer> {
    let graph;
    try {
        graph = await runProgram(rootProgram(), { project: request.project, stack: request.stack, config: request.config });
    } catch (error) {
        const { code, message } = describeFailure(error);
        if (code === 2) return { problems: [], deferred: message };
        throw error;
    }
    try {
        assertCapacity(graph, request.config);
        return { problems: [] };
    } catch (error) {
        const problems = (error as { problems?: unknown }).problems;
        if (describeFailure(error).code === 2 && Array.isArray(problems)) return { problems: problems.map(String) };
        throw error;
    }
}

async function main(): Promise<void> {
    try {
        const request = JSON.parse(fs.readFileSync(0, "utf8")) as CapacityRequest;
        process.stdout.write(JSON.stringify(await checkStack(request)));
    } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
    }
}

if (require.main === module) void main();
