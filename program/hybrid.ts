import * as pulumi from "@pulumi/pulumi";
import { StackConfigError } from "./config";

/** The `hybrid` stack: not built yet. */
export function hybridStack(_config: pulumi.Config): Record<string, unknown> {
    throw new StackConfigError("spectrum:architecture", "hybrid", "the hybrid architecture is not available yet", "Use landing");
}
