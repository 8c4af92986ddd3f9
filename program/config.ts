import * as pulumi from "@pulumi/pulumi";
import { Problem, describeValue } from "../components/core";
import { v, checkShape } from "../components/core/schema";

function sentence(s: string): string {
    return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * Stack config the root program cannot use, one message per problem:
 * `stack config <namespace:key[.field]> = <value>: <what is wrong>. <how to fix>.`
 */
export class StackConfigError extends Error {
    readonly problems: readonly string[];

    constructor(key: string, value: unknown, problem: string, fix: string);
    constructor(problems: readonly Problem[]);
    constructor(keyOrProblems: string | readonly Problem[], value?: unknown, problem?: string, fix?: string) {
        const list: readonly Problem[] =
            typeof keyOrProblems === "string" ? [{ field: keyOrProblems, value, problem: problem ?? "", fix: fix ?? "" }] : keyOrProblems;
        const problems = list.map((p) => `stack config ${p.field} = ${describeValue(p.value)}: ${sentence(p.problem)} ${sentence(p.fix)}`);
        super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join("\n  - ")}`);
        this.name = "StackConfigError";
        this.problems = problems;
        // Pulumi's language host prints a RunError's message without a stack trace (and the stack
        // is not formatted for its trace either: see SpectrumValidationError).
        Object.defineProperty(this, "__pulumiRunError", { value: true });
        Object.defineProperty(this, "stack", { value: `${this.name}: ${this.message}`, writable: true, configurable: true });
    }
}

/**
 * Reads an optional structured config value and checks it against `schema`, the declaration of the
 * component or architecture that reads it (the root program has checked every key already, so a
 * problem here is one the same declaration found). Returns the value as written, typed by the
 * declaration: the component it goes to applies its own defaults.
 */
export function checkedConfig<S extends v.GenericSchema>(config: pulumi.Config, key: string, schema: S): v.InferInput<S> | undefined {
    const raw = config.get(key);
    if (raw === undefined) return undefined;
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        throw new StackConfigError(
            `${config.name}:${key}`,
            raw,
            "must be an object",
            `Write it as a YAML mapping under ${config.name}:${key}`,
        );
    }
    assertShape(schema, parsed, `${config.name}:${key}`);
    return parsed;
}

/** Throws a StackConfigError naming every problem unless `value` has the declared shape. */
export function assertShape<S extends v.GenericSchema>(schema: S, value: unknown, field: string): asserts value is v.InferInput<S> {
    const { problems } = checkShape(schema, value, field);
    if (problems.length > 0) throw new StackConfigError(problems);
}
