import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement, policyDocument } from "../core/iam";

/** Every request over plain HTTP is refused, whoever makes it. */
function denyInsecureTransport(bucketArn: pulumi.Output<string>): PolicyStatement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:*"],
        Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
}

/**
 * The data bucket: TLS only, and no object stored other than under our KMS key. Uploads that name
 * another encryption (SSE-S3, another key) are denied; uploads that name none get the bucket's
 * default SSE-KMS, so no unencrypted object can exist. Denying uploads *without* the header, the
 * older recipe, would break EMR log upload, Firehose and Flink, which rely on default encryption.
 */
export function dataBucketPolicy(bucketArn: pulumi.Output<string>, kmsKeyArn: pulumi.Output<string>): pulumi.Output<string> {
    const objects = pulumi.interpolate`${bucketArn}/*`;
    return policyDocument([
        denyInsecureTransport(bucketArn),
        {
            Sid: "DenyUploadsNotEncryptedWithKms",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:PutObject"],
            Resource: [objects],
            Condition: {
                Null: { "s3:x-amz-server-side-encryption": "false" },
                StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
            },
        },
        {
            Sid: "DenyUploadsWithAnotherKmsKey",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:PutObject"],
            Resource: [objects],
            Condition: {
                Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
                StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKeyArn },
            },
        },
    ]);
}

/**
 * The access-log bucket: TLS only, and S3's log delivery may write only the data bucket's logs.
 * With bucket-owner-enforced ownership, delivery is granted by policy, not ACLs.
 */
export function logBucketPolicy(
    logBucketArn: pulumi.Output<string>,
    sourceBucketArn: pulumi.Output<string>,
    prefix: string,
): pulumi.Output<string> {
    return policyDocument([
        denyInsecureTransport(logBucketArn),
        {
            Sid: "AllowS3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: ["s3:PutObject"],
            Resource: [pulumi.interpolate`${logBucketArn}/${prefix}*`],
            Condition: { ArnLike: { "aws:SourceArn": sourceBucketArn } },
        },
    ]);
}
