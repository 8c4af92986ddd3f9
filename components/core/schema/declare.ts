/**
 * The building blocks of an args declaration. A component declares each input shape once, as a
 * valibot schema built from these and valibot's own (`v.number()`, `v.picklist()`, ...): the
 * TypeScript type, the structural check, the defaults, the JSON Schema and the README table all
 * derive from it. What valibot lacks for Pulumi args is here: strict objects that report every
 * unknown key (valibot stops at the first), maps that refuse a YAML list, and `pulumi.Input`
 * fields that are checked now when plain and when they resolve when they are Outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as v from "valibot";

export { v };

/** Separates what is wrong from how to fix it in a declaration's own message (see {@link explain}). */
export const FIX_SEPARATOR = "\n";

/**
 * A message for `v.check`, `v.regex` and friends in the uniform format's two halves: what is wrong,
 * and how to fix it (neither needs a trailing period).
 */
export function explain(problem: string, fix: string): string {
    return `${problem}${FIX_SEPARATOR}${fix}`;
}

/** Issue type of an unknown key; its `requirement` lists the keys the object accepts. */
export const UNKNOWN_KEY = "unknown_key";
/** Issue type that carries an Output (or Promise) to check once it resolves; never shown to a user. */
export const DEFERRED = "deferred";
/** Issue type of an Output given where a plain value is required. */
export const NOT_PLAIN = "not_plain";

type Issue = v.BaseIssue<unknown>;
type Dataset = v.UnknownDataset | v.OutputDataset<unknown, Issue>;

function isLater(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

function push(dataset: Dataset, issue: Issue): void {
    const d = dataset as { typed?: boolean; issues?: Issue[] };
    if (issue.kind === "schema" && issue.type !== DEFERRED) d.typed = false;
    (d.issues ??= []).push(issue);
}

function issue(type: string, input: unknown, expected: string | null, extra: Partial<Issue> = {}): Issue {
    return {
        kind: "schema",
        type,
        input,
        expected,
        received: pulumi.Output.isInstance(input) ? "Output" : Array.isArray(input) ? "Array" : typeof input,
        message: type,
        ...extra,
    } as Issue;
}

function objectPath(input: object, key: string, value: unknown): v.ObjectPathItem {
    return { type: "object", origin: "value", input: input as Record<string, unknown>, key, value };
}

/**
 * An object whose keys are exactly `entries`: every unknown key is reported (with the accepted keys,
 * for a "did you mean"), a list or an Output in its place is refused, and missing optional fields
 * take their declared defaults.
 */
export function strict<const TEntries extends v.ObjectEntries>(entries: TEntries): v.StrictObjectSchema<TEntries, undefined> {
    const schema = v.strictObject(entries);
    const known = Object.keys(entries);
    const run = schema["~run"].bind(schema);
    return Object.assign(schema, {
        "~run"(dataset: v.UnknownDataset, config: v.Config<Issue>) {
            const input = dataset.value;
            if (Array.isArray(input) || isLater(input)) {
                push(dataset, issue(isLater(input) ? NOT_PLAIN : "strict_object", input, "Object"));
                return dataset as unknown as v.OutputDataset<v.InferOutput<typeof schema>, Issue>;
            }
            if (!input || typeof input !== "object") return run(dataset, config);
            const unknown = Object.keys(input).filter((key) => !known.includes(key));
            const result = run({ value: Object.fromEntries(Object.entries(input).filter(([key]) => known.includes(key))) }, config);
            for (const key of unknown) {
                const value = (input as Record<string, unknown>)[key];
                push(result, issue(UNKNOWN_KEY, value, null, { requirement: known, path: [objectPath(input, key, value)] }));
            }
            return result;
        },
    });
}

/**
 * A map from names to values (`zones: { raw: {}, curated: {} }`). A YAML list in its place would
 * otherwise become keys "0", "1", ...; it is refused as a list where a map is expected.
 */
export function map<const TKey extends v.GenericSchema<string, string>, const TValue extends v.GenericSchema>(
    key: TKey,
    value: TValue,
): v.RecordSchema<TKey, TValue, undefined> {
    const schema = v.record(key, value);
    const run = schema["~run"].bind(schema);
    return Object.assign(schema, {
        "~run"(dataset: v.UnknownDataset, config: v.Config<Issue>) {
            const input = dataset.value;
            if (Array.isArray(input) || isLater(input)) {
                push(dataset, issue(isLater(input) ? NOT_PLAIN : "record", input, "Object"));
                return dataset as unknown as v.OutputDataset<v.InferOutput<typeof schema>, Issue>;
            }
            return run(dataset, config);
        },
    });
}

/** A field that may be a `pulumi.Input`: a plain value is checked now, an Output when it resolves. */
export interface InputSchema<TWrapped extends v.GenericSchema> extends v.BaseSchema<
    pulumi.Input<v.InferInput<TWrapped>>,
    pulumi.Input<v.InferOutput<TWrapped>>,
    v.BaseIssue<unknown>
> {
    /** What tools reading a declaration (the README tables, the JSON Schema) recognise it by. */
    readonly type: "pulumi_input";
    /** The schema the resolved value must satisfy. */
    readonly wrapped: TWrapped;
}

/** Declares a field that takes a `pulumi.Input<T>`; `schema` checks the value, now or when it resolves. */
export function input<const TWrapped extends v.GenericSchema>(schema: TWrapped): InputSchema<TWrapped> {
    return v._standardSchema({
        kind: "schema",
        type: "pulumi_input",
        reference: input,
        expects: schema.expects,
        async: false,
        wrapped: schema,
        "~run"(dataset: v.UnknownDataset, config: v.Config<Issue>) {
            if (!isLater(dataset.value)) return schema["~run"](dataset, config);
            // Carried up to the parse as an issue so the object schemas around it add the field's path.
            push(dataset, issue(DEFERRED, dataset.value, schema.expects, { requirement: schema }));
            (dataset as { typed: boolean }).typed = true;
            return dataset as unknown as v.OutputDataset<pulumi.Input<v.InferOutput<TWrapped>>, Issue>;
        },
    } as unknown as Omit<InputSchema<TWrapped>, "~standard">) as InputSchema<TWrapped>;
}

/** A whole number in `[min, max]`. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
    return v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}
