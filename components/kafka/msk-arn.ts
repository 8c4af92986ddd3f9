import * as pulumi from "@pulumi/pulumi";

/** The AWS region in an MSK cluster ARN. */
export function mskRegion(clusterArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(clusterArn).apply((arn) => arn.split(":")[3] ?? "");
}
