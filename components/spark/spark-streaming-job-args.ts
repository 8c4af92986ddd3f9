import * as pulumi from "@pulumi/pulumi";
import { v, strict, input, awsTagMap, explain } from "../core/schema";
import { awsTags } from "../core/tags";
import { SparkApplication, StorageLocation, sparkApplicationShape } from "./application-args";
import { snsTopicArn } from "./aws-ids";
import { SparkClusterTarget, sparkClusterTargetArg } from "./contract-args";
import { satisfying } from "./schema-helpers";
import { SPECTRUM_CONF_PREFIX } from "./spark-step";
import { RestartPolicy } from "./supervisor-definition";

export const COMPONENT = "SparkStreamingJob";

/** The Spark property the job's checkpoint location reaches the application as (besides Spark's own default). */
export const CHECKPOINT_CONF = `${SPECTRUM_CONF_PREFIX}checkpointLocation`;
/** The Spark property the trigger interval reaches the application as. */
export const TRIGGER_CONF = `${SPECTRUM_CONF_PREFIX}triggerInterval`;

const bounded = (min: number, max: number, problem: string, fix: string) => {
    const message = explain(problem, fix);
    return v.pipe(v.number(), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
};

/** The declaration of a streaming job's restart policy. */
export const restartShape = {
    /** Consecutive restarts (1-20), each failing within `healthySeconds`, before the job is left stopped and the alarm fires. Default: 5. */
    maxAttempts: v.optional(bounded(1, 20, "must be a whole number from 1 to 20", "Use e.g. 5"), 5),
    /** Seconds before the first restart, doubled for each further one. Default: 30. */
    initialBackoffSeconds: v.optional(
        bounded(1, Number.MAX_SAFE_INTEGER, "must be a whole number of seconds, at least 1", "Use e.g. 30"),
        30,
    ),
    /** Longest wait between restarts, in seconds, from `initialBackoffSeconds` to 3600. Default: 900. */
    maxBackoffSeconds: v.optional(bounded(1, 3600, "must be a whole number of seconds from 1 to 3600", "Use e.g. 900"), 900),
    /** Seconds (60-3600) a restarted job must keep running to count as recovered (which resets the count). Default: 600. */
    healthySeconds: v.optional(bounded(60, 3600, "must be a whole number of seconds from 60 to 3600", "Use e.g. 600"), 600),
};
/** The schema of {@link RestartArgs}. */
export const restartArgs: v.StrictObjectSchema<typeof restartShape, undefined> = strict(restartShape);
/** How a failed job is restarted: with backoff, a bounded number of times, the count reset once it has run long enough. */
export type RestartArgs = v.InferInput<typeof restartArgs>;

const TRIGGER = /^\d+ (second|seconds|minute|minutes|hour|hours)$/;

/** The declaration of `SparkStreamingJob`'s args: type, structural check, defaults and README table. */
export const sparkStreamingJobShape = {
    /** The long-running cluster to run on (an `EmrSparkCluster`). The job never changes it. Default: none (required). */
    cluster: sparkClusterTargetArg,
    ...sparkApplicationShape,
    /**
     * How often a micro-batch starts, as Spark's `processingTime` interval, e.g. "30 seconds" or
     * "5 minutes". The application reads it as `spark.spectrum.triggerInterval`. Default: `"1 minute"`.
     */
    triggerInterval: v.optional(
        satisfying(v.string(), (interval) =>
            TRIGGER.test(interval) && !/^0+ /.test(interval)
                ? undefined
                : { problem: "is not a Spark processing-time interval", fix: 'Use e.g. "30 seconds" or "5 minutes"' },
        ),
        "1 minute",
    ),
    /** Restart policy. Default: `{}` (5 attempts, backoff from 30 to 900 seconds, recovered after 600 seconds; see `RestartArgs`). */
    restart: v.optional(restartArgs, {}),
    /** ARN of the SNS topic notified when the restart cap is reached or a deployment fails. Default: none. */
    alarmTopicArn: v.optional(input(snsTopicArn)),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link SparkStreamingJob}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const sparkStreamingJobArgs: v.StrictObjectSchema<typeof sparkStreamingJobShape, undefined> = strict(sparkStreamingJobShape);
/** Arguments of {@link SparkStreamingJob}: the application, the cluster it runs on, and how it restarts. */
export type SparkStreamingJobArgs = v.InferInput<typeof sparkStreamingJobArgs>;
/** The args with every declared default applied. */
export type SparkStreamingJobInput = v.InferOutput<typeof sparkStreamingJobArgs>;

/** Every argument resolved to its value; the component reads only this. */
export interface SparkStreamingJobSettings extends SparkApplication {
    cluster: SparkClusterTarget;
    stepName: string;
    triggerInterval: string;
    checkpoint: StorageLocation;
    restart: RestartPolicy;
    alarmTopicArn?: pulumi.Input<string>;
    /** The user's tags and spectrum's. */
    tags: Record<string, string>;
}

/** Resolves checked args (declared defaults applied) into settings: the step name, the checkpoint location, the tags. */
export function resolveSparkStreamingJobSettings(name: string, args: SparkStreamingJobInput): SparkStreamingJobSettings {
    const { tags, ...rest } = args;
    return {
        ...rest,
        stepName: `spectrum-${name}`,
        checkpoint: { area: args.cluster.storage.checkpointArea, path: `spark/${name}` },
        tags: awsTags(COMPONENT, tags),
    };
}
