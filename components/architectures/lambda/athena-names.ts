/** Lowercase letters, digits and `_`: what Athena accepts unquoted in database, table and column names. */
export function athenaName(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9_]/g, "_");
}

/**
 * A column type as the Glue catalog must hold it: Athena parses the stored string as a Hive type,
 * which knows `int` but not `integer` and no spaces (`decimal(12, 2)` makes every query over the
 * table fail with HIVE_INVALID_METADATA). Lowercase, without whitespace, `integer` spelled `int`.
 */
export function hiveType(type: string): string {
    return type
        .toLowerCase()
        .replace(/\s+/g, "")
        .replace(/(^|[<,:])integer(?=[>,]|$)/g, "$1int");
}
