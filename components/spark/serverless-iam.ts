import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../core/iam";
import { AwsContext } from "./aws-context";

/** The principal EMR Serverless assumes job runtime roles as, and the service runtime roles are passed to. */
export const EMR_SERVERLESS_PRINCIPAL = "emr-serverless.amazonaws.com";

/**
 * The EventBridge rule Step Functions manages in the account to learn when a `.sync` EMR Serverless
 * job run ends (Step Functions Developer Guide, "IAM policies for Amazon EMR Serverless", Run a Job (.sync), checked 2026-12).
 */
export const SFN_EMR_SERVERLESS_RULE = "StepFunctionsGetEventsForEMRServerlessJobRule";

/** ARN pattern of every job run of an application. */
export function jobRunsArn(applicationArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`${applicationArn}/jobruns/*`;
}

/** Starting runs on one application, seeing and cancelling its runs, and passing one runtime role to EMR Serverless. */
function jobRunStatements(applicationArn: pulumi.Input<string>, runtimeRoleArn: pulumi.Input<string>): PolicyStatement[] {
    return [
        { Sid: "StartRunsOnOwnApplication", Effect: "Allow", Action: ["emr-serverless:StartJobRun"], Resource: [applicationArn] },
        {
            // StartJobRun tags the run it creates, which IAM authorizes as TagResource on the run.
            Sid: "OperateOwnApplicationsRuns",
            Effect: "Allow",
            Action: ["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun", "emr-serverless:TagResource"],
            Resource: [jobRunsArn(applicationArn)],
        },
        {
            Sid: "PassOwnRuntimeRoleToEmrServerless",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: [runtimeRoleArn],
            Condition: { StringEquals: { "iam:PassedToService": EMR_SERVERLESS_PRINCIPAL } },
        },
    ];
}

/** What a batch job's state machine may do: run jobs on its application with its runtime role, and wait for them (`.sync`). */
export function serverlessWorkflowStatements(
    ctx: AwsContext,
    applicationArn: pulumi.Input<string>,
    runtimeRoleArn: pulumi.Input<string>,
): PolicyStatement[] {
    return [
        ...jobRunStatements(applicationArn, runtimeRoleArn),
        {
            Sid: "StepFunctionsJobRunEvents",
            Effect: "Allow",
            Action: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
            Resource: [pulumi.interpolate`arn:${ctx.partition}:events:${ctx.region}:${ctx.accountId}:rule/${SFN_EMR_SERVERLESS_RULE}`],
        },
    ];
}

/** What a streaming job's supervisor may do: find, start and cancel its runs on its application. */
export function serverlessSupervisorStatements(
    applicationArn: pulumi.Input<string>,
    runtimeRoleArn: pulumi.Input<string>,
): PolicyStatement[] {
    return [
        ...jobRunStatements(applicationArn, runtimeRoleArn),
        { Sid: "ListOwnApplicationsRuns", Effect: "Allow", Action: ["emr-serverless:ListJobRuns"], Resource: [applicationArn] },
    ];
}
