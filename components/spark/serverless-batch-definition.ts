import { AslDefinition, catchAll, retrier } from "./asl";
import { LOGICAL_TIME_CONF } from "./batch-definition";

/** Step Functions' optimized EMR Serverless integration, waiting for the job run to end. */
export const START_JOB_RUN_SYNC = "arn:aws:states:::emr-serverless:startJobRun.sync";

export interface ServerlessBatchDefinitionArgs {
    stepName: string;
    /** StartJobRun's request (see `startJobRunParameters`), without the per-run parts. */
    jobRun: Record<string, unknown>;
    /** The job run is cancelled by EMR Serverless after this long. */
    timeoutMinutes: number;
    /** Times a failed job run is started again (5 minutes apart, then longer) before the run fails. */
    stepRetries: number;
}

/**
 * One run of a batch job on EMR Serverless: start a job run and wait for it (`startJobRun.sync`).
 * There is no cluster to create or terminate: the application starts on the first job and stops
 * itself when idle. EMR Serverless cancels a run that outlives its `ExecutionTimeoutMinutes`; the
 * task's own timeout, a few minutes longer, is the backstop (Step Functions cancels the run when it
 * gives up on it). Each attempt gets its own client token, so a retry is a new run, not the same one.
 *
 * The run's logical time is the execution input's `logicalTime` (the schedule's time, or a
 * backfill's) or the execution's start time, and reaches the application as the Spark property
 * `spark.spectrum.logicalTime`, exactly as on EMR on EC2.
 */
export function serverlessBatchDefinition(a: ServerlessBatchDefinitionArgs): AslDefinition {
    const overrides = a.jobRun.ConfigurationOverrides as { ApplicationConfiguration: Array<{ Properties: Record<string, string> }> };
    const [sparkDefaults, ...others] = overrides.ApplicationConfiguration;
    const parameters = {
        ...a.jobRun,
        "ClientToken.$": "States.UUID()",
        ExecutionTimeoutMinutes: a.timeoutMinutes,
        ConfigurationOverrides: {
            ...overrides,
            ApplicationConfiguration: [
                { ...sparkDefaults, Properties: { ...sparkDefaults.Properties, [`${LOGICAL_TIME_CONF}.$`]: "$.logicalTime" } },
                ...others,
            ],
        },
    };
    return {
        Comment: `EMR Serverless job run for ${a.stepName}: start it and wait for it to end.`,
        StartAt: "ResolveLogicalTime",
        States: {
            ResolveLogicalTime: {
                Type: "Choice",
                Choices: [{ Variable: "$.logicalTime", IsPresent: true, Next: "RunJob" }],
                Default: "UseStartTime",
            },
            UseStartTime: { Type: "Pass", Parameters: { "logicalTime.$": "$$.Execution.StartTime" }, Next: "RunJob" },
            RunJob: {
                Type: "Task",
                Resource: START_JOB_RUN_SYNC,
                Parameters: parameters,
                ResultPath: "$.jobRun",
                TimeoutSeconds: a.timeoutMinutes * 60 + 300,
                ...(a.stepRetries > 0 ? { Retry: [retrier(["States.TaskFailed"], 300, a.stepRetries, 1800)] } : {}),
                Catch: [catchAll("SparkJobFailed")],
                Next: "Succeeded",
            },
            Succeeded: { Type: "Succeed" },
            SparkJobFailed: { Type: "Fail", Error: "SparkJobFailed", CausePath: "$.error.Cause" },
        },
    };
}
