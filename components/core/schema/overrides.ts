import type * as v from "valibot";
import { v as valibot } from "./declare";

/** An entry made optional: optional entries stay as declared, required ones become optional. */
export type OptionalEntry<T extends v.ObjectEntries[string]> = T extends { type: "optional" } ? T : v.OptionalSchema<T, undefined>;

/** A shape whose every entry is optional, each keeping its declaration (and so its doc comment). */
export type OverridesShape<S extends v.ObjectEntries> = { [K in keyof S]: OptionalEntry<S[K]> };

/**
 * The shape of a component's args as something that composes it lets its user override them: the
 * keys it supplies itself left out, and every other field optional (the composer fills in what the
 * component requires). Each entry is the component's own declaration, so the override is checked
 * exactly as the component checks it.
 */
export function overridesOf<S extends v.ObjectEntries, K extends keyof S>(shape: S, supplied: readonly K[]): OverridesShape<Omit<S, K>> {
    const entries = Object.entries(shape)
        .filter(([key]) => !supplied.includes(key as K))
        .map(([key, schema]) => [key, schema.type === "optional" ? schema : valibot.optional(schema)]);
    return Object.fromEntries(entries) as OverridesShape<Omit<S, K>>;
}
