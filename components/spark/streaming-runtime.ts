import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { PolicyStatement, mergeStatements, policyDocument, serviceTrustPolicy } from "../core/iam";
import { ruleMatchedAlarm, workflowFailureAlarm } from "./alarms";
import { AwsContext } from "./aws-context";
import { deployer, revisionOf } from "./deployer";
import { EmrServerlessTarget, SparkClusterTarget } from "./contract-args";
import { serverlessJobDriver, startJobRunParameters } from "./emr-serverless-job-run";
import { runtimeRole } from "./emr-serverless-runtime-role";
import { grantStatements } from "./locations";
import { serverlessSupervisorStatements } from "./serverless-iam";
import { serverlessSupervisorDefinition } from "./serverless-supervisor-definition";
import { applicationGrants, sparkSubmitCommand } from "./spark-step";
import { SparkStreamingJobSettings } from "./spark-streaming-job-args";
import { supervisorDefinition } from "./supervisor-definition";

/** What a streaming job is run and watched with, on either runtime. */
export interface StreamingRuntime {
    supervisor: aws.sfn.StateMachine;
    /** The alarm on failed deployments (and, on a cluster, exhausted restarts). */
    alarm: aws.cloudwatch.MetricAlarm;
    /** EMR Serverless: the alarm on a run that failed past its retry policy. */
    failedRunsAlarm?: aws.cloudwatch.MetricAlarm;
    /** EMR Serverless: the runs' runtime role. */
    runtimeRole?: aws.iam.Role;
}

/** The job's Spark properties besides the user's: its checkpoint and trigger, under Spark's and spectrum's names. */
export interface StreamingConf {
    conf: Record<string, pulumi.Input<string>>;
}

function supervisorRole(name: string, ctx: AwsContext, tags: Record<string, string>, parent: pulumi.Resource): aws.iam.Role {
    return new aws.iam.Role(
        `${name}-supervisor-role`,
        { assumeRolePolicy: serviceTrustPolicy("states.amazonaws.com", { StringEquals: { "aws:SourceAccount": ctx.accountId } }), tags },
        { parent },
    );
}

/**
 * A step on a long-running EMR cluster: the job's landing-zone access as a policy of its own on the
 * cluster's instance role, a supervisor that deploys, stops and restarts the step with backoff, and
 * an EventBridge rule on the step's FAILED event that starts the restart.
 */
export function clusterStepRuntime(
    name: string,
    s: SparkStreamingJobSettings,
    ctx: AwsContext,
    conf: Record<string, pulumi.Input<string>>,
    parent: pulumi.Resource,
): StreamingRuntime {
    // Validation refuses a job with neither a cluster nor an application.
    const cluster = s.cluster as SparkClusterTarget;
    const storage = cluster.storage;
    // The job's own landing-zone access, attached to the cluster's instance role as a separate
    // managed policy: the role and the cluster stay as they are.
    const access = new aws.iam.Policy(
        `${name}-access`,
        {
            description: `spectrum ${name}: the streaming job's landing-zone access`,
            policy: policyDocument(
                mergeStatements([
                    ...grantStatements(storage, [...applicationGrants(s), { access: "write", ...s.checkpoint }]),
                    ...s.access,
                ]),
            ),
            tags: s.tags,
        },
        { parent },
    );
    const attachment = new aws.iam.RolePolicyAttachment(
        `${name}-access`,
        { role: cluster.instanceRoleName, policyArn: access.arn },
        { parent },
    );

    const command = sparkSubmitCommand(s.stepName, storage, s, {
        // YARN's attempt counter resets after an hour, so a job that ran for days gets its retries back.
        "spark.yarn.am.attemptFailuresValidityInterval": s.sparkConf["spark.yarn.am.attemptFailuresValidityInterval"] ?? "1h",
        ...conf,
    });
    const definition = pulumi.all([command, cluster.clusterId]).apply(([cmd, clusterId]) =>
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

    const role = supervisorRole(name, ctx, s.tags, parent);
    const supervisor = new aws.sfn.StateMachine(
        `${name}-supervisor`,
        { type: "STANDARD", roleArn: role.arn, definition, tags: s.tags },
        { parent },
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
            Resource: [cluster.clusterArn],
        },
        { Sid: "SeeOwnExecutions", Effect: "Allow", Action: ["states:ListExecutions"], Resource: [supervisor.arn] },
    ];
    const supervisorPolicy = new aws.iam.RolePolicy(
        `${name}-supervisor-access`,
        { role: role.name, policy: policyDocument(supervisorStatements) },
        { parent },
    );

    // Restart path: the step's FAILED event starts the supervisor's restart.
    const rule = new aws.cloudwatch.EventRule(
        `${name}-step-failed`,
        {
            description: `spectrum ${name}: the streaming step failed`,
            eventPattern: pulumi.jsonStringify({
                source: ["aws.emr"],
                "detail-type": ["EMR Step Status Change"],
                detail: { state: ["FAILED"], clusterId: [cluster.clusterId], name: [s.stepName] },
            }),
            tags: s.tags,
        },
        { parent },
    );
    const eventsRole = new aws.iam.Role(
        `${name}-events-role`,
        {
            assumeRolePolicy: serviceTrustPolicy("events.amazonaws.com", { StringEquals: { "aws:SourceAccount": ctx.accountId } }),
            tags: s.tags,
        },
        { parent },
    );
    const eventsPolicy = new aws.iam.RolePolicy(
        `${name}-events-access`,
        {
            role: eventsRole.name,
            policy: policyDocument([{ Effect: "Allow", Action: ["states:StartExecution"], Resource: [supervisor.arn] }]),
        },
        { parent },
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
        { parent, dependsOn: [eventsPolicy] },
    );

    deployer(
        name,
        { ctx, stateMachine: supervisor, revision: definition.apply(revisionOf), dependsOn: [supervisorPolicy, attachment], tags: s.tags },
        parent,
    );
    const alarm = workflowFailureAlarm(
        `${name}-supervisor-failed`,
        {
            stateMachineArn: supervisor.arn,
            description: `spectrum ${name}: the streaming job hit its restart cap or could not be deployed`,
            topicArn: s.alarmTopicArn,
            tags: s.tags,
        },
        parent,
    );
    return { supervisor, alarm };
}

/**
 * A streaming job run on an EMR Serverless application: a runtime role with the job's landing-zone
 * access, a supervisor that deploys and stops the run (STREAMING mode, EMR Serverless's retry
 * policy), and an alarm on the run's FAILED event (retries exhausted) besides the one on failed deployments.
 */
export function serverlessStreamingRuntime(
    name: string,
    s: SparkStreamingJobSettings,
    ctx: AwsContext,
    conf: Record<string, pulumi.Input<string>>,
    parent: pulumi.Resource,
): StreamingRuntime {
    const target = s.serverless as EmrServerlessTarget;
    const storage = target.storage;
    const role = runtimeRole(
        name,
        {
            ctx,
            target,
            grants: [...applicationGrants(s), { access: "write", ...s.checkpoint }, { access: "write", ...s.logLocation }],
            statements: s.access,
            tags: s.tags,
        },
        parent,
    );
    const logUri = storage.uri(s.logLocation.area, s.logLocation.path);
    const definition = pulumi
        .all([serverlessJobDriver(storage, s, conf), target.applicationId, role.role.arn, logUri])
        .apply(([driver, applicationId, executionRoleArn, uri]) =>
            JSON.stringify(
                serverlessSupervisorDefinition({
                    applicationId,
                    runName: s.stepName,
                    jobRun: startJobRunParameters({ applicationId, executionRoleArn, name: s.stepName, driver, logUri: uri, tags: s.tags }),
                    maxFailedAttemptsPerHour: s.maxFailedAttemptsPerHour,
                }),
            ),
        );

    const supervisorIdentity = supervisorRole(name, ctx, s.tags, parent);
    const supervisor = new aws.sfn.StateMachine(
        `${name}-supervisor`,
        { type: "STANDARD", roleArn: supervisorIdentity.arn, definition, tags: s.tags },
        { parent },
    );
    const supervisorPolicy = new aws.iam.RolePolicy(
        `${name}-supervisor-access`,
        { role: supervisorIdentity.name, policy: policyDocument(serverlessSupervisorStatements(target.applicationArn, role.role.arn)) },
        { parent },
    );
    deployer(
        name,
        { ctx, stateMachine: supervisor, revision: definition.apply(revisionOf), dependsOn: [supervisorPolicy, role.access], tags: s.tags },
        parent,
    );
    const alarm = workflowFailureAlarm(
        `${name}-supervisor-failed`,
        {
            stateMachineArn: supervisor.arn,
            description: `spectrum ${name}: the streaming job could not be deployed or stopped`,
            topicArn: s.alarmTopicArn,
            tags: s.tags,
        },
        parent,
    );
    // A run fails only once EMR Serverless has given up restarting it. The event names the
    // application, not the run: a streaming job is best given an application of its own.
    const rule = new aws.cloudwatch.EventRule(
        `${name}-run-failed`,
        {
            description: `spectrum ${name}: a job run on the streaming job's EMR Serverless application failed`,
            eventPattern: pulumi.jsonStringify({
                source: ["aws.emr-serverless"],
                "detail-type": ["EMR Serverless Job Run State Change"],
                detail: { state: ["FAILED"], applicationId: [target.applicationId] },
            }),
            tags: s.tags,
        },
        { parent },
    );
    const failedRunsAlarm = ruleMatchedAlarm(
        `${name}-run-failed`,
        {
            ruleName: rule.name,
            description: `spectrum ${name}: the streaming job run failed more than ${s.maxFailedAttemptsPerHour} times in an hour and stopped`,
            topicArn: s.alarmTopicArn,
            tags: s.tags,
        },
        parent,
    );
    return { supervisor, alarm, failedRunsAlarm, runtimeRole: role.role };
}
