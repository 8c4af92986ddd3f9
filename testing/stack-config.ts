import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/** A stack's config as the engine would pass it to the program. */
export interface StackConfig {
    /** The stack name, from the file name `Pulumi.<stack>.yaml`. */
    stack: string;
    /** Config values as `namespace:key` -> string (objects and arrays as JSON), as the engine passes them. */
    values: Record<string, string>;
    /** Keys whose values were `secure:` in the file. Offline they are replaced by a placeholder. */
    secretKeys: string[];
}

/** Reads a stack config file the way the Pulumi CLI does, without decrypting secrets. */
export function loadStackConfig(file: string, project: string): StackConfig {
    const match = /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(file));
    if (!match) throw new Error(`${file}: a stack config file is named Pulumi.<stack>.yaml`);
    if (!fs.existsSync(file)) throw new Error(`${file}: no such stack config file`);
    const doc = (parse(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, value] of Object.entries(doc.config ?? {})) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        if (value && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
            values[key] = "[secret]";
            secretKeys.push(key);
        } else {
            values[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { stack: match[1], values, secretKeys };
}
