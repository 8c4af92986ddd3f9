import { ProcessingRequirements, recommendProcessor } from "../../components/architectures/shared/recommend-processor";

describe("recommendProcessor on the six reference scenarios", () => {
    const scenarios: Array<[string, ProcessingRequirements, string]> = [
        [
            "a bounded daily dataset with hours of latency",
            { latencyBudgetMs: 6 * 3600_000, boundedInput: true, teamRunsSpark: true },
            "spark-batch",
        ],
        [
            "30-second freshness for a team that runs Spark",
            { latencyBudgetMs: 30_000, inputInKafka: true, teamRunsSpark: true },
            "spark-streaming",
        ],
        ["sub-100 ms fraud scoring", { latencyBudgetMs: 80, inputInKafka: true, stateSizeGiB: 20, teamRunsSpark: true }, "flink"],
        [
            "light Kafka-to-Kafka enrichment",
            { latencyBudgetMs: 500, inputInKafka: true, outputToKafkaOnly: true, stateSizeGiB: 2 },
            "kafka-streams",
        ],
        [
            "complex stateful computation where latency matters",
            { latencyBudgetMs: 200, inputInKafka: true, heavyComputation: true, stateSizeGiB: 200 },
            "flink",
        ],
        ["a backfill of last year's events", { latencyBudgetMs: 24 * 3600_000, boundedInput: true, inputInKafka: true }, "spark-batch"],
    ];
    it.each(scenarios)("%s", (_name, req, expected) => {
        const rec = recommendProcessor(req);
        expect(rec.processor).toBe(expected);
        expect(rec.reasons.length).toBeGreaterThanOrEqual(2);
    });

    it("picks Spark Streaming for complex computation when the team has Spark and seconds are fine", () => {
        expect(
            recommendProcessor({
                latencyBudgetMs: 20_000,
                heavyComputation: true,
                stateSizeGiB: 100,
                teamRunsSpark: true,
                inputInKafka: true,
            }).processor,
        ).toBe("spark-streaming");
    });

    it("moves Kafka-to-Kafka work to Flink when state is too large to restore from changelogs", () => {
        const rec = recommendProcessor({ latencyBudgetMs: 500, inputInKafka: true, outputToKafkaOnly: true, stateSizeGiB: 500 });
        expect(rec.processor).toBe("flink");
        expect(rec.reasons.join(" ")).toMatch(/500 GiB of state/);
    });

    it("says why, including exactly-once through Kafka transactions", () => {
        const rec = recommendProcessor({ latencyBudgetMs: 500, inputInKafka: true, outputToKafkaOnly: true });
        expect(rec.reasons).toContain("exactly-once through Kafka transactions (processing.guarantee=exactly_once_v2)");
        expect(rec.alternative?.processor).toBe("flink");
    });

    it("rejects a latency budget that is not positive", () => {
        expect(() => recommendProcessor({ latencyBudgetMs: 0 })).toThrow(
            'recommendProcessor "requirements": latencyBudgetMs = 0: must be a positive number of milliseconds.',
        );
    });
});

describe("recommendProcessor: the shape (Kafka flavour, Spark runtime) a workload runs on", () => {
    const shape = (req: ProcessingRequirements) => recommendProcessor(req).shape;

    it("keeps Standard brokers at a small steady load, the cheapest cluster that works, and runs Spark on EMR Serverless", () => {
        const s = shape({ latencyBudgetMs: 2 * 3600_000, inputInKafka: true, peakIngressMiBps: 2 });
        expect(s).toMatchObject({ kafkaFlavour: "standard", sparkRuntime: "emr-serverless" });
        expect(s.reasons[0]).toContain("cost less than MSK Serverless's cluster hours alone");
        expect(s.reasons[1]).toContain("boots no cluster");
    });

    it("picks MSK Serverless for bursty traffic within its quotas, and Standard brokers past them", () => {
        expect(shape({ latencyBudgetMs: 30_000, teamRunsSpark: true, spikyTraffic: true, peakIngressMiBps: 12 }).kafkaFlavour).toBe(
            "serverless",
        );
        const many = shape({ latencyBudgetMs: 30_000, teamRunsSpark: true, spikyTraffic: true, partitions: 3000 });
        expect(many.kafkaFlavour).toBe("standard");
        expect(many.reasons[0]).toContain("exceeds MSK Serverless's quotas");
    });

    it("picks Express brokers once throughput, not the three-broker minimum, sizes the cluster", () => {
        const s = shape({ latencyBudgetMs: 200, inputInKafka: true, peakIngressMiBps: 80 });
        expect(s.kafkaFlavour).toBe("express");
        expect(s.reasons[0]).toMatch(/80 MiB\/s at peak is more than three Standard m7g.large brokers carry/);
        // Bursty or not: 250 MiB/s is past MSK Serverless's 200 MiB/s.
        expect(shape({ latencyBudgetMs: 200, spikyTraffic: true, peakIngressMiBps: 250 }).kafkaFlavour).toBe("express");
    });

    it("keeps stateful Kafka Streams on Standard brokers, whatever the load", () => {
        const s = shape({ latencyBudgetMs: 500, inputInKafka: true, outputToKafkaOnly: true, stateSizeGiB: 2, peakIngressMiBps: 80 });
        expect(recommendProcessor({ latencyBudgetMs: 500, inputInKafka: true, outputToKafkaOnly: true, stateSizeGiB: 2 }).processor).toBe(
            "kafka-streams",
        );
        expect(s).toEqual({
            kafkaFlavour: "standard",
            reasons: [expect.stringContaining("which Express brokers and MSK Serverless refuse")],
        });
    });

    it("gives a Spark runtime to Spark processors only, EMR on EC2 when the jobs need a cluster", () => {
        expect(shape({ latencyBudgetMs: 80, inputInKafka: true }).sparkRuntime).toBeUndefined();
        expect(shape({ latencyBudgetMs: 30_000, teamRunsSpark: true, sparkNeedsClusterControl: true }).sparkRuntime).toBe("emr-ec2");
    });

    it("rejects a negative ingress and a partition count that is not a whole number", () => {
        expect(() => recommendProcessor({ latencyBudgetMs: 1000, peakIngressMiBps: -1, partitions: 2.5 })).toThrow(
            /peakIngressMiBps = -1: must be zero or more[\s\S]*partitions = 2.5: must be a whole number above zero/,
        );
    });
});
