import { spawnSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { SpectrumValidationError } from "../components/core/errors";
import { perRun } from "../components/core/run-scope";
import { v } from "../components/core/schema";

/**
 * The offline capacity check the gate starts: beside the program's own source (.ts, through the
 * project's loader) or its compiled JavaScript.
 */
const CHECK_STACK = path.join(__dirname, "..", "cli", "capacity", `check-stack${path.extname(__filename)}`);
const LOADER = path.join(__dirname, "..", "loader", "register.js");

/** What the check answers on stdout (cli/capacity/check-stack.ts), checked as it is read. */
const capacityAnswer = v.object({ problems: v.array(v.string()), deferred: v.optional(v.string()) });

/**
 * Fails the run when the stack declares its load (`spectrum:load`) and a capacity check fails
 * unwaived, before the architecture registers anything: under `pulumi preview` and `pulumi up`
 * (`--skip-preview` included) nothing is created. The checks need the resolved resource graph,
 * which only exists once the program has run, so the gate plans the stack offline first: the same
 * program under the mock engine, in a child process (the SDK's engine connection is process-wide),
 * checked by the same code as `npm run plan` (cli/capacity/gate.ts).
 *
 * Costs nothing without a declared load (one config lookup), and nothing under the offline plan,
 * which checks its own graph after the run (the mock engine marks the run, testing/engine.ts).
 */
export function checkDeclaredCapacity(all: Readonly<Record<string, string>>): void {
    if (all["spectrum:load"] === undefined) return;
    if (perRun("offline-plan", () => false)) return;
    const typescript = path.extname(__filename) === ".ts";
    // The child talks to no engine: it must not see the language host's connection settings.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("PULUMI_")));
    const child = spawnSync(process.execPath, [...(typescript ? ["-r", LOADER] : []), CHECK_STACK], {
        input: JSON.stringify({ project: pulumi.getProject(), stack: pulumi.getStack(), config: all }),
        encoding: "utf8",
        env,
        maxBuffer: 64 * 1024 * 1024,
    });
    let answer: v.InferOutput<typeof capacityAnswer> | undefined;
    try {
        const parsed = child.status === 0 ? v.safeParse(capacityAnswer, JSON.parse(child.stdout)) : undefined;
        answer = parsed?.success ? parsed.output : undefined;
    } catch {
        answer = undefined;
    }
    if (!answer) {
        const why = child.error?.message ?? (child.stderr.trim() || `exit code ${child.status}`);
        throw new Error(`The capacity checks of spectrum:load could not run (offline plan of the stack failed): ${why}`);
    }
    if (answer.problems.length > 0) {
        throw new SpectrumValidationError(answer.problems);
    }
    // answer.deferred: the program refuses the config under the mock engine; this run says so next.
}
