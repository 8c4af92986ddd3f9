/**
 * Reads the `key=value` lines the library emits for Kafka (MSK server properties, streams.properties).
 * Only the subset it writes: one entry per line, `#` comments, no continuation lines.
 */
export function parse(text: string): Record<string, string> {
    const entries: Record<string, string> = {};
    for (const raw of text.split("\n")) {
        const line = raw.trim();
        if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
        const cut = line.search(/[=:]/);
        if (cut < 0) throw new Error(`not a key=value line: ${line}`);
        entries[line.slice(0, cut).trim()] = line.slice(cut + 1).trim();
    }
    return entries;
}
