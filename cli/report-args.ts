import { UsageError } from "./usage-error";

export const REPORT_USAGE =
    "reports: [--cost [--assume name=value]...] [--capacity] [--diff <previous-plan.json> [--fail-on-data-loss]] (with --json: the reports as JSON)";

/** The reports asked for besides the plan: cost, capacity, and a diff against a previous plan. */
export interface ReportArgs {
    /** Print the monthly cost estimate. */
    cost: boolean;
    /** Run the capacity checks against the declared load. */
    capacity: boolean;
    /** A plan written by `plan --json` to compare with. */
    diff?: string;
    /** Exit with code 3 when the diff loses data. */
    failOnDataLoss: boolean;
    /** Cost assumption overrides, `name=value`. */
    assume: string[];
}

/**
 * Takes the report flags out of the command line and returns the rest for the plan's own parser,
 * with the reports asked for (undefined when none is).
 */
export function takeReportFlags(argv: readonly string[]): { rest: string[]; reports?: ReportArgs } {
    const rest: string[] = [];
    const reports: ReportArgs = { cost: false, capacity: false, failOnDataLoss: false, assume: [] };
    let asked = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] =
            arg.startsWith("--") && arg.includes("=")
                ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
                : [arg, undefined];
        const value = (): string => {
            const next = inline ?? argv[++i];
            if (next === undefined || (inline === undefined && next.startsWith("--")))
                throw new UsageError(`${flag} needs a value; ${REPORT_USAGE}`);
            return next;
        };
        if (flag === "--cost") reports.cost = true;
        else if (flag === "--capacity") reports.capacity = true;
        else if (flag === "--diff") reports.diff = value();
        else if (flag === "--fail-on-data-loss") reports.failOnDataLoss = true;
        else if (flag === "--assume") reports.assume.push(value());
        else {
            rest.push(arg);
            continue;
        }
        asked = true;
    }
    if (reports.failOnDataLoss && reports.diff === undefined) throw new UsageError("--fail-on-data-loss needs --diff <previous-plan.json>");
    if (reports.assume.length > 0 && !reports.cost) throw new UsageError("--assume sets a cost assumption: add --cost");
    return asked ? { rest, reports } : { rest };
}
