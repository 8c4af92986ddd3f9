import { Validator } from "../core/errors";
import { parseArgs } from "../core/schema";
import { checkClusterShape } from "./cluster-shape";
import { DerivedName, IAM_ROLE_NAME } from "./derived-names";
import { checkLocation } from "./locations";
import { checkComponentName } from "./naming";
import { COMPONENT, EmrSparkClusterSettings, emrSparkClusterArgs, resolveEmrSparkClusterSettings } from "./emr-spark-cluster-args";

/** The roles a cluster creates unless it is given its own (`roles`), named after the component. */
export const CLUSTER_ROLE_NAMES: readonly DerivedName[] = [
    { what: "the instance role", suffix: "-instance-role", limit: IAM_ROLE_NAME },
    { what: "the EMR service role", suffix: "-service-role", limit: IAM_ROLE_NAME },
];

/**
 * Checks an EmrSparkCluster's args, structure first (the declaration in emr-spark-cluster-args.ts),
 * then the rules across fields and what EMR, IAM and the landing zone would refuse, and returns the
 * settings the component reads. Throws one SpectrumValidationError naming every problem; call it
 * before registering anything (an architecture can call it to check a cluster it will build).
 */
export function emrSparkClusterSettings(name: string, args: unknown): EmrSparkClusterSettings {
    const s = resolveEmrSparkClusterSettings(name, parseArgs(COMPONENT, name, emrSparkClusterArgs, args));
    validateEmrSparkCluster(name, s);
    return s;
}

/** The rules across fields, the names derived from the component's, and the grants' places in the landing zone. */
export function validateEmrSparkCluster(name: string, s: EmrSparkClusterSettings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name, s.shape.roles ? [] : CLUSTER_ROLE_NAMES);
    checkClusterShape(v, s.shape, s.highAvailability);
    s.grants.forEach((g, i) => checkLocation(v, s.storage, `grants[${i}]`, g));
    v.throwIfInvalid();
}
