import { KafkaConnection } from "../../components/core";

export const CLUSTER_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/events/0a1b2c3d-1111-2222-3333-444455556666-7";
export const ACCOUNT = "123456789012";

export const types = {
    component: "spectrum:index:MskFirehoseIngest",
    stream: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    clusterPolicy: "aws:msk/clusterPolicy:ClusterPolicy",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    logStream: "aws:cloudwatch/logStream:LogStream",
    bucket: "aws:s3/bucket:Bucket",
    key: "aws:kms/key:Key",
};

/** A hand-built connection to an MSK cluster with IAM auth, as a platform repo would pass. */
export function mskIamConnection(overrides: Partial<KafkaConnection> = {}): KafkaConnection {
    return {
        bootstrapServers: "b-1.events.abc123.c2.kafka.us-east-1.amazonaws.com:9098,b-2.events.abc123.c2.kafka.us-east-1.amazonaws.com:9098",
        authMode: "iam",
        brokerCount: 3,
        clusterArn: CLUSTER_ARN,
        clusterName: "events",
        ...overrides,
    };
}

export function topicArn(topic: string): string {
    return `${CLUSTER_ARN.replace(":cluster/", ":topic/")}/${topic}`;
}

/** Resources named in a policy statement, always as an array. */
export function resources(statement: { Resource?: string | string[] }): string[] {
    const r = statement.Resource ?? [];
    return Array.isArray(r) ? r : [r];
}

/** Actions of a statement, always as an array. */
export function actions(statement: { Action: string | string[] }): string[] {
    return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}
