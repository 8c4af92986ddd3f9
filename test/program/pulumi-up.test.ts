import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module itself, as Pulumi requires it
import rootProgram = require("../../index");
import { stackPlan } from "../shared-plans";

// Plain JavaScript helpers of the benchmark, which rebuilds what Pulumi's Node.js language host runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { languageHostRun } = require("../../bench/language-host") as {
    languageHostRun: (
        root: string,
        stack: string,
        options: { standIn: string; outputsJs: string },
    ) => { args: string[]; env: NodeJS.ProcessEnv; cwd: string };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { transpile } = require("../../loader/transpile") as { transpile: (file: string, source: string) => string };

const root = path.join(__dirname, "..", "..");

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
            const run = languageHostRun(root, "landing", { standIn: path.join(root, "bench", "engine-stand-in.js"), outputsJs });
            const child = spawnSync(process.execPath, run.args, { cwd: run.cwd, env: run.env, encoding: "utf8" });
            expect({ status: child.status, stderr: child.status === 0 ? "" : child.stderr }).toEqual({ status: 0, stderr: "" });
            const registered = Number(/bench-registered (\d+)/.exec(child.stderr)?.[1]);
            expect(registered).toBe((await stackPlan("landing")).resources.length);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
