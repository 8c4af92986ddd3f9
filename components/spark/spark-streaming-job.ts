import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { clashRegistry } from "../core/clashes";
import { PolicyStatement, mergeStatements, policyDocument, serviceTrustPolicy } from "../core/iam";
import { workflowFailureAlarm } from "./alarms";
import { awsContext } from "./aws-context";
import { deployer, revisionOf } from "./deployer";
import { describeLocation, grantStatements } from "./locations";
import { applicationGrants, sparkSubmitCommand } from "./spark-step";
import { supervisorDefinition } from "./supervisor-definition";
import { CHECKPOINT_CONF, COMPONENT, SparkStreamingJobArgs, TRIGGER_CONF } from "./spark-streaming-job-args";
import { sparkStreamingJobSettings } from "./spark-streaming-job-validate";

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
        // Checked before super(): a rejected job registers nothing, not even itself.
        const s = sparkStreamingJobSettings(name, args);
        const storage = s.cluster.storage;
        const who = { component: COMPONENT, name, field: "name" };
        clashRegistry().claimAll([
            { kind: "child-name", identity: name, key: `${COMPONENT}::${name}`, who, scope: opts?.parent },
            { kind: "emr-step-name", identity: name, key: s.stepName, who, scope: s.cluster },
            { kind: "spark-checkpoint-prefix", identity: name, key: describeLocation(s.checkpoint), who, scope: storage },
        ]);
        super("spectrum:index:SparkStreamingJob", name, {}, opts);
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
                    mergeStatements(grantStatements(storage, [...applicationGrants(s), { access: "write", ...s.checkpoint }])),
                ),
                tags: s.tags,
            },
            { parent: this },
        );
        const attachment = new aws.iam.RolePolicyAttachment(
            `${name}-access`,
            { role: s.cluster.instanceRoleName, policyArn: access.arn },
            { parent: this },
        );

        const command = sparkSubmitCommand(s.stepName, storage, s, {
            // YARN's attempt counter resets after an hour, so a job that ran for days gets its retries back.
            "spark.yarn.am.attemptFailuresValidityInterval": s.sparkConf["spark.yarn.am.attemptFailuresValidityInterval"] ?? "1h",
            "spark.sql.streaming.checkpointLocation": this.checkpointUri,
            [CHECKPOINT_CONF]: this.checkpointUri,
            [TRIGGER_CONF]: s.triggerInterval,
        });
        const definition = pulumi.all([command, s.cluster.clusterId]).apply(([cmd, clusterId]) =>
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
                Resource: [s.cluster.clusterArn],
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
                    detail: { state: ["FAILED"], clusterId: [s.cluster.clusterId], name: [s.stepName] },
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
                topicArn: s.alarmTopicArn,
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
