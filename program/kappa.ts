import * as pulumi from "@pulumi/pulumi";
import { StackConfigError } from "./config";

/** The `kappa` stack: not built yet. */
export function kappaStack(_config: pulumi.Config): Record<string, unknown> {
    throw new StackConfigError("spectrum:architecture", "kappa", "the kappa architecture is not available yet", "Use landing");
}
