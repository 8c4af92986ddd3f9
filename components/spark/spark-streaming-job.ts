import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Validator } from "../core/errors";
import { PolicyStatement, mergeStatements, policyDocument, serviceTrustPolicy } from "../core/iam";
import { awsTags } from "../core/tags";
import { workflowFailureAlarm } from "./alarms";
import { awsContext } from "./aws-context";
import { deployer, revisionOf } from "./deployer";
import { SparkClusterTarget } from "./emr-spark-cluster";
import { StorageLocation, grantStatements } from "./locations";
import { checkComponentName } from "./naming";
import { SPECTRUM_CONF_PREFIX, SparkApplicationArgs, applicationGrants, checkApplication, sparkSubmitCommand } from "./spark-step";
import { RestartPolicy, supervisorDefinition } from "./supervisor-definition";

const COMPONENT = "SparkStreamingJob";

/** The Spark property the job's checkpoint location reaches the application as (besides Spark's own default). */
export const CHECKPOINT_CONF = `${SPECTRUM_CONF_PREFIX}checkpointLocation`;
/** The Spark property the trigger interval reaches the application as. */
export const TRIGGER_CONF = `${SPECTRUM_CONF_PREFIX}triggerInterval`;

/** How a failed job is restarted: with backoff, a bounded number of times, the count reset once it has run long enough. */
export interface RestartArgs {
    /** Consecutive restarts, each failing within `healthySeconds`, before the job is left stopped and the alarm fires. Default: 5. */
    maxAttempts?: number;
    /** Seconds before the first restart, doubled for each further one. Default: 30. */
    initialBackoffSeconds?: number;
    /** Longest wait between restarts, in seconds. Default: 900. */
    maxBackoffSeconds?: number;
    /** Seconds a restarted job must keep running to count as recovered (which resets the count). Default: 600. */
    healthySeconds?: number;
}

/** Arguments of {@link SparkStreamingJob}: the application, the cluster it runs on, and how it restarts. */
export interface SparkStreamingJobArgs extends SparkApplicationArgs {
    /** The long-running cluster to run on (an `EmrSparkCluster`). The job never changes it. Required. */
    cluster: SparkClusterTarget;
    /**
     * How often a micro-batch starts, as Spark's `processingTime` interval, e.g. "30 seconds" or
     * "5 minutes". The application reads it as `spark.spectrum.triggerInterval`. Default: "1 minute".
     */
    triggerInterval?: string;
    /** Restart policy. Default: see {@link RestartArgs}. */
    restart?: RestartArgs;
    /** SNS topic notified when the restart cap is reached or a deployment fails. Default: none. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

interface Settings {
    stepName: string;
    triggerInterval: string;
    checkpoint: StorageLocation;
    restart: RestartPolicy;
    tags: Record<string, string>;
}

const TRIGGER = /^\d+ (second|seconds|minute|minutes|hour|hours)$/;

function resolve(name: string, args: SparkStreamingJobArgs): Settings {
    const r = args.restart ?? {};
    return {
        stepName: `spectrum-${name}`,
        triggerInterval: args.triggerInterval ?? "1 minute",
        checkpoint: { area: args.cluster.storage.checkpointArea, path: `spark/${name}` },
        restart: {
            maxAttempts: r.maxAttempts ?? 5,
            initialBackoffSeconds: r.initialBackoffSeconds ?? 30,
            maxBackoffSeconds: r.maxBackoffSeconds ?? 900,
            healthySeconds: r.healthySeconds ?? 600,
        },
        tags: awsTags(COMPONENT, args.tags),
    };
}

function validate(name: string, args: SparkStreamingJobArgs, s: Settings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name);
    checkApplication(v, args.cluster.storage, args);
    const ownCheckpoint = args.sparkConf?.["spark.sql.streaming.checkpointLocation"];
    v.check(
        ownCheckpoint === undefined,
        "sparkConf.spark.sql.streaming.checkpointLocation",
        ownCheckpoint,
        "is set by the job: its checkpoint lives under the landing zone's checkpoint area, one prefix per job",
        "Remove it and read spark.spectrum.checkpointLocation in the application",
    );
    v.check(
        TRIGGER.test(s.triggerInterval) && !/^0 /.test(s.triggerInterval),
        "triggerInterval",
        s.triggerInterval,
        "is not a Spark processing-time interval",
        'Use e.g. "30 seconds" or "5 minutes"',
    );
    const r = s.restart;
    v.check(
        Number.isInteger(r.maxAttempts) && r.maxAttempts >= 1 && r.maxAttempts <= 20,
        "restart.maxAttempts",
        r.maxAttempts,
        "must be a whole number from 1 to 20",
        "Use e.g. 5",
    );
    v.check(
        Number.isInteger(r.initialBackoffSeconds) && r.initialBackoffSeconds >= 1,
        "restart.initialBackoffSeconds",
        r.initialBackoffSeconds,
        "must be a whole number of seconds, at least 1",
        "Use e.g. 30",
    );
    v.check(
        Number.isInteger(r.maxBackoffSeconds) && r.maxBackoffSeconds >= r.initialBackoffSeconds && r.maxBackoffSeconds <= 3600,
        "restart.maxBackoffSeconds",
        r.maxBackoffSeconds,
        `must be a whole number of seconds from restart.initialBackoffSeconds (${r.initialBackoffSeconds}) to 3600`,
        "Use e.g. 900",
    );
    v.check(
        Number.isInteger(r.healthySeconds) && r.healthySeconds >= 60 && r.healthySeconds <= 3600,
        "restart.healthySeconds",
        r.healthySeconds,
        "must be a whole number of seconds from 60 to 3600",
        "Use e.g. 600",
    );
    v.throwIfInvalid();
}

/**
 * A Spark Structured Streaming application on a long-running `EmrSparkCluster`, supervised:
 *
 * - It runs as an EMR step (`spark-submit --deploy-mode cluster`) with its checkpoint in the
 *   landing zone's checkpoint area, one prefix per job.
 * - Changing the job (artifact, args, conf) changes only this component: a deployer redeploys the
 *   step through a supervisor workflow; the cluster is never touched, let alone replaced.
 * - An EventBridge rule on the step's FAILED event starts the supervisor's restart, with
 *   exponential backoff and a cap; a CloudWatch alarm fires when the cap is reached.
 */
export class SparkStreamingJob extends pulumi.ComponentResource {
    /** The EMR step name, the job's identity on the cluster. */
    readonly stepName: string;
    /** `s3://` URI of the job's checkpoint location. */
    readonly checkpointUri: pulumi.Output<string>;
    /** ARN of the supervisor workflow (deploy, stop, restart). */
    readonly supervisorArn: pulumi.Output<string>;
    /** ARN of the alarm on failed deployments and exhausted restarts. */
    readonly alarmArn: pulumi.Output<string>;

    constructor(name: string, args: SparkStreamingJobArgs, opts?: pulumi.ComponentResourceOptions) {
        super("spectrum:index:SparkStreamingJob", name, {}, opts);
        const s = resolve(name, args);
        validate(name, args, s);
        const storage = args.cluster.storage;
        const ctx = awsContext(this);
        this.stepName = s.stepName;
        this.checkpointUri = storage.uri(s.checkpoint.area, s.checkpoint.path);

        // The job's own landing-zone access, attached to the cluster's instance role as a separate
        // managed policy: the role and the cluster stay as they are.
        const access = new aws.iam.Policy(
            `${name}-access`,
            {
                description: `spectrum ${name}: the streaming job's landing-zone access`,
                policy: policyDocument(
                    mergeStatements(grantStatements(storage, [...applicationGrants(args), { access: "write", ...s.checkpoint }])),
                ),
                tags: s.tags,
            },
            { parent: this },
        );
        const attachment = new aws.iam.RolePolicyAttachment(
            `${name}-access`,
            { role: args.cluster.instanceRoleName, policyArn: access.arn },
            { parent: this },
        );

        const command = sparkSubmitCommand(s.stepName, storage, args, {
            // YARN's attempt counter resets after an hour, so a job that ran for days gets its retries back.
            "spark.yarn.am.attemptFailuresValidityInterval": args.sparkConf?.["spark.yarn.am.attemptFailuresValidityInterval"] ?? "1h",
            "spark.sql.streaming.checkpointLocation": this.checkpointUri,
            [CHECKPOINT_CONF]: this.checkpointUri,
            [TRIGGER_CONF]: s.triggerInterval,
        });
        const definition = pulumi.all([command, args.cluster.clusterId]).apply(([cmd, clusterId]) =>
            JSON.stringify(
                supervisorDefinition({
                    clusterId,
                    stepName: s.stepName,
                    appName: s.stepName,
                    command: [...cmd.head, ...cmd.tail],
                    restart: s.restart,
                }),
            ),
        );

        const supervisorRole = new aws.iam.Role(
            `${name}-supervisor-role`,
            {
                assumeRolePolicy: serviceTrustPolicy("states.amazonaws.com", { StringEquals: { "aws:SourceAccount": ctx.accountId } }),
                tags: s.tags,
            },
            { parent: this },
        );
        const supervisor = new aws.sfn.StateMachine(
            `${name}-supervisor`,
            { type: "STANDARD", roleArn: supervisorRole.arn, definition, tags: s.tags },
            { parent: this },
        );
        const supervisorStatements: PolicyStatement[] = [
            {
                Sid: "ManageOwnStepsOnThisCluster",
                Effect: "Allow",
                Action: [
                    "elasticmapreduce:ListSteps",
                    "elasticmapreduce:DescribeStep",
                    "elasticmapreduce:AddJobFlowSteps",
                    "elasticmapreduce:CancelSteps",
                ],
                Resource: [args.cluster.clusterArn],
            },
            { Sid: "SeeOwnExecutions", Effect: "Allow", Action: ["states:ListExecutions"], Resource: [supervisor.arn] },
        ];
        const supervisorPolicy = new aws.iam.RolePolicy(
            `${name}-supervisor-access`,
            { role: supervisorRole.name, policy: policyDocument(supervisorStatements) },
            { parent: this },
        );

        // Restart path: the step's FAILED event starts the supervisor's restart.
        const rule = new aws.cloudwatch.EventRule(
            `${name}-step-failed`,
            {
                description: `spectrum ${name}: the streaming step failed`,
                eventPattern: pulumi.jsonStringify({
                    source: ["aws.emr"],
                    "detail-type": ["EMR Step Status Change"],
                    detail: { state: ["FAILED"], clusterId: [args.cluster.clusterId], name: [s.stepName] },
                }),
                tags: s.tags,
            },
            { parent: this },
        );
        const eventsRole = new aws.iam.Role(
            `${name}-events-role`,
            {
                assumeRolePolicy: serviceTrustPolicy("events.amazonaws.com", { StringEquals: { "aws:SourceAccount": ctx.accountId } }),
                tags: s.tags,
            },
            { parent: this },
        );
        const eventsPolicy = new aws.iam.RolePolicy(
            `${name}-events-access`,
            {
                role: eventsRole.name,
                policy: policyDocument([{ Effect: "Allow", Action: ["states:StartExecution"], Resource: [supervisor.arn] }]),
            },
            { parent: this },
        );
        new aws.cloudwatch.EventTarget(
            `${name}-restart`,
            {
                rule: rule.name,
                arn: supervisor.arn,
                roleArn: eventsRole.arn,
                inputTransformer: {
                    inputPaths: { stepId: "$.detail.stepId" },
                    inputTemplate: '{"action": "restart", "failedStepId": <stepId>}',
                },
                retryPolicy: { maximumRetryAttempts: 20, maximumEventAgeInSeconds: 3600 },
            },
            { parent: this, dependsOn: [eventsPolicy] },
        );

        deployer(
            name,
            {
                ctx,
                stateMachine: supervisor,
                revision: definition.apply(revisionOf),
                dependsOn: [supervisorPolicy, attachment],
                tags: s.tags,
            },
            this,
        );
        const alarm = workflowFailureAlarm(
            `${name}-supervisor-failed`,
            {
                stateMachineArn: supervisor.arn,
                description: `spectrum ${name}: the streaming job hit its restart cap or could not be deployed`,
                topicArn: args.alarmTopicArn,
                tags: s.tags,
            },
            this,
        );

        this.supervisorArn = supervisor.arn;
        this.alarmArn = alarm.arn;
        this.registerOutputs({
            stepName: this.stepName,
            checkpointUri: this.checkpointUri,
            supervisorArn: this.supervisorArn,
            alarmArn: this.alarmArn,
        });
    }
}
