import { Validator } from "../core/errors";
import { checkNetwork, checkShape } from "./cluster-shape";
import { checkLocation } from "./locations";
import { checkComponentName } from "./naming";
import { COMPONENT, EmrSparkClusterArgs, EmrSparkClusterSettings } from "./emr-spark-cluster-args";

/** Checks every argument before anything is registered; throws one error listing every problem. */
export function validateEmrSparkCluster(name: string, args: EmrSparkClusterArgs, s: EmrSparkClusterSettings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name);
    checkNetwork(v, args.network);
    checkShape(v, s.shape, s.highAvailability);
    s.grants.forEach((g, i) => checkLocation(v, args.storage, `grants[${i}]`, g));
    v.check(
        Number.isInteger(s.stepConcurrencyLevel) && s.stepConcurrencyLevel >= 1 && s.stepConcurrencyLevel <= 256,
        "stepConcurrencyLevel",
        s.stepConcurrencyLevel,
        "EMR runs 1 to 256 steps at once",
        "Use a whole number in that range, with a slot per streaming job",
    );
    v.throwIfInvalid();
}
