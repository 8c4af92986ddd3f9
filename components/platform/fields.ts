/**
 * Field declarations the platform's args share: a whole number with the message of its field, a
 * flag-or-options field, and the profile. Built on the schema layer (core/schema).
 */
import { v, explain } from "../core/schema";
import { PLATFORM_PROFILES } from "./profile";

/** A whole number in `[min, max]`; anything else is refused with `problem` and `fix`. */
export function wholeNumber(min: number, max: number, problem: string, fix: string) {
    const message = explain(problem, fix);
    return v.pipe(v.number(), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

/** The sizing profile: `dev` or `prod`. */
export const platformProfile = v.picklist(PLATFORM_PROFILES);

/**
 * `true`, `false` or an options object. A plain union would answer a bad option with "not true or
 * false or a mapping"; this one checks the value against the member its kind calls for, so the
 * options' own messages come through, and still reads as a union (in JSON Schema, say).
 */
export function flagOr<const TEntries extends v.ObjectEntries>(
    options: v.StrictObjectSchema<TEntries, undefined>,
    problem: string,
    fix: string,
    // Declared so the API report names the union, not an inferred issue union whose member order varies between builds.
): v.UnionSchema<[v.BooleanSchema<string>, v.StrictObjectSchema<TEntries, undefined>], undefined> {
    const flag = v.boolean(explain(problem, fix));
    const schema = v.union([flag, options]);
    type Run = (typeof schema)["~run"];
    const run: Run = (dataset, config) => {
        const value = dataset.value;
        const member = value !== null && typeof value === "object" && !Array.isArray(value) ? options : flag;
        return member["~run"](dataset, config) as ReturnType<Run>;
    };
    return Object.assign(schema, { "~run": run });
}
