import * as fs from "fs";
import * as path from "path";
import { ResourceGraph } from "../../testing";
import { stackPlan } from "../shared-plans";

export const root = path.join(__dirname, "..", "..");

/** The stacks in stacks/, sorted. */
export const stacks = fs
    .readdirSync(path.join(root, "stacks"))
    .map((f) => /^Pulumi\.([\w-]+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();

export const stackFile = (stack: string) => path.join(root, "stacks", `Pulumi.${stack}.yaml`);

/** A stack's planned graph, made once per test run and shared by every file that reads it. */
export function planOf(stack: string): Promise<ResourceGraph> {
    return stackPlan(stack);
}
