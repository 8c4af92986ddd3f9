import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { dependsOnAll } from "../core/depends-on";
import { policyDocument } from "../core/iam";
import { awsTags } from "../core/tags";
import { MskFirehoseIngestArgs, MskFirehoseIngestSettings } from "./msk-firehose-ingest-args";
import { COMPONENT, mskFirehoseIngestSettings } from "./msk-firehose-ingest-validate";
import { dataPrefix, errorPrefix, eventTimeProcessing, readFromTimestamp } from "./layout";
import { FIREHOSE_PRINCIPAL, firehoseClusterPolicyStatement, logStatement, mskSourceStatements, roleDocument } from "./policies";
import { ClaimRequest, childNameClaim, clashRegistry } from "../core/clashes";

/**
 * Continuously delivers MSK topics into a landing zone with Amazon Data Firehose: one delivery
 * stream per topic reads the topic over MSK's multi-VPC private connectivity with IAM auth, and
 * writes GZIP objects, encrypted with the landing zone's key, under
 * `<zone>/<topic>/dt=YYYY-MM-DD/`. Records Firehose cannot deliver or partition go to
 * `<zone>/<errorPath>/<topic>/` instead of being dropped. No code of ours runs: Firehose scales,
 * retries and tracks offsets itself.
 */
export class MskFirehoseIngest extends pulumi.ComponentResource {
    /** The delivery stream of each topic. */
    readonly streams: Record<string, aws.kinesis.FirehoseDeliveryStream>;
    /** The IAM role of each topic's stream: reads only that topic, writes only its prefixes. */
    readonly roles: Record<string, aws.iam.Role>;
    /** `s3://` location of each topic's records (the folder holding its `dt=` partitions). */
    readonly locations: Record<string, pulumi.Output<string>>;
    /** `s3://` location of the zone's error folder (one subfolder per topic). */
    readonly errorLocation: pulumi.Output<string>;
    /** The log group Firehose writes delivery errors to, one log stream per topic. */
    readonly logGroup: aws.cloudwatch.LogGroup;
    /** The MSK cluster policy, when this component manages it. */
    readonly clusterPolicy?: aws.msk.ClusterPolicy;

    constructor(name: string, args: MskFirehoseIngestArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected ingest registers nothing, not even itself.
        const s: MskFirehoseIngestSettings = mskFirehoseIngestSettings(name, args);
        const clashes = clashRegistry();
        const who = { component: COMPONENT, name, field: "name" };
        const claims: ClaimRequest[] = [childNameClaim(COMPONENT, name, opts?.parent)];
        if (s.manageClusterPolicy) {
            // An MSK cluster has one resource policy: a second ingest writing it would overwrite the first.
            // The cluster is known by its ARN (an Output's identity when it is one), whichever connection object carries it.
            const cluster = s.connection.clusterArn as string | object;
            claims.push({
                kind: "msk-cluster-policy",
                identity: "the cluster's resource policy",
                who: { ...who, field: "manageClusterPolicy" },
                scope: cluster,
            });
        }
        clashes.claimAll(claims);
        super(`spectrum:index:${COMPONENT}`, name, {}, opts);
        const tags = awsTags(COMPONENT, s.tags);
        const clusterArn = s.connection.clusterArn as pulumi.Input<string>;
        const storage = s.storage;

        // Firehose passes the stream's account as the external id; pinning it keeps another
        // account's stream from assuming these roles (confused deputy).
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const trust = policyDocument([
            {
                Effect: "Allow",
                Principal: { Service: FIREHOSE_PRINCIPAL },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": account } },
            },
        ]);

        this.logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { namePrefix: `/aws/kinesisfirehose/${name}-`, retentionInDays: s.logRetentionDays, tags },
            { parent: this },
        );

        if (s.manageClusterPolicy) {
            this.clusterPolicy = new aws.msk.ClusterPolicy(
                `${name}-cluster-policy`,
                { clusterArn, policy: policyDocument([firehoseClusterPolicyStatement(clusterArn)]) },
                { parent: this },
            );
        }

        this.streams = {};
        this.roles = {};
        this.locations = {};
        const errorBase = storage.keyPrefix(s.zone, s.errorPath);
        this.errorLocation = storage.uri(s.zone, s.errorPath);
        for (const topic of s.topics) {
            const id = `${name}-${topic}`;
            const dataBase = storage.keyPrefix(s.zone, topic);
            const topicErrors = `${errorBase}${topic}/`;
            this.locations[topic] = storage.uri(s.zone, topic);

            const logStream = new aws.cloudwatch.LogStream(
                `${id}-log`,
                { logGroupName: this.logGroup.name, name: topic },
                { parent: this },
            );
            const role = new aws.iam.Role(
                `${id}-role`,
                { assumeRolePolicy: trust, description: `Firehose delivery of Kafka topic ${topic} into ${dataBase}`, tags },
                { parent: this },
            );
            const policy = new aws.iam.RolePolicy(
                `${id}-policy`,
                {
                    role: role.name,
                    policy: roleDocument([
                        ...mskSourceStatements(clusterArn, topic),
                        ...storage.grant("write", s.zone, topic),
                        ...storage.grant("write", s.zone, `${s.errorPath}/${topic}`),
                        logStatement(this.logGroup.arn, logStream.name),
                    ]),
                },
                { parent: this },
            );

            // Firehose checks the role and the cluster's private connectivity when the stream is
            // created, so both must exist first.
            const readyFirst: pulumi.Resource[] = [policy, ...(this.clusterPolicy ? [this.clusterPolicy] : [])];
            const startAt = readFromTimestamp(s.startPosition);
            this.streams[topic] = new aws.kinesis.FirehoseDeliveryStream(
                id,
                {
                    destination: "extended_s3",
                    mskSourceConfiguration: {
                        mskClusterArn: clusterArn,
                        topicName: topic,
                        authenticationConfiguration: { connectivity: "PRIVATE", roleArn: role.arn },
                        ...(startAt ? { readFromTimestamp: startAt } : {}),
                    },
                    extendedS3Configuration: {
                        roleArn: role.arn,
                        bucketArn: storage.bucketArn,
                        prefix: dataPrefix(dataBase, s.partitionBy, s.eventTime),
                        errorOutputPrefix: errorPrefix(topicErrors),
                        customTimeZone: "UTC",
                        compressionFormat: "GZIP",
                        bufferingInterval: s.bufferingIntervalSeconds,
                        bufferingSize: s.bufferingSizeMiB,
                        kmsKeyArn: storage.kmsKeyArn,
                        cloudwatchLoggingOptions: { enabled: true, logGroupName: this.logGroup.name, logStreamName: logStream.name },
                        ...(s.eventTime
                            ? {
                                  dynamicPartitioningConfiguration: { enabled: true },
                                  processingConfiguration: eventTimeProcessing(s.eventTime, s.partitionBy),
                              }
                            : {}),
                    },
                    tags,
                },
                { parent: this, dependsOn: dependsOnAll(opts?.dependsOn, ...readyFirst) },
            );
            this.roles[topic] = role;
        }

        this.registerOutputs({
            streamArns: Object.fromEntries(Object.entries(this.streams).map(([t, stream]) => [t, stream.arn])),
            locations: this.locations,
            errorLocation: this.errorLocation,
            logGroupName: this.logGroup.name,
        });
    }
}
