/** A mistake in how the plan command was called or configured: reported in one line, exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
