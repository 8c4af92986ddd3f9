import { REPORT_USAGE, ReportArgs, takeReportFlags } from "./report-args";
import { UsageError } from "./usage-error";

export { UsageError };

export const USAGE = "usage: npm run plan -- <stack> [--json | --mermaid]";

/** The usage (the plan's line and the reports' flags) with the stacks that exist, as `--help` prints it. */
export function usage(stacks: readonly string[]): string {
    return withStacks(`${USAGE}\n${REPORT_USAGE}`, stacks);
}

/** `--help` or `-h` anywhere: print the usage and exit 0, whatever else was given. */
export function wantsHelp(argv: readonly string[]): boolean {
    return argv.some((arg) => arg === "--help" || arg === "-h");
}

export interface PlanArgs {
    /** The stack to plan: `stacks/Pulumi.<stack>.yaml`. */
    stack: string;
    /** Write the JSON plan to stdout instead of the tree. */
    json: boolean;
    /** Write the architecture as a Mermaid flowchart instead of the tree. */
    mermaid: boolean;
    /** Reports to write instead of the plan (cost, capacity, diff); absent when none is asked for. */
    reports?: ReportArgs;
}

/**
 * Parses the command line after the script name. `stacks` lists the stacks found, so the usage
 * message can say which ones exist.
 */
export function parseArgs(argv: readonly string[], stacks: readonly string[] = []): PlanArgs {
    const positional: string[] = [];
    let json = false;
    let mermaid = false;
    const { rest, reports } = takeReportFlags(argv);
    for (const arg of rest) {
        if (arg === "--json") json = true;
        else if (arg === "--mermaid") mermaid = true;
        else if (arg === "-h" || arg === "--help") throw new UsageError(usage(stacks));
        else if (arg.startsWith("-")) throw new UsageError(withStacks(`unknown option ${arg}; ${USAGE}`, stacks));
        else positional.push(arg);
    }
    if (positional.length === 0) throw new UsageError(withStacks(`no stack given; ${USAGE}`, stacks));
    if (positional.length > 1) throw new UsageError(`one stack at a time, got ${positional.join(", ")}; ${USAGE}`);
    if (json && mermaid) throw new UsageError(`--json and --mermaid exclude each other; ${USAGE}`);
    if (mermaid && reports) throw new UsageError(`--mermaid and the reports exclude each other; ${USAGE}`);
    return { stack: positional[0], json, mermaid, ...(reports ? { reports } : {}) };
}

function withStacks(message: string, stacks: readonly string[]): string {
    return stacks.length > 0 ? `${message} (stacks: ${stacks.join(", ")})` : message;
}
