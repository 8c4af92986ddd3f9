/** A state of an Amazon States Language definition (JSONPath query language). */
export type AslState = Record<string, unknown>;

/** An Amazon States Language state machine definition. */
export interface AslDefinition {
    Comment: string;
    StartAt: string;
    TimeoutSeconds?: number;
    States: Record<string, AslState>;
}

/** A retrier: exponential backoff with full jitter, capped. */
export function retrier(errors: string[], intervalSeconds: number, maxAttempts: number, maxDelaySeconds: number): Record<string, unknown> {
    return {
        ErrorEquals: errors,
        IntervalSeconds: intervalSeconds,
        MaxAttempts: maxAttempts,
        BackoffRate: 2,
        MaxDelaySeconds: maxDelaySeconds,
        JitterStrategy: "FULL",
    };
}

/** A catcher that keeps the input and records the error under `$.error`. */
export function catchAll(next: string): Record<string, unknown> {
    return { ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: next };
}

/**
 * Errors the EMR service integration raises when the EMR API itself fails (throttling, internal
 * errors): worth retrying. A Spark application that fails is `States.TaskFailed`, not this.
 */
export const EMR_API_ERRORS = ["ElasticMapReduce.AmazonElasticMapReduceException"];

/** Errors of AWS SDK integrations (`aws-sdk:emr:*`, `aws-sdk:sfn:*`) worth retrying: every task failure of a read or idempotent call. */
export const SDK_CALL_ERRORS = ["States.TaskFailed"];

/**
 * A string literal for an intrinsic function argument: single-quoted, with `'`, `{`, `}` and `\`
 * escaped by a backslash as the States Language requires.
 */
export function intrinsicString(value: string): string {
    return `'${value.replace(/[\\'{}]/g, (c) => `\\${c}`)}'`;
}

/** Every state name reachable from a state by `Next`, `Default`, `Choices` and `Catch`. */
export function successors(state: AslState): string[] {
    const out: string[] = [];
    if (typeof state.Next === "string") out.push(state.Next);
    if (typeof state.Default === "string") out.push(state.Default);
    for (const c of (state.Choices as Array<{ Next?: string }> | undefined) ?? []) if (c.Next) out.push(c.Next);
    for (const c of (state.Catch as Array<{ Next?: string }> | undefined) ?? []) if (c.Next) out.push(c.Next);
    return out;
}
