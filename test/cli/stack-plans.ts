import * as fs from "fs";
import * as path from "path";
import { ResourceGraph, runStack } from "../../testing";
import rootProgram from "../../index";

export const root = path.join(__dirname, "..", "..");

/** The stacks in stacks/, sorted. */
export const stacks = fs
    .readdirSync(path.join(root, "stacks"))
    .map((f) => /^Pulumi\.([\w-]+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();

export const stackFile = (stack: string) => path.join(root, "stacks", `Pulumi.${stack}.yaml`);

const plans = new Map<string, Promise<ResourceGraph>>();

/** A stack's planned graph, planned once per test file (programs run one at a time anyway). */
export function planOf(stack: string): Promise<ResourceGraph> {
    if (!plans.has(stack)) plans.set(stack, runStack(rootProgram, stackFile(stack)));
    return plans.get(stack) as Promise<ResourceGraph>;
}
