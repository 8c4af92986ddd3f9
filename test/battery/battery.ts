import * as pulumi from "@pulumi/pulumi";
import { Program, RunOptions, runProgram } from "../../testing";

/** What a rejection must say: the four parts of `<Component> "<name>": <field> = <value>: <problem>. <fix>.` */
export interface Expected {
    field: string;
    /** The value as the message renders it (strings quoted, NaN as NaN). */
    value: string;
    problem: string;
    fix: string;
}

/** Runs a program that must be rejected; returns every problem line and what was registered besides the stack. */
export async function rejection(program: Program, options: RunOptions = {}): Promise<{ problems: string[]; registered: string[] }> {
    const registered: string[] = [];
    try {
        await runProgram(program, {
            ...options,
            outputs: (args) => void (args.type === "pulumi:pulumi:Stack" || registered.push(`${args.type}::${args.name}`)),
        });
    } catch (error) {
        const e = error as Error & { problems?: readonly string[] };
        return { problems: [...(e.problems ?? [e.message])], registered };
    }
    throw new Error("the program was accepted");
}

/** Asserts one problem line carries all four parts, in order, under `prefix` (`LandingZone "lz"` or `stack config`). */
export function expectParts(problems: readonly string[], prefix: string, expected: Expected): void {
    const head = `${prefix}${prefix.startsWith("stack config") ? " " : ": "}${expected.field} = ${expected.value}: `;
    const line = problems.find((p) => p.startsWith(head));
    if (line === undefined) throw new Error(`no problem starts with ${JSON.stringify(head)}; problems:\n  ${problems.join("\n  ")}`);
    const rest = line.slice(head.length);
    const problemAt = rest.indexOf(expected.problem);
    const fixAt = rest.indexOf(expected.fix, problemAt + expected.problem.length);
    if (problemAt !== 0 || fixAt < 0 || !/[.?]$/.test(line)) {
        throw new Error(`problem ${JSON.stringify(line)} does not read "<field> = <value>: ${expected.problem}... ${expected.fix}..."`);
    }
}

/**
 * The warnings a run logs through `pulumi.log.warn`, kept out of the test output so a battery
 * case can assert the ones a valid but unusual input must produce.
 */
export async function warningsOf<T>(run: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
    const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    try {
        const result = await run();
        return { result, warnings: warn.mock.calls.map(([message]) => message) };
    } finally {
        warn.mockRestore();
    }
}
