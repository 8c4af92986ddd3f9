import { Validator } from "../../core/errors";
import { v, strict } from "../../core/schema";
import { ShapeRecommendation, recommendShape } from "./recommend-shape";

/** The frameworks on the batch-to-streaming spectrum that spectrum deploys. */
export type Processor = "spark-batch" | "spark-streaming" | "flink" | "kafka-streams";

/** The stream processors a streaming path can use (everything but batch). */
export type StreamProcessor = Exclude<Processor, "spark-batch">;

/**
 * The declaration of what the workload needs; the answer follows from these, with reasons. The
 * shape fields (`peakIngressMiBps`, `partitions`, `spikyTraffic`, `sparkNeedsClusterControl`)
 * decide the Kafka flavour and Spark runtime of the recommendation's `shape`.
 */
export const processingRequirementsShape = {
    /** End-to-end latency the consumers of the results can accept, in milliseconds. Default: none (required). */
    latencyBudgetMs: v.number(),
    /** The input is bounded (a daily drop, a backfill of a past window) rather than an endless stream. Default: false. */
    boundedInput: v.optional(v.boolean()),
    /** Working state the job keeps (windows, joins, aggregates), in GiB. Default: 0 (stateless). */
    stateSizeGiB: v.optional(v.number()),
    /** Results must reflect each event exactly once, even across failures. Default: true. */
    exactlyOnce: v.optional(v.boolean()),
    /** The input already lives in Kafka topics. Default: false. */
    inputInKafka: v.optional(v.boolean()),
    /** The results go back to Kafka topics only (no files, no tables). Default: false. */
    outputToKafkaOnly: v.optional(v.boolean()),
    /** The computation is heavy (large joins, ML features, complex event processing) rather than light (filter, enrich, route, simple aggregates). Default: false. */
    heavyComputation: v.optional(v.boolean()),
    /** The team already runs Spark in production. Default: false. */
    teamRunsSpark: v.optional(v.boolean()),
    /** Kafka ingress at peak, all topics together, MiB/s. Default: unknown (small). */
    peakIngressMiBps: v.optional(v.number()),
    /** Partitions over all topics. Default: unknown (a few per topic). */
    partitions: v.optional(v.number()),
    /** Traffic comes in bursts, or the cluster idles much of the day, rather than flowing steadily. Default: false. */
    spikyTraffic: v.optional(v.boolean()),
    /** The Spark jobs need what only a cluster gives: chosen instance types, Spot, bootstrap actions, HDFS. Default: false. */
    sparkNeedsClusterControl: v.optional(v.boolean()),
};
/** The schema of {@link processingRequirementsShape}. */
export const processingRequirements: v.StrictObjectSchema<typeof processingRequirementsShape, undefined> =
    strict(processingRequirementsShape);
/** What the workload needs; the answer follows from these, with reasons. */
export type ProcessingRequirements = v.InferInput<typeof processingRequirements>;

/** What {@link recommendProcessor} picked, why, and what else would work. */
export interface ProcessorRecommendation {
    /** The framework to use. */
    processor: Processor;
    /** Why, in the order the decision was made. */
    reasons: string[];
    /** What else would work, if anything, and when to prefer it. */
    alternative?: { processor: Processor; when: string };
    /** The Kafka flavour (`kafka.flavour`) and Spark runtime (`spark.runtime`) that fit, with reasons. */
    shape: ShapeRecommendation;
}

// Structured Streaming's micro-batches cost 100 ms to a few seconds each; below a second it is
// the wrong tool. An hour or more of acceptable staleness is batch territory.
const MICRO_BATCH_FLOOR_MS = 1_000;
const BATCH_LATENCY_MS = 60 * 60 * 1_000;
// Kafka Streams restores state from changelog topics onto local disks: past tens of GiB per app a
// restart means a long restore, where Flink restores from incremental S3 checkpoints.
const KAFKA_STREAMS_STATE_LIMIT_GIB = 50;

/**
 * Picks the framework for a workload from its latency budget, state, exactly-once need, where the
 * data lives and what the team runs, following the trade-offs of micro-batch Structured Streaming,
 * event-at-a-time Flink, Kafka-to-Kafka Streams and batch for bounded data; and the shape it runs
 * on (the Kafka flavour and the Spark runtime, see `recommendShape`).
 */
export function recommendProcessor(req: ProcessingRequirements): ProcessorRecommendation {
    const choice = chooseProcessor(req);
    return { ...choice, shape: recommendShape(req, choice.processor, (req.stateSizeGiB ?? 0) > 0) };
}

function chooseProcessor(req: ProcessingRequirements): Omit<ProcessorRecommendation, "shape"> {
    const check = new Validator("recommendProcessor", "requirements");
    check.check(
        Number.isFinite(req.latencyBudgetMs) && req.latencyBudgetMs > 0,
        "latencyBudgetMs",
        req.latencyBudgetMs,
        "must be a positive number of milliseconds",
        "Give the latency your consumers accept, e.g. 30000 for 30 s",
    );
    check.check(
        req.stateSizeGiB === undefined || (Number.isFinite(req.stateSizeGiB) && req.stateSizeGiB >= 0),
        "stateSizeGiB",
        req.stateSizeGiB,
        "must be zero or more",
        "Give the job's working state in GiB, or omit it for a stateless job",
    );
    check.check(
        req.peakIngressMiBps === undefined || (Number.isFinite(req.peakIngressMiBps) && req.peakIngressMiBps >= 0),
        "peakIngressMiBps",
        req.peakIngressMiBps,
        "must be zero or more",
        "Give the Kafka ingress at peak in MiB/s, all topics together, or omit it",
    );
    check.check(
        req.partitions === undefined || (Number.isInteger(req.partitions) && req.partitions > 0),
        "partitions",
        req.partitions,
        "must be a whole number above zero",
        "Give the partitions over all topics, or omit it",
    );
    check.throwIfInvalid();

    const state = req.stateSizeGiB ?? 0;
    const exactlyOnce = req.exactlyOnce ?? true;
    const reasons: string[] = [];

    if (req.boundedInput || req.latencyBudgetMs >= BATCH_LATENCY_MS) {
        reasons.push(
            req.boundedInput
                ? "the input is bounded: process it whole, at full throughput"
                : "an hour or more of latency is acceptable: no need for an always-on stream processor",
        );
        reasons.push(
            "Spark batch on EMR (an EMR Serverless run or a transient cluster) is the cheapest and simplest to debug; reruns are idempotent overwrites, so exactly-once comes for free",
        );
        return { processor: "spark-batch", reasons };
    }

    const kafkaToKafka = Boolean(req.inputInKafka && req.outputToKafkaOnly);
    const light = !req.heavyComputation;
    if (kafkaToKafka && light && state <= KAFKA_STREAMS_STATE_LIMIT_GIB) {
        reasons.push("input and output are Kafka topics and the work is light: a library inside the application, no cluster to run");
        reasons.push("Kafka Streams processes event at a time (milliseconds to seconds)");
        if (exactlyOnce) reasons.push("exactly-once through Kafka transactions (processing.guarantee=exactly_once_v2)");
        return {
            processor: "kafka-streams",
            reasons,
            alternative: { processor: "flink", when: "the computation grows heavy or the state grows past tens of GiB" },
        };
    }
    if (kafkaToKafka && !light)
        reasons.push(
            "the data stays in Kafka, but the computation is heavy: a dedicated processing cluster fits better than an embedded library",
        );
    if (kafkaToKafka && state > KAFKA_STREAMS_STATE_LIMIT_GIB)
        reasons.push(`${state} GiB of state is too much to restore from changelog topics on each restart`);

    if (req.latencyBudgetMs < MICRO_BATCH_FLOOR_MS) {
        reasons.push(
            `a ${req.latencyBudgetMs} ms budget needs event-at-a-time processing: Structured Streaming's micro-batches alone take 100 ms to seconds`,
        );
        reasons.push("Flink gives event-time semantics and exactly-once with lightweight asynchronous checkpoints");
        return { processor: "flink", reasons };
    }
    if (req.teamRunsSpark) {
        reasons.push(`a ${Math.round(req.latencyBudgetMs / 1000)} s budget is within micro-batch range`);
        reasons.push("the team already runs Spark: Structured Streaming reuses its code, skills and operations");
        if (exactlyOnce) reasons.push("exactly-once with checkpointing and idempotent or transactional sinks");
        return {
            processor: "spark-streaming",
            reasons,
            alternative: { processor: "flink", when: "the latency budget drops below a second" },
        };
    }
    reasons.push("continuous processing without an existing Spark practice: Flink is the stream-first engine");
    if (state > 0) reasons.push(`RocksDB state with incremental checkpoints to S3 handles ${state} GiB of state`);
    if (exactlyOnce) reasons.push("exactly-once with lightweight checkpoints");
    return {
        processor: "flink",
        reasons,
        alternative: { processor: "spark-streaming", when: "the team adopts Spark and seconds of latency are fine" },
    };
}
