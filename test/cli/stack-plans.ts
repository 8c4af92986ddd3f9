import * as fs from "fs";
import * as os from "os";
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

/**
 * The hybrid dev stack with 1,200 partitions on `clicks`: 1,203 partition replicas per
 * kafka.m7g.large broker against MSK's 1,000. `load` and `waive` (YAML flow mappings) are added
 * as `spectrum:load` when given.
 */
export function wideHybridStack(load?: { topics: string; waive?: string }): string {
    const lines = [
        "config:",
        "  aws:region: us-east-1",
        "  spectrum:architecture: hybrid",
        "  spectrum:profile: dev",
        "  spectrum:hybrid:",
        "    topics:",
        "      clicks: { partitions: 1200 }",
        "      orders: {}",
    ];
    if (load) {
        lines.push("  spectrum:load:", `    topics: ${load.topics}`);
        if (load.waive) lines.push(`    waive: ${load.waive}`);
    }
    return `${lines.join("\n")}\n`;
}

/** A project folder of its own (the repo's Pulumi.yaml, these stack files); remove it when done. */
export function projectWithStacks(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-stacks-"));
    fs.copyFileSync(path.join(root, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.mkdirSync(path.join(dir, "stacks"));
    for (const [stack, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`), text);
    return dir;
}
