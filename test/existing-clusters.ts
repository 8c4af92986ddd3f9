import { MockCallArgs } from "@pulumi/pulumi/runtime";

/** The OIDC issuer and provider of the existing EKS cluster the examples look up. */
export const OIDC_URL = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
export const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
/** The existing MSK cluster the Kafka Streams example looks up. */
export const MSK_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/dev-events/1111-2222-3";

/**
 * Answers for the lookups of existing infrastructure the examples make (`aws.eks.getCluster`,
 * `aws.iam.getOpenIdConnectProvider`, `aws.msk.getCluster`), as the `calls` option of the mock engine.
 */
export function existingClusterCalls(args: MockCallArgs): Record<string, unknown> | undefined {
    switch (args.token) {
        case "aws:eks/getCluster:getCluster":
            return {
                name: args.inputs.name,
                endpoint: "https://ABCDEF.gr7.us-east-1.eks.amazonaws.com",
                certificateAuthorities: [{ data: "LS0tLS1CRUdJTi==" }],
                identities: [{ oidcs: [{ issuer: OIDC_URL }] }],
            };
        case "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider":
            return { arn: OIDC_ARN, url: args.inputs.url };
        case "aws:msk/getCluster:getCluster":
            return {
                arn: MSK_ARN,
                clusterName: args.inputs.clusterName,
                bootstrapBrokersSaslIam:
                    "b-1.dev-events.kafka.us-east-1.amazonaws.com:9098,b-2.dev-events.kafka.us-east-1.amazonaws.com:9098",
                numberOfBrokerNodes: 3,
            };
        default:
            return undefined;
    }
}
