import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module itself, as Pulumi requires it
import rootProgram = require("../../index");
import { runStack } from "../../testing";
import { stackPlan } from "../shared-plans";
import { projectWithStacks, wideHybridStack } from "../cli/stack-plans";

// Plain JavaScript helpers of the benchmark, which rebuilds what Pulumi's Node.js language host runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { languageHostRun } = require("../../bench/language-host") as {
    languageHostRun: (
        root: string,
        stack: string,
        options: { standIn: string; outputsJs: string; overrides?: { main?: string } },
    ) => { args: string[]; env: NodeJS.ProcessEnv; cwd: string };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { transpile } = require("../../loader/transpile") as { transpile: (file: string, source: string) => string };

const root = path.join(__dirname, "..", "..");

/**
 * Runs the root program with a stack of `project` (its Pulumi.yaml and stacks/) as Pulumi's
 * language host would, the engine replaced by mocks; with how many resources it registered.
 */
function languageHostUp(project: string, stack: string, outputsJs: string): { status: number | null; stderr: string; registered: number } {
    const run = languageHostRun(project, stack, {
        standIn: path.join(root, "bench", "engine-stand-in.js"),
        outputsJs,
        overrides: { main: path.join(root, "pulumi-main.js") },
    });
    const child = spawnSync(process.execPath, run.args, { cwd: run.cwd, env: run.env, encoding: "utf8" });
    return { status: child.status, stderr: child.stderr, registered: Number(/bench-registered (\d+)/.exec(child.stderr)?.[1]) };
}

describe("pulumi up loads the root program", () => {
    it("exports the program itself: Pulumi's Node.js host calls a function export, and never looks inside `default`", () => {
        expect(typeof rootProgram).toBe("function");
    });

    it("is pointed at by Pulumi.yaml without Pulumi's TypeScript path, so no type-check runs before the first resource", () => {
        const project = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
            main: string;
            runtime: { options: { typescript: boolean } };
        };
        expect(project.runtime.options.typescript).toBe(false);
        expect(project.main).toBe("pulumi-main.js");
    });

    it("registers every resource of the stack when the SDK's run entry loads it as the language host does", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-up-"));
        try {
            const outputsJs = path.join(dir, "outputs.js");
            const outputsTs = path.join(root, "testing", "outputs.ts");
            fs.writeFileSync(outputsJs, transpile(outputsTs, fs.readFileSync(outputsTs, "utf8")));
            const { status, stderr, registered } = languageHostUp(root, "landing", outputsJs);
            expect({ status, stderr: status === 0 ? "" : stderr }).toEqual({ status: 0, stderr: "" });
            expect(registered).toBe((await stackPlan("landing")).resources.length);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("fails before registering anything when the declared load fails a capacity check, and deploys once it is waived", async () => {
        const small = "{ orders: { eventsPerSecond: 10, averageRecordBytes: 500 } }";
        const project = projectWithStacks({
            failing: wideHybridStack({ topics: small }),
            waived: wideHybridStack({ topics: small, waive: '{ partitions-per-broker/hybrid-kafka-cluster: "shrinks next release" }' }),
        });
        // The language host finds the SDK's run entry from the project folder.
        fs.symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"), "dir");
        try {
            const outputsJs = path.join(project, "outputs.js");
            const outputsTs = path.join(root, "testing", "outputs.ts");
            fs.writeFileSync(outputsJs, transpile(outputsTs, fs.readFileSync(outputsTs, "utf8")));
            const failing = languageHostUp(project, "failing", outputsJs);
            expect(failing.status).not.toBe(0);
            expect(failing.stderr).toContain(
                'error: [runtime] Capacity "hybrid-kafka-cluster": partitions-per-broker = 1203 partition replicas per broker: exceeds the limit of 1000',
            );
            // The stack resource alone: the gate ran before the architecture registered anything.
            expect(failing.registered).toBe(1);
            const waived = languageHostUp(project, "waived", outputsJs);
            expect({ status: waived.status, stderr: waived.status === 0 ? "" : waived.stderr }).toEqual({ status: 0, stderr: "" });
            const planned = await runStack(() => rootProgram, path.join(project, "stacks", "Pulumi.waived.yaml"));
            expect(waived.registered).toBe(planned.resources.length);
        } finally {
            fs.rmSync(project, { recursive: true, force: true });
        }
    });
});
