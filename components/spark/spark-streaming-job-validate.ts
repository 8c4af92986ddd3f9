import { Validator } from "../core/errors";
import { fieldPath, parseArgs } from "../core/schema";
import { DerivedName, EVENT_RULE_NAME, IAM_ROLE_NAME, LAMBDA_FUNCTION_NAME, STATE_MACHINE_NAME } from "./derived-names";
import { checkComponentName } from "./naming";
import { checkApplication } from "./spark-step";
import { COMPONENT, SparkStreamingJobSettings, resolveSparkStreamingJobSettings, sparkStreamingJobArgs } from "./spark-streaming-job-args";

const CHECKPOINT_PROPERTY = "spark.sql.streaming.checkpointLocation";

/** The resources a streaming job names after itself. */
const STREAMING_NAMES: readonly DerivedName[] = [
    { what: "the supervisor role", suffix: "-supervisor-role", limit: IAM_ROLE_NAME },
    { what: "the events role", suffix: "-events-role", limit: IAM_ROLE_NAME },
    { what: "the deployer role", suffix: "-deployer-role", limit: IAM_ROLE_NAME },
    { what: "the deployer function", suffix: "-deployer", limit: LAMBDA_FUNCTION_NAME },
    { what: "the supervisor (state machine)", suffix: "-supervisor", limit: STATE_MACHINE_NAME },
    { what: "the step-failed rule", suffix: "-step-failed", limit: EVENT_RULE_NAME },
];

/**
 * Checks a SparkStreamingJob's args, structure first (the declaration in spark-streaming-job-args.ts),
 * then the rules across fields and what the landing zone would refuse, and returns the settings the
 * component reads. Throws one SpectrumValidationError naming every problem; call it before
 * registering anything (an architecture can call it to check a job it will build).
 */
export function sparkStreamingJobSettings(name: string, args: unknown): SparkStreamingJobSettings {
    const s = resolveSparkStreamingJobSettings(name, parseArgs(COMPONENT, name, sparkStreamingJobArgs, args));
    validateSparkStreamingJob(name, s);
    return s;
}

/** The rules across fields, the names derived from the component's, and the application's places in the cluster's landing zone. */
export function validateSparkStreamingJob(name: string, s: SparkStreamingJobSettings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name, STREAMING_NAMES);
    checkApplication(v, s.cluster.storage, s);
    const ownCheckpoint = s.sparkConf[CHECKPOINT_PROPERTY];
    v.check(
        ownCheckpoint === undefined,
        fieldPath([{ key: "sparkConf" }, { key: CHECKPOINT_PROPERTY }]),
        ownCheckpoint,
        "is set by the job: its checkpoint lives under the landing zone's checkpoint area, one prefix per job",
        "Remove it and read spark.spectrum.checkpointLocation in the application",
    );
    const r = s.restart;
    v.check(
        r.maxBackoffSeconds >= r.initialBackoffSeconds,
        "restart.maxBackoffSeconds",
        r.maxBackoffSeconds,
        `must be a whole number of seconds from restart.initialBackoffSeconds (${r.initialBackoffSeconds}) to 3600`,
        "Use e.g. 900",
    );
    v.throwIfInvalid();
}
