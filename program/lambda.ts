import * as pulumi from "@pulumi/pulumi";
import { StackConfigError } from "./config";

/** The `lambda` stack: not built yet. */
export function lambdaStack(_config: pulumi.Config): Record<string, unknown> {
    throw new StackConfigError("spectrum:architecture", "lambda", "the lambda architecture is not available yet", "Use landing");
}
