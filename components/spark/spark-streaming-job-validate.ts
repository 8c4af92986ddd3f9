import { Validator } from "../core/errors";
import { isRecord } from "../core/is-record";
import { fieldPath, parseArgs } from "../core/schema";
import { DerivedName, EVENT_RULE_NAME, IAM_ROLE_NAME, LAMBDA_FUNCTION_NAME, STATE_MACHINE_NAME } from "./derived-names";
import { checkComponentName } from "./naming";
import { checkApplication } from "./spark-step";
import { checkServerlessJob } from "./serverless-job-validate";
import { RUNTIME_ROLE_NAME } from "./spark-batch-job-validate";
import { COMPONENT, SparkStreamingJobSettings, resolveSparkStreamingJobSettings, sparkStreamingJobArgs } from "./spark-streaming-job-args";

const CHECKPOINT_PROPERTY = "spark.sql.streaming.checkpointLocation";

/** The resources a streaming job names after itself on EMR on EC2. */
const STREAMING_NAMES: readonly DerivedName[] = [
    { what: "the supervisor role", suffix: "-supervisor-role", limit: IAM_ROLE_NAME },
    { what: "the events role", suffix: "-events-role", limit: IAM_ROLE_NAME },
    { what: "the deployer role", suffix: "-deployer-role", limit: IAM_ROLE_NAME },
    { what: "the deployer function", suffix: "-deployer", limit: LAMBDA_FUNCTION_NAME },
    { what: "the supervisor (state machine)", suffix: "-supervisor", limit: STATE_MACHINE_NAME },
    { what: "the step-failed rule", suffix: "-step-failed", limit: EVENT_RULE_NAME },
];
/** The resources a streaming job names after itself on EMR Serverless. */
const SERVERLESS_STREAMING_NAMES: readonly DerivedName[] = [
    { what: "the supervisor role", suffix: "-supervisor-role", limit: IAM_ROLE_NAME },
    RUNTIME_ROLE_NAME,
    { what: "the deployer role", suffix: "-deployer-role", limit: IAM_ROLE_NAME },
    { what: "the deployer function", suffix: "-deployer", limit: LAMBDA_FUNCTION_NAME },
    { what: "the supervisor (state machine)", suffix: "-supervisor", limit: STATE_MACHINE_NAME },
    { what: "the run-failed rule", suffix: "-run-failed", limit: EVENT_RULE_NAME },
];
/** Restart settings of the supervisor on EMR on EC2; EMR Serverless's retry policy has none of them. */
const SUPERVISOR_RESTART_KEYS = ["maxAttempts", "initialBackoffSeconds", "maxBackoffSeconds", "healthySeconds"] as const;

/**
 * Checks a SparkStreamingJob's args, structure first (the declaration in spark-streaming-job-args.ts),
 * then the rules across fields and what the landing zone would refuse, and returns the settings the
 * component reads. Throws one SpectrumValidationError naming every problem; call it before
 * registering anything (an architecture can call it to check a job it will build).
 */
export function sparkStreamingJobSettings(name: string, args: unknown): SparkStreamingJobSettings {
    const s = resolveSparkStreamingJobSettings(name, parseArgs(COMPONENT, name, sparkStreamingJobArgs, args));
    // Parsing succeeded, so args is an object: what the user wrote tells each runtime which of the other's fields were set.
    validateSparkStreamingJob(name, s, isRecord(args) ? args : {});
    return s;
}

/**
 * The rules across fields, the names derived from the component's, and the application's places in
 * the runtime's landing zone. `given` is the args as written (before defaults): each runtime refuses
 * the other's restart settings the user set, not their declared defaults.
 */
export function validateSparkStreamingJob(name: string, s: SparkStreamingJobSettings, given: Readonly<Record<string, unknown>> = {}): void {
    const v = new Validator(COMPONENT, name);
    const serverless = s.runtime === "emr-serverless";
    checkComponentName(v, name, serverless ? SERVERLESS_STREAMING_NAMES : STREAMING_NAMES);
    if (s.storage) checkApplication(v, s.storage, s);
    else
        v.fail(
            "cluster",
            undefined,
            "is required: a streaming job needs somewhere to run",
            "Pass an EmrSparkCluster as cluster, or an EmrServerlessApplication's target as serverless",
        );
    const restartGiven = (typeof given.restart === "object" && given.restart !== null ? given.restart : {}) as Record<string, unknown>;
    if (serverless) {
        checkServerlessJob(v, s, given, ["cluster"]);
        const release = s.serverless?.releaseLabel;
        // Streaming job runs and their retry policy came with EMR Serverless 7.1.0 (EMR Serverless User Guide, "Job resiliency", checked 2026-12-05).
        if (release !== undefined && !streamingModeRelease(release))
            v.fail(
                "serverless",
                release,
                "runs streaming jobs from emr-7.1.0 on (streaming mode and its retry policy); this application's release is older",
                "Give the application releaseLabel emr-7.1.0 or later",
            );
        for (const key of SUPERVISOR_RESTART_KEYS) {
            if (restartGiven[key] !== undefined)
                v.fail(
                    `restart.${key}`,
                    restartGiven[key],
                    "applies to EMR on EC2 only: on EMR Serverless the streaming mode's retry policy restarts the job",
                    "Use restart.maxFailedAttemptsPerHour",
                );
        }
    } else if (restartGiven.maxFailedAttemptsPerHour !== undefined)
        v.fail(
            "restart.maxFailedAttemptsPerHour",
            restartGiven.maxFailedAttemptsPerHour,
            "applies to EMR Serverless only; on a cluster the supervisor restarts the job",
            "Use restart.maxAttempts, or run the job on EMR Serverless",
        );
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
        serverless || r.maxBackoffSeconds >= r.initialBackoffSeconds,
        "restart.maxBackoffSeconds",
        r.maxBackoffSeconds,
        `must be a whole number of seconds from restart.initialBackoffSeconds (${r.initialBackoffSeconds}) to 3600`,
        "Use e.g. 900",
    );
    v.throwIfInvalid();
}

/** Whether an EMR Serverless release runs streaming jobs: emr-7.1.0 and later, and the emr-spark line. */
function streamingModeRelease(label: string): boolean {
    if (label.startsWith("emr-spark-")) return true;
    const m = /^emr-(\d+)\.(\d+)\.\d+$/.exec(label);
    return m !== null && (Number(m[1]) > 7 || (Number(m[1]) === 7 && Number(m[2]) >= 1));
}
