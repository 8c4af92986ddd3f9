/** What a component's bad input is rejected with (spectrum's SpectrumValidationError), matched by name so any copy of the library counts. */
interface ValidationFailure extends Error {
    problems: readonly string[];
}

function isValidationFailure(error: unknown): error is ValidationFailure {
    return (
        error instanceof Error && error.name === "SpectrumValidationError" && Array.isArray((error as Partial<ValidationFailure>).problems)
    );
}

function problemsOf(error: unknown): string[] {
    if (isValidationFailure(error)) return [...error.problems];
    throw error;
}

function succeeded(): never {
    throw new Error("expected a SpectrumValidationError, but nothing was rejected");
}

/**
 * The problems a component reports for bad input: runs `work` and returns every message of the
 * SpectrumValidationError it throws (or its promise rejects with). Fails when `work` succeeds or
 * throws anything else, so a test of a rejection cannot pass vacuously.
 *
 * @example
 * // In a program, as `pulumi up` would run it:
 * const problems = await validationProblems(() => runProgram(() => new LandingZone("lake", { zones: {} })));
 * // Or building a component directly, when its checks run before anything is registered:
 * expect(validationProblems(() => new KafkaTopic("t", args))[0]).toMatch(/^KafkaTopic "t": partitions = 0: /);
 */
export function validationProblems(work: () => PromiseLike<unknown>): Promise<string[]>;
/** {@inheritDoc (validationProblems:1)} */
export function validationProblems(work: () => unknown): string[];
export function validationProblems(work: () => unknown): string[] | Promise<string[]> {
    let result: unknown;
    try {
        result = work();
    } catch (error) {
        return problemsOf(error);
    }
    if (result !== null && typeof result === "object" && typeof (result as PromiseLike<unknown>).then === "function") {
        return Promise.resolve(result as PromiseLike<unknown>).then(succeeded, problemsOf);
    }
    return succeeded();
}
