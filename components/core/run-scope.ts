import * as pulumi from "@pulumi/pulumi";

const outsideAnyRun = new Map<string, unknown>();

/**
 * State that lives as long as one run of a Pulumi program: created on first use and kept on the
 * run's root stack resource, so the next program run in the same process (the mock engine runs
 * many, one after another) starts afresh. Keyed through `Symbol.for`, so two loaded copies of this
 * module share it. Outside a run (no stack resource), one process-wide instance is used.
 */
export function perRun<T>(key: string, create: () => T): T {
    const stack = pulumi.runtime.getStackResource() as unknown as Record<symbol, unknown> | undefined;
    if (stack === undefined) {
        if (!outsideAnyRun.has(key)) outsideAnyRun.set(key, create());
        return outsideAnyRun.get(key) as T;
    }
    const symbol = Symbol.for(`spectrum:${key}`);
    if (!(symbol in stack)) Object.defineProperty(stack, symbol, { value: create(), enumerable: false });
    return stack[symbol] as T;
}

interface FailureSink {
    handler?: (error: unknown) => void;
}

/**
 * Fails the current program run with `error` from code that runs after the program returned (a
 * check of an Output's value). A test harness that called {@link onRunFailure} receives it;
 * otherwise it becomes one unhandled rejection, on which Pulumi's language host fails the run and
 * prints the message.
 */
export function failRun(error: unknown): void {
    const sink = perRun<FailureSink>("run-failures", () => ({}));
    if (sink.handler) sink.handler(error);
    else void Promise.reject(error);
}

/** Receives every {@link failRun} of the current run (the mock engine calls it as a run starts). */
export function onRunFailure(handler: (error: unknown) => void): void {
    perRun<FailureSink>("run-failures", () => ({})).handler = handler;
}
