import * as pulumi from "@pulumi/pulumi";
import { v, strict, input, awsTagMap, explain } from "../core/schema";
import { awsTags } from "../core/tags";
import { SparkApplication, StorageLocation, sparkApplicationShape } from "./application-args";
import { snsTopicArn } from "./aws-ids";
import { EmrServerlessTarget, SparkClusterTarget, emrServerlessTargetArg, sparkClusterTargetArg } from "./contract-args";
import { policyStatement, satisfying } from "./schema-helpers";
import { PolicyStatement } from "../core/iam";
import { Storage } from "../core/contracts";
import { SparkRuntime } from "./spark-batch-job-args";
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

/**
 * The declaration of a streaming job's restart policy. On EMR on EC2 the supervisor restarts the job
 * with backoff, a bounded number of times, the count reset once it has run long enough; on EMR
 * Serverless the streaming mode's retry policy restarts it, up to `maxFailedAttemptsPerHour` failures an hour.
 */
export const restartShape = {
    /** Consecutive restarts (1-20), each failing within `healthySeconds`, before the job is left stopped and the alarm fires; EMR on EC2 only. Default: 5. */
    maxAttempts: v.optional(bounded(1, 20, "must be a whole number from 1 to 20", "Use e.g. 5"), 5),
    /** Seconds before the first restart, doubled for each further one; EMR on EC2 only. Default: 30. */
    initialBackoffSeconds: v.optional(
        bounded(1, Number.MAX_SAFE_INTEGER, "must be a whole number of seconds, at least 1", "Use e.g. 30"),
        30,
    ),
    /** Longest wait between restarts, in seconds, from `initialBackoffSeconds` to 3600; EMR on EC2 only. Default: 900. */
    maxBackoffSeconds: v.optional(bounded(1, 3600, "must be a whole number of seconds from 1 to 3600", "Use e.g. 900"), 900),
    /** Seconds (60-3600) a restarted job must keep running to count as recovered (which resets the count); EMR on EC2 only. Default: 600. */
    healthySeconds: v.optional(bounded(60, 3600, "must be a whole number of seconds from 60 to 3600", "Use e.g. 600"), 600),
    /** Failed attempts (1-10, EMR Serverless's range for streaming jobs) restarted within an hour before the run fails and the alarm fires; EMR Serverless only. Default: 5. */
    maxFailedAttemptsPerHour: v.optional(
        bounded(1, 10, "must be a whole number of attempts from 1 to 10 (EMR Serverless's limit for streaming jobs)", "Use e.g. 5"),
        5,
    ),
};
/** The schema of {@link RestartArgs}. */
export const restartArgs: v.StrictObjectSchema<typeof restartShape, undefined> = strict(restartShape);
/** How a failed job is restarted: by the supervisor with backoff on EMR on EC2, by the streaming mode's retry policy on EMR Serverless. */
export type RestartArgs = v.InferInput<typeof restartArgs>;

const TRIGGER = /^\d+ (second|seconds|minute|minutes|hour|hours)$/;

/** The declaration of `SparkStreamingJob`'s args: type, structural check, defaults and README table. */
export const sparkStreamingJobShape = {
    /** The long-running cluster to run on (an `EmrSparkCluster`). The job never changes it. Default: none (required unless `serverless` is given; then it must be absent). */
    cluster: v.optional(sparkClusterTargetArg),
    /**
     * Run as a streaming job run (EMR Serverless's STREAMING mode) on this application (an
     * `EmrServerlessApplication`'s `target`) instead of a step on a cluster: the same application,
     * arguments and Spark properties, a runtime role of its own, restarts by EMR Serverless's retry
     * policy. Default: none (a step on `cluster`).
     */
    serverless: v.optional(emrServerlessTargetArg),
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
    /** Restart policy. Default: `{}` (5 attempts, backoff from 30 to 900 seconds, recovered after 600 seconds; on EMR Serverless 5 failed attempts an hour; see `RestartArgs`). */
    restart: v.optional(restartArgs, {}),
    /**
     * IAM statements the job needs besides its landing-zone locations, e.g. `kafkaIamStatements(...)`
     * for the topics it reads. On a cluster they join the job's own policy on the instance role; on
     * EMR Serverless, its runtime role's policy, in place before the first run starts. Default: `[]` (none).
     */
    access: v.optional(v.array(policyStatement), []),
    /** ARN of the SNS topic notified when the restart cap is reached or a deployment fails. Default: none. */
    alarmTopicArn: v.optional(input(snsTopicArn)),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link SparkStreamingJob}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const sparkStreamingJobArgs: v.StrictObjectSchema<typeof sparkStreamingJobShape, undefined> = strict(sparkStreamingJobShape);
/** Arguments of {@link SparkStreamingJob}: the application, where it runs (a long-running cluster or an EMR Serverless application), and how it restarts. */
export type SparkStreamingJobArgs = v.InferInput<typeof sparkStreamingJobArgs>;
/** The args with every declared default applied. */
export type SparkStreamingJobInput = v.InferOutput<typeof sparkStreamingJobArgs>;

/** Every argument resolved to its value; the component reads only this. */
export interface SparkStreamingJobSettings extends SparkApplication {
    /** EMR on EC2 (a step on `cluster`) or EMR Serverless (`serverless` given). */
    runtime: SparkRuntime;
    /** EMR on EC2: the cluster (validation makes sure one of `cluster` and `serverless` is given). */
    cluster?: SparkClusterTarget;
    /** EMR Serverless: the application the job runs on. */
    serverless?: EmrServerlessTarget;
    /** The landing zone of the runtime the job runs on. */
    storage: Storage;
    stepName: string;
    triggerInterval: string;
    checkpoint: StorageLocation;
    restart: RestartPolicy;
    maxFailedAttemptsPerHour: number;
    /** EMR Serverless: where the job runs' logs go. */
    logLocation: StorageLocation;
    access: PolicyStatement[];
    alarmTopicArn?: pulumi.Input<string>;
    /** The user's tags and spectrum's. */
    tags: Record<string, string>;
}

/** Resolves checked args (declared defaults applied) into settings: the step name, the checkpoint location, the tags. */
export function resolveSparkStreamingJobSettings(name: string, args: SparkStreamingJobInput): SparkStreamingJobSettings {
    const { tags, restart, ...rest } = args;
    const { maxFailedAttemptsPerHour, ...supervisorRestart } = restart;
    // Validation refuses a job with neither; resolving stays defensive until then.
    const storage = (args.serverless?.storage ?? args.cluster?.storage) as Storage;
    return {
        ...rest,
        runtime: args.serverless ? "emr-serverless" : "emr-ec2",
        storage,
        restart: supervisorRestart,
        maxFailedAttemptsPerHour,
        stepName: `spectrum-${name}`,
        checkpoint: { area: storage?.checkpointArea ?? "checkpoints", path: `spark/${name}` },
        logLocation: { area: storage?.logArea ?? "logs", path: `emr-serverless/${name}` },
        tags: awsTags(COMPONENT, tags),
    };
}
