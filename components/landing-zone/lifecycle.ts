import * as aws from "@pulumi/aws";
import { ResolvedLifecycle } from "./landing-zone-args";

type Rule = aws.types.input.s3.BucketLifecycleConfigurationRule;

/** One lifecycle rule per area, filtered on the area's prefix. */
export function lifecycleRule(area: string, lc: ResolvedLifecycle, abortAfterDays: number): Rule {
    const transitions = [
        ...(lc.infrequentAccessAfterDays !== false ? [{ days: lc.infrequentAccessAfterDays, storageClass: "STANDARD_IA" }] : []),
        ...(lc.glacierAfterDays !== false ? [{ days: lc.glacierAfterDays, storageClass: "GLACIER_IR" }] : []),
    ];
    return {
        id: `${area}-lifecycle`,
        status: "Enabled",
        filter: { prefix: `${area}/` },
        abortIncompleteMultipartUpload: { daysAfterInitiation: abortAfterDays },
        noncurrentVersionExpiration: { noncurrentDays: lc.noncurrentVersionExpireDays },
        // Without an expiry of current objects, clean up the delete markers that deleted
        // checkpoints and rewritten outputs leave behind once their versions have expired.
        expiration: lc.expireAfterDays !== false ? { days: lc.expireAfterDays } : { expiredObjectDeleteMarker: true },
        ...(transitions.length > 0 ? { transitions } : {}),
    };
}

/** The access-log bucket keeps logs for a fixed time, and nothing else. */
export function accessLogRule(retentionDays: number, abortAfterDays: number): Rule {
    return {
        id: "access-logs-retention",
        status: "Enabled",
        filter: { prefix: "" },
        expiration: { days: retentionDays },
        noncurrentVersionExpiration: { noncurrentDays: 1 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: abortAfterDays },
    };
}
