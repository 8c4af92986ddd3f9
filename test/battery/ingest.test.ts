/**
 * The ingest battery: bad MskFirehoseIngest args, each rejected before anything is registered with
 * all four parts of the message; clashes over one cluster's policy; values known only later; then
 * valid but unusual inputs, accepted.
 */
import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection, Storage, describeValue } from "../../components/core";
import { MskFirehoseIngest, MskFirehoseIngestArgs } from "../../components/ingest";
import { LandingZone } from "../../components/landing-zone";
import { runProgram } from "../../testing";
import { CLUSTER_ARN, mskIamConnection } from "../ingest/fixtures";
import { Expected, expectParts, rejection } from "./battery";

type Case = [string, Record<string, unknown>, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const notKnown = (key: string) => `"${key}" is not a known field`;
const OUTPUT = "is an Output, but this field must be known when the program runs";
const OUTPUT_VALUE = "an Output (checked when it resolves)";
const INTERVAL = "Firehose accepts 0-900 seconds";
const SIZE = "Firehose accepts 1-128 MiB for S3";
const RETENTION = "not a retention CloudWatch Logs accepts";
const START = "not a start position";
const START_FIX = 'Use "earliest", "stream-creation" or a UTC instant like "2026-01-01T00:00:00Z"';

/** A landing zone that is not a resource, so a rejected program registers nothing at all. */
const storage: Storage = {
    bucketName: pulumi.output("lake"),
    bucketArn: pulumi.output("arn:aws:s3:::lake"),
    kmsKeyArn: pulumi.output("arn:aws:kms:us-east-1:123456789012:key/1"),
    areas: ["raw", "curated", "checkpoints", "logs"],
    checkpointArea: "checkpoints",
    logArea: "logs",
    keyPrefix: (area, path) => `${area}/${path ?? ""}/`,
    uri: (area, path) => pulumi.output(`s3://lake/${area}/${path ?? ""}/`),
    grant: () => [],
};
const base = { connection: mskIamConnection(), topics: ["orders"], storage };
const eventTime = { field: ".ts", format: "epoch-seconds" };

const cases: Case[] = [
    // Unknown and misspelt keys.
    ["topic for topics", { topic: ["orders"] }, e("topic", '["orders"]', notKnown("topic"), 'Did you mean "topics"?')],
    [
        "partitionby in the wrong case",
        { partitionBy: undefined, partitionby: "hour" },
        e("partitionby", '"hour"', notKnown("partitionby"), 'Did you mean "partitionBy"?'),
    ],
    [
        "bufferingSizeMB for MiB",
        { bufferingSizeMB: 64 },
        e("bufferingSizeMB", "64", notKnown("bufferingSizeMB"), 'Did you mean "bufferingSizeMiB"?'),
    ],
    [
        "logRetention without Days",
        { logRetention: 30 },
        e("logRetention", "30", notKnown("logRetention"), 'Did you mean "logRetentionDays"?'),
    ],
    [
        "startingPosition",
        { startingPosition: "earliest" },
        e("startingPosition", '"earliest"', notKnown("startingPosition"), 'Did you mean "startPosition"?'),
    ],
    ["a compression setting", { compression: "GZIP" }, e("compression", '"GZIP"', notKnown("compression"), "Use one of")],
    [
        "an event-time time zone",
        { eventTime: { ...eventTime, timezone: "UTC" } },
        e("eventTime.timezone", '"UTC"', notKnown("timezone"), 'Use one of "field", "format"'),
    ],
    [
        "fields for field",
        { eventTime: { fields: ".ts", format: "iso-8601" } },
        e("eventTime.fields", '".ts"', notKnown("fields"), 'Did you mean "field"?'),
    ],
    // Required dependencies, missing or of the wrong kind.
    ["no connection", { connection: undefined }, e("connection", "undefined", "is required", "Pass KafkaCluster's connection")],
    [
        "a bootstrap string for the connection",
        { connection: "b-1:9098" },
        e("connection", '"b-1:9098"', "is not a KafkaConnection", "Pass KafkaCluster's connection"),
    ],
    [
        "the connection as an Output",
        { connection: pulumi.output(mskIamConnection()) },
        e("connection", OUTPUT_VALUE, OUTPUT, "Pass a plain value"),
    ],
    [
        "no storage",
        { storage: undefined },
        e("storage", "undefined", "is required", "Pass a LandingZone, or an object implementing Storage"),
    ],
    ["a bucket name for the storage", { storage: "lake" }, e("storage", '"lake"', "is not a Storage", "Pass a LandingZone")],
    [
        "a storage without its methods",
        { storage: { areas: ["raw"] } },
        e("storage", '{"areas":["raw"]}', "is not a Storage", "Pass a LandingZone"),
    ],
    ["no topics", { topics: undefined }, e("topics", "undefined", "is required", "Set topics")],
    // Lists, maps and kinds of value.
    ["one topic as a string", { topics: "orders" }, e("topics", '"orders"', "is a string, not a list", "Write a list")],
    [
        "topics as a map",
        { topics: { orders: {} } },
        e("topics", '{"orders":{}}', "is a map where a list is expected", "Write it as a list"),
    ],
    ["a topic that is a number", { topics: [42] }, e("topics[0]", "42", "is a number, not a string", "Write a string")],
    ["tags as a list", { tags: ["team=data"] }, e("tags", '["team=data"]', "is a list where a map is expected", "Write it as a mapping")],
    [
        "a reserved tag key",
        { tags: { "aws:team": "data" } },
        e('tags["aws:team"]', '"aws:team"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
    [
        "event time as a field path",
        { eventTime: ".ts" },
        e("eventTime", '".ts"', "is a string, not a mapping (key: value)", "Write a mapping"),
    ],
    ["the zone as a number", { zone: 1 }, e("zone", "1", "is a number, not a string", "Write a string")],
    [
        "the policy flag quoted",
        { manageClusterPolicy: "false" },
        e("manageClusterPolicy", '"false"', "is a string, write true or false", "Write true or false without quotes"),
    ],
    [
        "the policy flag as an Output",
        { manageClusterPolicy: pulumi.output(false) },
        e("manageClusterPolicy", OUTPUT_VALUE, OUTPUT, "Pass a plain value"),
    ],
    // Buffering.
    [
        "an interval quoted",
        { bufferingIntervalSeconds: "60" },
        e("bufferingIntervalSeconds", '"60"', "is a string, write a number", "Write 60 without quotes"),
    ],
    [
        "an interval past 900",
        { bufferingIntervalSeconds: 901 },
        e("bufferingIntervalSeconds", "901", INTERVAL, "Use a whole number of seconds in that range"),
    ],
    ["a negative interval", { bufferingIntervalSeconds: -1 }, e("bufferingIntervalSeconds", "-1", INTERVAL, "Use a whole number")],
    ["a fractional interval", { bufferingIntervalSeconds: 1.5 }, e("bufferingIntervalSeconds", "1.5", INTERVAL, "Use a whole number")],
    ["an interval of NaN", { bufferingIntervalSeconds: NaN }, e("bufferingIntervalSeconds", "NaN", "is not a number", "Write a number")],
    [
        "an interval of Infinity",
        { bufferingIntervalSeconds: Infinity },
        e("bufferingIntervalSeconds", "Infinity", INTERVAL, "Use a whole number"),
    ],
    ["a buffer of 0 MiB", { bufferingSizeMiB: 0 }, e("bufferingSizeMiB", "0", SIZE, "Use a whole number of MiB in that range")],
    ["a buffer of 129 MiB", { bufferingSizeMiB: 129 }, e("bufferingSizeMiB", "129", SIZE, "Use a whole number of MiB")],
    [
        "a buffer size quoted",
        { bufferingSizeMiB: "64" },
        e("bufferingSizeMiB", '"64"', "is a string, write a number", "Write 64 without quotes"),
    ],
    [
        "a small buffer with event time",
        { eventTime, bufferingSizeMiB: 32 },
        e("bufferingSizeMiB", "32", "Firehose needs at least 64 MiB with dynamic partitioning (eventTime)", "Use 64-128"),
    ],
    [
        "zero buffering with event time",
        { eventTime, bufferingIntervalSeconds: 0 },
        e(
            "bufferingIntervalSeconds",
            "0",
            "zero buffering is not available with dynamic partitioning (eventTime)",
            "Use a positive interval, e.g. 60",
        ),
    ],
    // Log retention, start position, enums, paths.
    [
        "a retention CloudWatch does not offer",
        { logRetentionDays: 10 },
        e("logRetentionDays", "10", RETENTION, "Use one of 1, 3, 5, 7, 14, 30"),
    ],
    ["a retention of 0 (never expire)", { logRetentionDays: 0 }, e("logRetentionDays", "0", RETENTION, "Use one of 1, 3")],
    [
        "a retention quoted",
        { logRetentionDays: "30" },
        e("logRetentionDays", '"30"', "is a string, write a number", "Write 30 without quotes"),
    ],
    ["latest as a start", { startPosition: "latest" }, e("startPosition", '"latest"', START, START_FIX)],
    ["month 13", { startPosition: "2026-13-01T00:00:00Z" }, e("startPosition", '"2026-13-01T00:00:00Z"', START, START_FIX)],
    ["a date without a time", { startPosition: "2026-01-01" }, e("startPosition", '"2026-01-01"', START, START_FIX)],
    ["an epoch start", { startPosition: 0 }, e("startPosition", "0", "is a number, not a string", "Write a string")],
    ["minute partitions", { partitionBy: "minute" }, e("partitionBy", '"minute"', "is not one of day, hour", 'Use one of "day", "hour"')],
    ["Hour in capitals", { partitionBy: "Hour" }, e("partitionBy", '"Hour"', "is not one of day, hour", 'Did you mean "hour"?')],
    [
        "an error path of two folders",
        { errorPath: "errors/firehose" },
        e("errorPath", '"errors/firehose"', "must be a single folder name", "Use letters, digits"),
    ],
    ["an empty error path", { errorPath: "" }, e("errorPath", '""', "must be a single folder name", "Use letters, digits")],
    [
        "an event-time field without its dot",
        { eventTime: { field: "event_time", format: "iso-8601" } },
        e("eventTime.field", '"event_time"', "not a plain jq field path", 'Use a path such as ".event_time"'),
    ],
    [
        "an event-time field with a jq pipe",
        { eventTime: { field: ".a | env", format: "iso-8601" } },
        e("eventTime.field", '".a | env"', "not a plain jq field path", "Use a path such as"),
    ],
    [
        "an event-time format with _",
        { eventTime: { field: ".ts", format: "epoch_millis" } },
        e("eventTime.format", '"epoch_millis"', "is not one of epoch-seconds, epoch-millis, iso-8601", 'Did you mean "epoch-millis"?'),
    ],
    ["an event time without its format", { eventTime: { field: ".ts" } }, e("eventTime.format", "undefined", "is required", "Set format")],
    // Topics.
    ["an empty topic list", { topics: [] }, e("topics", "[]", "no topics to deliver", "List at least one topic")],
    ["a topic with a space", { topics: ["bad topic"] }, e("topics[0]", '"bad topic"', "not a Kafka topic name", "Use 1-249 letters")],
    ["the topic ..", { topics: [".."] }, e("topics[0]", '".."', "not a Kafka topic name", 'not "." or ".."')],
    [
        "a topic of 250 characters",
        { topics: ["t".repeat(250)] },
        e("topics[0]", describeValue("t".repeat(250)), "not a Kafka topic name", "Use 1-249"),
    ],
    [
        "a topic listed twice",
        { topics: ["orders", "orders"] },
        e("topics[1]", '"orders"', "listed twice; each topic gets one stream", "List each topic once"),
    ],
    [
        "a topic named like the error folder",
        { topics: ["_errors"] },
        e("topics[0]", '"_errors"', 'the topic would land in the zone\'s error folder "_errors"', "Pick another errorPath"),
    ],
    [
        "a topic too long for the stream's IAM role",
        { topics: ["com.example.payments.transactions.enriched.v2"] },
        e(
            "topics[0]",
            '"com.example.payments.transactions.enriched.v2"',
            "the stream's IAM role would be named \"ingest-com.example.payments.transactions.enriched.v2-role-xxxxxxx\", over IAM's 64-character limit",
            'Shorten the component name or the topic so that "<name>-<topic>" has at most 51 characters',
        ),
    ],
    // The zone and the connection.
    [
        "a zone the storage does not have",
        { zone: "gold" },
        e("zone", '"gold"', "not a data zone of the storage", "Use one of raw, curated"),
    ],
    [
        "the checkpoint area as the zone",
        { zone: "checkpoints" },
        e("zone", '"checkpoints"', "not a data zone of the storage", "Use one of raw, curated"),
    ],
    [
        "a SCRAM connection",
        { connection: mskIamConnection({ authMode: "scram", scram: { username: "u", password: "p" } }) },
        e(
            "connection.authMode",
            '"scram"',
            "Amazon Data Firehose reads MSK only with IAM access control",
            "Enable IAM auth on the MSK cluster",
        ),
    ],
    [
        "a self-managed cluster",
        { connection: { bootstrapServers: "kafka-0.kafka:9092", authMode: "iam" } },
        e(
            "connection.clusterArn",
            "undefined",
            "not an Amazon MSK cluster: Firehose's MSK source needs the cluster ARN",
            "Pass the connection of an MSK cluster",
        ),
    ],
    [
        "a topic ARN for the cluster ARN",
        { connection: mskIamConnection({ clusterArn: CLUSTER_ARN.replace(":cluster/", ":topic/") }) },
        e(
            "connection.clusterArn",
            JSON.stringify(CLUSTER_ARN.replace(":cluster/", ":topic/")),
            "not an MSK cluster ARN",
            "Use the ARN MSK gives the cluster",
        ),
    ],
    [
        "a cluster name for the cluster ARN",
        { connection: mskIamConnection({ clusterArn: "events" }) },
        e("connection.clusterArn", '"events"', "not an MSK cluster ARN", "Use the ARN MSK gives the cluster"),
    ],
];

const names: [string, string, Expected][] = [
    [
        "a name with a space",
        "raw ingest",
        e("name", '"raw ingest"', "Firehose stream names allow letters, digits, '.', '_' and '-' only", "Rename the component"),
    ],
    ["a name with a slash", "raw/ingest", e("name", '"raw/ingest"', "Firehose stream names allow letters, digits", "Rename the component")],
    [
        "a name that leaves no room for the topic in the role name",
        "i".repeat(45),
        e("topics[0]", '"orders"', `the stream's IAM role would be named "${"i".repeat(45)}-orders-role-xxxxxxx"`, "at most 51 characters"),
    ],
];

describe("ingest battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each(cases)("%s", async (_, overrides, expected) => {
        const { problems, registered } = await rejection(
            () => new MskFirehoseIngest("ingest", { ...base, ...overrides } as MskFirehoseIngestArgs),
        );
        expectParts(problems, 'MskFirehoseIngest "ingest"', expected);
        expect(registered).toEqual([]);
    });

    test.each(names)("%s", async (_, name, expected) => {
        const { problems, registered } = await rejection(() => new MskFirehoseIngest(name, base));
        expectParts(problems, `MskFirehoseIngest "${name}"`, expected);
        expect(registered).toEqual([]);
    });

    test("no args at all: every required field named, nothing crashes", async () => {
        const { problems, registered } = await rejection(() => new MskFirehoseIngest("ingest", undefined as never));
        expect(problems).toEqual([
            'MskFirehoseIngest "ingest": connection = undefined: is required. Set connection.',
            'MskFirehoseIngest "ingest": topics = undefined: is required. Set topics.',
            'MskFirehoseIngest "ingest": storage = undefined: is required. Set storage.',
        ]);
        expect(registered).toEqual([]);
    });

    test("a second ingest writing one cluster's policy is refused with both named, though it came through another connection object", async () => {
        const { problems, registered } = await rejection(() => {
            new MskFirehoseIngest("first", base);
            new MskFirehoseIngest("second", { ...base, connection: mskIamConnection(), topics: ["payments"] });
        });
        expect(problems).toEqual([
            'MskFirehoseIngest "second": manageClusterPolicy = "the cluster\'s resource policy": MskFirehoseIngest "first" already uses this MSK cluster policy (its manageClusterPolicy); a cluster has one resource policy; the second would overwrite the first. Create the cluster policy once and give it every statement, e.g. let one ingest own it.',
        ]);
        expect(registered.filter((r) => r.includes("second"))).toEqual([]);
    });

    test("two ingests of one name are refused before the second registers anything", async () => {
        const { problems, registered } = await rejection(() => {
            new MskFirehoseIngest("ingest", base);
            new MskFirehoseIngest("ingest", { ...base, manageClusterPolicy: false });
        });
        expectParts(
            problems,
            'MskFirehoseIngest "ingest"',
            e("name", '"ingest"', 'MskFirehoseIngest "ingest" already uses this resource name', "Give one of the components another name"),
        );
        expect(registered.filter((r) => r.startsWith("spectrum:index:MskFirehoseIngest"))).toEqual([
            "spectrum:index:MskFirehoseIngest::ingest",
        ]);
    });

    test("a cluster ARN from an Output that resolves to something else fails the run, showing the value", async () => {
        const connection: KafkaConnection = mskIamConnection({
            clusterArn: pulumi.output("arn:aws:kafka:us-east-1:123456789012:configuration/x/1"),
        });
        await expect(runProgram(() => void new MskFirehoseIngest("ingest", { ...base, connection }))).rejects.toThrow(
            'MskFirehoseIngest "ingest": connection.clusterArn = "arn:aws:kafka:us-east-1:123456789012:configuration/x/1": not an MSK cluster ARN. Use the ARN MSK gives the cluster',
        );
    });
});

describe("ingest battery: valid but unusual inputs are accepted", () => {
    const accepted: [string, string, Partial<MskFirehoseIngestArgs>][] = [
        ["zero buffering, without event time", "ingest", { bufferingIntervalSeconds: 0, bufferingSizeMiB: 1 }],
        ["the largest buffers", "ingest", { bufferingIntervalSeconds: 900, bufferingSizeMiB: 128 }],
        [
            "hourly event-time partitions at the floor",
            "ingest",
            {
                eventTime: { field: ".meta.ts", format: "epoch-millis" },
                partitionBy: "hour",
                bufferingSizeMiB: 64,
                bufferingIntervalSeconds: 1,
            },
        ],
        ["a start at an instant", "ingest", { startPosition: "2026-02-28T23:59:59Z" }],
        ["a start at stream creation", "ingest", { startPosition: "stream-creation" }],
        ["topics with dots, dashes and underscores", "ingest", { topics: ["a", "b_c-d.e", "orders.v1"] }],
        ["a one-letter name and topic", "i", { topics: ["t"] }],
        ["the longest name and topic the role allows", "i".repeat(44), { topics: ["orders"] }],
        ["a custom error folder and zone", "ingest", { errorPath: "_dead-letters", zone: "curated" }],
        ["ten years of error logs", "ingest", { logRetentionDays: 3653 }],
        [
            "a cluster ARN in China",
            "ingest",
            { connection: mskIamConnection({ clusterArn: "arn:aws-cn:kafka:cn-north-1:123456789012:cluster/events/0a1b-2c3d" }) },
        ],
        ["tags with spaces and accents", "ingest", { tags: { "Cost Center": "Données" } }],
    ];
    test.each(accepted)("%s", async (_, name, overrides) => {
        const graph = await runProgram(() => {
            const lake = new LandingZone("lz", { protect: false });
            new MskFirehoseIngest(name, { ...base, storage: lake, ...overrides } as MskFirehoseIngestArgs);
        });
        expect(graph.ofType("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream").length).toBeGreaterThan(0);
    });

    test("two ingests on one cluster when only one manages its policy, and one per cluster otherwise", async () => {
        const graph = await runProgram(() => {
            const lake = new LandingZone("lz", { protect: false });
            new MskFirehoseIngest("owner", { ...base, storage: lake });
            new MskFirehoseIngest("guest", { ...base, storage: lake, topics: ["payments"], manageClusterPolicy: false });
            new MskFirehoseIngest("other", {
                ...base,
                storage: lake,
                connection: mskIamConnection({ clusterArn: CLUSTER_ARN.replace("cluster/events/", "cluster/other/") }),
            });
        });
        expect(
            graph
                .ofType("aws:msk/clusterPolicy:ClusterPolicy")
                .map((p) => p.name)
                .sort(),
        ).toEqual(["other-cluster-policy", "owner-cluster-policy"]);
    });

    test("a cluster ARN from an Output that resolves to an MSK cluster's", async () => {
        const graph = await runProgram(() => {
            const lake = new LandingZone("lz", { protect: false });
            new MskFirehoseIngest("ingest", {
                ...base,
                storage: lake,
                connection: mskIamConnection({ clusterArn: pulumi.output(CLUSTER_ARN) }),
            });
        });
        expect(graph.one("aws:msk/clusterPolicy:ClusterPolicy", "ingest-cluster-policy").inputs.clusterArn).toBe(CLUSTER_ARN);
    });
});
