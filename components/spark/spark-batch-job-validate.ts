import { Validator } from "../core/errors";
import { checkNetwork, checkShape } from "./cluster-shape";
import { checkComponentName } from "./naming";
import { checkScheduleExpression, checkTimeZone } from "./schedule";
import { checkApplication } from "./spark-step";
import { checkServerlessJob } from "./serverless-job-validate";
import { COMPONENT, SparkBatchJobArgs, SparkBatchJobSettings } from "./spark-batch-job-args";

/** Checks every argument before anything is registered; throws one error listing every problem. */
export function validateSparkBatchJob(name: string, args: SparkBatchJobArgs, s: SparkBatchJobSettings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name);
    if (s.runtime === "emr-serverless") checkServerlessJob(v, args, ["network", "cluster", "idleTimeoutMinutes"]);
    else {
        checkNetwork(v, args.network);
        checkShape(v, s.shape, false, "cluster");
    }
    checkApplication(v, args.storage, args);
    checkScheduleExpression(v, "schedule", args.schedule);
    checkTimeZone(v, "timeZone", s.timeZone);
    // Arguments reach the step through a States Language intrinsic function, whose escaping of a
    // backslash is not handled the same way by every tool that reads definitions. (On EMR
    // Serverless they reach the run as plain JSON.)
    if (s.runtime === "emr-ec2")
        for (const [field, value] of [
            ...(args.args ?? []).map((a, i) => [`args[${i}]`, a] as const),
            ...Object.entries(args.sparkConf ?? {}).map(([k, val]) => [`sparkConf.${k}`, val] as const),
        ]) {
            if (typeof value === "string")
                v.check(
                    !value.includes("\\"),
                    field,
                    value,
                    "contains a backslash, which a batch job's step arguments cannot carry",
                    "Remove the backslash, or pass the value in a file the application reads",
                );
        }
    v.check(
        Number.isInteger(s.timeoutMinutes) && s.timeoutMinutes >= 1 && s.timeoutMinutes <= 7 * 24 * 60,
        "timeoutMinutes",
        s.timeoutMinutes,
        "must be a whole number of minutes between 1 and 10080 (a week)",
        "Use e.g. 360",
    );
    v.check(
        Number.isInteger(s.stepRetries) && s.stepRetries >= 0 && s.stepRetries <= 5,
        "stepRetries",
        s.stepRetries,
        "must be a whole number from 0 to 5",
        "Use 0 to fail on the first application failure",
    );
    // EMR's idle timeout accepts 60 seconds to 7 days.
    v.check(
        Number.isInteger(s.idleTimeoutMinutes) && s.idleTimeoutMinutes >= 1 && s.idleTimeoutMinutes <= 10080,
        "idleTimeoutMinutes",
        s.idleTimeoutMinutes,
        "EMR accepts an idle timeout of 1 minute to 7 days",
        "Use e.g. 30",
    );
    v.throwIfInvalid();
}
