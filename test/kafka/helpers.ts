import { validationProblems } from "../../testing";

/** Runs `build` and returns the validation problems it throws; fails the test if it does not throw one. */
export const problemsOf = (build: () => unknown): string[] => validationProblems(build);

/** Asserts one problem mentions every fragment (component, field, value, fix). */
export function expectProblem(problems: string[], ...fragments: string[]): void {
    const hit = problems.find((p) => fragments.every((f) => p.includes(f)));
    if (!hit) throw new Error(`no problem contains all of ${JSON.stringify(fragments)}; problems:\n  ${problems.join("\n  ")}`);
}

/** Parses a `key=value` properties document, unescaping values as java.util.Properties does. */
export function parseProperties(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of text.split("\n")) {
        const t = line.trim();
        if (!t || t.startsWith("#")) continue;
        const cut = t.indexOf("=");
        out[t.slice(0, cut)] = t.slice(cut + 1).replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    }
    return out;
}
