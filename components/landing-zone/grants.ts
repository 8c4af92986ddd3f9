import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../core/iam";
import { StorageAccess } from "../core/contracts";

export interface GrantTarget {
    bucketArn: pulumi.Output<string>;
    kmsKeyArn: pulumi.Output<string>;
}

/**
 * Least-privilege statements for one prefix: objects under it, listing only it, and the key only
 * through S3 for this bucket. `prefix` ends in `/`.
 */
export function grantStatements(target: GrantTarget, access: StorageAccess, prefix: string): PolicyStatement[] {
    const folder = prefix.replace(/\/$/, "");
    const objects = pulumi.interpolate`${target.bucketArn}/${prefix}*`;
    const kmsCondition = {
        StringLike: { "kms:ViaService": "s3.*.amazonaws.com" },
        StringEquals: { "kms:EncryptionContext:aws:s3:arn": target.bucketArn },
    };
    const statements: PolicyStatement[] = [
        // Hadoop-style clients probe the "folder" itself (no trailing slash) before listing it.
        {
            Effect: "Allow",
            Action: ["s3:ListBucket"],
            Resource: [target.bucketArn],
            Condition: { StringLike: { "s3:prefix": [folder, `${prefix}*`] } },
        },
        { Effect: "Allow", Action: ["s3:GetBucketLocation"], Resource: [target.bucketArn] },
    ];
    if (access === "read") {
        statements.push({ Effect: "Allow", Action: ["s3:GetObject"], Resource: [objects] });
        statements.push({ Effect: "Allow", Action: ["kms:Decrypt"], Resource: [target.kmsKeyArn], Condition: kmsCondition });
    } else {
        statements.push({
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
            Resource: [objects],
        });
        // Multipart uploads of large files are listed bucket-wide (S3 has no prefix condition for it).
        statements.push({ Effect: "Allow", Action: ["s3:ListBucketMultipartUploads"], Resource: [target.bucketArn] });
        statements.push({
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: [target.kmsKeyArn],
            Condition: kmsCondition,
        });
    }
    return statements;
}
