import { AslDefinition, AslState, SDK_CALL_ERRORS, retrier } from "./asl";

/** How long a deploy or stop may take before Step Functions stops it (and the alarm fires). */
export const SERVERLESS_SUPERVISOR_TIMEOUT_SECONDS = 60 * 60;
const CHECK_SECONDS = 20;
const EMR_SERVERLESS = "arn:aws:states:::aws-sdk:emrserverless";
/** Run states in which a run still holds (or will hold) the job's checkpoint, and can be cancelled. */
const LIVE_STATES = ["SUBMITTED", "PENDING", "SCHEDULED", "QUEUED", "RUNNING"];

export interface ServerlessSupervisorArgs {
    applicationId: string;
    /** The job run name: the one identity of the job across deployments. */
    runName: string;
    /** StartJobRun's request (see `startJobRunParameters`), without the per-run parts. */
    jobRun: Record<string, unknown>;
    /** Failed attempts EMR Serverless restarts within an hour before the run fails. */
    maxFailedAttemptsPerHour: number;
}

/**
 * The streaming job's supervisor on EMR Serverless. One state machine with the two entry points the
 * deployer calls, chosen by `$.action`:
 *
 * - `deploy` (every `pulumi up` that changes the job): cancel this job's live run, wait until no run
 *   of it is left (two queries on one checkpoint corrupt it), start the new run in STREAMING mode
 *   with EMR Serverless's retry policy, and succeed once it runs.
 * - `stop` (`pulumi destroy`): cancel and wait, start nothing.
 *
 * Restarts are EMR Serverless's own: a failed attempt is started again, at most
 * `maxFailedAttemptsPerHour` times an hour, after which the run fails (the component's alarm on
 * the run's FAILED event reports it). The start's client token is the execution's, so a retried
 * start call never starts a second run.
 */
export function serverlessSupervisorDefinition(a: ServerlessSupervisorArgs): AslDefinition {
    const app = { ApplicationId: a.applicationId };
    const sdkRetry = [retrier(SDK_CALL_ERRORS, 5, 4, 120)];
    const failed = (next: string) => [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: next }];
    // One query per run state group: Step Functions' JSONPath filters are kept to one `==` each.
    const findRuns = (states: string[], result: string, next: string): AslState => ({
        Type: "Task",
        Resource: `${EMR_SERVERLESS}:listJobRuns`,
        Parameters: { ...app, Mode: "STREAMING", States: states, MaxResults: 50 },
        ResultSelector: { "ids.$": `$.JobRuns[?(@.Name == '${a.runName}')].Id` },
        ResultPath: `$.${result}`,
        Retry: sdkRetry,
        Catch: failed("DeployFailed"),
        Next: next,
    });
    const stateIs = (value: string, next: string) => ({ Variable: "$.watch.state", StringEquals: value, Next: next });
    return {
        Comment: `Deploys and stops the streaming job run ${a.runName} on EMR Serverless.`,
        StartAt: "Route",
        TimeoutSeconds: SERVERLESS_SUPERVISOR_TIMEOUT_SECONDS,
        States: {
            Route: {
                Type: "Choice",
                Choices: [
                    { Variable: "$.action", StringEquals: "deploy", Next: "FindRuns" },
                    { Variable: "$.action", StringEquals: "stop", Next: "FindRuns" },
                ],
                Default: "UnknownAction",
            },
            UnknownAction: {
                Type: "Fail",
                Error: "UnknownAction",
                Cause: 'The supervisor takes {"action": "deploy"} or {"action": "stop"}.',
            },
            FindRuns: findRuns(LIVE_STATES, "live", "HasLiveRun"),
            HasLiveRun: {
                Type: "Choice",
                Choices: [{ Variable: "$.live.ids[0]", IsPresent: true, Next: "CancelRun" }],
                Default: "FindStopping",
            },
            FindStopping: findRuns(["CANCELLING"], "stopping", "HasStoppingRun"),
            HasStoppingRun: {
                Type: "Choice",
                Choices: [{ Variable: "$.stopping.ids[0]", IsPresent: true, Next: "WaitForCancel" }],
                Default: "AfterStop",
            },
            CancelRun: {
                Type: "Task",
                Resource: `${EMR_SERVERLESS}:cancelJobRun`,
                Parameters: { ...app, "JobRunId.$": "$.live.ids[0]" },
                ResultPath: null,
                Retry: sdkRetry,
                Catch: failed("DeployFailed"),
                Next: "WaitForCancel",
            },
            WaitForCancel: { Type: "Wait", Seconds: CHECK_SECONDS, Next: "FindRuns" },
            AfterStop: { Type: "Choice", Choices: [{ Variable: "$.action", StringEquals: "stop", Next: "Stopped" }], Default: "StartRun" },
            Stopped: { Type: "Succeed" },
            StartRun: {
                Type: "Task",
                Resource: `${EMR_SERVERLESS}:startJobRun`,
                Parameters: {
                    ...a.jobRun,
                    "ClientToken.$": "States.Hash($$.Execution.Id, 'MD5')",
                    Mode: "STREAMING",
                    RetryPolicy: { MaxFailedAttemptsPerHour: a.maxFailedAttemptsPerHour },
                },
                ResultSelector: { "JobRunId.$": "$.JobRunId" },
                ResultPath: "$.started",
                Retry: sdkRetry,
                Catch: failed("DeployFailed"),
                Next: "WaitForStart",
            },
            WaitForStart: { Type: "Wait", Seconds: CHECK_SECONDS, Next: "CheckStarted" },
            CheckStarted: {
                Type: "Task",
                Resource: `${EMR_SERVERLESS}:getJobRun`,
                Parameters: { ...app, "JobRunId.$": "$.started.JobRunId" },
                ResultSelector: { "state.$": "$.JobRun.State" },
                ResultPath: "$.watch",
                Retry: sdkRetry,
                Catch: failed("DeployFailed"),
                Next: "Started",
            },
            Started: {
                Type: "Choice",
                Choices: [
                    stateIs("RUNNING", "Deployed"),
                    ...LIVE_STATES.filter((st) => st !== "RUNNING").map((st) => stateIs(st, "WaitForStart")),
                ],
                Default: "DeployFailed",
            },
            Deployed: { Type: "Succeed" },
            DeployFailed: {
                Type: "Fail",
                Error: "DeployFailed",
                Cause: "The streaming job run could not be stopped or started; see the execution history and the run's logs.",
            },
        },
    };
}
