/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment): the
 * typos people make in config keys are a missing, extra, wrong or swapped letter (`hybird`).
 */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}

/**
 * The candidate closest to `word`, if it is close enough to be the one meant: at most a third of
 * the word's letters edited (at least one), compared case-insensitively so `Protect` finds `protect`.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance && distance <= limit) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** `Did you mean "protect"?` when a candidate is close, else the list of what is accepted. */
export function didYouMean(word: string, candidates: readonly string[]): string {
    const match = closestMatch(word, candidates);
    if (match !== undefined) return `Did you mean "${match}"?`;
    return candidates.length > 0 ? `Use one of ${candidates.map((c) => `"${c}"`).join(", ")}` : "Remove it";
}
