import * as fs from "fs";
import * as path from "path";
import { isMap, parseDocument } from "yaml";

/** A stack's config as the engine would pass it to the program. */
export interface StackConfig {
    /** The stack name, from the file name `Pulumi.<stack>.yaml`. */
    stack: string;
    /** Config values as `namespace:key` -> string (objects and arrays as JSON), as the engine passes them. */
    values: Record<string, string>;
    /** Keys whose values were `secure:` in the file. Offline they are replaced by a placeholder. */
    secretKeys: string[];
}

/**
 * A stack config file that cannot be read: not YAML, or not shaped like a stack file. The message
 * names the file, and the line and column where they are known: `<file>:<line>:<column>: <problem>`.
 */
export class StackFileError extends Error {
    /** The stack config file. */
    readonly file: string;
    /** The line of the problem (1-based), when known. */
    readonly line?: number;
    /** The column of the problem (1-based), when known. */
    readonly column?: number;

    constructor(file: string, problem: string, line?: number, column?: number) {
        super(`${file}${line !== undefined ? `:${line}:${column ?? 1}` : ""}: ${problem}`);
        this.file = file;
        this.line = line;
        this.column = column;
        // The plan command and Pulumi treat it as a config mistake: one line, exit code 2.
        this.name = "StackConfigError";
    }
}

/** Reads a stack config file the way the Pulumi CLI does, without decrypting secrets. */
export function loadStackConfig(file: string, project: string): StackConfig {
    const match = /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(file));
    if (!match) throw new StackFileError(file, "a stack config file is named Pulumi.<stack>.yaml");
    if (!fs.existsSync(file)) throw new StackFileError(file, "no such stack config file");
    const text = fs.readFileSync(file, "utf8");
    const doc = parseDocument(text);
    const [error] = doc.errors;
    if (error) {
        const at = error.linePos?.[0];
        throw new StackFileError(file, `${error.message.split("\n")[0]}`, at?.line, at?.col);
    }
    const config = doc.get("config", true);
    if (config !== undefined && config !== null && !isMap(config)) {
        const at = (config as { range?: [number] }).range?.[0];
        const pos = at !== undefined ? lineCol(text, at) : undefined;
        throw new StackFileError(file, "config must be a mapping of namespace:key to value", pos?.line, pos?.col);
    }
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    const entries = (doc.toJS() as { config?: Record<string, unknown> } | null)?.config ?? {};
    for (const [rawKey, value] of Object.entries(entries)) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        if (value && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
            values[key] = "[secret]";
            secretKeys.push(key);
        } else {
            values[key] = typeof value === "string" ? value : JSON.stringify(withoutCiphertexts(value));
        }
    }
    return { stack: match[1], values, secretKeys };
}

/** A secret set with `pulumi config set --secret --path` sits inside a structured value: it plans as `[secret]`, like a whole secret key. */
function withoutCiphertexts(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutCiphertexts);
    if (value === null || typeof value !== "object") return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && entries[0][0] === "secure" && typeof entries[0][1] === "string") return "[secret]";
    return Object.fromEntries(entries.map(([k, v]) => [k, withoutCiphertexts(v)]));
}

function lineCol(text: string, offset: number): { line: number; col: number } {
    const before = text.slice(0, offset).split("\n");
    return { line: before.length, col: before[before.length - 1].length + 1 };
}
