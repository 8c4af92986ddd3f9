import * as pulumi from "@pulumi/pulumi";
import { StackConfigError } from "./config";
import { checkDeclaredCapacity } from "./capacity-gate";
import { landingStack } from "./landing";
import { hybridStack } from "./hybrid";
import { kappaStack } from "./kappa";
import { lambdaStack } from "./lambda";
import { stackConfigProblems } from "./stack-config";

type StackBuilder = (config: pulumi.Config) => Record<string, unknown>;

/** The architectures a stack can deploy, by the value of `spectrum:architecture`. */
export const architectures: Record<string, StackBuilder> = {
    landing: landingStack,
    hybrid: hybridStack,
    kappa: kappaStack,
    lambda: lambdaStack,
};

/** The root program: builds the architecture the stack config names and returns its outputs. */
export function deployArchitecture(): Record<string, unknown> {
    const config = new pulumi.Config("spectrum");
    // Every key is checked before anything is built, so a misspelt key fails instead of being ignored.
    const all = pulumi.runtime.allConfig();
    const problems = stackConfigProblems(all, config.name);
    if (problems.length > 0) throw new StackConfigError(problems);
    const architecture = config.get("architecture");
    const build = architecture === undefined ? undefined : architectures[architecture];
    if (!build) {
        throw new StackConfigError(
            "spectrum:architecture",
            architecture,
            architecture === undefined ? "is not set" : "is not a known architecture",
            `Set it to one of ${Object.keys(architectures).join(", ")}`,
        );
    }
    // A declared load that does not fit fails the run here, before the architecture registers anything.
    checkDeclaredCapacity(all);
    return build(config);
}
