import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** Partition, region and account of the provider a component runs with, for building ARNs. */
export interface AwsContext {
    partition: pulumi.Output<string>;
    region: pulumi.Output<string>;
    accountId: pulumi.Output<string>;
}

/** Looks the context up through the parent, so the parent's provider (and region) applies. */
export function awsContext(parent: pulumi.Resource): AwsContext {
    const opts = { parent };
    return {
        partition: aws.getPartitionOutput({}, opts).partition,
        region: aws.getRegionOutput({}, opts).region,
        accountId: aws.getCallerIdentityOutput({}, opts).accountId,
    };
}
