import { Validator } from "../core/errors";
import { DerivedName, checkDerivedNames } from "./derived-names";

const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/**
 * Spark components use their name in S3 log prefixes, EMR step names, tags and event patterns, so
 * it must be safe in all of them; and the names of the resources they create (`derived`) must fit
 * their services' limits.
 */
export function checkComponentName(v: Validator, name: string, derived: readonly DerivedName[] = []): void {
    if (!RESOURCE_NAME.test(name)) {
        v.fail(
            "name",
            name,
            "must be 1 to 63 letters, digits, dots, dashes or underscores, starting with a letter or digit",
            'Rename the component, e.g. "daily-sessions"',
        );
        return;
    }
    checkDerivedNames(v, name, derived);
}
