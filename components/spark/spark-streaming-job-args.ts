import * as pulumi from "@pulumi/pulumi";
import { awsTags } from "../core/tags";
import { SparkClusterTarget } from "./emr-spark-cluster-args";
import { StorageLocation } from "./locations";
import { SPECTRUM_CONF_PREFIX, SparkApplicationArgs } from "./spark-step";
import { RestartPolicy } from "./supervisor-definition";

export const COMPONENT = "SparkStreamingJob";

/** The Spark property the job's checkpoint location reaches the application as (besides Spark's own default). */
export const CHECKPOINT_CONF = `${SPECTRUM_CONF_PREFIX}checkpointLocation`;
/** The Spark property the trigger interval reaches the application as. */
export const TRIGGER_CONF = `${SPECTRUM_CONF_PREFIX}triggerInterval`;

/** How a failed job is restarted: with backoff, a bounded number of times, the count reset once it has run long enough. */
export interface RestartArgs {
    /** Consecutive restarts, each failing within `healthySeconds`, before the job is left stopped and the alarm fires. Default: 5. */
    maxAttempts?: number;
    /** Seconds before the first restart, doubled for each further one. Default: 30. */
    initialBackoffSeconds?: number;
    /** Longest wait between restarts, in seconds. Default: 900. */
    maxBackoffSeconds?: number;
    /** Seconds a restarted job must keep running to count as recovered (which resets the count). Default: 600. */
    healthySeconds?: number;
}

/** Arguments of {@link SparkStreamingJob}: the application, the cluster it runs on, and how it restarts. */
export interface SparkStreamingJobArgs extends SparkApplicationArgs {
    /** The long-running cluster to run on (an `EmrSparkCluster`). The job never changes it. Required. */
    cluster: SparkClusterTarget;
    /**
     * How often a micro-batch starts, as Spark's `processingTime` interval, e.g. "30 seconds" or
     * "5 minutes". The application reads it as `spark.spectrum.triggerInterval`. Default: "1 minute".
     */
    triggerInterval?: string;
    /** Restart policy. Default: see {@link RestartArgs}. */
    restart?: RestartArgs;
    /** SNS topic notified when the restart cap is reached or a deployment fails. Default: none. */
    alarmTopicArn?: pulumi.Input<string>;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

/** Every argument resolved to its value; the component reads only this. */
export interface SparkStreamingJobSettings {
    stepName: string;
    triggerInterval: string;
    checkpoint: StorageLocation;
    restart: RestartPolicy;
    tags: Record<string, string>;
}

/** Applies the defaults, once. */
export function resolveSparkStreamingJobSettings(name: string, args: SparkStreamingJobArgs): SparkStreamingJobSettings {
    const r = args.restart ?? {};
    return {
        stepName: `spectrum-${name}`,
        triggerInterval: args.triggerInterval ?? "1 minute",
        checkpoint: { area: args.cluster.storage.checkpointArea, path: `spark/${name}` },
        restart: {
            maxAttempts: r.maxAttempts ?? 5,
            initialBackoffSeconds: r.initialBackoffSeconds ?? 30,
            maxBackoffSeconds: r.maxBackoffSeconds ?? 900,
            healthySeconds: r.healthySeconds ?? 600,
        },
        tags: awsTags(COMPONENT, args.tags),
    };
}
