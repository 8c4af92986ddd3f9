import * as pulumi from "@pulumi/pulumi";
import { InTransitEncryptionArgs } from "./cluster-shape-args";

export type { InTransitEncryptionArgs } from "./cluster-shape-args";

/** What a security configuration encrypts with. */
export interface SecurityConfigurationSettings {
    /** The landing zone's key: every object EMRFS writes is SSE-KMS with it. */
    s3KmsKeyArn: pulumi.Input<string>;
    /** The key for local disks (LUKS on instance stores, EBS encryption for EBS volumes). */
    localDiskKmsKeyArn: pulumi.Input<string>;
    inTransit?: InTransitEncryptionArgs;
}

/** `arn:aws:s3:::bucket/key` of an `s3://bucket/key` URI. */
export function s3ObjectArn(partition: pulumi.Input<string>, uri: string): pulumi.Output<string> {
    return pulumi.interpolate`arn:${partition}:s3:::${uri.replace(/^s3:\/\//, "")}`;
}

/**
 * The EMR security configuration document: at rest, EMRFS writes SSE-KMS with the landing zone's
 * key (the key ARN, which the bucket policy requires verbatim) and local disks and EBS volumes are
 * encrypted with the local-disk key; in transit, TLS with the given certificates when asked; and
 * IMDSv2 is required on every node, with a hop limit of 1 so containers cannot reach the
 * instance's credentials through an extra network hop.
 */
export function securityConfigurationJson(s: SecurityConfigurationSettings): pulumi.Output<string> {
    return pulumi.all([s.s3KmsKeyArn, s.localDiskKmsKeyArn]).apply(([s3Key, diskKey]) =>
        JSON.stringify({
            EncryptionConfiguration: {
                EnableAtRestEncryption: true,
                EnableInTransitEncryption: s.inTransit !== undefined,
                AtRestEncryptionConfiguration: {
                    S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: s3Key },
                    LocalDiskEncryptionConfiguration: {
                        EncryptionKeyProviderType: "AwsKms",
                        AwsKmsKey: diskKey,
                        EnableEbsEncryption: true,
                    },
                },
                ...(s.inTransit
                    ? {
                          InTransitEncryptionConfiguration: {
                              TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: s.inTransit.certificatesUri },
                          },
                      }
                    : {}),
            },
            InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: 2, HttpPutResponseHopLimit: 1 },
        }),
    );
}
