import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "./iam";

/**
 * What a Kafka client may do, by name. Names may end in `*` to mean a prefix (used for a Streams
 * app's internal topics `<application.id>-*`); nothing else is a wildcard.
 */
export interface KafkaAccess {
    /** Topics the client consumes. */
    readTopics?: string[];
    /** Topics the client produces to. */
    writeTopics?: string[];
    /** Topics the client may create, alter and delete (internal topics it owns). */
    manageTopics?: string[];
    /** Consumer groups the client joins. */
    consumerGroups?: string[];
    /** Transactional ids the client uses (exactly-once producers). */
    transactionalIds?: string[];
    /**
     * Topics the client only inspects (metadata, end offsets) without reading records: lag
     * monitors such as KEDA's Kafka scaler.
     */
    describeTopics?: string[];
    /** Groups the client only inspects (committed offsets, members) without joining: lag monitors. */
    describeGroups?: string[];
}

/**
 * ARN of a topic, group or transactional id on an MSK cluster. MSK derives them from the cluster
 * ARN `arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>` by swapping the resource type and
 * appending the name.
 */
export function mskResourceArn(
    clusterArn: pulumi.Input<string>,
    kind: "topic" | "group" | "transactional-id",
    name: string,
): pulumi.Output<string> {
    return pulumi.output(clusterArn).apply((arn) => `${arn.replace(":cluster/", `:${kind}/`)}/${name}`);
}

/**
 * Least-privilege MSK IAM statements for a client: connect to this cluster, and exactly the
 * declared topics, groups and transactional ids. With IAM auth Kafka ACLs do not apply; this is
 * the whole access control. No `Sid`s: IAM wants them unique per document, and callers merge
 * statements from several grants into one.
 */
export function kafkaIamStatements(clusterArn: pulumi.Input<string>, access: KafkaAccess): PolicyStatement[] {
    const arns = (kind: "topic" | "group" | "transactional-id", names: string[] | undefined) =>
        (names ?? []).map((n) => mskResourceArn(clusterArn, kind, n));
    const statements: PolicyStatement[] = [];
    const idempotent = (access.writeTopics?.length ?? 0) > 0 || (access.manageTopics?.length ?? 0) > 0;
    statements.push({
        Effect: "Allow",
        Action: ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", ...(idempotent ? ["kafka-cluster:WriteDataIdempotently"] : [])],
        Resource: [clusterArn],
    });
    if (access.readTopics?.length) {
        statements.push({
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
            Resource: arns("topic", access.readTopics),
        });
    }
    if (access.writeTopics?.length) {
        statements.push({
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"],
            Resource: arns("topic", access.writeTopics),
        });
    }
    if (access.manageTopics?.length) {
        statements.push({
            Effect: "Allow",
            Action: [
                "kafka-cluster:CreateTopic",
                "kafka-cluster:DescribeTopic",
                "kafka-cluster:AlterTopic",
                "kafka-cluster:DescribeTopicDynamicConfiguration",
                "kafka-cluster:AlterTopicDynamicConfiguration",
                "kafka-cluster:DeleteTopic",
                "kafka-cluster:ReadData",
                "kafka-cluster:WriteData",
            ],
            Resource: arns("topic", access.manageTopics),
        });
    }
    if (access.consumerGroups?.length) {
        statements.push({
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"],
            Resource: arns("group", access.consumerGroups),
        });
    }
    if (access.describeTopics?.length) {
        statements.push({ Effect: "Allow", Action: ["kafka-cluster:DescribeTopic"], Resource: arns("topic", access.describeTopics) });
    }
    if (access.describeGroups?.length) {
        statements.push({ Effect: "Allow", Action: ["kafka-cluster:DescribeGroup"], Resource: arns("group", access.describeGroups) });
    }
    if (access.transactionalIds?.length) {
        statements.push({
            Effect: "Allow",
            Action: ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"],
            Resource: arns("transactional-id", access.transactionalIds),
        });
    }
    return statements;
}
