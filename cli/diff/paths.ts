/** A path into a resource's inputs, one segment per key or array index. */
export type InputPath = string[];

/** Every leaf of a value with its path (arrays by index; an empty object or array is a leaf). */
export function leaves(value: unknown, prefix: InputPath = []): Array<[InputPath, unknown]> {
    if (value !== null && typeof value === "object") {
        const entries = Array.isArray(value)
            ? value.map((v, i) => [String(i), v] as const)
            : Object.entries(value as Record<string, unknown>);
        if (entries.length === 0) return [[prefix, value]];
        return entries.flatMap(([k, v]) => leaves(v, [...prefix, k]));
    }
    return [[prefix, value]];
}

/** The paths whose values differ between two input objects (added, removed or changed leaves). */
export function changedPaths(before: Record<string, unknown>, after: Record<string, unknown>): InputPath[] {
    const key = (p: InputPath) => JSON.stringify(p);
    const a = new Map(leaves(before).map(([p, v]) => [key(p), { p, v: JSON.stringify(v) }]));
    const b = new Map(leaves(after).map(([p, v]) => [key(p), { p, v: JSON.stringify(v) }]));
    const changed: InputPath[] = [];
    for (const [k, { p, v }] of a) if (b.get(k)?.v !== v) changed.push(p);
    for (const [k, { p }] of b) if (!a.has(k)) changed.push(p);
    return changed;
}

/**
 * Whether a changed path falls under a pattern: `a.b` covers `a.b` and everything inside it, `*`
 * matches any one key or index (`spec.containers.*.image`).
 */
export function covers(pattern: string, path: InputPath): boolean {
    const segments = pattern.split(".");
    if (segments.length > path.length) return false;
    return segments.every((s, i) => s === "*" || s === path[i]);
}

/** The top-level input a path belongs to. */
export function topLevel(path: InputPath): string {
    return path[0] ?? "";
}

/** A path as people write it: `brokerNodeGroupInfo.clientSubnets.0`. */
export function showPath(path: InputPath): string {
    return path.map((s) => (/^[\w-]+$/.test(s) ? s : JSON.stringify(s))).join(".");
}
