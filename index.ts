// The root Pulumi program: `pulumi up --stack <name>` deploys the architecture that
// stacks/Pulumi.<name>.yaml names in `spectrum:architecture`. Pulumi calls the default export and
// uses what it returns as the stack outputs.
import { deployArchitecture } from "./program";

export default async function rootProgram(): Promise<Record<string, unknown>> {
    return deployArchitecture();
}
