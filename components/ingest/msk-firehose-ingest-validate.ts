import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { AUTO_NAME_SUFFIX_LENGTH, IAM_ROLE_NAME_MAX, iamRoleNameProblem, logGroupNameProblem } from "../core/aws-limits";
import { checkWhenResolved, explain, fieldPath, parseArgs, v } from "../core/schema";
import { MskFirehoseIngestSettings, SIZE, mskFirehoseIngestArgs } from "./msk-firehose-ingest-args";

export const COMPONENT = "MskFirehoseIngest";

// `arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>`, provisioned or serverless.
const MSK_CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+$/;
const ARN_FIX = "Use the ARN MSK gives the cluster, arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>";
const clusterArn = v.pipe(v.string(), v.regex(MSK_CLUSTER_ARN, explain("not an MSK cluster ARN", ARN_FIX)));
// Firehose stream names: 1-64 of [a-zA-Z0-9_.-] (the API model's DeliveryStreamName).
const STREAM_NAME = /^[A-Za-z0-9_.-]+$/;
const ROLE_SUFFIX = "-role";

const KAFKA_CONNECT =
    "For other Kafka clusters (self-managed, Confluent, or MSK with SCRAM/mTLS) use Kafka Connect with an S3 sink connector (on MSK Connect or your own workers) instead";

/**
 * Checks an MskFirehoseIngest's args, structure first (the declaration in
 * msk-firehose-ingest-args.ts), then everything Firehose, MSK or IAM would otherwise reject
 * mid-deployment, and returns the settings the component reads. Throws one SpectrumValidationError
 * naming every problem; call it before registering anything. A cluster ARN that is an Output is
 * checked when it resolves.
 */
export function mskFirehoseIngestSettings(name: string, args: unknown): MskFirehoseIngestSettings {
    const s = parseArgs(COMPONENT, name, mskFirehoseIngestArgs, args);
    validateMskFirehoseIngest(name, s);
    const arn = s.connection.clusterArn;
    if (pulumi.Output.isInstance(arn) || arn instanceof Promise)
        checkWhenResolved(COMPONENT, name, { field: "connection.clusterArn", value: arn, schema: clusterArn });
    return s;
}

/** The rules across fields, the connection's and storage's fitness, and the names AWS derives from the component's name. */
export function validateMskFirehoseIngest(name: string, s: MskFirehoseIngestSettings): void {
    const v = new Validator(COMPONENT, name);
    checkConnection(v, s);
    checkTopics(v, name, s);
    checkNames(v, name);

    const zones = s.storage.areas.filter((a) => a !== s.storage.checkpointArea && a !== s.storage.logArea);
    v.check(
        zones.includes(s.zone),
        "zone",
        s.zone,
        "not a data zone of the storage",
        `Use one of ${zones.join(", ") || "the storage's zones"}`,
    );

    if (s.eventTime !== undefined) {
        v.check(
            s.bufferingSizeMiB >= SIZE.partitioned,
            "bufferingSizeMiB",
            s.bufferingSizeMiB,
            `Firehose needs at least ${SIZE.partitioned} MiB with dynamic partitioning (eventTime)`,
            `Use ${SIZE.partitioned}-${SIZE.max}`,
        );
        v.check(
            s.bufferingIntervalSeconds !== 0,
            "bufferingIntervalSeconds",
            s.bufferingIntervalSeconds,
            "zero buffering is not available with dynamic partitioning (eventTime)",
            "Use a positive interval, e.g. 60",
        );
    }
    v.throwIfInvalid();
}

function checkConnection(v: Validator, s: MskFirehoseIngestSettings): void {
    const c = s.connection;
    v.check(
        c.authMode === "iam",
        "connection.authMode",
        c.authMode,
        "Amazon Data Firehose reads MSK only with IAM access control, over multi-VPC private connectivity",
        `Enable IAM auth on the MSK cluster and pass its IAM connection. ${KAFKA_CONNECT}`,
    );
    if (c.clusterArn === undefined) {
        v.fail(
            "connection.clusterArn",
            undefined,
            "not an Amazon MSK cluster: Firehose's MSK source needs the cluster ARN",
            `Pass the connection of an MSK cluster (KafkaCluster produces one). ${KAFKA_CONNECT}`,
        );
    } else if (!pulumi.Output.isInstance(c.clusterArn) && !(c.clusterArn instanceof Promise)) {
        v.check(
            typeof c.clusterArn === "string" && MSK_CLUSTER_ARN.test(c.clusterArn),
            "connection.clusterArn",
            c.clusterArn,
            "not an MSK cluster ARN",
            ARN_FIX,
        );
    }
}

function checkTopics(v: Validator, name: string, s: MskFirehoseIngestSettings): void {
    const seen = new Set<string>();
    s.topics.forEach((topic, i) => {
        const field = fieldPath([{ key: "topics" }, { key: i }]);
        v.check(!seen.has(topic), field, topic, "listed twice; each topic gets one stream", "List each topic once");
        seen.add(topic);
        v.check(
            topic !== s.errorPath,
            field,
            topic,
            `the topic would land in the zone's error folder "${s.errorPath}"`,
            "Pick another errorPath",
        );
        // Each topic's stream role is `<name>-<topic>-role-<random>`, the longest name made from a topic.
        const role = `${name}-${topic}${ROLE_SUFFIX}`;
        if (STREAM_NAME.test(name) && iamRoleNameProblem(role, true)) {
            v.fail(
                field,
                topic,
                `the stream's IAM role would be named "${role}-xxxxxxx", over IAM's ${IAM_ROLE_NAME_MAX}-character limit`,
                `Shorten the component name or the topic so that "<name>-<topic>" has at most ${IAM_ROLE_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH - ROLE_SUFFIX.length} characters`,
            );
        }
    });
}

/** The names made from the component's name alone: the log group prefix and every stream name. */
function checkNames(v: Validator, name: string): void {
    if (!STREAM_NAME.test(name)) {
        v.fail("name", name, "Firehose stream names allow letters, digits, '.', '_' and '-' only", "Rename the component");
        return;
    }
    const logGroup = logGroupNameProblem(`/aws/kinesisfirehose/${name}-`, true);
    if (logGroup) v.fail("name", name, `${logGroup.problem} (in the log group's name)`, logGroup.fix);
}
