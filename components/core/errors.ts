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
    }
}

/** Renders a value for an error message: strings quoted, objects as compact JSON. */
export function describeValue(value: unknown): string {
    if (value === undefined) return "undefined";
    if (typeof value === "string") return JSON.stringify(value);
    try {
        const json = JSON.stringify(value);
        return json.length > 120 ? `${json.slice(0, 117)}...` : json;
    } catch {
        return String(value);
    }
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

    get ok(): boolean {
        return this.problems.length === 0;
    }

    /** Throws one {@link SpectrumValidationError} listing every recorded problem, if any. */
    throwIfInvalid(): void {
        if (this.problems.length > 0) throw new SpectrumValidationError([...this.problems]);
    }
}
