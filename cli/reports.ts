import { ResourceGraph, loadStackConfig } from "../testing";
import { UsageError } from "./args";
import { ReportArgs } from "./report-args";
import { assumptionsFromConfig, assumptionsFromFlags, resolveAssumptions } from "./cost/assumptions";
import { CostEstimate, estimateCost } from "./cost/estimate";
import { priceBook } from "./cost/price-book";
import { renderCost } from "./cost/render";
import { StackConfigError } from "../program/config";
import { CapacityReport, capacityReport, loadNameProblems } from "./capacity/from-plan";
import { bytesPerSecond, ingestGbPerDay, loadFromConfig } from "./capacity/load";
import { renderCapacity } from "./capacity/render";
import { PlanDiff, diffPlans } from "./diff/diff";
import { readPlanFile } from "./diff/plan-file";
import { renderDiff } from "./diff/render";

/** Exit codes of the reports: a failed capacity check is a configuration mistake (2); data loss with --fail-on-data-loss is 3. */
export const EXIT_CAPACITY = 2;
export const EXIT_DATA_LOSS = 3;

export interface ReportOptions {
    /** Where a relative --diff path is resolved from. */
    cwd: string;
    /** Colour data loss red. */
    color: boolean;
    /** Write JSON instead of text. */
    json: boolean;
}

/** The reports together, as `--json` writes them. */
export interface ReportsJson {
    stack: string;
    cost?: CostEstimate;
    capacity?: CapacityReport;
    diff?: PlanDiff;
}

/** Builds the reports asked for from a planned graph and its stack file; resolves to the text and the exit code. */
export function runReports(
    graph: ResourceGraph,
    stackFile: string,
    reports: ReportArgs,
    options: ReportOptions,
): { text: string; exitCode: number } {
    const config = loadStackConfig(stackFile, graph.project).values;
    const region = config["aws:region"];
    if ((reports.cost || reports.capacity) && !region)
        throw new UsageError(`stack config aws:region is not set in ${stackFile}: cost and capacity need the region`);
    const load = loadFromConfig(config["spectrum:load"]);
    const result: ReportsJson = { stack: graph.stack };
    const texts: string[] = [];
    let exitCode = 0;

    if (reports.cost) {
        const assumptions = resolveAssumptions([
            ["declared load", load ? { ingestGbPerDay: Math.round(ingestGbPerDay(load) * 1000) / 1000 } : {}],
            ["stack config", assumptionsFromConfig(config["spectrum:costAssumptions"])],
            ["flag", assumptionsFromFlags(reports.assume)],
        ]);
        const perTopic = Object.fromEntries(
            Object.entries(load?.topics ?? {}).map(([name, t]) => [name, (bytesPerSecond(t) * 86400) / 1e9]),
        );
        result.cost = estimateCost(graph, priceBook(region), assumptions, perTopic);
        texts.push(renderCost(result.cost));
    }
    if (reports.capacity) {
        const named = load ? loadNameProblems(graph, load) : [];
        if (named.length > 0) throw new StackConfigError(named);
        result.capacity = capacityReport(graph, region, load);
        texts.push(renderCapacity(result.capacity));
        if (result.capacity.failures > 0) exitCode = Math.max(exitCode, EXIT_CAPACITY);
    }
    if (reports.diff !== undefined) {
        const previous = readPlanFile(reports.diff, options.cwd);
        if (previous.stack !== graph.stack) {
            throw new UsageError(
                `--diff ${reports.diff} is a plan of stack ${previous.stack}, not ${graph.stack}: URNs name the stack, so compare plans of one stack`,
            );
        }
        result.diff = diffPlans(previous, graph);
        texts.push(renderDiff(result.diff, reports.diff, options.color && !options.json));
        if (reports.failOnDataLoss && result.diff.dataLoss.length > 0) exitCode = Math.max(exitCode, EXIT_DATA_LOSS);
    }
    return { text: options.json ? `${JSON.stringify(result, null, 2)}\n` : texts.join("\n"), exitCode };
}
