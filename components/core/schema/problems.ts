/**
 * Turns valibot's issues into problems in the uniform format's parts: the field (a dotted path),
 * the value, what is wrong and how to fix it. The wording is ours, so every component reads alike.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as v from "valibot";
import { didYouMean } from "./did-you-mean";
import { FIX_SEPARATOR, NOT_PLAIN, UNKNOWN_KEY } from "./declare";

/** One problem with one field, ready for `Validator.fail`. */
export interface Problem {
    /** Dotted path of the field, e.g. `zones.raw.glacierAfterDays`; `args` for the whole object. */
    field: string;
    value: unknown;
    problem: string;
    fix: string;
}

type Issue = v.BaseIssue<unknown>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `zones.raw.glacierAfterDays`, `tags["spectrum:stack"]`, `topics[0]`. */
export function fieldPath(path: readonly { key?: unknown }[] | undefined, root = ""): string {
    let out = root;
    for (const item of path ?? []) {
        const key = item.key;
        if (typeof key === "number") out += `[${key}]`;
        else if (typeof key === "string" && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
        else out += `[${JSON.stringify(String(key))}]`;
    }
    return out || "args";
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

function plainWord(expected: string): string {
    const words: Record<string, string> = {
        Object: "a mapping (key: value)",
        Array: "a list",
        number: "a number",
        string: "a string",
        boolean: "true or false",
        never: "nothing",
    };
    return expected
        .replace(/^\((.*)\)$/, "$1")
        .split(" | ")
        .map((part) => words[part] ?? part)
        .join(" or ");
}

/** Why a value has the wrong type, and how to write it, with the common YAML slips named. */
function typeProblem(input: unknown, expected: string): Omit<Problem, "field" | "value"> {
    if (pulumi.Output.isInstance(input) || input instanceof Promise) {
        return {
            problem: "is an Output, but this field must be known when the program runs",
            fix: "Pass a plain value (not the output of another resource)",
        };
    }
    const wants = expected.replace(/^\((.*)\)$/, "$1").split(" | ");
    if (wants.includes("number") && typeof input === "string" && NUMERIC.test(input)) {
        return { problem: "is a string, write a number", fix: `Write ${input.trim()} without quotes` };
    }
    if (wants.includes("number") && typeof input === "number" && Number.isNaN(input)) {
        return { problem: "is not a number", fix: "Write a number" };
    }
    if (wants.includes("boolean") && typeof input === "string" && /^(true|false|yes|no|on|off)$/i.test(input)) {
        return { problem: "is a string, write true or false", fix: "Write true or false without quotes" };
    }
    if (wants.includes("Object") && Array.isArray(input)) {
        return { problem: "is a list where a map is expected", fix: "Write it as a mapping of name: value, not a list of - items" };
    }
    if (wants.includes("Array") && input !== null && typeof input === "object" && !Array.isArray(input)) {
        return { problem: "is a map where a list is expected", fix: "Write it as a list of - items" };
    }
    const got =
        input === null || input === undefined
            ? String(input)
            : Array.isArray(input)
              ? "a list"
              : typeof input === "object"
                ? "a mapping"
                : `a ${typeof input}`;
    return { problem: `is ${got}, not ${plainWord(expected)}`, fix: `Write ${plainWord(expected)}` };
}

/** The requirement of a `minValue`/`maxValue`/`picklist` issue as text. */
function requirementText(requirement: unknown): string {
    return typeof requirement === "string" ? JSON.stringify(requirement) : String(requirement);
}

/** One valibot issue as a problem. */
export function describeIssue(issue: Issue, root = ""): Problem {
    const field = fieldPath(issue.path as { key?: unknown }[] | undefined, root);
    const value = issue.input;
    // An Output where a plain value is needed says so, whatever the declaration's own message.
    if (pulumi.Output.isInstance(value) || value instanceof Promise) return { field, value, ...typeProblem(value, issue.expected ?? "") };
    const last = issue.path?.[issue.path.length - 1]?.key;
    const key = String(last ?? "");
    const own = issue.message.includes(FIX_SEPARATOR) ? issue.message.split(FIX_SEPARATOR) : undefined;
    // A required field written as `undefined` (`{ storage: undefined }`) is as missing as one left out:
    // it is required, whatever the declaration says about a wrong value; its fix still says what to pass.
    const saysMissing = own?.[0].startsWith("is missing") ?? false;
    if (value === undefined && !saysMissing && issue.kind === "schema" && issue.type !== UNKNOWN_KEY && typeof last === "string") {
        return { field, value, problem: "is required", fix: own ? own.slice(1).join(" ") : `Set ${key}` };
    }
    if (own) return { field, value, problem: own[0], fix: own.slice(1).join(" ") };
    switch (issue.type) {
        case UNKNOWN_KEY: {
            const known = (issue.requirement as string[]) ?? [];
            return { field, value, problem: `"${key}" is not a known field`, fix: didYouMean(key, known) };
        }
        case NOT_PLAIN:
            return { field, value, ...typeProblem(value, issue.expected ?? "Object") };
        case "integer":
            return {
                field,
                value,
                problem: "must be a whole number",
                fix: `Write an integer such as ${Number.isFinite(value) ? Math.max(1, Math.round(Number(value))) : 1}`,
            };
        case "min_value":
            return {
                field,
                value,
                problem: `must be at least ${requirementText(issue.requirement)}`,
                fix: `Use ${requirementText(issue.requirement)} or more`,
            };
        case "max_value":
            return {
                field,
                value,
                problem: `must be at most ${requirementText(issue.requirement)}`,
                fix: `Use ${requirementText(issue.requirement)} or less`,
            };
        case "picklist": {
            // valibot lists the options only in `expected`: ("a" | "b").
            const options = (issue.expected ?? "")
                .replace(/^\((.*)\)$/, "$1")
                .split(" | ")
                .map((o) => (o.startsWith('"') ? String(JSON.parse(o)) : o));
            return { field, value, problem: `is not one of ${options.join(", ")}`, fix: didYouMean(String(value), options) };
        }
        case "min_length":
            return {
                field,
                value,
                problem: `must have at least ${requirementText(issue.requirement)} entries or characters`,
                fix: "Add to it",
            };
        case "max_length":
            return {
                field,
                value,
                problem: `must have at most ${requirementText(issue.requirement)} entries or characters`,
                fix: "Shorten it",
            };
        default:
            break;
    }
    // A required field that is missing (the object reports its key with no input), or given as undefined.
    if (issue.kind === "schema" && value === undefined && key !== "") {
        return { field, value, problem: "is required", fix: `Set ${key}` };
    }
    if (issue.kind === "schema") return { field, value, ...typeProblem(value, issue.expected ?? "") };
    return { field, value, problem: issue.message, fix: "See the component's README for what the field accepts" };
}
