import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyDocument, serviceTrustPolicy } from "../core/iam";
import { ResolvedFlowLogs } from "./network-args";

/**
 * VPC flow logs delivered to their own CloudWatch log group. The delivery role may write to that
 * group only, and only the flow-logs service acting for this account may assume it.
 */
export function vpcFlowLogs(
    name: string,
    vpcId: pulumi.Input<string>,
    settings: ResolvedFlowLogs,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): aws.ec2.FlowLog {
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, { retentionInDays: settings.retentionInDays, tags }, { parent });
    const accountId = aws.getCallerIdentityOutput({}, { parent }).accountId;
    const role = new aws.iam.Role(
        `${name}-flow-logs-role`,
        // aws:SourceAccount stops another account's flow log from using this role (confused deputy).
        { assumeRolePolicy: serviceTrustPolicy("vpc-flow-logs.amazonaws.com", { StringEquals: { "aws:SourceAccount": accountId } }), tags },
        { parent },
    );
    const policy = new aws.iam.RolePolicy(
        `${name}-flow-logs-policy`,
        {
            role: role.name,
            policy: policyDocument([
                {
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    Resource: [logGroup.arn, pulumi.interpolate`${logGroup.arn}:*`],
                },
            ]),
        },
        { parent },
    );
    return new aws.ec2.FlowLog(
        `${name}-flow-log`,
        {
            vpcId,
            trafficType: settings.trafficType,
            logDestinationType: "cloud-watch-logs",
            logDestination: logGroup.arn,
            iamRoleArn: role.arn,
            maxAggregationInterval: 600,
            tags,
        },
        // Delivery fails until the role may write; the policy is a separate resource.
        { parent, dependsOn: [policy] },
    );
}
