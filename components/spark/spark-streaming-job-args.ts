import * as pulumi from "@pulumi/pulumi";
import { awsTags } from "../core/tags";
import { PolicyStatement } from "../core/iam";
import { SparkClusterTarget } from "./emr-spark-cluster-args";
import { EmrServerlessTarget } from "./emr-serverless-application-args";
import { SparkRuntime } from "./spark-batch-job-args";
import { StorageLocation } from "./locations";
import { SPECTRUM_CONF_PREFIX, SparkApplicationArgs } from "./spark-step";
import { RestartPolicy } from "./supervisor-definition";

export const COMPONENT = "SparkStreamingJob";

/** The Spark property the job's checkpoint location reaches the application as (besides Spark's own default). */
export const CHECKPOINT_CONF = `${SPECTRUM_CONF_PREFIX}checkpointLocation`;
/** The Spark property the trigger interval reaches the application as. */
export const TRIGGER_CONF = `${SPECTRUM_CONF_PREFIX}triggerInterval`;

/**
 * How a failed job is restarted. On EMR on EC2 the supervisor restarts it with backoff, a bounded
 * number of times, the count reset once it has run long enough; on EMR Serverless the streaming
 * mode's retry policy restarts it, up to `maxFailedAttemptsPerHour` failures an hour.
 */
export interface RestartArgs {
    /** Consecutive restarts, each failing within `healthySeconds`, before the job is left stopped and the alarm fires; EMR on EC2 only. Default: 5. */
    maxAttempts?: number;
    /** Seconds before the first restart, doubled for each further one; EMR on EC2 only. Default: 30. */
    initialBackoffSeconds?: number;
    /** Longest wait between restarts, in seconds; EMR on EC2 only. Default: 900. */
    maxBackoffSeconds?: number;
    /** Seconds a restarted job must keep running to count as recovered (which resets the count); EMR on EC2 only. Default: 600. */
    healthySeconds?: number;
    /** Failed attempts EMR Serverless restarts within an hour before the run fails and the alarm fires; EMR Serverless only. Default: 5. */
    maxFailedAttemptsPerHour?: number;
}

/** Arguments of {@link SparkStreamingJob}: the application, where it runs (a long-running cluster or an EMR Serverless application), and how it restarts. */
export interface SparkStreamingJobArgs extends SparkApplicationArgs {
    /** The long-running cluster to run on (an `EmrSparkCluster`). The job never changes it. Required unless `serverless` is given (then it must be absent). */
    cluster?: SparkClusterTarget;
    /**
     * Run as a streaming job run (EMR Serverless's STREAMING mode) on this application instead of a
     * step on a cluster: the same application, arguments and Spark properties, a runtime role of its
     * own, restarts by EMR Serverless's retry policy. Default: none (a step on `cluster`).
     */
    serverless?: EmrServerlessTarget;
    /**
     * How often a micro-batch starts, as Spark's `processingTime` interval, e.g. "30 seconds" or
     * "5 minutes". The application reads it as `spark.spectrum.triggerInterval`. Default: "1 minute".
     */
    triggerInterval?: string;
    /** Restart policy. Default: see {@link RestartArgs}. */
    restart?: RestartArgs;
    /**
     * IAM statements the job needs besides its landing-zone locations, e.g. `kafkaIamStatements(...)`
     * for the topics it reads. On a cluster they join the job's own policy on the instance role; on
     * EMR Serverless, its runtime role's policy, in place before the first run starts. Default: none.
     */
    access?: PolicyStatement[];
    /** SNS topic notified when the restart cap is reached or a deployment fails. Default: none. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

/** Every argument resolved to its value; the component reads only this. */
export interface SparkStreamingJobSettings {
    runtime: SparkRuntime;
    stepName: string;
    triggerInterval: string;
    checkpoint: StorageLocation;
    restart: RestartPolicy;
    maxFailedAttemptsPerHour: number;
    logLocation: StorageLocation;
    tags: Record<string, string>;
}

/** Applies the defaults, once. */
export function resolveSparkStreamingJobSettings(name: string, args: SparkStreamingJobArgs): SparkStreamingJobSettings {
    const r = args.restart ?? {};
    const storage = args.serverless?.storage ?? args.cluster?.storage;
    return {
        runtime: args.serverless ? "emr-serverless" : "emr-ec2",
        stepName: `spectrum-${name}`,
        triggerInterval: args.triggerInterval ?? "1 minute",
        checkpoint: { area: storage?.checkpointArea ?? "checkpoints", path: `spark/${name}` },
        restart: {
            maxAttempts: r.maxAttempts ?? 5,
            initialBackoffSeconds: r.initialBackoffSeconds ?? 30,
            maxBackoffSeconds: r.maxBackoffSeconds ?? 900,
            healthySeconds: r.healthySeconds ?? 600,
        },
        maxFailedAttemptsPerHour: r.maxFailedAttemptsPerHour ?? 5,
        logLocation: { area: storage?.logArea ?? "logs", path: `emr-serverless/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}
