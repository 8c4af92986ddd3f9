import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import { runProgram } from "../../testing";
import { ASSUMPTIONS, assumptionsFromConfig, assumptionsFromFlags, resolveAssumptions } from "../../cli/cost/assumptions";
import { estimateCost } from "../../cli/cost/estimate";
import { PRICE_FILE, priceBook } from "../../cli/cost/price-book";
import { fieldMatches, runsPerMonth } from "../../cli/cost/schedule-runs";
import { runReports } from "../../cli/reports";
import { planOf, stackFile, stacks } from "./stack-plans";

const defaults = resolveAssumptions([]);

describe("the price file", () => {
    it("prices the same items in every region, each with a positive price, a unit, an ISO date and an https page", () => {
        const regions = Object.keys(PRICE_FILE.regions);
        expect(regions).toEqual(expect.arrayContaining(["us-east-1", "eu-west-1"]));
        const keys = Object.keys(PRICE_FILE.regions["us-east-1"]).sort();
        for (const region of regions) {
            expect(Object.keys(PRICE_FILE.regions[region]).sort()).toEqual(keys);
            for (const price of Object.values(PRICE_FILE.regions[region])) {
                expect(price.usd).toBeGreaterThan(0);
                expect(price.per).toMatch(/\w/);
                expect(price.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
                expect(price.url).toMatch(/^https:\/\/aws\.amazon\.com\/[\w/-]+\/$/);
            }
        }
        expect(PRICE_FILE.hoursPerMonth).toBe(730);
    });

    it("names the regions it has when asked for one it lacks", () => {
        expect(() => priceBook("ap-south-2")).toThrow(
            "no prices for region ap-south-2 in cli/cost/prices.json (regions priced: us-east-1, eu-west-1)",
        );
    });
});

describe("schedule runs per month", () => {
    it("counts cron and rate expressions over a 730-hour month", () => {
        expect(runsPerMonth("cron(15 * * * ? *)")).toBeCloseTo(730, 6);
        expect(runsPerMonth("cron(0/15 * * * ? *)")).toBeCloseTo(2920, 6);
        expect(runsPerMonth("cron(0 2 * * ? *)")).toBeCloseTo(730 / 24, 6);
        expect(runsPerMonth("cron(0 2 ? * MON-FRI *)")).toBeCloseTo(((730 / 24) * 5) / 7, 6);
        expect(runsPerMonth("cron(0 0 1 * ? *)")).toBe(1);
        expect(runsPerMonth("cron(0 6 ? * 2#1 *)")).toBe(1);
        expect(runsPerMonth("cron(0 0 1 JAN,JUL ? *)")).toBeCloseTo(2 / 12, 6);
        expect(runsPerMonth("rate(1 day)")).toBeCloseTo(730 / 24, 6);
        expect(runsPerMonth("rate(30 minutes)")).toBeCloseTo(1460, 6);
        expect(runsPerMonth("at(2027-01-01T00:00:00)")).toBe(0);
        expect(fieldMatches("1,5,10-12", 0, 59)).toBe(5);
        expect(() => runsPerMonth("every hour")).toThrow('cannot read schedule expression "every hour"');
    });
});

describe("cost assumptions", () => {
    it("layers defaults, declared load, stack config and flags, and says where each value came from", () => {
        const resolved = resolveAssumptions([
            ["declared load", { ingestGbPerDay: 40 }],
            ["stack config", assumptionsFromConfig(JSON.stringify({ ingestGbPerDay: 50, spotDiscount: 0.7 }))],
            ["flag", assumptionsFromFlags(["spotDiscount=0.5", "eksExtendedSupport=true"])],
        ]);
        expect(resolved.values).toMatchObject({ ingestGbPerDay: 50, spotDiscount: 0.5, eksExtendedSupport: true, batchRunMinutes: 15 });
        expect(resolved.origins).toMatchObject({
            ingestGbPerDay: "stack config",
            spotDiscount: "flag",
            eksExtendedSupport: "flag",
            batchRunMinutes: "default",
        });
        expect(Object.keys(ASSUMPTIONS)).toEqual(Object.keys(defaults.values));
    });

    it("refuses unknown names (with the likely one), wrong types and out-of-range values", () => {
        expect(() => assumptionsFromConfig(JSON.stringify({ ingestGbPerDy: 5 }))).toThrow(
            "stack config spectrum:costAssumptions.ingestGbPerDy = 5: is not a cost assumption. Did you mean ingestGbPerDay? Use one of",
        );
        expect(() => assumptionsFromConfig(JSON.stringify({ spotDiscount: 1.5 }))).toThrow(
            "spotDiscount = 1.5: must be at most 1. Set spotDiscount to 1 or less.",
        );
        expect(() => assumptionsFromConfig("[1]")).toThrow("must be a mapping of assumption names to values");
        expect(() => assumptionsFromFlags(["ingestGbPerDay"])).toThrow("--assume ingestGbPerDay: is not name=value");
        expect(() => assumptionsFromFlags(["ingestGbPerDay=lots"])).toThrow("--assume ingestGbPerDay=lots: must be a number");
        expect(() => assumptionsFromFlags(["eksExtendedSupport=1"])).toThrow("must be true or false");
    });
});

describe("cost estimate, totals worked out by hand", () => {
    it("an MSK cluster: 3 x kafka.m7g.large x 730 h x $0.204 + 3 x 100 GB x $0.10, and its key", async () => {
        const graph = await runProgram(() => {
            const key = new aws.kms.Key("key");
            new aws.msk.Cluster("kafka", {
                kafkaVersion: "3.9.x.kraft",
                numberOfBrokerNodes: 3,
                brokerNodeGroupInfo: {
                    instanceType: "kafka.m7g.large",
                    clientSubnets: ["a", "b", "c"],
                    securityGroups: ["sg"],
                    storageInfo: { ebsStorageInfo: { volumeSize: 100 } },
                },
                encryptionInfo: { encryptionAtRestKmsKeyArn: key.arn },
            });
        });
        const estimate = estimateCost(graph, priceBook("us-east-1"), defaults);
        expect(estimate.byType).toEqual([
            { type: "aws:msk/cluster:Cluster", monthlyUsd: 476.76 },
            { type: "aws:kms/key:Key", monthlyUsd: 1 },
        ]);
        expect(estimate.totalUsd).toBe(477.76);
        // eu-west-1: 3 x 730 x $0.2224 + 300 x $0.11.
        expect(estimateCost(graph, priceBook("eu-west-1"), defaults).byType[0]).toEqual({
            type: "aws:msk/cluster:Cluster",
            monthlyUsd: 520.06,
        });
    });

    it("an awsx VPC with a NAT gateway per AZ: 3 x 730 h x ($0.045 + $0.005 for its IPv4 address) + 1 GB a day x $0.045", async () => {
        const graph = await runProgram(() => {
            new awsx.ec2.Vpc("vpc", { numberOfAvailabilityZones: 3, natGateways: { strategy: "OnePerAz" } });
            new awsx.ec2.Vpc("one", { numberOfAvailabilityZones: 3, natGateways: { strategy: "Single" } });
        });
        const lines = estimateCost(graph, priceBook("us-east-1"), defaults).lines;
        const of = (resource: string) => lines.filter((l) => l.resource === resource).reduce((sum, l) => sum + l.monthlyUsd, 0);
        expect(of("vpc")).toBeCloseTo(3 * 730 * 0.05 + (730 / 24) * 0.045, 6);
        expect(of("one")).toBeCloseTo(730 * 0.05 + (730 / 24) * 0.045, 6);
    });

    it("the hybrid stack's hourly batch: 730 runs x 15 min of 1 primary + 2 core m6g.xlarge (EC2 + EMR fee) and their disks, plus the state transitions", async () => {
        const graph = await planOf("hybrid");
        const noScaleOut = resolveAssumptions([["flag", { emrScaleOutShare: 0 }]]);
        const workflow = estimateCost(graph, priceBook("us-east-1"), noScaleOut).lines.filter(
            (l) => l.resource === "hybrid-batch-workflow",
        );
        const hours = 730 * 0.25;
        const instances = 3 * hours * (0.154 + 0.0385);
        const disks = ((1 * 32 + 2 * 64) * hours * 0.08) / 730;
        const transitions = 730 * 12 * 0.000025;
        expect(workflow.reduce((sum, l) => sum + l.monthlyUsd, 0)).toBeCloseTo(instances + disks + transitions, 6);
        expect(workflow.every((l) => l.discount === 0)).toBe(true);
        // With the default scale-out, a quarter of the 2-unit range (4 - 2) runs as Spot task nodes at the assumed discount.
        const spot = estimateCost(graph, priceBook("us-east-1"), defaults).lines.filter((l) => l.discount > 0);
        expect(spot.map((l) => [l.priceKey, l.quantity, l.discount])).toEqual([["ec2.c7g.xlarge", 0.5 * hours, 0.6]]);
    });

    it("MSK Serverless: 730 cluster hours, an hour per partition, data in and out, and the storage the topics keep", async () => {
        const graph = await planOf("hybrid-serverless");
        const lines = estimateCost(graph, priceBook("us-east-1"), defaults).lines.filter((l) => l.resource === "hybrid-kafka-cluster");
        const month = 10 * (730 / 24);
        expect(lines.map((l) => [l.priceKey, l.quantity])).toEqual([
            ["msk-serverless.cluster-hour", 730],
            ["msk-serverless.partition-hour", 6 * 730],
            ["msk-serverless.data-in", month],
            ["msk-serverless.data-out", month],
            // Two topics of 5 GB a day, kept 3 days.
            ["msk-serverless.storage", 30],
        ]);
        expect(lines.reduce((sum, l) => sum + l.monthlyUsd, 0)).toBeCloseTo(730 * 0.75 + 6 * 730 * 0.0015 + month * 0.15 + 30 * 0.1, 6);
        const twice = estimateCost(graph, priceBook("us-east-1"), resolveAssumptions([["flag", { kafkaReadsPerWrite: 2 }]]));
        expect(twice.lines.find((l) => l.priceKey === "msk-serverless.data-out")?.quantity).toBeCloseTo(2 * month, 6);
    });

    it("Express brokers: broker hours, the storage used instead of provisioned volumes, and the data written", async () => {
        const graph = await planOf("lambda-express");
        const lines = estimateCost(graph, priceBook("us-east-1"), defaults).lines.filter((l) => l.resource === "lambda-kafka-cluster");
        expect(lines.map((l) => l.priceKey)).toEqual(["msk.express.m7g.large", "msk.express.storage", "msk.express.data-written"]);
        expect(lines[0].quantity).toBe(3 * 730);
        // 10 GB a day over the two topics, kept 7 days, one copy (replicas are MSK's).
        expect(lines[1].quantity).toBeCloseTo(10 * 7, 6);
        expect(lines[2].quantity).toBeCloseTo(10 * (730 / 24), 6);
        expect(lines.some((l) => l.priceKey === "msk.storage")).toBe(false);
    });

    it("EMR Serverless: scheduled runs x minutes x the run's vCPUs and GB at Graviton prices, a streaming run around the clock", async () => {
        const graph = await planOf("lambda-express");
        const lines = estimateCost(graph, priceBook("us-east-1"), defaults).lines;
        const batch = lines.filter((l) => l.resource === "lambda-batch-workflow" && l.priceKey.startsWith("emr-serverless."));
        const hours = (730 * 8) / 60;
        expect(batch.map((l) => [l.priceKey, l.quantity])).toEqual([
            ["emr-serverless.arm64.vcpu-hour", 16 * hours],
            ["emr-serverless.arm64.gb-hour", 64 * hours],
        ]);
        const speed = lines.filter((l) => l.resource === "lambda-speed-supervisor" && l.priceKey.startsWith("emr-serverless."));
        expect(speed.map((l) => [l.priceKey, l.quantity])).toEqual([
            ["emr-serverless.arm64.vcpu-hour", 16 * 730],
            ["emr-serverless.arm64.gb-hour", 64 * 730],
        ]);
        // A run holds at most its application's maximum capacity (hybrid-serverless: 16 vCPU, 64 GB).
        const capped = estimateCost(
            await planOf("hybrid-serverless"),
            priceBook("us-east-1"),
            resolveAssumptions([["flag", { serverlessJobVcpu: 64, serverlessJobMemoryGb: 512 }]]),
        ).lines.filter((l) => l.priceKey.startsWith("emr-serverless."));
        expect(capped.map((l) => l.quantity)).toEqual([16 * hours, 64 * hours]);
    });

    it("attributes every line to a component and prices every resource type of every stack or says why not", async () => {
        for (const stack of stacks) {
            const estimate = estimateCost(await planOf(stack), priceBook("us-east-1"), defaults);
            expect(estimate.lines.every((l) => l.component !== "")).toBe(true);
            expect(estimate.unpriced.filter((u) => u.reason === "no cost rule for this type")).toEqual([]);
            expect(estimate.totalUsd).toBeCloseTo(
                estimate.byComponent.reduce((sum, c) => sum + c.monthlyUsd, 0),
                1,
            );
        }
    });

    it("takes the ingest, and each topic's share of it, from a declared load", async () => {
        const graph = await planOf("hybrid-prod");
        const { text } = runReports(
            graph,
            stackFile("hybrid-prod"),
            { cost: true, capacity: false, failOnDataLoss: false, assume: [] },
            { cwd: ".", color: false, json: true },
        );
        const cost = JSON.parse(text).cost;
        // clicks 2000/s x 800 B, orders 200/s x 1200 B: 138.24 + 20.736 GB a day.
        expect(cost.assumptions.find((a: { name: string }) => a.name === "ingestGbPerDay")).toEqual({
            name: "ingestGbPerDay",
            value: 158.976,
            origin: "declared load",
        });
        const firehose = cost.lines
            .filter((l: { priceKey: string }) => l.priceKey === "firehose.msk-source")
            .map((l: { quantity: number }) => l.quantity);
        expect(firehose[0]).toBeCloseTo(138.24 * (730 / 24), 6);
        expect(firehose[1]).toBeCloseTo(20.736 * (730 / 24), 6);
    });
});
