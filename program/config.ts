import * as pulumi from "@pulumi/pulumi";

/** A stack config value that the root program cannot use. */
export class StackConfigError extends Error {
    constructor(key: string, value: unknown, problem: string, fix: string) {
        super(`stack config ${key} = ${JSON.stringify(value)}: ${problem}. ${fix}.`);
        this.name = "StackConfigError";
    }
}

/** Reads an optional structured config object, reporting a value that is not an object clearly. */
export function objectConfig<T extends object>(config: pulumi.Config, key: string): T | undefined {
    const raw = config.get(key);
    if (raw === undefined) return undefined;
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        throw new StackConfigError(
            `${config.name}:${key}`,
            raw,
            "must be an object",
            `Write it as a YAML mapping under ${config.name}:${key}`,
        );
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new StackConfigError(
            `${config.name}:${key}`,
            parsed,
            "must be an object",
            `Write it as a YAML mapping under ${config.name}:${key}`,
        );
    }
    return parsed as T;
}
