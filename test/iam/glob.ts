/**
 * Whether two ARN patterns can name the same ARN: a policy's Resource (where `*` and `?` match
 * anything) against a resource type's ARN format from the IAM reference (where `${Variable}`s are
 * placeholders). Both are globs, so this is glob intersection, decided by a walk over both.
 */

/** One position of a pattern: a literal character, or a run of any characters except `excludes`. */
type Token = { literal: string } | { star: true; excludes: string };

// Variables that name one ARN field or a bucket never span a field (or a key) separator. Every other
// variable may: log group names, role paths and object keys all contain `/`.
const FIELD_VARIABLES = new Set(["Partition", "Region", "Account", "AccountId"]);
const NO_SLASH_VARIABLES = new Set(["BucketName"]);

function isStar(token: Token): token is { star: true; excludes: string } {
    return "star" in token;
}

/** A policy's Resource as tokens: IAM's `*` and `?` both become runs (close enough for `?`, which nothing here uses). */
export function resourceTokens(arn: string): Token[] {
    return [...arn].map((c) => (c === "*" || c === "?" ? { star: true, excludes: "" } : { literal: c }));
}

/** A reference ARN format (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) as tokens. */
export function formatTokens(format: string): Token[] {
    const tokens: Token[] = [];
    for (const part of format.split(/(\$\{[^}]+\})/)) {
        const variable = /^\$\{([^}]+)\}$/.exec(part);
        if (!variable) tokens.push(...[...part].map((c) => ({ literal: c })));
        else if (FIELD_VARIABLES.has(variable[1])) tokens.push({ star: true, excludes: ":/" });
        else if (NO_SLASH_VARIABLES.has(variable[1])) tokens.push({ star: true, excludes: "/" });
        else tokens.push({ star: true, excludes: "" });
    }
    return tokens;
}

/** True when some string matches both token lists. */
export function intersects(a: Token[], b: Token[]): boolean {
    // reach[i][j]: the suffixes a[i..] and b[j..] share a string. Filled from the ends backwards.
    const reach: boolean[][] = Array.from({ length: a.length + 1 }, () => new Array<boolean>(b.length + 1).fill(false));
    for (let i = a.length; i >= 0; i--) {
        for (let j = b.length; j >= 0; j--) {
            if (i === a.length && j === b.length) {
                reach[i][j] = true;
                continue;
            }
            const x = a[i];
            const y = b[j];
            let ok = false;
            // A run may end here (match nothing more) ...
            if (x && isStar(x)) ok ||= reach[i + 1][j];
            if (y && isStar(y)) ok ||= reach[i][j + 1];
            // ... or take the other side's next literal character, if it may contain it.
            if (x && y && isStar(x) && !isStar(y) && !x.excludes.includes(y.literal)) ok ||= reach[i][j + 1];
            if (x && y && isStar(y) && !isStar(x) && !y.excludes.includes(x.literal)) ok ||= reach[i + 1][j];
            if (x && y && !isStar(x) && !isStar(y) && x.literal === y.literal) ok ||= reach[i + 1][j + 1];
            reach[i][j] = ok;
        }
    }
    return reach[0][0];
}

/** Whether a policy Resource can name an ARN of this reference format. */
export function resourceMatchesFormat(resource: string, format: string): boolean {
    return intersects(resourceTokens(resource), formatTokens(format));
}
