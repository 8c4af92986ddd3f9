import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { clashRegistry } from "../core/clashes";
import { policyDocument, serviceTrustPolicy } from "../core/iam";
import { workflowFailureAlarm } from "./alarms";
import { awsContext } from "./aws-context";
import { startExecutionStatements } from "./batch-iam";
import { serverlessRuntime, transientClusterRuntime } from "./batch-runtime";
import { describeLocation } from "./locations";
import { COMPONENT, SparkBatchJobArgs } from "./spark-batch-job-args";
import { sparkBatchJobSettings } from "./spark-batch-job-validate";

/**
 * A scheduled Spark job on a transient EMR cluster: the cheapest way to run hourly or daily batch
 * and backfills. An EventBridge Scheduler schedule starts a Step Functions workflow that creates a
 * hardened cluster, runs the Spark step, and terminates the cluster on success and on every
 * failure. A CloudWatch alarm fires on failed runs.
 *
 * Given an EMR Serverless application (`serverless`), the workflow instead starts a job run on it
 * and waits for it (`startJobRun.sync`), with a runtime role scoped like the clusters' instance role;
 * the same application, arguments and Spark properties run on either.
 *
 * Backfill by starting the workflow with `{"logicalTime": "2026-01-31T02:00:00Z"}`: the
 * application reads the time as `spark.spectrum.logicalTime`.
 */
export class SparkBatchJob extends pulumi.ComponentResource {
    /** ARN of the workflow: start it by hand (with a `logicalTime`) to backfill. */
    readonly stateMachineArn: pulumi.Output<string>;
    /** ARN of the schedule. */
    readonly scheduleArn: pulumi.Output<string>;
    /** ARN of the failed-runs alarm. */
    readonly alarmArn: pulumi.Output<string>;
    /** ARN of the transient clusters' instance role (EMR on EC2). */
    readonly instanceRoleArn?: pulumi.Output<string>;
    /** ARN of the job runs' runtime role (EMR Serverless). */
    readonly runtimeRoleArn?: pulumi.Output<string>;
    /** Name of the job runs' runtime role (EMR Serverless): attach the job's other access (Kafka, Glue) to it. */
    readonly runtimeRoleName?: pulumi.Output<string>;
    /** `s3://` URI the clusters' (or job runs') logs are written under. */
    readonly logUri: pulumi.Output<string>;

    constructor(name: string, args: SparkBatchJobArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected job registers nothing, not even itself.
        const s = sparkBatchJobSettings(name, args);
        const who = { component: COMPONENT, name, field: "name" };
        clashRegistry().claimAll([
            { kind: "child-name", identity: name, key: `${COMPONENT}::${name}`, who, scope: opts?.parent },
            { kind: "emr-log-prefix", identity: name, key: describeLocation(s.logLocation), who, scope: s.storage },
            { kind: "emr-job-tag", identity: name, key: s.jobTag.value, who },
        ]);
        super("spectrum:index:SparkBatchJob", name, {}, opts);
        const ctx = awsContext(this);
        const runtime =
            s.runtime === "emr-serverless" ? serverlessRuntime(name, s, ctx, this) : transientClusterRuntime(name, s, ctx, this);

        const sourceAccount = { StringEquals: { "aws:SourceAccount": ctx.accountId } };
        const workflowRole = new aws.iam.Role(
            `${name}-workflow-role`,
            { assumeRolePolicy: serviceTrustPolicy("states.amazonaws.com", sourceAccount), tags: s.tags },
            { parent: this },
        );
        const workflowPolicy = new aws.iam.RolePolicy(
            `${name}-workflow-access`,
            {
                role: workflowRole.name,
                policy: policyDocument(runtime.workflowStatements),
            },
            { parent: this },
        );
        const workflow = new aws.sfn.StateMachine(
            `${name}-workflow`,
            { type: "STANDARD", roleArn: workflowRole.arn, definition: runtime.definition, tags: s.tags },
            { parent: this, dependsOn: [workflowPolicy, ...runtime.ready] },
        );

        const schedulerRole = new aws.iam.Role(
            `${name}-scheduler-role`,
            { assumeRolePolicy: serviceTrustPolicy("scheduler.amazonaws.com", sourceAccount), tags: s.tags },
            { parent: this },
        );
        const schedulerPolicy = new aws.iam.RolePolicy(
            `${name}-scheduler-access`,
            { role: schedulerRole.name, policy: policyDocument(startExecutionStatements(workflow.arn)) },
            { parent: this },
        );
        const schedule = new aws.scheduler.Schedule(
            `${name}-schedule`,
            {
                description: `spectrum ${name}: starts the batch workflow`,
                scheduleExpression: s.schedule,
                scheduleExpressionTimezone: s.timeZone,
                state: s.enabled ? "ENABLED" : "DISABLED",
                flexibleTimeWindow: { mode: "OFF" },
                target: {
                    arn: workflow.arn,
                    roleArn: schedulerRole.arn,
                    // The scheduled time, not the start time: a late or retried start still processes its own period.
                    input: JSON.stringify({ logicalTime: "<aws.scheduler.scheduled-time>" }),
                    retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
                },
            },
            { parent: this, dependsOn: [schedulerPolicy] },
        );
        const alarm = workflowFailureAlarm(
            `${name}-failed-runs`,
            {
                stateMachineArn: workflow.arn,
                description: `spectrum ${name}: a run of the Spark batch job failed or timed out`,
                topicArn: s.alarmTopicArn,
                tags: s.tags,
            },
            this,
        );

        this.stateMachineArn = workflow.arn;
        this.scheduleArn = schedule.arn;
        this.alarmArn = alarm.arn;
        this.instanceRoleArn = runtime.instanceRoleArn;
        this.runtimeRoleArn = runtime.runtimeRoleArn;
        this.runtimeRoleName = runtime.runtimeRoleName;
        this.logUri = runtime.logUri;
        this.registerOutputs({
            stateMachineArn: this.stateMachineArn,
            scheduleArn: this.scheduleArn,
            alarmArn: this.alarmArn,
            logUri: this.logUri,
        });
    }
}
