import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface WorkflowAlarmArgs {
    stateMachineArn: pulumi.Input<string>;
    description: string;
    /** SNS topic the alarm notifies; none means the alarm only shows in CloudWatch. */
    topicArn?: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * Alarms as soon as one execution of a state machine fails or times out (summed over 5 minutes;
 * no executions is not a failure). Notifies the topic on alarm and on recovery.
 */
export function workflowFailureAlarm(name: string, args: WorkflowAlarmArgs, parent: pulumi.Resource): aws.cloudwatch.MetricAlarm {
    const metric = (id: string, metricName: string) => ({
        id,
        returnData: false,
        metric: { namespace: "AWS/States", metricName, dimensions: { StateMachineArn: args.stateMachineArn }, period: 300, stat: "Sum" },
    });
    const actions = args.topicArn ? [args.topicArn] : [];
    return new aws.cloudwatch.MetricAlarm(
        name,
        {
            alarmDescription: args.description,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            threshold: 1,
            evaluationPeriods: 1,
            treatMissingData: "notBreaching",
            metricQueries: [
                metric("failed", "ExecutionsFailed"),
                metric("timedout", "ExecutionsTimedOut"),
                {
                    id: "failures",
                    expression: "FILL(failed, 0) + FILL(timedout, 0)",
                    label: "Failed or timed-out executions",
                    returnData: true,
                },
            ],
            alarmActions: actions,
            okActions: actions,
            tags: args.tags,
        },
        { parent },
    );
}

export interface RuleAlarmArgs {
    /** Name of the EventBridge rule whose matches are alarming. */
    ruleName: pulumi.Input<string>;
    description: string;
    /** SNS topic the alarm notifies; none means the alarm only shows in CloudWatch. */
    topicArn?: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * Alarms as soon as an EventBridge rule matches an event (its `TriggeredRules` count, summed over 5
 * minutes; no match is not a failure): for failures a service reports as events only.
 */
export function ruleMatchedAlarm(name: string, args: RuleAlarmArgs, parent: pulumi.Resource): aws.cloudwatch.MetricAlarm {
    const actions = args.topicArn ? [args.topicArn] : [];
    return new aws.cloudwatch.MetricAlarm(
        name,
        {
            alarmDescription: args.description,
            namespace: "AWS/Events",
            metricName: "TriggeredRules",
            dimensions: { RuleName: args.ruleName },
            statistic: "Sum",
            period: 300,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            threshold: 1,
            evaluationPeriods: 1,
            treatMissingData: "notBreaching",
            alarmActions: actions,
            okActions: actions,
            tags: args.tags,
        },
        { parent },
    );
}
