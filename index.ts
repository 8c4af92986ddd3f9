// The root Pulumi program: `pulumi up --stack <name>` deploys the architecture that
// stacks/Pulumi.<name>.yaml names in `spectrum:architecture`. Pulumi's Node.js host calls a
// function that is the module's export (`export =`; it does not look inside a `default` export of
// a CommonJS module) and uses what it returns as the stack outputs.
import { deployArchitecture } from "./program";

export = async function rootProgram(): Promise<Record<string, unknown>> {
    return deployArchitecture();
};
