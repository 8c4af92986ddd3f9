import * as fs from "fs";
import * as path from "path";
import { PlanJson } from "../../testing";
import { UsageError } from "../args";

/** Reads a plan written by `plan --json`, failing with a usage error when the file is not one. */
export function readPlanFile(file: string, cwd: string): PlanJson {
    const full = path.resolve(cwd, file);
    if (!fs.existsSync(full))
        throw new UsageError(`--diff ${file}: no such file (write one with npm run --silent plan -- <stack> --json > ${file})`);
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(full, "utf8"));
    } catch (e) {
        throw new UsageError(
            `--diff ${file}: not JSON (${(e as Error).message}); give a file written by npm run --silent plan -- <stack> --json`,
        );
    }
    const plan = parsed as Partial<PlanJson>;
    const valid =
        typeof plan?.stack === "string" &&
        Array.isArray(plan.resources) &&
        plan.resources.every(
            (r) =>
                r && typeof r.urn === "string" && typeof r.type === "string" && typeof r.name === "string" && typeof r.inputs === "object",
        );
    if (!valid)
        throw new UsageError(
            `--diff ${file}: not a plan (expected {"stack", "resources": [{urn, type, name, inputs, ...}]} from plan --json)`,
        );
    return plan as PlanJson;
}
