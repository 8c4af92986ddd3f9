/**
 * The offline plan: `npm run plan -- <stack> [--json]` runs the root program with the stack's
 * config under the mock engine and prints what `pulumi up` would create. Exit codes: 0 planned,
 * 2 a usage or configuration mistake (one clear message, no stack trace), 1 anything else.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Program, runStack } from "../testing";
import { UsageError, parseArgs } from "./args";
import { renderPlan } from "./render";
import { mermaidDiagram } from "./mermaid";
import { findProjectRoot, listStacks, stackFile } from "./stacks";
import { runReports } from "./reports";

export interface PlanContext {
    /** Repository root (holds Pulumi.yaml and stacks/). */
    root: string;
    /** Produces the program to run. Default: the compiled root program, `dist/index.js`. */
    program?: (root: string) => Program;
    /** Where the plan goes. Default: process stdout. */
    out?: (text: string) => void;
    /** Where errors go. Default: process stderr. */
    err?: (text: string) => void;
    /** Errors already reported (shared with the unhandled-rejection handler, so each prints once). */
    reported?: Set<unknown>;
    /** Where a relative `--diff` file is found. Default: the directory npm was run from (INIT_CWD), else the working directory. */
    cwd?: string;
    /** Colour data loss red in the diff. Default: when writing to a terminal without NO_COLOR. */
    color?: boolean;
}

/** Runs the plan command; resolves to its exit code and never throws. */
export async function plan(argv: readonly string[], context: PlanContext): Promise<number> {
    const out = context.out ?? ((text: string) => void process.stdout.write(text));
    const err = context.err ?? ((text: string) => void process.stderr.write(text));
    try {
        const args = parseArgs(argv, listStacks(context.root));
        const file = stackFile(context.root, args.stack);
        const program = (context.program ?? compiledProgram)(context.root);
        const started = performance.now();
        // In --json mode stdout carries the plan alone: the program's console output goes to stderr.
        const graph = await (args.json || args.mermaid ? withConsoleOnStderr(() => runStack(program, file)) : runStack(program, file));
        if (args.reports) {
            // Cost, capacity and diff reports replace the plan's own output; see cli/reports.ts.
            const cwd = context.cwd ?? process.env.INIT_CWD ?? process.cwd();
            const color = context.color ?? (context.out === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
            const report = runReports(graph, file, args.reports, { cwd, color, json: args.json });
            out(report.text);
            return report.exitCode;
        }
        out(
            args.json
                ? `${JSON.stringify(graph.toPlanJson(), null, 2)}\n`
                : args.mermaid
                  ? mermaidDiagram(graph)
                  : renderPlan(graph, performance.now() - started),
        );
        return 0;
    } catch (error) {
        const { code, message } = describeFailure(error);
        if (!context.reported?.has(error)) err(`error: ${message}\n`);
        context.reported?.add(error);
        return code;
    }
}

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

/** The compiled root program (`export = async () => {...}`, or a module of top-level code). */
export function compiledProgram(root: string): Program {
    const file = path.join(root, "dist", "index.js");
    if (!fs.existsSync(file)) throw new UsageError(`no compiled program at dist/index.js: run \`npm run build\` first`);
    return async () => {
        const mod = (await import(file)) as { default?: unknown };
        // A function export is the program itself: the engine calls it and its result becomes the
        // stack outputs. Otherwise the module's top-level code already ran and its exports are the outputs.
        return typeof mod.default === "function" ? mod.default : mod;
    };
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

/**
 * Entry point of `node dist/cli/plan.js`: the repo root is found from this file's location, so the
 * command works from any working directory. Sets the process exit code.
 */
export async function main(argv: readonly string[] = process.argv.slice(2), root: string = findProjectRoot(__dirname)): Promise<void> {
    const reported = new Set<unknown>();
    // An error thrown by the program also rejects promises the SDK derives from the stack's outputs,
    // which nobody awaits; `pulumi up` reports such rejections once and fails, and so does the plan.
    process.on("unhandledRejection", (reason) => {
        if (reported.has(reason)) return;
        reported.add(reason);
        const { code, message } = describeFailure(reason);
        process.stderr.write(`error: ${message}\n`);
        process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
    });
    const code = await plan(argv, { root, reported });
    process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
}

if (require.main === module) void main();
