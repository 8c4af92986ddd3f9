import { KafkaConnection } from "../../components/core";
import { LandingZone } from "../../components/landing-zone";
import { MskFirehoseIngest, MskFirehoseIngestArgs } from "../../components/ingest";
import { runProgram, validationProblems } from "../../testing";
import { mskIamConnection, types } from "./fixtures";

type Overrides = Partial<MskFirehoseIngestArgs>;

/** The problems the component reports for these arguments (fails the test if there are none). */
function problems(overrides: Overrides, name = "ingest"): Promise<string[]> {
    return validationProblems(() =>
        runProgram(() => {
            const lz = new LandingZone("lz", { protect: false });
            new MskFirehoseIngest(name, { connection: mskIamConnection(), topics: ["orders"], storage: lz, ...overrides });
        }),
    );
}

/** The single problem for these arguments; its text must name the component, field and value. */
async function problem(overrides: Overrides, field: string, value: string, name = "ingest"): Promise<string> {
    const found = await problems(overrides, name);
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(`MskFirehoseIngest "${name}": ${field} = ${value}: `)).toBe(true);
    return found[0];
}

const scram: KafkaConnection = mskIamConnection({ authMode: "scram", scram: { username: "u", password: "p" } });
const selfManaged: KafkaConnection = { bootstrapServers: "kafka-0.kafka:9092", authMode: "iam" };

describe("MskFirehoseIngest validation", () => {
    it("accepts the documented edge values (no error for zero buffering, 900 s, 128 MiB, an ISO start)", async () => {
        const graph = await runProgram(() => {
            const lz = new LandingZone("lz", { protect: false });
            new MskFirehoseIngest("edge", {
                connection: mskIamConnection(),
                topics: ["a", "b_c-d.e"],
                storage: lz,
                bufferingIntervalSeconds: 0,
                bufferingSizeMiB: 1,
                startPosition: "2026-01-01T00:00:00Z",
            });
            new MskFirehoseIngest("slow", {
                connection: mskIamConnection(),
                topics: ["a"],
                storage: lz,
                bufferingIntervalSeconds: 900,
                bufferingSizeMiB: 128,
                manageClusterPolicy: false,
            });
        });
        expect(graph.ofType(types.stream)).toHaveLength(3);
        expect((graph.one(types.stream, "edge-a").inputs.mskSourceConfiguration as Record<string, unknown>).readFromTimestamp).toBe(
            "2026-01-01T00:00:00Z",
        );
    });

    it("rejects a connection that does not use IAM, pointing at Kafka Connect", async () => {
        const msg = await problem({ connection: scram }, "connection.authMode", '"scram"');
        expect(msg).toContain("Firehose reads MSK only with IAM");
        expect(msg).toContain("use Kafka Connect with an S3 sink connector");
    });

    it("rejects a connection that is not MSK (no cluster ARN), pointing at Kafka Connect", async () => {
        const msg = await problem({ connection: selfManaged }, "connection.clusterArn", "undefined");
        expect(msg).toContain("not an Amazon MSK cluster");
        expect(msg).toContain("use Kafka Connect with an S3 sink connector");
    });

    it("rejects an ARN that is not an MSK cluster's", async () => {
        const arn = "arn:aws:kafka:us-east-1:123456789012:topic/events/uuid-1/orders";
        const msg = await problem({ connection: mskIamConnection({ clusterArn: arn }) }, "connection.clusterArn", JSON.stringify(arn));
        expect(msg).toContain("arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>");
    });

    it.each([
        [[], "topics", "[]", "no topics to deliver", "List at least one topic"],
        [["bad topic!"], "topics[0]", '"bad topic!"', "not a Kafka topic name", "Use 1-249 letters"],
        [[".."], "topics[0]", '".."', "not a Kafka topic name", 'not "." or ".."'],
        [["orders", "orders"], "topics[1]", '"orders"', "listed twice", "List each topic once"],
        [["_errors"], "topics[0]", '"_errors"', "error folder", "Pick another errorPath"],
    ])("rejects topics %j", async (topics, field, value, what, fix) => {
        const msg = await problem({ topics: topics as string[] }, field, value);
        expect(msg).toContain(what);
        expect(msg).toContain(fix);
    });

    it("rejects a component and topic name too long for IAM's role-name limit", async () => {
        const topic = "com.example.payments.transactions.enriched.v2";
        const msg = await problem({ topics: [topic] }, "topics[0]", JSON.stringify(topic));
        expect(msg).toContain("over IAM's 64-character limit");
        expect(msg).toContain('"<name>-<topic>" has at most 51 characters');
    });

    it.each([
        ["checkpoints", "not a data zone of the storage"],
        ["gold", "not a data zone of the storage"],
    ])("rejects zone %s, listing the zones", async (zone, what) => {
        const msg = await problem({ zone }, "zone", JSON.stringify(zone));
        expect(msg).toContain(what);
        expect(msg).toContain("Use one of raw, curated");
    });

    it("rejects an error path with more than one folder", async () => {
        expect(await problem({ errorPath: "errors/firehose" }, "errorPath", '"errors/firehose"')).toContain("single folder name");
    });

    it("rejects an unknown partition granularity", async () => {
        expect(await problem({ partitionBy: "minute" as "day" }, "partitionBy", '"minute"')).toContain('Use one of "day", "hour"');
    });

    it.each([
        ["bufferingIntervalSeconds", 901, "Firehose accepts 0-900 seconds"],
        ["bufferingIntervalSeconds", -1, "Firehose accepts 0-900 seconds"],
        ["bufferingIntervalSeconds", 1.5, "Firehose accepts 0-900 seconds"],
        ["bufferingSizeMiB", 0, "Firehose accepts 1-128 MiB"],
        ["bufferingSizeMiB", 129, "Firehose accepts 1-128 MiB"],
    ])("rejects %s = %d outside what Firehose accepts", async (field, value, what) => {
        const msg = await problem({ [field]: value }, field, String(value));
        expect(msg).toContain(what);
        expect(msg).toContain("in that range");
    });

    it("rejects buffering dynamic partitioning does not allow (under 64 MiB, zero interval)", async () => {
        const eventTime = { field: ".ts", format: "epoch-seconds" as const };
        const small = await problem({ eventTime, bufferingSizeMiB: 32 }, "bufferingSizeMiB", "32");
        expect(small).toContain("at least 64 MiB with dynamic partitioning");
        expect(small).toContain("Use 64-128");
        const zero = await problem({ eventTime, bufferingIntervalSeconds: 0 }, "bufferingIntervalSeconds", "0");
        expect(zero).toContain("zero buffering is not available with dynamic partitioning");
    });

    it.each(["event_time", ".a | env", ".a[0]", ".1x"])("rejects event-time field %j, which is not a plain jq path", async (field) => {
        const msg = await problem({ eventTime: { field, format: "iso-8601" } }, "eventTime.field", JSON.stringify(field));
        expect(msg).toContain('Use a path such as ".event_time"');
    });

    it("rejects an unknown event-time format", async () => {
        const msg = await problem({ eventTime: { field: ".ts", format: "rfc2822" as "iso-8601" } }, "eventTime.format", '"rfc2822"');
        expect(msg).toContain('"epoch-seconds", "epoch-millis", "iso-8601"');
    });

    it.each(["yesterday", "2026-13-01T00:00:00Z", "2026-01-01 00:00:00"])("rejects start position %j", async (startPosition) => {
        const msg = await problem({ startPosition }, "startPosition", JSON.stringify(startPosition));
        expect(msg).toContain('Use "earliest", "stream-creation" or a UTC instant');
    });

    it("rejects a log retention CloudWatch Logs does not offer", async () => {
        expect(await problem({ logRetentionDays: 10 }, "logRetentionDays", "10")).toContain("Use one of 1, 3, 5, 7, 14, 30");
    });

    it("reports every problem at once: the structure first, then the rules across fields", async () => {
        const found = await problems({ connection: scram, topics: ["ok", "not ok"], bufferingIntervalSeconds: 1000, logRetentionDays: 2 });
        expect(found.map((p) => p.split(" = ")[0])).toEqual([
            'MskFirehoseIngest "ingest": topics[1]',
            'MskFirehoseIngest "ingest": bufferingIntervalSeconds',
            'MskFirehoseIngest "ingest": logRetentionDays',
        ]);
        const rules = await problems({ connection: scram, topics: ["ok", "ok"], zone: "gold" });
        expect(rules.map((p) => p.split(" = ")[0])).toEqual([
            'MskFirehoseIngest "ingest": connection.authMode',
            'MskFirehoseIngest "ingest": topics[1]',
            'MskFirehoseIngest "ingest": zone',
        ]);
    });
});
