import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    brokerStorage,
    brokersAcrossZones,
    expressIngress,
    expressPartitionsPerBroker,
    firehoseThroughput,
    flinkParallelism,
    partitionsPerBroker,
    replicasFitBrokers,
    serverlessIngress,
    serverlessPartitionIngress,
    serverlessPartitions,
    streamsThreads,
} from "../../cli/capacity/checks";
import { capacityReport } from "../../cli/capacity/from-plan";
import { ingestGbPerDay, loadFromConfig } from "../../cli/capacity/load";
import { renderCapacity } from "../../cli/capacity/render";
import { plan } from "../../cli/plan";
import rootProgram from "../../index";
import { capacityProblem, assertCapacity } from "../../cli/capacity/gate";
import { planOf, projectWithStacks, root, wideHybridStack } from "./stack-plans";
import { sharedPlan } from "../shared-plans";
import { planTargets } from "../plan-targets";
import { runStack } from "../../testing";

const MIB = 1024 ** 2;

describe("capacity checks (pure)", () => {
    it("partitions per broker against MSK's guidance for the size", () => {
        const check = partitionsPerBroker({ cluster: "c", instanceType: "kafka.m7g.large", brokers: 3, partitionReplicas: 3300 });
        expect(check).toMatchObject({ ok: false, measured: 1100, limit: 1000, margin: -0.1 });
        expect(partitionsPerBroker({ cluster: "c", instanceType: "kafka.t3.small", brokers: 3, partitionReplicas: 900 })).toMatchObject({
            ok: true,
            limit: 300,
            margin: 0,
        });
        expect(partitionsPerBroker({ cluster: "c", instanceType: "express.m7g.large", brokers: 3, partitionReplicas: 3 })).toBeUndefined();
    });

    it("brokers in a multiple of the zones, replicas that fit and leave one broker to lose", () => {
        expect(brokersAcrossZones({ cluster: "c", brokers: 4, zones: 3 }).ok).toBe(false);
        expect(brokersAcrossZones({ cluster: "c", brokers: 6, zones: 3 }).ok).toBe(true);
        expect(replicasFitBrokers({ topic: "t", replicationFactor: 3, minInsyncReplicas: 2, brokers: 3 }).ok).toBe(true);
        expect(replicasFitBrokers({ topic: "t", replicationFactor: 3, minInsyncReplicas: 3, brokers: 3 }).detail).toContain(
            "a broker restart stops acks=all producers",
        );
        expect(replicasFitBrokers({ topic: "t", replicationFactor: 4, minInsyncReplicas: 2, brokers: 3 }).detail).toContain(
            "replication factor 4 exceeds the 3 brokers",
        );
    });

    it("broker storage: 1 MiB/s for 7 days, 3 copies over 3 brokers is 590.6 GiB each, against 85% of the disk", () => {
        const topics = [{ topic: "t", bytesPerSecond: MIB, localRetentionSeconds: 7 * 86400, replicationFactor: 3 }];
        const small = brokerStorage({ cluster: "c", brokers: 3, volumeGiB: 500, topics });
        expect(small).toMatchObject({ ok: false, measured: 590.63, limit: 425 });
        expect(brokerStorage({ cluster: "c", brokers: 3, volumeGiB: 500, ceilingGiB: 1000, topics })).toMatchObject({
            ok: true,
            limit: 850,
        });
    });

    it("Flink parallelism against its widest topic, Kafka Streams threads against the input partitions", () => {
        expect(
            flinkParallelism({
                job: "j",
                parallelism: 12,
                topics: [
                    { name: "a", partitions: 6 },
                    { name: "b", partitions: 8 },
                ],
            }),
        ).toMatchObject({ ok: false, limit: 8 });
        expect(flinkParallelism({ job: "j", parallelism: 4, topics: [] })).toBeUndefined();
        expect(streamsThreads({ app: "s", maxReplicas: 4, threads: 2, inputPartitions: 6 })).toMatchObject({
            ok: false,
            measured: 8,
            limit: 6,
        });
    });

    it("Firehose: peak throughput against the stream quota of the region, with the flush interval and object size", () => {
        const check = firehoseThroughput({
            stream: "s",
            region: "us-east-1",
            averageBytesPerSecond: 2 * MIB,
            peakBytesPerSecond: 6 * MIB,
            bufferingSizeMiB: 64,
            bufferingIntervalSeconds: 300,
        });
        expect(check).toMatchObject({ ok: false, measured: 6, limit: 5 });
        expect(check.detail).toContain("flushes every 32 s, objects of ~64 MiB");
        expect(
            firehoseThroughput({
                stream: "s",
                region: "ap-south-1",
                averageBytesPerSecond: MIB,
                peakBytesPerSecond: 2 * MIB,
                bufferingSizeMiB: 64,
                bufferingIntervalSeconds: 300,
            }).limit,
        ).toBe(1);
    });
});

describe("capacity checks of the Express and Serverless shapes (pure)", () => {
    it("Express: partition replicas against the size's recommendation, peak ingress per broker against its sizing", () => {
        expect(
            expressPartitionsPerBroker({ cluster: "c", instanceType: "express.m7g.large", brokers: 3, partitionReplicas: 3300 }),
        ).toMatchObject({ ok: false, measured: 1100, limit: 1000 });
        expect(
            expressPartitionsPerBroker({ cluster: "c", instanceType: "express.m7g.4xlarge", brokers: 3, partitionReplicas: 3300 }),
        ).toMatchObject({ ok: true, limit: 6000 });
        expect(
            expressPartitionsPerBroker({ cluster: "c", instanceType: "kafka.m7g.large", brokers: 3, partitionReplicas: 3 }),
        ).toBeUndefined();
        const hot = expressIngress({ cluster: "c", instanceType: "express.m7g.large", brokers: 3, peakBytesPerSecond: 60 * MIB });
        expect(hot).toMatchObject({ ok: false, measured: 20, limit: 15.6, unit: "MiB/s per broker" });
        expect(expressIngress({ cluster: "c", instanceType: "express.m7g.xlarge", brokers: 3, peakBytesPerSecond: 60 * MIB })?.ok).toBe(
            true,
        );
    });

    it("Serverless: partitions per kind of topic, cluster ingress and per-partition ingress against the quotas", () => {
        expect(serverlessPartitions({ cluster: "c", compacted: false, partitions: 2400 })).toMatchObject({
            ok: true,
            limit: 2400,
            margin: 0,
        });
        expect(serverlessPartitions({ cluster: "c", compacted: true, partitions: 121 })).toMatchObject({
            id: "serverless-compacted-partitions",
            ok: false,
            limit: 120,
        });
        expect(serverlessIngress({ cluster: "c", peakBytesPerSecond: 250 * MIB })).toMatchObject({ ok: false, measured: 250, limit: 200 });
        expect(serverlessPartitionIngress({ topic: "t", partitions: 3, peakBytesPerSecond: 18 * MIB })).toMatchObject({
            ok: false,
            measured: 6,
            limit: 5,
        });
        expect(serverlessPartitionIngress({ topic: "t", partitions: 6, peakBytesPerSecond: 18 * MIB }).ok).toBe(true);
    });
});

describe("declared load", () => {
    it("reads spectrum:load and the ingest it implies", () => {
        const load = loadFromConfig(
            JSON.stringify({ topics: { a: { eventsPerSecond: 1000, averageRecordBytes: 500 } }, waive: { "broker-storage": "grows" } }),
        );
        expect(load).toEqual({
            peakFactor: 3,
            topics: { a: { eventsPerSecond: 1000, averageRecordBytes: 500 } },
            waive: { "broker-storage": "grows" },
        });
        expect(ingestGbPerDay(load!)).toBeCloseTo(43.2, 9);
        expect(loadFromConfig(undefined)).toBeUndefined();
    });

    it("refuses unknown keys, missing topics, bad numbers and waivers without a reason", () => {
        expect(() => loadFromConfig(JSON.stringify({ topic: {} }))).toThrow(
            "stack config spectrum:load.topic = {}: is not a load setting. Did you mean topics?",
        );
        expect(() => loadFromConfig(JSON.stringify({ topics: {} }))).toThrow("must map at least one topic name to its load");
        expect(() => loadFromConfig(JSON.stringify({ topics: { a: { eventsPerSecond: -1, averageRecordBytes: 1 } } }))).toThrow(
            "spectrum:load.topics.a.eventsPerSecond = -1: must be a positive number",
        );
        expect(() =>
            loadFromConfig(JSON.stringify({ topics: { a: { eventsPerSecond: 1, averageRecordBytes: 1, partitions: 3 } } })),
        ).toThrow("spectrum:load.topics.a.partitions = 3: is not a topic load setting");
        expect(() =>
            loadFromConfig(JSON.stringify({ peakFactor: 0.5, topics: { a: { eventsPerSecond: 1, averageRecordBytes: 1 } } })),
        ).toThrow("must be at least 1");
        expect(() =>
            loadFromConfig(JSON.stringify({ topics: { a: { eventsPerSecond: 1, averageRecordBytes: 1 } }, waive: { x: "" } })),
        ).toThrow("needs the reason");
    });
});

describe("capacity report from a plan", () => {
    it("runs the load-free checks on every cluster, topic and job, and skips the load-based ones without a load", async () => {
        const report = capacityReport(await planOf("kappa"), "us-east-1", undefined);
        expect(report.results.map((r) => `${r.status} ${r.id} ${r.subject}`)).toEqual([
            "pass brokers-per-zone kappa-kafka-cluster",
            "pass partitions-per-broker kappa-kafka-cluster",
            "pass replicas-fit-brokers orders",
            "pass replicas-fit-brokers customers",
            "pass replicas-fit-brokers orders-enriched.v1",
            "skipped broker-storage kappa-kafka-cluster",
            "pass flink-parallelism kappa-v1-deployment",
        ]);
        expect(report.failures).toBe(0);
    });

    it("fails a check the declared load breaks, unless the check is waived with a reason", async () => {
        const graph = await planOf("hybrid-prod");
        const heavy = {
            peakFactor: 4,
            topics: { clicks: { eventsPerSecond: 20000, averageRecordBytes: 1000 } },
            waive: {} as Record<string, string>,
        };
        const failing = capacityReport(graph, "us-east-1", heavy);
        expect(failing.results.filter((r) => r.status === "fail").map((r) => `${r.id} ${r.subject}`)).toEqual([
            "broker-storage hybrid-kafka-cluster",
            "firehose-throughput hybrid-ingest-clicks",
        ]);
        expect(renderCapacity(failing)).toContain(
            "Capacity: 2 checks failed. Resize, or waive with spectrum:load.waive.<check id> and the reason.",
        );
        heavy.waive = {
            "firehose-throughput/hybrid-ingest-clicks": "quota raised to 100 MiB/s",
            "broker-storage": "brokers grow next quarter",
        };
        const waived = capacityReport(graph, "us-east-1", heavy);
        expect(waived.failures).toBe(0);
        expect(waived.results.filter((r) => r.status === "waived").map((r) => r.reason)).toEqual([
            "brokers grow next quarter",
            "quota raised to 100 MiB/s",
        ]);
    });

    it("holds Express brokers to their ingress, not to a disk MSK manages, and Express topics to two in-sync replicas", async () => {
        const graph = await planOf("lambda-express");
        const load = { peakFactor: 3, topics: { clicks: { eventsPerSecond: 20000, averageRecordBytes: 1000 } }, waive: {} };
        const report = capacityReport(graph, "us-east-1", load);
        expect(report.results.map((r) => `${r.status} ${r.id} ${r.subject}`)).toEqual(
            expect.arrayContaining(["pass partitions-per-broker lambda-kafka-cluster", "fail express-ingress lambda-kafka-cluster"]),
        );
        expect(report.results.some((r) => r.id === "broker-storage")).toBe(false);
        const clicks = report.results.find((r) => r.id === "replicas-fit-brokers" && r.subject === "clicks");
        expect(clicks?.check?.detail).toBe("3 replicas on 3 brokers, 1 may be down");
    });

    it("counts the partitions of topics created over Kafka on an MSK Serverless cluster, and checks its ingress", async () => {
        const graph = await planOf("hybrid-serverless");
        const report = capacityReport(graph, "us-east-1", {
            peakFactor: 2,
            topics: { clicks: { eventsPerSecond: 10000, averageRecordBytes: 1000 } },
            waive: {},
        });
        const line = (id: string, subject: string) => report.results.find((r) => r.id === id && r.subject === subject);
        expect(line("serverless-partitions", "hybrid-kafka-cluster")?.check).toMatchObject({ ok: true, measured: 6 });
        expect(line("serverless-ingress", "hybrid-kafka-cluster")?.status).toBe("pass");
        // 20 MB/s at peak over 3 partitions: over the 5 MiB/s each partition takes.
        expect(line("serverless-partition-ingress", "clicks")?.check).toMatchObject({ ok: false, limit: 5 });
    });

    it("makes the plan command exit 2 on a failed capacity check", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-capacity-"));
        fs.copyFileSync(path.join(root, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.mkdirSync(path.join(dir, "stacks"));
        const stack = fs
            .readFileSync(path.join(root, "stacks", "Pulumi.hybrid-prod.yaml"), "utf8")
            .replace("eventsPerSecond: 2000", "eventsPerSecond: 20000");
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.hybrid-prod.yaml"), stack);
        let out = "";
        const code = await plan(["hybrid-prod", "--capacity"], {
            root: dir,
            program: () => rootProgram,
            out: (t) => (out += t),
            err: () => undefined,
        });
        fs.rmSync(dir, { recursive: true, force: true });
        expect(code).toBe(2);
        expect(out).toMatch(/FAIL {2}firehose-throughput {4}hybrid-ingest-clicks/);
    });
});

describe("Kafka Streams threads", () => {
    it("counts the KEDA scaler's most replicas x num.stream.threads against the app's widest input topic", async () => {
        const target = planTargets().find((t) => t.label === "examples/kafka-streams")!;
        const report = capacityReport(await sharedPlan(target), "us-east-1", undefined);
        expect(report.results.filter((r) => r.id === "streams-threads")).toEqual([
            expect.objectContaining({
                status: "pass",
                check: expect.objectContaining({
                    measured: 12,
                    limit: 12,
                    margin: 0,
                    detail: expect.stringContaining("6 replicas x 2 threads"),
                }),
            }),
        ]);
    });

    it("fails a Kappa Streams app with more threads than partitions", async () => {
        const kappa = fs
            .readFileSync(path.join(root, "stacks", "Pulumi.kappa.yaml"), "utf8")
            .replace("    replayHorizonDays: 3", "    replayHorizonDays: 3\n    processor: kafka-streams\n    streams: { threads: 4 }")
            .replace(/^ {4}landingOutput:.*\n/m, "")
            .replace("      - version: v1", '      - { version: v1, image: "registry.example.com/enrich:1.0" }');
        const dir = projectWithStacks({ streams: kappa });
        try {
            const graph = await runStack(() => rootProgram, path.join(dir, "stacks", "Pulumi.streams.yaml"));
            const report = capacityReport(graph, "us-east-1", undefined);
            expect(report.results.find((r) => r.id === "streams-threads")).toMatchObject({
                status: "fail",
                subject: "kappa-v1-statefulset",
                check: {
                    measured: 4,
                    limit: 3,
                    detail: "1 replicas x 4 threads for 3 input partitions (one task per partition; idle threads beyond)",
                },
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("a declared load makes the capacity checks validation", () => {
    const small = "{ orders: { eventsPerSecond: 10, averageRecordBytes: 500 } }";
    const heavy = fs
        .readFileSync(path.join(root, "stacks", "Pulumi.hybrid-prod.yaml"), "utf8")
        .replace("eventsPerSecond: 2000", "eventsPerSecond: 20000");
    let dir: string;
    beforeAll(() => {
        dir = projectWithStacks({
            wide: wideHybridStack(),
            "wide-loaded": wideHybridStack({ topics: small }),
            "wide-waived": wideHybridStack({ topics: small, waive: '{ partitions-per-broker: "the clicks topic shrinks next release" }' }),
            "wide-misspelt": wideHybridStack({
                topics: "{ ordres: { eventsPerSecond: 10, averageRecordBytes: 500 }, constructor: { eventsPerSecond: 1, averageRecordBytes: 1 } }",
                waive: '{ partitions-per-brokr: "a typo" }',
            }),
            heavy,
        });
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function planOfStack(stack: string): Promise<{ code: number; out: string; err: string }> {
        let out = "";
        let err = "";
        const code = await plan([stack], { root: dir, program: () => rootProgram, out: (t) => (out += t), err: (t) => (err += t) });
        return { code, out, err };
    }

    it("fails the plan (exit 2) without --capacity, naming the check with its value, limit and fix", async () => {
        const { code, out, err } = await planOfStack("wide-loaded");
        expect({ code, out }).toEqual({ code: 2, out: "" });
        expect(err).toBe(
            'error: Capacity "hybrid-kafka-cluster": partitions-per-broker = 1203 partition replicas per broker: exceeds the limit of 1000 partition replicas per broker, margin -20% ' +
                "(3609 partition replicas over 3 brokers; MSK recommends at most 1000 per kafka.m7g.large broker; limit from https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html). " +
                "Resize, or waive it with the reason as spectrum:load.waive.partitions-per-broker/hybrid-kafka-cluster (this partitions-per-broker check) or spectrum:load.waive.partitions-per-broker (every partitions-per-broker check).\n",
        );
    });

    it("names every failing check", async () => {
        const { code, err } = await planOfStack("heavy");
        expect(code).toBe(2);
        expect(err).toMatch(/^error: 2 problems:\n/);
        expect(err).toContain(
            '\n  - Capacity "hybrid-kafka-cluster": broker-storage = 9147.41 GiB per broker: exceeds the limit of 3400 GiB per broker',
        );
        expect(err).toContain('\n  - Capacity "hybrid-ingest-clicks": firehose-throughput = 45.78 MiB/s: exceeds the limit of 5 MiB/s');
    });

    it("plans when the failing check is waived, and --capacity prints the reason", async () => {
        expect(await planOfStack("wide-waived")).toMatchObject({ code: 0, err: "" });
        let out = "";
        const code = await plan(["wide-waived", "--capacity"], { root: dir, program: () => rootProgram, out: (t) => (out += t) });
        expect(code).toBe(0);
        expect(out).toMatch(/WAIVED {2}partitions-per-broker {2}hybrid-kafka-cluster .*waived: the clicks topic shrinks next release/);
    });

    it("refuses a load of a topic the stack does not have and a waiver of no check, with the name meant", async () => {
        const { code, err } = await planOfStack("wide-misspelt");
        expect(code).toBe(2);
        expect(err).toContain(
            'stack config spectrum:load.topics.ordres = {"eventsPerSecond":10,"averageRecordBytes":500}: is not a topic of this stack. Did you mean "orders"?',
        );
        expect(err).toContain("stack config spectrum:load.topics.constructor = ");
        expect(err).toContain(
            'stack config spectrum:load.waive.partitions-per-brokr = "a typo": waives no capacity check. Did you mean "partitions-per-broker"?',
        );
    });

    it("checks nothing when the stack declares no load, even a check that needs none", async () => {
        const { code, out } = await planOfStack("wide");
        expect(code).toBe(0);
        expect(out).toContain("hybrid-kafka-cluster");
        const graph = await planOf("hybrid");
        expect(assertCapacity(graph, { "aws:region": "us-east-1" })).toBeUndefined();
    });

    it("--capacity still reports every check, and exits 2, instead of stopping at the first message", async () => {
        let out = "";
        const code = await plan(["wide-loaded", "--capacity"], { root: dir, program: () => rootProgram, out: (t) => (out += t) });
        expect(code).toBe(2);
        expect(out).toMatch(/FAIL {2}partitions-per-broker {2}hybrid-kafka-cluster/);
        expect(out).toMatch(/PASS {2}brokers-per-zone/);
    });

    it("words a yes/no check by its detail", () => {
        const check = brokersAcrossZones({ cluster: "c", brokers: 4, zones: 3 });
        expect(capacityProblem({ id: check.id, subject: check.subject, status: "fail", check })).toBe(
            'Capacity "c": brokers-per-zone = 4 brokers: 4 brokers over 3 zones: not a multiple of the zones, which MSK refuses ' +
                "(see https://docs.aws.amazon.com/msk/latest/developerguide/msk-create-cluster.html). " +
                "Resize, or waive it with the reason as spectrum:load.waive.brokers-per-zone/c (this brokers-per-zone check) or spectrum:load.waive.brokers-per-zone (every brokers-per-zone check).",
        );
    });
});
