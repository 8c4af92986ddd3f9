/** Edit distance between two strings (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const current = [i];
        for (let j = 1; j <= t.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[t.length];
}

/** The known name a mistyped one most likely meant (within a third of its length), or undefined. */
export function closestName(name: string, known: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Math.max(2, Math.ceil(name.length / 3)) + 1;
    for (const candidate of known) {
        const distance = editDistance(name, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** "Use one of a, b, c" with the likeliest meant name first when there is one. */
export function useOneOf(name: string, known: readonly string[]): string {
    const guess = closestName(name, known);
    return guess ? `Did you mean ${guess}? Use one of ${known.join(", ")}` : `Use one of ${known.join(", ")}`;
}
