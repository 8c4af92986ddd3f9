import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../core/iam";
import { AwsContext } from "./aws-context";
import { batchWorkflowStatements } from "./batch-iam";
import { batchDefinition, runJobFlowRequest } from "./batch-definition";
import { EmrServerlessTarget } from "./contract-args";
import { serverlessJobDriver, startJobRunParameters } from "./emr-serverless-job-run";
import { runtimeRole } from "./emr-serverless-runtime-role";
import { clusterFoundation } from "./foundation";
import { EMR_MANAGED_POLICY_TAG, EmrNetworkArgs } from "./network";
import { serverlessBatchDefinition } from "./serverless-batch-definition";
import { serverlessWorkflowStatements } from "./serverless-iam";
import { applicationGrants, sparkSubmitCommand } from "./spark-step";
import { COMPONENT, SparkBatchJobSettings } from "./spark-batch-job-args";

/** What a batch job's workflow needs from the runtime its runs use. */
export interface BatchRuntime {
    /** The state machine definition (JSON). */
    definition: pulumi.Output<string>;
    /** What the workflow's role may do. */
    workflowStatements: PolicyStatement[];
    /** What must exist before the workflow may run (roles and their policies). */
    ready: pulumi.Resource[];
    /** `s3://` URI the runs' logs go under. */
    logUri: pulumi.Output<string>;
    /** EMR on EC2: the transient clusters' instance role. */
    instanceRoleArn?: pulumi.Output<string>;
    /** EMR Serverless: the runs' runtime role. */
    runtimeRoleArn?: pulumi.Output<string>;
    runtimeRoleName?: pulumi.Output<string>;
}

/** Transient EMR clusters on EC2: a hardened cluster per run, created, stepped and terminated by the workflow. */
export function transientClusterRuntime(name: string, s: SparkBatchJobSettings, ctx: AwsContext, parent: pulumi.Resource): BatchRuntime {
    // Validation refuses a job on EMR on EC2 without a network.
    const network = s.network as EmrNetworkArgs;
    const foundation = clusterFoundation(
        name,
        {
            ctx,
            owner: { component: COMPONENT, name },
            storage: s.storage,
            network,
            shape: s.shape,
            grants: applicationGrants(s),
            logLocation: s.logLocation,
            tags: s.tags,
        },
        parent,
    );
    const { roles, securityGroups: sg } = foundation;

    const command = sparkSubmitCommand(name, s.storage, s, {});
    const definition = pulumi
        .all([
            command,
            roles.serviceRoleArn,
            roles.instanceRoleName,
            foundation.securityConfiguration.name,
            foundation.logUri,
            pulumi.all(network.subnetIds),
            pulumi.all([sg.primary.id, sg.core.id, sg.serviceAccess.id]),
        ])
        .apply(
            ([cmd, serviceRoleArn, instanceProfileName, securityConfigurationName, logUri, subnetIds, [primary, core, serviceAccess]]) => {
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
    return {
        definition,
        workflowStatements: batchWorkflowStatements(
            ctx,
            s.jobTag,
            { serviceRoleArn: roles.serviceRoleArn, instanceRoleArn: roles.instanceRoleArn },
            { component: COMPONENT, name },
        ),
        ready: roles.ready,
        logUri: foundation.logUri,
        instanceRoleArn: roles.instanceRoleArn,
    };
}

/** An EMR Serverless application: a job run per run, with the job's own runtime role, awaited by the workflow. */
export function serverlessRuntime(name: string, s: SparkBatchJobSettings, ctx: AwsContext, parent: pulumi.Resource): BatchRuntime {
    const target = s.serverless as EmrServerlessTarget;
    const role = runtimeRole(
        name,
        { ctx, target, grants: [...applicationGrants(s), { access: "write", ...s.logLocation }], tags: s.tags },
        parent,
    );
    const logUri = s.storage.uri(s.logLocation.area, s.logLocation.path);
    const definition = pulumi
        .all([serverlessJobDriver(s.storage, s, {}), target.applicationId, role.role.arn, logUri])
        .apply(([driver, applicationId, executionRoleArn, uri]) =>
            JSON.stringify(
                serverlessBatchDefinition({
                    stepName: name,
                    jobRun: startJobRunParameters({ applicationId, executionRoleArn, name, driver, logUri: uri, tags: s.tags }),
                    timeoutMinutes: s.timeoutMinutes,
                    stepRetries: s.stepRetries,
                }),
            ),
        );
    return {
        definition,
        workflowStatements: serverlessWorkflowStatements(ctx, target.applicationArn, role.role.arn),
        ready: [role.access],
        logUri,
        runtimeRoleArn: role.role.arn,
        runtimeRoleName: role.role.name,
    };
}
