import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { PolicyStatement } from "../core/iam";
import { Storage, StorageAccess } from "../core/contracts";
import { dataProtection } from "../core/protection";
import { awsTags } from "../core/tags";
import { CHECKPOINT_AREA, LOG_AREA, LandingZoneArgs, LandingZoneSettings } from "./landing-zone-args";
import { COMPONENT, landingZoneSettings } from "./landing-zone-validate";
import { accessLogRule, lifecycleRule } from "./lifecycle";
import { dataBucketPolicy, logBucketPolicy } from "./policies";
import { grantStatements } from "./grants";
import { childNameClaim, clashRegistry } from "../core/clashes";
import { areaKeyPrefix } from "./key-prefix";

const ACCESS_LOG_PREFIX = "s3-access/";

type Encryption = { sseAlgorithm: "aws:kms"; kmsKeyArn: pulumi.Output<string> } | { sseAlgorithm: "AES256" };

/**
 * The shared S3 storage streams land in and batch jobs read: one KMS-encrypted, versioned bucket
 * with a prefix per zone (`raw/`, `curated/`, ...) plus `checkpoints/` for job state and `logs/`
 * for job logs, and a separate bucket for S3 server access logs. Versioning and noncurrent-version
 * expiry make reprocessing safe: a rerun that overwrites outputs can be rolled back for a while.
 */
export class LandingZone extends pulumi.ComponentResource implements Storage {
    /** {@inheritDoc Storage.bucketName} */
    readonly bucketName: pulumi.Output<string>;
    /** {@inheritDoc Storage.bucketArn} */
    readonly bucketArn: pulumi.Output<string>;
    /** {@inheritDoc Storage.kmsKeyArn} */
    readonly kmsKeyArn: pulumi.Output<string>;
    /** Name of the bucket that receives S3 server access logs. */
    readonly accessLogBucketName: pulumi.Output<string>;
    /** {@inheritDoc Storage.areas} */
    readonly areas: readonly string[];
    /** The data zones: the areas other than `checkpoints` and `logs`. */
    readonly zones: readonly string[];
    /** {@inheritDoc Storage.checkpointArea} */
    readonly checkpointArea = CHECKPOINT_AREA;
    /** {@inheritDoc Storage.logArea} */
    readonly logArea = LOG_AREA;
    /** The data bucket. */
    readonly bucket: aws.s3.Bucket;
    /** The customer-managed key for the data bucket. */
    readonly key: aws.kms.Key;
    /** The server access log bucket. */
    readonly accessLogBucket: aws.s3.Bucket;

    private readonly componentName: string;

    constructor(name: string, args: LandingZoneArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected landing zone registers nothing, not even itself.
        const s: LandingZoneSettings = landingZoneSettings(name, args);
        clashRegistry().claimAll([childNameClaim(COMPONENT, name, opts?.parent)]);
        super("spectrum:index:LandingZone", name, {}, opts);
        this.componentName = name;
        this.zones = s.zones;
        this.areas = [...s.zones, CHECKPOINT_AREA, LOG_AREA];
        const tags = awsTags("LandingZone", s.tags);
        const keep = { parent: this, ...dataProtection(s.protect) };

        this.key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `spectrum landing zone ${name}: encrypts every object in its data bucket`,
                enableKeyRotation: true,
                deletionWindowInDays: s.protect ? 30 : 7,
                tags,
            },
            keep,
        );
        new aws.kms.Alias(`${name}-key-alias`, { namePrefix: `alias/spectrum-${name}-`, targetKeyId: this.key.keyId }, { parent: this });

        // S3 cannot deliver server access logs to a bucket whose default encryption is SSE-KMS,
        // so the log bucket uses SSE-S3 and holds nothing but those logs.
        this.accessLogBucket = new aws.s3.Bucket(`${name}-access-logs`, { forceDestroy: !s.protect, tags }, keep);
        this.bucket = new aws.s3.Bucket(`${name}-data`, { forceDestroy: !s.protect, tags }, keep);
        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        this.kmsKeyArn = this.key.arn;
        this.accessLogBucketName = this.accessLogBucket.bucket;

        this.secureBucket(
            `${name}-access-logs`,
            this.accessLogBucket,
            { sseAlgorithm: "AES256" },
            logBucketPolicy(this.accessLogBucket.arn, this.bucket.arn, ACCESS_LOG_PREFIX),
            [accessLogRule(s.accessLogRetentionDays, s.abortIncompleteUploadsAfterDays)],
        );
        this.secureBucket(
            `${name}-data`,
            this.bucket,
            { sseAlgorithm: "aws:kms", kmsKeyArn: this.key.arn },
            dataBucketPolicy(this.bucket.arn, this.key.arn),
            Object.entries(s.areas).map(([area, lc]) => lifecycleRule(area, lc, s.abortIncompleteUploadsAfterDays)),
        );

        new aws.s3.BucketLogging(
            `${name}-data-logging`,
            {
                bucket: this.bucket.id,
                targetBucket: this.accessLogBucket.id,
                targetPrefix: ACCESS_LOG_PREFIX,
                targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
            },
            { parent: this },
        );
        // Object-created events go to EventBridge, where batch work can be triggered by arrivals.
        new aws.s3.BucketNotification(`${name}-data-events`, { bucket: this.bucket.id, eventbridge: true }, { parent: this });

        this.registerOutputs({
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            kmsKeyArn: this.kmsKeyArn,
            accessLogBucketName: this.accessLogBucketName,
        });
    }

    /** Encryption, versioning, ownership, public-access block, policy and lifecycle: each its own resource. */
    private secureBucket(
        prefix: string,
        bucket: aws.s3.Bucket,
        encryption: Encryption,
        policy: pulumi.Output<string>,
        rules: aws.types.input.s3.BucketLifecycleConfigurationRule[],
    ): void {
        const opts = { parent: this };
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${prefix}-encryption`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        applyServerSideEncryptionByDefault:
                            encryption.sseAlgorithm === "aws:kms"
                                ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: encryption.kmsKeyArn }
                                : { sseAlgorithm: "AES256" },
                        // Bucket keys cut KMS requests (and their cost) by orders of magnitude.
                        bucketKeyEnabled: encryption.sseAlgorithm === "aws:kms",
                    },
                ],
            },
            opts,
        );
        const versioning = new aws.s3.BucketVersioning(
            `${prefix}-versioning`,
            { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
            opts,
        );
        new aws.s3.BucketOwnershipControls(
            `${prefix}-ownership`,
            { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
            opts,
        );
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            `${prefix}-public-access`,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            opts,
        );
        // S3 refuses a policy change while the public-access block is being applied.
        new aws.s3.BucketPolicy(`${prefix}-policy`, { bucket: bucket.id, policy }, { ...opts, dependsOn: [publicAccess] });
        // Noncurrent-version rules only make sense once versioning is on.
        new aws.s3.BucketLifecycleConfiguration(`${prefix}-lifecycle`, { bucket: bucket.id, rules }, { ...opts, dependsOn: [versioning] });
    }

    /** {@inheritDoc Storage.keyPrefix} */
    keyPrefix(area: string, path?: string): string {
        return areaKeyPrefix(this.componentName, this.areas, area, path);
    }

    /** {@inheritDoc Storage.uri} */
    uri(area: string, path?: string): pulumi.Output<string> {
        const prefix = this.keyPrefix(area, path);
        return pulumi.interpolate`s3://${this.bucketName}/${prefix}`;
    }

    /** {@inheritDoc Storage.grant} */
    grant(access: StorageAccess, area: string, path?: string): PolicyStatement[] {
        return grantStatements({ bucketArn: this.bucketArn, kmsKeyArn: this.kmsKeyArn }, access, this.keyPrefix(area, path));
    }
}
