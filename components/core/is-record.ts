/**
 * Whether a value is an object whose fields can be read by name (not null, not a list): the check
 * that lets code read an unknown input's fields without casting it.
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
