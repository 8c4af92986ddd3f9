import { Validator } from "../../core/errors";
import { ProcessingRequirements, StreamProcessor, recommendProcessor } from "../shared/recommend-processor";
import type { LambdaArchitectureArgs } from "./lambda-args";
import { LAMBDA_COMPONENT } from "./names";

const STREAM_PROCESSORS: readonly StreamProcessor[] = ["flink", "spark-streaming", "kafka-streams"];

const latencyOk = (latency: unknown) => typeof latency === "number" && Number.isFinite(latency) && latency > 0;
const stateOk = (state: unknown) => state === undefined || (typeof state === "number" && Number.isFinite(state) && state >= 0);

/**
 * The speed layer's processor: the explicit choice, or the recommendation for the requirements.
 * Flink stands in for a choice validation rejects (see {@link checkSpeedProcessor}).
 */
export function chooseSpeedProcessor(
    processor: unknown,
    requirements: ProcessingRequirements | undefined,
): { processor: StreamProcessor; reasons: string[] } {
    if (processor !== "auto") {
        const ok = processor === undefined || STREAM_PROCESSORS.includes(processor as StreamProcessor);
        return {
            processor: ok && processor !== undefined ? (processor as StreamProcessor) : "flink",
            reasons: [
                processor === undefined ? "the default speed processor (speed.processor unset)" : "chosen explicitly (speed.processor)",
            ],
        };
    }
    if (requirements === undefined || typeof requirements !== "object") return { processor: "flink", reasons: [] };
    if (!latencyOk(requirements.latencyBudgetMs) || !stateOk(requirements.stateSizeGiB)) return { processor: "flink", reasons: [] };
    // The speed layer reads the input topics by construction.
    const recommendation = recommendProcessor({ ...requirements, inputInKafka: true });
    const picked = recommendation.processor === "spark-batch" ? "flink" : recommendation.processor;
    return { processor: picked, reasons: recommendation.reasons };
}

/** Records what is wrong with the speed layer's processor choice or its requirements. */
export function checkSpeedProcessor(v: Validator, processor: unknown, requirements: ProcessingRequirements | undefined): void {
    if (processor !== "auto") {
        v.check(
            processor === undefined || STREAM_PROCESSORS.includes(processor as StreamProcessor),
            "speed.processor",
            processor,
            "not a stream processor",
            `Use one of ${STREAM_PROCESSORS.join(", ")}, or auto with speed.requirements`,
        );
        return;
    }
    if (requirements === undefined || typeof requirements !== "object") {
        v.fail(
            "speed.requirements",
            requirements,
            "processor auto needs the workload's requirements",
            "Give at least speed.requirements.latencyBudgetMs, e.g. 5000",
        );
        return;
    }
    const latency = requirements.latencyBudgetMs;
    v.check(
        latencyOk(latency),
        "speed.requirements.latencyBudgetMs",
        latency,
        "must be a positive number of milliseconds",
        "Give the latency the speed views' readers accept, e.g. 5000",
    );
    const state = requirements.stateSizeGiB;
    v.check(
        stateOk(state),
        "speed.requirements.stateSizeGiB",
        state,
        "must be zero or more",
        "Give the job's working state in GiB, or omit it for a stateless job",
    );
    if (!latencyOk(latency) || !stateOk(state)) return;
    const recommendation = recommendProcessor({ ...requirements, inputInKafka: true });
    if (recommendation.processor === "spark-batch") {
        v.fail(
            "speed.requirements",
            requirements,
            `they call for batch processing (${recommendation.reasons[0]}), which the batch layer already does: a speed layer needs a stream processor`,
            "Lower latencyBudgetMs below an hour for real-time views, or deploy the hybrid architecture instead",
        );
    }
}

/**
 * Whether the speed layer needs a Kubernetes cluster (Flink and Kafka Streams do, Spark runs on
 * EMR), so a stack creates one only when it is used. Unusable settings answer true and are
 * reported by the architecture itself.
 */
export function speedNeedsKubernetes(speed: LambdaArchitectureArgs["speed"]): boolean {
    const v = new Validator(LAMBDA_COMPONENT, "speed");
    checkSpeedProcessor(v, speed?.processor, speed?.requirements);
    return chooseSpeedProcessor(speed?.processor, speed?.requirements).processor !== "spark-streaming" || !v.ok;
}
