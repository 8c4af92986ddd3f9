/**
 * Capacity as validation: a stack that declares its load (`spectrum:load`) may not plan or deploy
 * while a capacity check fails unwaived. One function decides, on a planned graph, for both the plan
 * command and `pulumi up` (which plans the stack offline first, see check-stack.ts).
 */
import { SpectrumValidationError } from "../../components/core/errors";
import { StackConfigError } from "../../program/config";
import { ResourceGraph } from "../../testing";
import { CapacityReport, CapacityResult, capacityReport, loadNameProblems } from "./from-plan";
import { loadFromConfig } from "./load";

function sentence(s: string): string {
    return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * A failed check in the uniform message format: the subject, the check and its measured value, what
 * is wrong (the limit, the margin, the numbers behind it), and the fix (resize, or waive with a reason).
 */
export function capacityProblem(result: CapacityResult): string {
    const c = result.check;
    if (!c) throw new Error(`capacity check ${result.id} on ${result.subject} has no verdict to report`);
    const over =
        c.margin === undefined
            ? `${c.detail} (see ${c.source})`
            : `exceeds the limit of ${c.limit} ${c.unit}, margin ${Math.round(c.margin * 100)}% (${c.detail}; limit from ${c.source})`;
    const fix = `Resize, or waive it with the reason as spectrum:load.waive.${c.id}/${c.subject} (this ${c.id} check) or spectrum:load.waive.${c.id} (every ${c.id} check)`;
    return `Capacity "${c.subject}": ${c.id} = ${c.measured} ${c.unit}: ${sentence(over)} ${sentence(fix)}`;
}

/** Every failed, unwaived check of a report, one uniform message each. */
export function capacityProblems(report: CapacityReport): string[] {
    return report.results.filter((r) => r.status === "fail").map(capacityProblem);
}

/**
 * Runs the capacity checks on a planned stack when its config (`namespace:key` -> value, as the
 * engine passes it) declares a load, and throws a SpectrumValidationError naming every check that
 * failed unwaived. Returns the report, or undefined when the stack declares no load (nothing runs).
 */
export function assertCapacity(graph: ResourceGraph, config: Readonly<Record<string, string>>): CapacityReport | undefined {
    const load = loadFromConfig(config["spectrum:load"]);
    if (!load) return undefined;
    const region = config["aws:region"];
    if (!region)
        throw new StackConfigError(
            "aws:region",
            region,
            "is not set, and the capacity checks of spectrum:load depend on the region's quotas",
            "Set aws:region in the stack file",
        );
    const named = loadNameProblems(graph, load);
    if (named.length > 0) throw new StackConfigError(named);
    const report = capacityReport(graph, region, load);
    const problems = capacityProblems(report);
    if (problems.length > 0) throw new SpectrumValidationError(problems);
    return report;
}
