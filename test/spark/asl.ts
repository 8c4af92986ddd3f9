// asl-validator ships no type declarations: this is the slice of its API the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validator = require("asl-validator") as (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };

/** Validates a definition against the Amazon States Language, returning its errors ("" when valid). */
export function aslErrors(definition: unknown): string {
    // The validator annotates the object it is given; keep the caller's copy intact.
    const result = validator(JSON.parse(JSON.stringify(definition)));
    return result.isValid ? "" : result.errorsText("\n");
}
