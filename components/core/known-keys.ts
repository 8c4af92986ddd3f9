import { Validator } from "./errors";

/**
 * Records every key of `value` that is not one of `known`, under `<prefix><key>`: a misspelt
 * argument is an error, never silently ignored. `value` that is not a plain object is left to the
 * caller's own checks.
 */
export function checkKnownKeys(v: Validator, prefix: string, value: unknown, known: readonly string[], what: string): void {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, given] of Object.entries(value)) {
        if (known.includes(key)) continue;
        v.fail(`${prefix}${key}`, given, `not an argument of ${what}`, `Remove it, or use one of ${known.join(", ")}`);
    }
}
