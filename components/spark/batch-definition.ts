import { AslDefinition, EMR_API_ERRORS, catchAll, intrinsicString, retrier } from "./asl";
import { ResolvedShape } from "./cluster-shape";
import { apiFleet } from "./fleets";
import { apiManagedScaling } from "./scaling";
import { SPECTRUM_CONF_PREFIX, SparkSubmitCommand, commandStep } from "./spark-step";

/** The Spark property a scheduled run's logical time reaches the application as. */
export const LOGICAL_TIME_CONF = `${SPECTRUM_CONF_PREFIX}logicalTime`;

/** Everything a transient cluster is created from, resolved. */
export interface TransientClusterRequest {
    name: string;
    shape: ResolvedShape;
    serviceRoleArn: string;
    instanceProfileName: string;
    securityConfigurationName: string;
    logUri: string;
    subnetIds: string[];
    securityGroups: { primary: string; core: string; serviceAccess: string };
    idleTimeoutSeconds: number;
    tags: Record<string, string>;
}

/**
 * The RunJobFlow request of a transient cluster, as Step Functions' `createCluster` takes it: kept
 * alive without steps (the integration requires it; the state machine adds the step), never
 * termination-protected, and with an idle timeout as the backstop if an execution dies before it
 * terminates its cluster.
 */
export function runJobFlowRequest(r: TransientClusterRequest): Record<string, unknown> {
    return {
        Name: r.name,
        ReleaseLabel: r.shape.releaseLabel,
        Applications: [{ Name: "Spark" }],
        ServiceRole: r.serviceRoleArn,
        JobFlowRole: r.instanceProfileName,
        SecurityConfiguration: r.securityConfigurationName,
        LogUri: r.logUri,
        Configurations: r.shape.configurations,
        ...(r.shape.ebsRootVolumeGiB !== undefined ? { EbsRootVolumeSize: r.shape.ebsRootVolumeGiB } : {}),
        ...(r.shape.scaling ? { ManagedScalingPolicy: apiManagedScaling(r.shape.scaling) } : {}),
        ScaleDownBehavior: "TERMINATE_AT_TASK_COMPLETION",
        StepConcurrencyLevel: 1,
        AutoTerminationPolicy: { IdleTimeout: r.idleTimeoutSeconds },
        Instances: {
            KeepJobFlowAliveWhenNoSteps: true,
            TerminationProtected: false,
            Ec2SubnetIds: r.subnetIds,
            EmrManagedMasterSecurityGroup: r.securityGroups.primary,
            EmrManagedSlaveSecurityGroup: r.securityGroups.core,
            ServiceAccessSecurityGroup: r.securityGroups.serviceAccess,
            InstanceFleets: [apiFleet(r.shape.primary), apiFleet(r.shape.core), apiFleet(r.shape.task)],
        },
        Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
    };
}

export interface BatchDefinitionArgs {
    /** The RunJobFlow request (see {@link runJobFlowRequest}). */
    cluster: Record<string, unknown>;
    stepName: string;
    command: SparkSubmitCommand;
    /** The Spark step fails (and the cluster is terminated) after this long. */
    stepTimeoutSeconds: number;
    /** Times a failed Spark application is run again, with backoff, before the run fails. */
    stepRetries: number;
}

const TERMINATE_RETRY = retrier(["States.ALL"], 30, 6, 600);

/**
 * One run of a batch job: create a transient cluster, run the Spark step and wait, terminate.
 * Every failure after the cluster exists goes through a terminate state before the run fails;
 * a failed creation leaves no usable cluster (EMR terminates it, or the idle timeout does).
 *
 * The run's logical time is the execution input's `logicalTime` (the schedule passes its
 * scheduled time; a backfill passes the time to process) or, if absent, the execution's start
 * time; the application reads it as the Spark property `spark.spectrum.logicalTime`.
 */
export function batchDefinition(a: BatchDefinitionArgs): AslDefinition {
    const args = [...a.command.head.map(intrinsicString), "'--conf'", "$.run.logicalTimeConf", ...a.command.tail.map(intrinsicString)].join(
        ", ",
    );
    return {
        Comment: `Transient EMR cluster for ${a.stepName}: create, run the Spark step, terminate (also on every failure).`,
        StartAt: "ResolveLogicalTime",
        States: {
            ResolveLogicalTime: {
                Type: "Choice",
                Choices: [{ Variable: "$.logicalTime", IsPresent: true, Next: "PrepareRun" }],
                Default: "UseStartTime",
            },
            UseStartTime: { Type: "Pass", Parameters: { "logicalTime.$": "$$.Execution.StartTime" }, Next: "PrepareRun" },
            PrepareRun: {
                Type: "Pass",
                Parameters: {
                    "logicalTime.$": "$.logicalTime",
                    "logicalTimeConf.$": `States.Format('${LOGICAL_TIME_CONF}={}', $.logicalTime)`,
                },
                ResultPath: "$.run",
                Next: "BuildCommand",
            },
            BuildCommand: {
                Type: "Pass",
                Parameters: { "args.$": `States.Array(${args})` },
                ResultPath: "$.command",
                Next: "CreateCluster",
            },
            CreateCluster: {
                Type: "Task",
                Resource: "arn:aws:states:::elasticmapreduce:createCluster.sync",
                Parameters: a.cluster,
                ResultSelector: { "ClusterId.$": "$.ClusterId" },
                ResultPath: "$.cluster",
                // A cluster that fails to launch (no capacity, a bootstrap failure) is retried once.
                Retry: [retrier(["States.TaskFailed", ...EMR_API_ERRORS], 60, 2, 600)],
                Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "ClusterCreationFailed" }],
                Next: "RunSparkStep",
            },
            RunSparkStep: {
                Type: "Task",
                Resource: "arn:aws:states:::elasticmapreduce:addStep.sync",
                Parameters: { "ClusterId.$": "$.cluster.ClusterId", Step: commandStep(a.stepName, { "Args.$": "$.command.args" }) },
                ResultPath: "$.step",
                TimeoutSeconds: a.stepTimeoutSeconds,
                Retry: [
                    retrier(EMR_API_ERRORS, 30, 4, 300),
                    ...(a.stepRetries > 0 ? [retrier(["States.TaskFailed"], 300, a.stepRetries, 1800)] : []),
                ],
                Catch: [catchAll("TerminateAfterFailure")],
                Next: "TerminateCluster",
            },
            TerminateCluster: {
                Type: "Task",
                Resource: "arn:aws:states:::elasticmapreduce:terminateCluster.sync",
                Parameters: { "ClusterId.$": "$.cluster.ClusterId" },
                ResultPath: null,
                Retry: [TERMINATE_RETRY],
                Catch: [catchAll("ClusterTerminationFailed")],
                Next: "Succeeded",
            },
            Succeeded: { Type: "Succeed" },
            TerminateAfterFailure: {
                Type: "Task",
                Resource: "arn:aws:states:::elasticmapreduce:terminateCluster.sync",
                Parameters: { "ClusterId.$": "$.cluster.ClusterId" },
                ResultPath: null,
                Retry: [TERMINATE_RETRY],
                Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.terminateError", Next: "ClusterTerminationFailed" }],
                Next: "SparkJobFailed",
            },
            SparkJobFailed: { Type: "Fail", Error: "SparkJobFailed", CausePath: "$.error.Cause" },
            ClusterCreationFailed: { Type: "Fail", Error: "ClusterCreationFailed", CausePath: "$.error.Cause" },
            ClusterTerminationFailed: {
                Type: "Fail",
                Error: "ClusterTerminationFailed",
                Cause: "The cluster could not be terminated; its idle timeout will terminate it. Check it in the EMR console.",
            },
        },
    };
}
