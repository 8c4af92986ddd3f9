/**
 * The part of the plan command that loads the Pulumi SDKs and the program: cli/plan.ts imports it
 * only once the arguments are known to be good, so a usage mistake answers without that cost.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Program, loadStackConfig, runStack } from "../testing";
import { PlanArgs, UsageError } from "./args";
import { renderPlan } from "./render";
import { mermaidDiagram } from "./mermaid";
import { runReports } from "./reports";
import { assertCapacity } from "./capacity/gate";

/**
 * Errors that mean the stack config needs fixing: components reject their arguments with
 * SpectrumValidationError, the root program rejects stack config values with StackConfigError,
 * and pulumi.Config throws RunError subclasses (missing key, wrong type). Matched by name, so a
 * second copy of a module loaded by the program still counts.
 */
const CONFIG_ERRORS = new Set(["SpectrumValidationError", "StackConfigError"]);

/** Exit code and message for a failure: configuration mistakes are the user's to fix (2). */
export function describeFailure(error: unknown): { code: number; message: string } {
    if (!(error instanceof Error)) return { code: 1, message: `plan failed: ${String(error)}` };
    const isRunError: boolean = pulumi.RunError.isInstance(error);
    if (error instanceof UsageError || CONFIG_ERRORS.has(error.name) || isRunError) {
        return { code: 2, message: error.message };
    }
    return { code: 1, message: `plan failed: ${error.message}` };
}

/**
 * The root program next to this command: index.ts beside cli/ (run through the TypeScript loader),
 * or the compiled dist/index.js beside dist/cli/. Its export is the program (`export =`), or its
 * top-level code already ran and its exports are the outputs.
 */
export function rootProgram(): Program {
    const file = path.resolve(__dirname, "..", "index");
    return async () => {
        const mod = (await import(file)) as { default?: unknown };
        return typeof mod.default === "function" ? mod.default : mod;
    };
}

/** What the command prints and its exit code. */
export interface PlanOutcome {
    text: string;
    exitCode: number;
}

/**
 * Plans `args.stack` (its config in `stackFile`) and renders what the arguments ask for: the tree,
 * the JSON plan, the Mermaid diagram, or the reports (cost, capacity, diff; see reports.ts).
 */
export async function planStack(
    args: PlanArgs,
    stackFile: string,
    program: Program,
    reportOptions: { cwd: string; color: boolean },
): Promise<PlanOutcome> {
    const started = performance.now();
    // In --json and --mermaid mode stdout carries the plan alone: the program's console output goes to stderr.
    const quiet = args.json || args.mermaid;
    const graph = await (quiet ? withConsoleOnStderr(() => runStack(program, stackFile)) : runStack(program, stackFile));
    // A stack that declares its load plans only if it fits: a failed check, unwaived, is a
    // configuration mistake like any other (exit 2). --capacity reports every check instead.
    if (!args.reports?.capacity) assertCapacity(graph, loadStackConfig(stackFile, graph.project).values);
    if (args.reports) {
        const report = runReports(graph, stackFile, args.reports, { ...reportOptions, json: args.json });
        return { text: report.text, exitCode: report.exitCode };
    }
    if (args.json) return { text: `${JSON.stringify(graph.toPlanJson(), null, 2)}\n`, exitCode: 0 };
    if (args.mermaid) return { text: mermaidDiagram(graph), exitCode: 0 };
    return { text: renderPlan(graph, performance.now() - started), exitCode: 0 };
}

async function withConsoleOnStderr<T>(work: () => Promise<T>): Promise<T> {
    const { log, info, debug } = console;
    console.log = console.info = console.debug = console.error;
    try {
        return await work();
    } finally {
        Object.assign(console, { log, info, debug });
    }
}
