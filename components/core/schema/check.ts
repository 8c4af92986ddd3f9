import * as pulumi from "@pulumi/pulumi";
import * as v from "valibot";
import { SpectrumValidationError, Validator } from "../errors";
import { failRun } from "../run-scope";
import { DEFERRED } from "./declare";
import { Problem, describeIssue, fieldPath } from "./problems";

/** A field holding an Output (or Promise): checked against `schema` once it resolves. */
export interface LaterValue {
    field: string;
    value: unknown;
    schema: v.GenericSchema;
}

/** What a structural check found: the value with defaults filled in, problems, and values to check later. */
export interface ShapeCheck<T> {
    /** The input with every default applied; meaningful only when `problems` is empty. */
    output: T;
    problems: Problem[];
    later: LaterValue[];
}

/** Runs a declaration over a value and sorts what it found; never throws. `root` prefixes every field path. */
export function checkShape<S extends v.GenericSchema>(schema: S, value: unknown, root = ""): ShapeCheck<v.InferOutput<S>> {
    const result = v.safeParse(schema, value, { abortEarly: false, abortPipeEarly: true });
    const problems: Problem[] = [];
    const later: LaterValue[] = [];
    for (const issue of result.issues ?? []) {
        if (issue.type === DEFERRED) {
            later.push({
                field: fieldPath(issue.path as { key?: unknown }[] | undefined, root),
                value: issue.input,
                schema: issue.requirement as v.GenericSchema,
            });
        } else {
            problems.push(describeIssue(issue, root));
        }
    }
    return { output: result.output as v.InferOutput<S>, problems, later };
}

/**
 * Checks a component's args against its declaration and returns them with every default applied
 * (the settings object the component reads). Every problem is reported at once, as one
 * SpectrumValidationError in the uniform format; fields that are Outputs are checked when they
 * resolve (see {@link checkWhenResolved}). Call it before registering anything.
 */
export function parseArgs<S extends v.GenericSchema>(component: string, name: string, schema: S, args: unknown): v.InferOutput<S> {
    const { output, problems, later } = checkShape(schema, args ?? {});
    const validator = new Validator(component, name);
    for (const p of problems) validator.fail(p.field, p.value, p.problem, p.fix);
    validator.throwIfInvalid();
    if (!dryRun) for (const item of later) checkWhenResolved(component, name, item);
    return output;
}

let dryRun = false;

/**
 * Runs `check` (settings functions of components not built yet) without scheduling checks of the
 * Outputs it meets: an architecture checks its parts' args up front, and each part checks its
 * Outputs once, when it is built from the same args.
 */
export function withoutLaterChecks<T>(check: () => T): T {
    const before = dryRun;
    dryRun = true;
    try {
        return check();
    } finally {
        dryRun = before;
    }
}

/** The parts of `pulumi.runtime` this relies on that its type declarations leave out. */
interface RuntimeInternals {
    rpcKeepAlive(): () => void;
}
interface OutputInternals {
    /** Resolves to false during a preview when the value is not known yet. */
    isKnown?: Promise<boolean>;
}

/**
 * Checks an Output's value once it resolves and fails the run if it is bad, with the same message
 * a plain value would get, showing the resolved value (or `[secret]`).
 *
 * An exception thrown inside an `apply` that nothing awaits is lost or leaves the run unsettled.
 * Instead the check holds the run open (the SDK's RPC keep-alive, which `pulumi up`, `preview` and
 * the mock engine all wait on) until it has run, and a failure goes to {@link failRun}: the mock
 * engine rejects the run with it; under `pulumi up` it is one unhandled rejection, which Pulumi's
 * language host reports (once, without a stack) and fails the run on.
 * A value still unknown in a preview is not checked; `pulumi up` checks it.
 */
export function checkWhenResolved(component: string, name: string, item: LaterValue): void {
    const output = pulumi.output(item.value) as pulumi.Output<unknown>;
    const release = (pulumi.runtime as unknown as RuntimeInternals).rpcKeepAlive();
    const known = (output as unknown as OutputInternals).isKnown ?? Promise.resolve(true);
    const verdict = new Promise<string[]>((resolve) => {
        known.then(
            (isKnown) => {
                if (!isKnown) resolve([]);
            },
            () => resolve([]),
        );
        output.apply((resolved) => {
            void pulumi.isSecret(output).then((secret) => {
                const { problems } = checkShape(item.schema, resolved, item.field);
                const validator = new Validator(component, name);
                for (const p of problems) validator.fail(p.field, secret ? "[secret]" : p.value, p.problem, p.fix);
                resolve([...validator.messages]);
            });
            return resolved;
        });
    });
    void verdict.then((problems) => {
        if (problems.length > 0) failRun(new SpectrumValidationError(problems));
        release();
    });
}
