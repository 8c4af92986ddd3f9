import { tagProblem } from "../core/aws-limits";
import { isRecord } from "../core/is-record";
import { Validator } from "../core/errors";
import { parseArgs } from "../core/schema";
import { checkClusterShape } from "./cluster-shape";
import { DerivedName, IAM_ROLE_NAME, SCHEDULE_NAME, STATE_MACHINE_NAME } from "./derived-names";
import { CLUSTER_ROLE_NAMES } from "./emr-spark-cluster-validate";
import { checkComponentName } from "./naming";
import { checkApplication } from "./spark-step";
import { checkServerlessJob } from "./serverless-job-validate";
import { COMPONENT, SparkBatchJobSettings, resolveSparkBatchJobSettings, sparkBatchJobArgs } from "./spark-batch-job-args";

/** The resources a batch job names after itself (besides the transient clusters' roles). */
const BATCH_NAMES: readonly DerivedName[] = [
    { what: "the workflow role", suffix: "-workflow-role", limit: IAM_ROLE_NAME },
    { what: "the scheduler role", suffix: "-scheduler-role", limit: IAM_ROLE_NAME },
    { what: "the workflow (state machine)", suffix: "-workflow", limit: STATE_MACHINE_NAME },
    { what: "the schedule", suffix: "-schedule", limit: SCHEDULE_NAME },
];
/** The role a job's runs assume on EMR Serverless. */
export const RUNTIME_ROLE_NAME: DerivedName = { what: "the EMR Serverless runtime role", suffix: "-runtime-role", limit: IAM_ROLE_NAME };

/**
 * Checks a SparkBatchJob's args, structure first (the declaration in spark-batch-job-args.ts), then
 * the rules across fields and what EMR, IAM and the landing zone would refuse, and returns the
 * settings the component reads. Throws one SpectrumValidationError naming every problem; call it
 * before registering anything (an architecture can call it to check a job it will build).
 */
export function sparkBatchJobSettings(name: string, args: unknown): SparkBatchJobSettings {
    const s = resolveSparkBatchJobSettings(name, parseArgs(COMPONENT, name, sparkBatchJobArgs, args));
    // Parsing succeeded, so args is an object: what the user wrote tells EMR Serverless which EC2-only fields were set.
    validateSparkBatchJob(name, s, isRecord(args) ? args : {});
    return s;
}

/**
 * The rules across fields, the names derived from the component's, and the application's places in
 * the landing zone. `given` is the args as written (before defaults): on EMR Serverless, the EC2-only
 * fields the user set are refused, their declared defaults are not.
 */
export function validateSparkBatchJob(name: string, s: SparkBatchJobSettings, given: Readonly<Record<string, unknown>> = {}): void {
    const v = new Validator(COMPONENT, name);
    const serverless = s.runtime === "emr-serverless";
    const runtimeNames = serverless ? [RUNTIME_ROLE_NAME] : s.shape.roles ? [] : CLUSTER_ROLE_NAMES;
    checkComponentName(v, name, [...runtimeNames, ...BATCH_NAMES]);
    const tag = v.ok ? tagProblem(s.jobTag.key, s.jobTag.value) : undefined;
    if (tag) v.fail("name", name, `${tag.problem} (in the job tag ${s.jobTag.key} = ${s.jobTag.value})`, tag.fix);
    if (serverless) checkServerlessJob(v, s, given, ["network", "cluster", "idleTimeoutMinutes"]);
    else {
        if (s.network === undefined)
            v.fail(
                "network",
                undefined,
                "is required: transient EMR clusters on EC2 run in your private subnets",
                "Pass network: { vpcId, subnetIds }, or serverless: an EmrServerlessApplication's target",
            );
        checkClusterShape(v, s.shape, false, "cluster");
    }
    checkApplication(v, s.storage, s);
    v.throwIfInvalid();
}
