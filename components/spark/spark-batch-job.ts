import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Storage } from "../core/contracts";
import { SpectrumValidationError, Validator } from "../core/errors";
import { policyDocument, serviceTrustPolicy } from "../core/iam";
import { awsTags } from "../core/tags";
import { workflowFailureAlarm } from "./alarms";
import { awsContext } from "./aws-context";
import { JobTag, batchWorkflowStatements, startExecutionStatements } from "./batch-iam";
import { batchDefinition, runJobFlowRequest } from "./batch-definition";
import { ClusterShapeArgs, ResolvedShape, checkNetwork, checkShape, resolveShape } from "./cluster-shape";
import { clusterFoundation } from "./foundation";
import { StorageLocation } from "./locations";
import { checkComponentName } from "./naming";
import { EMR_MANAGED_POLICY_TAG, EmrNetworkArgs } from "./network";
import { checkScheduleExpression, checkTimeZone } from "./schedule";
import { SparkApplicationArgs, applicationGrants, checkApplication, sparkSubmitCommand } from "./spark-step";

const COMPONENT = "SparkBatchJob";
/** The tag key naming the batch job a transient cluster belongs to. */
export const JOB_TAG_KEY = "spectrum:job";

/** Arguments of {@link SparkBatchJob}: the application, its schedule, the transient cluster's shape and network. */
export interface SparkBatchJobArgs extends SparkApplicationArgs {
    /** The landing zone: the job's code, inputs and outputs are in it, its logs go to its log area. Required. */
    storage: Storage;
    /** The private subnets the transient clusters run in. Required. */
    network: EmrNetworkArgs;
    /**
     * When to run, as an EventBridge Scheduler expression: `cron(minutes hours day-of-month month
     * day-of-week year)` or `rate(<n> <minutes|hours|days>)`. Required.
     */
    schedule: string;
    /** IANA time zone the cron expression is read in (daylight saving time included). Default: "UTC". */
    timeZone?: string;
    /** Whether the schedule starts runs; `false` keeps the workflow for manual runs and backfills only. Default: true. */
    enabled?: boolean;
    /** The transient cluster's shape. Default: see {@link ClusterShapeArgs} (Graviton fleets, task nodes on Spot, managed scaling 2-10). */
    cluster?: ClusterShapeArgs;
    /** Minutes the Spark step may run before it is cancelled and the cluster terminated. Default: 360. */
    timeoutMinutes?: number;
    /**
     * Times a failed Spark application is run again (5 minutes apart, then longer) before the run
     * fails. Spectrum's default dynamic partition overwrite makes reruns of partitioned writes
     * idempotent; make sure yours are before raising this. Default: 0.
     */
    stepRetries?: number;
    /** Idle minutes after which EMR terminates a cluster that a failed run left behind. Default: 30. */
    idleTimeoutMinutes?: number;
    /** SNS topic notified when a run fails. Default: none (the alarm shows in CloudWatch only). */
    alarmTopicArn?: pulumi.Input<string>;
    /** Tags added to every AWS resource and to the transient clusters. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

interface Settings {
    shape: ResolvedShape;
    timeZone: string;
    enabled: boolean;
    timeoutMinutes: number;
    stepRetries: number;
    idleTimeoutMinutes: number;
    logLocation: StorageLocation;
    jobTag: JobTag;
    tags: Record<string, string>;
}

function resolve(name: string, args: SparkBatchJobArgs): Settings {
    return {
        shape: resolveShape(args.cluster ?? {}, false),
        timeZone: args.timeZone ?? "UTC",
        enabled: args.enabled ?? true,
        timeoutMinutes: args.timeoutMinutes ?? 360,
        stepRetries: args.stepRetries ?? 0,
        idleTimeoutMinutes: args.idleTimeoutMinutes ?? 30,
        logLocation: { area: args.storage.logArea, path: `emr/${name}` },
        jobTag: { key: JOB_TAG_KEY, value: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}

function validate(name: string, args: SparkBatchJobArgs, s: Settings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name);
    checkNetwork(v, args.network);
    checkShape(v, s.shape, false, "cluster");
    checkApplication(v, args.storage, args);
    checkScheduleExpression(v, "schedule", args.schedule);
    checkTimeZone(v, "timeZone", s.timeZone);
    // Arguments reach the step through a States Language intrinsic function, whose escaping of a
    // backslash is not handled the same way by every tool that reads definitions.
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

/**
 * A scheduled Spark job on a transient EMR cluster: the cheapest way to run hourly or daily batch
 * and backfills. An EventBridge Scheduler schedule starts a Step Functions workflow that creates a
 * hardened cluster, runs the Spark step, and terminates the cluster on success and on every
 * failure. A CloudWatch alarm fires on failed runs.
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
    /** ARN of the transient clusters' instance role. */
    readonly instanceRoleArn: pulumi.Output<string>;
    /** `s3://` URI the clusters' logs are written under. */
    readonly logUri: pulumi.Output<string>;

    constructor(name: string, args: SparkBatchJobArgs, opts?: pulumi.ComponentResourceOptions) {
        super("spectrum:index:SparkBatchJob", name, {}, opts);
        const s = resolve(name, args);
        validate(name, args, s);
        const ctx = awsContext(this);
        const foundation = clusterFoundation(
            name,
            {
                ctx,
                owner: { component: COMPONENT, name },
                storage: args.storage,
                network: args.network,
                shape: s.shape,
                grants: applicationGrants(args),
                logLocation: s.logLocation,
                tags: s.tags,
            },
            this,
        );
        const { roles, securityGroups: sg } = foundation;

        const command = sparkSubmitCommand(name, args.storage, args, {});
        const definition = pulumi
            .all([
                command,
                roles.serviceRoleArn,
                roles.instanceRoleName,
                foundation.securityConfiguration.name,
                foundation.logUri,
                pulumi.all(args.network.subnetIds),
                pulumi.all([sg.primary.id, sg.core.id, sg.serviceAccess.id]),
            ])
            .apply(
                ([
                    cmd,
                    serviceRoleArn,
                    instanceProfileName,
                    securityConfigurationName,
                    logUri,
                    subnetIds,
                    [primary, core, serviceAccess],
                ]) => {
                    const withBackslash = [...cmd.head, ...cmd.tail].find((a) => a.includes("\\"));
                    if (withBackslash !== undefined) {
                        throw new SpectrumValidationError([
                            `${COMPONENT} "${name}": args = ${JSON.stringify(withBackslash)}: contains a backslash, which a batch job's step arguments cannot carry. Remove the backslash.`,
                        ]);
                    }
                    const cluster = runJobFlowRequest({
                        name,
                        shape: s.shape,
                        serviceRoleArn,
                        instanceProfileName,
                        securityConfigurationName,
                        logUri,
                        subnetIds,
                        securityGroups: { primary, core, serviceAccess },
                        idleTimeoutSeconds: s.idleTimeoutMinutes * 60,
                        tags: { ...s.tags, ...EMR_MANAGED_POLICY_TAG, [s.jobTag.key]: s.jobTag.value },
                    });
                    return JSON.stringify(
                        batchDefinition({
                            cluster,
                            stepName: name,
                            command: cmd,
                            stepTimeoutSeconds: s.timeoutMinutes * 60,
                            stepRetries: s.stepRetries,
                        }),
                    );
                },
            );

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
                policy: policyDocument(
                    batchWorkflowStatements(
                        ctx,
                        s.jobTag,
                        { serviceRoleArn: roles.serviceRoleArn, instanceRoleArn: roles.instanceRoleArn },
                        { component: COMPONENT, name },
                    ),
                ),
            },
            { parent: this },
        );
        const workflow = new aws.sfn.StateMachine(
            `${name}-workflow`,
            { type: "STANDARD", roleArn: workflowRole.arn, definition, tags: s.tags },
            { parent: this, dependsOn: [workflowPolicy, ...roles.ready] },
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
                scheduleExpression: args.schedule,
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
                topicArn: args.alarmTopicArn,
                tags: s.tags,
            },
            this,
        );

        this.stateMachineArn = workflow.arn;
        this.scheduleArn = schedule.arn;
        this.alarmArn = alarm.arn;
        this.instanceRoleArn = roles.instanceRoleArn;
        this.logUri = foundation.logUri;
        this.registerOutputs({
            stateMachineArn: this.stateMachineArn,
            scheduleArn: this.scheduleArn,
            alarmArn: this.alarmArn,
            logUri: this.logUri,
        });
    }
}
