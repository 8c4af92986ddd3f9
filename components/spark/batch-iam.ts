import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../core/iam";
import { PrincipalRequester, servicePrincipal } from "../core/service-principals";
import { AwsContext } from "./aws-context";

/** The tag every transient cluster of a batch job carries, and the only clusters its workflow may touch. */
export interface JobTag {
    key: string;
    value: string;
}

/** The two roles a transient cluster runs with, which the workflow passes in RunJobFlow. */
export interface ClusterRoleArns {
    /** The EMR service role (`ServiceRole`). */
    serviceRoleArn: pulumi.Input<string>;
    /** The role of the nodes' instance profile (`JobFlowRole`). */
    instanceRoleArn: pulumi.Input<string>;
}

/**
 * What a batch job's state machine may do: create clusters only when they carry its job tag,
 * describe, step and terminate only clusters carrying it, and pass only its own two roles, each to
 * the one service (by its principal in the partition) that takes it.
 */
export function batchWorkflowStatements(
    ctx: AwsContext,
    tag: JobTag,
    roles: ClusterRoleArns,
    owner: PrincipalRequester,
): PolicyStatement[] {
    const clusters = pulumi.interpolate`arn:${ctx.partition}:elasticmapreduce:${ctx.region}:${ctx.accountId}:cluster/*`;
    return [
        {
            Sid: "CreateOnlyTaggedClusters",
            Effect: "Allow",
            Action: ["elasticmapreduce:RunJobFlow"],
            Resource: ["*"],
            Condition: { StringEquals: { [`aws:RequestTag/${tag.key}`]: tag.value } },
        },
        {
            Sid: "OperateOnlyOwnClusters",
            Effect: "Allow",
            Action: [
                "elasticmapreduce:DescribeCluster",
                "elasticmapreduce:TerminateJobFlows",
                "elasticmapreduce:AddJobFlowSteps",
                "elasticmapreduce:DescribeStep",
                "elasticmapreduce:CancelSteps",
            ],
            Resource: [clusters],
            Condition: { StringEquals: { [`aws:ResourceTag/${tag.key}`]: tag.value } },
        },
        {
            Sid: "PassOwnServiceRoleToEmr",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: [roles.serviceRoleArn],
            Condition: { StringEquals: { "iam:PassedToService": servicePrincipal("elasticmapreduce", ctx.partition, owner) } },
        },
        {
            // RunJobFlow passes the instance profile's role to EC2, not to EMR (as in AWS's EMR managed policies).
            Sid: "PassOwnInstanceRoleToEc2",
            Effect: "Allow",
            Action: ["iam:PassRole"],
            Resource: [roles.instanceRoleArn],
            Condition: { StringEquals: { "iam:PassedToService": servicePrincipal("ec2", ctx.partition, owner) } },
        },
        {
            // createCluster needs EMR's cleanup service-linked role; it is created once per account.
            Sid: "EmrCleanupServiceLinkedRole",
            Effect: "Allow",
            Action: ["iam:CreateServiceLinkedRole"],
            Resource: [
                pulumi.interpolate`arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/elasticmapreduce.amazonaws.com*/AWSServiceRoleForEMRCleanup*`,
            ],
            Condition: { StringLike: { "iam:AWSServiceName": "elasticmapreduce.amazonaws.com*" } },
        },
    ];
}

/** What a schedule's role may do: start this one state machine. */
export function startExecutionStatements(stateMachineArn: pulumi.Input<string>): PolicyStatement[] {
    return [{ Effect: "Allow", Action: ["states:StartExecution"], Resource: [stateMachineArn] }];
}
