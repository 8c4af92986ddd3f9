/**
 * The offline plan: `npm run plan -- <stack> [--json | --mermaid] [reports]` runs the root program
 * with the stack's config under the mock engine and prints what `pulumi up` would create (or the
 * cost, capacity and diff reports, see reports.ts). Exit codes: 0 planned (or --help), 2 a usage or
 * configuration mistake (one clear message, no stack trace), 1 anything else; the reports add theirs.
 *
 * This module loads nothing heavy: the arguments and the stack file are checked first, and only
 * then are the Pulumi SDKs and the program loaded (plan-stack.ts).
 */
import type { Program } from "../testing";
import { UsageError, parseArgs, usage, wantsHelp } from "./args";
import { findProjectRoot, listStacks, stackFile } from "./stacks";

export interface PlanContext {
    /** Repository root (holds Pulumi.yaml and stacks/). */
    root: string;
    /** Produces the program to run. Default: the root program beside this command (see plan-stack.ts). */
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
    const fail = (code: number, message: string, error: unknown): number => {
        if (!context.reported?.has(error)) err(`error: ${message}\n`);
        context.reported?.add(error);
        return code;
    };
    let args;
    let file: string;
    try {
        if (wantsHelp(argv)) {
            out(`${usage(listStacks(context.root))}\n`);
            return 0;
        }
        args = parseArgs(argv, listStacks(context.root));
        file = stackFile(context.root, args.stack);
    } catch (error) {
        if (error instanceof UsageError) return fail(2, error.message, error);
        return fail(1, `plan failed: ${error instanceof Error ? error.message : String(error)}`, error);
    }
    const { describeFailure, planStack, rootProgram } = await import("./plan-stack");
    try {
        const outcome = await planStack(args, file, context.program?.(context.root) ?? rootProgram(), {
            cwd: context.cwd ?? process.env.INIT_CWD ?? process.cwd(),
            color: context.color ?? (context.out === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR),
        });
        out(outcome.text);
        return outcome.exitCode;
    } catch (error) {
        const { code, message } = describeFailure(error);
        return fail(code, message, error);
    }
}

/**
 * Entry point (`npm run plan`): the repo root is found from this file's location, so the command
 * works from any working directory. Sets the process exit code.
 */
export async function main(argv: readonly string[] = process.argv.slice(2), root: string = findProjectRoot(__dirname)): Promise<void> {
    const reported = new Set<unknown>();
    // An error thrown by the program also rejects promises the SDK derives from the stack's outputs,
    // which nobody awaits; `pulumi up` reports such rejections once and fails, and so does the plan.
    process.on("unhandledRejection", (reason) => {
        if (reported.has(reason)) return;
        reported.add(reason);
        void import("./plan-stack").then(({ describeFailure }) => {
            const { code, message } = describeFailure(reason);
            process.stderr.write(`error: ${message}\n`);
            process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
        });
    });
    const code = await plan(argv, { root, reported });
    process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
}

if (require.main === module) void main();
