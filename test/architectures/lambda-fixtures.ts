import * as k8s from "@pulumi/kubernetes";
import { LambdaArchitecture } from "../../components/architectures/lambda/lambda";
import { LambdaArchitectureArgs } from "../../components/architectures/lambda/lambda-args";
import { KubernetesTarget } from "../../components/core";
import { PlannedResource, ResourceGraph, policyStatements, runProgram, validationProblems } from "../../testing";
import { ParsedStatement } from "../../testing/policy";

export const T = {
    arch: "spectrum:index:LambdaArchitecture",
    bucket: "aws:s3/bucket:Bucket",
    object: "aws:s3/bucketObjectv2:BucketObjectv2",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    key: "aws:kms/key:Key",
    msk: "aws:msk/cluster:Cluster",
    mskConfig: "aws:msk/configuration:Configuration",
    mskTopic: "aws:msk/topic:Topic",
    clusterPolicy: "aws:msk/clusterPolicy:ClusterPolicy",
    stream: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    stateMachine: "aws:sfn/stateMachine:StateMachine",
    database: "aws:glue/catalogDatabase:CatalogDatabase",
    table: "aws:glue/catalogTable:CatalogTable",
    workgroup: "aws:athena/workgroup:Workgroup",
    namedQuery: "aws:athena/namedQuery:NamedQuery",
    policy: "aws:iam/policy:Policy",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    flink: "kubernetes:flink.apache.org/v1beta1:FlinkDeployment",
    configMap: "kubernetes:core/v1:ConfigMap",
    namespace: "kubernetes:core/v1:Namespace",
    statefulSet: "kubernetes:apps/v1:StatefulSet",
    emr: "aws:emr/cluster:Cluster",
};

export const TOPICS = ["clicks", "orders"];

export const network = { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"], availabilityZoneCount: 3 };

export const views: LambdaArchitectureArgs["views"] = {
    clicks: {
        columns: [
            { name: "click_id", type: "string" },
            { name: "page", type: "string" },
        ],
    },
    orders: {
        columns: [
            { name: "order_id", type: "string" },
            { name: "amount", type: "decimal(12,2)", comment: "EUR" },
        ],
    },
};

export function target(): KubernetesTarget {
    return {
        provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
        clusterName: "eks",
        oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X",
        oidcProviderUrl: "https://oidc.eks.us-east-1.amazonaws.com/id/X",
    };
}

/** Plans a dev Lambda architecture named `lambda` over clicks and orders (Spark on EMR on EC2 unless the extras say otherwise), with the given extras. */
export function planLambda(extra: Partial<LambdaArchitectureArgs> = {}): Promise<ResourceGraph> {
    return runProgram(() => {
        new LambdaArchitecture("lambda", {
            profile: "dev",
            network,
            spark: { runtime: "emr-ec2" },
            kubernetes: target(),
            topics: { clicks: {}, orders: {} },
            views,
            ...extra,
        });
    });
}

/** The validation problems of building the architecture with these args. */
export function problemsOf(args: Partial<LambdaArchitectureArgs>): Promise<readonly string[]> {
    return validationProblems(() =>
        runProgram(
            () =>
                new LambdaArchitecture("bad", {
                    profile: "dev",
                    network,
                    kubernetes: target(),
                    topics: { clicks: {} },
                    views: { clicks: views.clicks },
                    ...args,
                } as LambdaArchitectureArgs),
        ),
    );
}

export const asArray = (x: string | string[] | undefined): string[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The statements of a policy that allow an action. */
export function allowing(statements: ParsedStatement[], action: string): ParsedStatement[] {
    return statements.filter((s) => s.Effect === "Allow" && asArray(s.Action).includes(action));
}

/** The resources a policy allows an action on, with the bucket ARN shortened to `bucket`. */
export function resourcesFor(policy: PlannedResource, action: string, bucketArn: string): string[] {
    return allowing(policyStatements(policy), action)
        .flatMap((s) => asArray(s.Resource))
        .map((r) => r.replace(bucketArn, "bucket"))
        .sort();
}

/** The topic names of MSK topic ARNs a policy allows an action on. */
export function topicsFor(policy: PlannedResource, action: string): string[] {
    return allowing(policyStatements(policy), action)
        .flatMap((s) => asArray(s.Resource))
        .filter((r) => r.includes(":topic/"))
        .map((r) => r.split("/").pop() as string)
        .sort();
}

/** The topics Firehose reads, one stream per topic, into a zone. */
export function firehoseTopics(graph: ResourceGraph, zone: string): string[] {
    return graph
        .ofType(T.stream)
        .filter((s) => (s.inputs.extendedS3Configuration as { prefix: string }).prefix.startsWith(`${zone}/`))
        .map((s) => (s.inputs.mskSourceConfiguration as { topicName: string }).topicName)
        .sort();
}
