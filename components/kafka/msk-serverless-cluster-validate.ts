import { Validator } from "../core/errors";
import { parseArgs } from "../core/schema";
import { COMPONENT, MskServerlessClusterSettings, mskServerlessClusterArgs } from "./msk-serverless-cluster-args";

/**
 * Checks an MskServerlessCluster's args, structure first (the declaration in
 * msk-serverless-cluster-args.ts), then what MSK Serverless itself would reject, and returns the
 * settings the component reads. Throws one SpectrumValidationError naming every problem; call it
 * before registering anything.
 */
export function mskServerlessClusterSettings(name: string, args: unknown): MskServerlessClusterSettings {
    const s = parseArgs(COMPONENT, name, mskServerlessClusterArgs, args);
    validateMskServerlessCluster(name, s);
    return s;
}

/** What MSK Serverless would reject across fields (client ranges are checked by the declaration). */
export function validateMskServerlessCluster(name: string, s: MskServerlessClusterSettings): void {
    const v = new Validator(COMPONENT, name);
    v.check(
        s.subnetIds.length >= 2,
        "subnetIds",
        `${s.subnetIds.length} subnets`,
        "MSK Serverless needs client subnets in at least two Availability Zones",
        "Pass 2 or more private subnets in different Availability Zones",
    );
    v.throwIfInvalid();
}
