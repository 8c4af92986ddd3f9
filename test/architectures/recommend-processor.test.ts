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
