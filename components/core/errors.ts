import * as pulumi from "@pulumi/pulumi";

/**
 * Every component rejects bad input with this one error type, so callers (and tests) can tell a
 * configuration mistake from an engine failure. The message format is uniform:
 * `<Component> "<name>": <field> = <value>: <what is wrong>. <how to fix>.`
 */
export class SpectrumValidationError extends Error {
    /** Every problem found, one uniform message each. */
    readonly problems: readonly string[];

    constructor(problems: readonly string[]) {
        super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join("\n  - ")}`);
        this.name = "SpectrumValidationError";
        this.problems = problems;
        // Pulumi's language host prints a RunError's message alone, without a stack trace: the
        // message already says what to fix, and a stack would bury it.
        Object.defineProperty(this, "__pulumiRunError", { value: true });
        // It still formats the stack for its trace: through source-map-support that costs tens of
        // seconds and gigabytes on a whole-stack program, for frames nobody reads.
        Object.defineProperty(this, "stack", { value: `${this.name}: ${this.message}`, writable: true, configurable: true });
    }
}

/**
 * Renders a value for an error message: strings quoted, objects as compact JSON, except that
 * NaN and Infinity print as themselves (JSON would say null) and an Output says so instead of
 * Pulumi's "Calling [toString] on an [Output<T>]" text.
 */
export function describeValue(value: unknown): string {
    const text = render(value, new Set());
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function render(value: unknown, seen: Set<unknown>): string {
    if (value === undefined) return "undefined";
    if (typeof value === "number") return String(value);
    if (typeof value === "bigint") return `${value}`;
    if (typeof value === "function") return "a function";
    if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? String(value);
    if (pulumi.Output.isInstance(value)) return "an Output (checked when it resolves)";
    if (value instanceof Promise) return "a Promise (checked when it resolves)";
    if (seen.has(value)) return "[circular]";
    seen.add(value);
    if (Array.isArray(value)) return `[${value.map((v) => render(v, seen)).join(",")}]`;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v, seen)}`).join(",")}}`;
}

/**
 * Collects every problem with a component's arguments before failing, so a user fixes them all in
 * one run instead of one per `pulumi up`.
 */
export class Validator {
    private readonly problems: string[] = [];

    constructor(
        private readonly component: string,
        private readonly name: string,
    ) {}

    /** Records a problem. `problem` says what is wrong, `fix` how to fix it (no trailing period needed). */
    fail(field: string, value: unknown, problem: string, fix: string): void {
        const end = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
        this.problems.push(`${this.component} "${this.name}": ${field} = ${describeValue(value)}: ${end(problem)} ${end(fix)}`);
    }

    /** Records a problem unless `ok` holds. */
    check(ok: boolean, field: string, value: unknown, problem: string, fix: string): void {
        if (!ok) this.fail(field, value, problem, fix);
    }

    /** The problems recorded so far, each a full message. */
    get messages(): readonly string[] {
        return [...this.problems];
    }

    get ok(): boolean {
        return this.problems.length === 0;
    }

    /** Throws one {@link SpectrumValidationError} listing every recorded problem, if any. */
    throwIfInvalid(): void {
        if (this.problems.length > 0) throw new SpectrumValidationError([...this.problems]);
    }
}
