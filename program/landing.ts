import * as pulumi from "@pulumi/pulumi";
import { LandingZone, landingZoneArgs } from "../components/landing-zone";
import { checkedConfig } from "./config";

/** The `landing` stack: a landing zone on its own, configured by `spectrum:landingZone`. */
export function landingStack(config: pulumi.Config): Record<string, pulumi.Output<unknown>> {
    const args = checkedConfig(config, "landingZone", landingZoneArgs) ?? {};
    const zone = new LandingZone("landing", { ...args, tags: { ...args.tags, "spectrum:stack": pulumi.getStack() } });
    return {
        bucketName: zone.bucketName,
        bucketArn: zone.bucketArn,
        kmsKeyArn: zone.kmsKeyArn,
        accessLogBucketName: zone.accessLogBucketName,
        rawUri: zone.uri("raw"),
    };
}
