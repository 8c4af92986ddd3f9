/**
 * Value grammars shared by the Flink declarations: namespace names, ports, CPU in cores, process
 * memory as the operator reads it, and image references.
 */
import * as pulumi from "@pulumi/pulumi";
import { explain, input, v } from "../core/schema";
import { isDnsLabel } from "../core/kubernetes-values";
import { MIN_PROCESS_MEMORY_MIB, memoryMiB } from "./memory";

/**
 * A field that takes a `pulumi.Input` (see `input` in core/schema), typed as a plain valibot schema
 * so the public declarations name valibot's types only.
 */
export function inputOf<const T extends v.GenericSchema>(
    schema: T,
): v.GenericSchema<pulumi.Input<v.InferInput<T>>, pulumi.Input<v.InferOutput<T>>> {
    return input(schema);
}

/** A Kubernetes namespace name (an RFC 1123 label). */
export function namespaceName() {
    return v.pipe(
        v.string(),
        v.check(
            isDnsLabel,
            explain(
                "is not a valid namespace name (at most 63 lowercase letters, digits and dashes, starting and ending with a letter or digit)",
                "Use lowercase letters, digits and dashes",
            ),
        ),
    );
}

/** A whole number from `min` on, every problem told with `problem` and `fix`. */
export function wholeNumber(min: number, problem: string, fix: string, max = Number.MAX_SAFE_INTEGER) {
    const message = explain(problem, fix);
    return v.pipe(v.number(), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

/** An unprivileged TCP port not used by `user` (whose ports are `reserved`). */
export function port(reserved: readonly number[], user: string, fix: string) {
    const message = explain(`must be an unprivileged port (1024 to 65535) not used by ${user} (${reserved.join(", ")})`, fix);
    return v.pipe(
        v.number(),
        v.integer(message),
        v.minValue(1024, message),
        v.maxValue(65535, message),
        v.check((p) => !reserved.includes(p), message),
    );
}

/** CPU cores as a number above 0 (the FlinkDeployment's `resource.cpu` is a number, not a quantity). */
export function cpuCores() {
    return v.pipe(
        v.number((issue) => {
            const input = issue.input;
            const milli = typeof input === "string" ? /^\s*(\d+)m\s*$/.exec(input) : null;
            if (milli)
                return explain(
                    "is a Kubernetes quantity; FlinkJob takes CPU in cores, as a number",
                    `Write ${Number(milli[1]) / 1000} without quotes`,
                );
            if (typeof input === "string" && /^\s*\d+(\.\d+)?\s*$/.test(input))
                return explain("is a string, write a number", `Write ${input.trim()} without quotes`);
            if (typeof input === "number") return explain("is not a number", "Write a number of cores, e.g. 1 or 0.5");
            return explain(
                `is ${input === null ? "null" : Array.isArray(input) ? "a list" : `a ${typeof input}`}, not a number`,
                "Write a number of cores, e.g. 1 or 0.5",
            );
        }),
        v.check((cpu) => cpu > 0 && Number.isFinite(cpu), explain("must be a number of cores above 0", "Request at least 0.25 CPU")),
    );
}

/** Process memory as the operator reads it (`1600m`, `2g`, `2Gi`, `20G`), at least {@link MIN_PROCESS_MEMORY_MIB} MiB. */
export function processMemory() {
    return v.pipe(
        v.string(),
        v.rawCheck(({ dataset, addIssue }) => {
            if (!dataset.typed) return;
            const text = dataset.value;
            const mib = memoryMiB(text);
            if (text.trim() === "")
                addIssue({ message: explain("the operator needs the process memory set", 'Use e.g. "2048m", "2g" or "2Gi"') });
            else if (mib === undefined) {
                addIssue({
                    message: explain(
                        "is not a memory size the operator reads (Flink's 2048m / 2g, or a Kubernetes quantity such as 2Gi)",
                        'Use e.g. "2048m", "2g" or "2Gi"',
                    ),
                });
            } else if (mib < MIN_PROCESS_MEMORY_MIB) {
                addIssue({
                    message: explain(
                        `is below ${MIN_PROCESS_MEMORY_MIB} MiB: Flink cannot fit metaspace, JVM overhead and heap`,
                        'Give the process at least "1024m"',
                    ),
                });
            }
        }),
    );
}

// The distribution reference grammar: [registry[:port]/]path[:tag][@digest], path components lowercase.
const DOMAIN = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?/)";
const PATH = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*";
const TAG = "(?::[\\w][\\w.-]{0,127})";
const DIGEST = "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})";
/** An image repository without tag or digest. */
export const IMAGE_REPOSITORY = new RegExp(`^${DOMAIN}?${PATH}$`);
/** A full image reference, with an optional tag and digest. */
export const IMAGE_REFERENCE = new RegExp(`^${DOMAIN}?${PATH}${TAG}?${DIGEST}?$`);
