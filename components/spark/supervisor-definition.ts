import { AslDefinition, AslState, EMR_API_ERRORS, SDK_CALL_ERRORS, retrier } from "./asl";
import { commandStep } from "./spark-step";

/** How a failed streaming job is restarted. */
export interface RestartPolicy {
    /** Consecutive restarts (each failing within `healthySeconds`) before giving up and alarming. */
    maxAttempts: number;
    /** Wait before the first restart; doubled for every further one. */
    initialBackoffSeconds: number;
    /** Longest wait between restarts. */
    maxBackoffSeconds: number;
    /** A restarted job still running this long after its resubmission counts as recovered. */
    healthySeconds: number;
}

export interface SupervisorDefinitionArgs {
    clusterId: string;
    /** The EMR step name: the one identity of the job across restarts and deployments. */
    stepName: string;
    /** The YARN application name (`spark-submit --name`), used to kill a lingering application. */
    appName: string;
    /** The `spark-submit` command of the job. */
    command: string[];
    restart: RestartPolicy;
}

/** Seconds an execution may run before Step Functions stops it (and the alarm fires). */
export const SUPERVISOR_TIMEOUT_SECONDS = 6 * 60 * 60;
const CHECK_SECONDS = 20;

/** The wait before each restart attempt: exponential, capped. */
export function backoffSchedule(p: RestartPolicy): number[] {
    return Array.from({ length: p.maxAttempts }, (_, i) => Math.min(p.initialBackoffSeconds * 2 ** i, p.maxBackoffSeconds));
}

/**
 * Kills YARN applications of this name that are still alive. In cluster deploy mode, cancelling
 * the step stops `spark-submit` but not necessarily the application it launched, and two copies of
 * a query on one checkpoint corrupt it.
 */
export function stopApplicationCommand(appName: string): string[] {
    const script =
        "yarn application -list -appStates NEW,NEW_SAVING,SUBMITTED,ACCEPTED,RUNNING 2>/dev/null" +
        ' | awk -F\'\\t\' -v name="$0" \'{ id = $1; n = $2; gsub(/^ +| +$/, "", id); gsub(/^ +| +$/, "", n); if (n == name) print id }\'' +
        " | xargs -r -n1 yarn application -kill || true";
    return ["bash", "-c", script, appName];
}

/**
 * The streaming job's supervisor. One state machine, three entry points chosen by `$.action`:
 *
 * - `deploy` (from the deployer on every `pulumi up` that changes the job): cancel the running
 *   step of this job, kill its YARN application, submit the new step, and succeed once it runs.
 * - `stop` (from the deployer on `pulumi destroy`): cancel and kill, submit nothing.
 * - `restart` (from the EventBridge rule on the step's FAILED event): wait with exponential
 *   backoff, resubmit, and watch; a resubmission still running after `healthySeconds` ends the
 *   execution. Failures inside the watch count against `maxAttempts`; reaching it fails the
 *   execution, which the alarm reports. A second failure event while an execution is already
 *   supervising is ignored, and a step submitted by someone else in the meantime (a deploy)
 *   supersedes the restart.
 */
export function supervisorDefinition(a: SupervisorDefinitionArgs): AslDefinition {
    const cluster = { ClusterId: a.clusterId };
    const sdkRetry = [retrier(SDK_CALL_ERRORS, 5, 4, 120)];
    const apiRetry = [retrier(EMR_API_ERRORS, 10, 4, 300)];
    const findActive = (next: string, failed: string): AslState => ({
        Type: "Task",
        Resource: "arn:aws:states:::aws-sdk:emr:listSteps",
        Parameters: { ...cluster, StepStates: ["PENDING", "RUNNING"] },
        ResultSelector: { "ids.$": `$.Steps[?(@.Name == '${a.stepName}')].Id` },
        ResultPath: "$.active",
        Retry: sdkRetry,
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: failed }],
        Next: next,
    });
    const stopApplication = (next: string, failed: string): AslState => ({
        Type: "Task",
        Resource: "arn:aws:states:::elasticmapreduce:addStep.sync",
        Parameters: { ...cluster, Step: commandStep(`${a.stepName}-stop`, stopApplicationCommand(a.appName)) },
        ResultPath: null,
        TimeoutSeconds: 600,
        Retry: apiRetry,
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: failed }],
        Next: next,
    });
    const submit = (next: string, failed: string): AslState => ({
        Type: "Task",
        Resource: "arn:aws:states:::elasticmapreduce:addStep",
        Parameters: { ...cluster, Step: commandStep(a.stepName, a.command) },
        ResultSelector: { "StepId.$": "$.StepId" },
        ResultPath: "$.submitted",
        Retry: apiRetry,
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: failed }],
        Next: next,
    });
    const describeSubmitted = (next: string, failed: string): AslState => ({
        Type: "Task",
        Resource: "arn:aws:states:::aws-sdk:emr:describeStep",
        Parameters: { ...cluster, "StepId.$": "$.submitted.StepId" },
        ResultSelector: { "state.$": "$.Step.Status.State" },
        ResultPath: "$.watch",
        Retry: sdkRetry,
        Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: failed }],
        Next: next,
    });
    const stateIs = (value: string, next: string) => ({ Variable: "$.watch.state", StringEquals: value, Next: next });

    return {
        Comment: `Supervises the streaming step ${a.stepName}: deploy, stop, and restart with backoff and a cap.`,
        StartAt: "Route",
        TimeoutSeconds: SUPERVISOR_TIMEOUT_SECONDS,
        States: {
            Route: {
                Type: "Choice",
                Choices: [
                    { Variable: "$.action", StringEquals: "deploy", Next: "FindActive" },
                    { Variable: "$.action", StringEquals: "stop", Next: "FindActive" },
                ],
                Default: "CountSupervisors",
            },

            // deploy and stop
            FindActive: findActive("HasActive", "DeployFailed"),
            HasActive: {
                Type: "Choice",
                Choices: [{ Variable: "$.active.ids[0]", IsPresent: true, Next: "CancelActive" }],
                Default: "StopApplication",
            },
            CancelActive: {
                Type: "Task",
                Resource: "arn:aws:states:::aws-sdk:emr:cancelSteps",
                // Cancelled, not failed: the restart rule does not fire for a deliberate stop.
                Parameters: { ...cluster, "StepIds.$": "$.active.ids", StepCancellationOption: "SEND_INTERRUPT" },
                ResultPath: null,
                Retry: sdkRetry,
                Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "DeployFailed" }],
                Next: "WaitForCancel",
            },
            WaitForCancel: { Type: "Wait", Seconds: CHECK_SECONDS, Next: "FindActive" },
            StopApplication: stopApplication("AfterStop", "DeployFailed"),
            AfterStop: { Type: "Choice", Choices: [{ Variable: "$.action", StringEquals: "stop", Next: "Stopped" }], Default: "Submit" },
            Stopped: { Type: "Succeed" },
            Submit: submit("WaitForStart", "DeployFailed"),
            WaitForStart: { Type: "Wait", Seconds: CHECK_SECONDS, Next: "CheckStarted" },
            CheckStarted: describeSubmitted("Started", "DeployFailed"),
            Started: {
                Type: "Choice",
                Choices: [stateIs("RUNNING", "Deployed"), stateIs("PENDING", "WaitForStart")],
                Default: "DeployFailed",
            },
            Deployed: { Type: "Succeed" },
            DeployFailed: {
                Type: "Fail",
                Error: "DeployFailed",
                Cause: "The streaming step could not be stopped or started; see the execution history and the step's logs.",
            },

            // restart
            CountSupervisors: {
                Type: "Task",
                Resource: "arn:aws:states:::aws-sdk:sfn:listExecutions",
                Parameters: { "StateMachineArn.$": "$$.StateMachine.Id", StatusFilter: "RUNNING" },
                ResultSelector: { "count.$": "States.ArrayLength($.Executions)" },
                ResultPath: "$.supervisors",
                Retry: sdkRetry,
                Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "RestartFailed" }],
                Next: "AlreadySupervised",
            },
            AlreadySupervised: {
                Type: "Choice",
                Choices: [{ Variable: "$.supervisors.count", NumericGreaterThan: 1, Next: "AlreadyHandled" }],
                Default: "InitRestart",
            },
            AlreadyHandled: { Type: "Succeed" },
            InitRestart: {
                Type: "Pass",
                Result: { attempt: 0, delays: backoffSchedule(a.restart) },
                ResultPath: "$.restart",
                Next: "Backoff",
            },
            Backoff: {
                Type: "Pass",
                Parameters: {
                    "attempt.$": "$.restart.attempt",
                    "delays.$": "$.restart.delays",
                    "delay.$": "States.ArrayGetItem($.restart.delays, $.restart.attempt)",
                },
                ResultPath: "$.restart",
                Next: "WaitBackoff",
            },
            WaitBackoff: { Type: "Wait", SecondsPath: "$.restart.delay", Next: "FindRunning" },
            FindRunning: findActive("AlreadyRunning", "RestartFailed"),
            AlreadyRunning: {
                Type: "Choice",
                Choices: [{ Variable: "$.active.ids[0]", IsPresent: true, Next: "Superseded" }],
                Default: "ClearStale",
            },
            Superseded: { Type: "Succeed" },
            ClearStale: stopApplication("Resubmit", "RestartFailed"),
            Resubmit: submit("WaitHealthy", "RestartFailed"),
            WaitHealthy: { Type: "Wait", Seconds: a.restart.healthySeconds, Next: "Watch" },
            Watch: describeSubmitted("Judge", "RestartFailed"),
            Judge: {
                Type: "Choice",
                // COMPLETED: the application ended by itself, which is not a failure to restart.
                Choices: [
                    stateIs("RUNNING", "Recovered"),
                    stateIs("PENDING", "WaitHealthy"),
                    stateIs("CANCELLED", "Superseded"),
                    stateIs("COMPLETED", "Superseded"),
                ],
                Default: "CountFailure",
            },
            Recovered: { Type: "Succeed" },
            CountFailure: {
                Type: "Pass",
                Parameters: { "attempt.$": "States.MathAdd($.restart.attempt, 1)", "delays.$": "$.restart.delays" },
                ResultPath: "$.restart",
                Next: "CapReached",
            },
            CapReached: {
                Type: "Choice",
                Choices: [{ Variable: "$.restart.attempt", NumericGreaterThanEquals: a.restart.maxAttempts, Next: "GiveUp" }],
                Default: "Backoff",
            },
            GiveUp: {
                Type: "Fail",
                Error: "RestartCapReached",
                Cause: `The streaming step failed ${a.restart.maxAttempts} times in a row within ${a.restart.healthySeconds}s of each restart; it is left stopped.`,
            },
            RestartFailed: {
                Type: "Fail",
                Error: "RestartFailed",
                Cause: "The supervisor could not restart the streaming step; see the execution history.",
            },
        },
    };
}
