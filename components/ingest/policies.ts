import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement, mergeStatements, policyDocument } from "../core/iam";
import { kafkaIamStatements, mskResourceArn } from "../core/kafka-access";

export const FIREHOSE_PRINCIPAL = "firehose.amazonaws.com";

/**
 * The MSK cluster policy statement Firehose's PRIVATE connectivity needs: the service opens a
 * managed VPC connection (multi-VPC private connectivity) to the cluster and reads its private
 * bootstrap brokers. It grants no data access; reading topics still takes the stream role's IAM.
 * Platforms that own the cluster policy add this statement to it.
 */
export function firehoseClusterPolicyStatement(clusterArn: pulumi.Input<string>): PolicyStatement {
    return {
        Sid: "FirehoseMskPrivateConnectivity",
        Effect: "Allow",
        Principal: { Service: FIREHOSE_PRINCIPAL },
        Action: ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"],
        Resource: [clusterArn],
    };
}

/**
 * What a stream's role needs on the cluster to read one topic: connect and read exactly that
 * topic (the shared MSK IAM statements), describe its configuration, find the brokers through the
 * MSK API (the one action here without resource-level permissions), and describe its consumer group. Firehose names that group itself and does not publish
 * the name, so the group statement covers the cluster's groups, for describing only.
 */
export function mskSourceStatements(clusterArn: pulumi.Input<string>, topic: string): PolicyStatement[] {
    return [
        ...kafkaIamStatements(clusterArn, { readTopics: [topic] }),
        {
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeTopicDynamicConfiguration"],
            Resource: [mskResourceArn(clusterArn, "topic", topic)],
        },
        { Effect: "Allow", Action: ["kafka:DescribeCluster", "kafka:DescribeClusterV2"], Resource: [clusterArn] },
        // The service authorization reference lists no resource type for GetBootstrapBrokers, so a
        // grant on the cluster ARN may match nothing and Firehose could not find the brokers. It
        // only returns broker host names; the data stays behind the topic grants above.
        { Effect: "Allow", Action: ["kafka:GetBootstrapBrokers"], Resource: ["*"] },
        { Effect: "Allow", Action: ["kafka-cluster:DescribeGroup"], Resource: [mskResourceArn(clusterArn, "group", "*")] },
    ];
}

/** Writing delivery errors to one log stream of the component's log group. */
export function logStatement(logGroupArn: pulumi.Input<string>, logStreamName: pulumi.Input<string>): PolicyStatement {
    return { Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: [pulumi.interpolate`${logGroupArn}:log-stream:${logStreamName}`] };
}

/**
 * A role policy: statements that differ only in resources merged, and (in policyDocument) repeats
 * dropped: the landing zone's grants for the data and error
 * prefixes carry the same bucket-level resources and the same conditional KMS statement.
 */
export function roleDocument(statements: PolicyStatement[]): pulumi.Output<string> {
    return policyDocument(mergeStatements(statements));
}
