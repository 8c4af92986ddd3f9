import * as fs from "fs";
import * as path from "path";
import { UsageError } from "./args";

/**
 * The repository root: the nearest folder at or above `from` holding a Pulumi.yaml. Found from the
 * command's own location, so the plan works from any working directory (`dist/cli` -> root).
 */
export function findProjectRoot(from: string): string {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml at or above ${from}`);
    }
}

/** Stack names with a config file in `<root>/stacks`, sorted. */
export function listStacks(root: string): string[] {
    const dir = path.join(root, "stacks");
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
        .filter((stack): stack is string => stack !== undefined)
        .sort();
}

/** The config file of a stack; a usage error naming the stacks that exist if it has none. */
export function stackFile(root: string, stack: string): string {
    const stacks = listStacks(root);
    if (!stacks.includes(stack)) {
        const known = stacks.length > 0 ? `stacks: ${stacks.join(", ")}` : "there are none yet";
        throw new UsageError(`unknown stack "${stack}": no stacks/Pulumi.${stack}.yaml (${known})`);
    }
    return path.join(root, "stacks", `Pulumi.${stack}.yaml`);
}
