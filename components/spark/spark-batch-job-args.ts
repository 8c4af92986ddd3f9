import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../core/contracts";
import { awsTags } from "../core/tags";
import { JobTag } from "./batch-iam";
import { EmrServerlessTarget } from "./emr-serverless-application-args";
import { ClusterShapeArgs, ResolvedShape, resolveShape } from "./cluster-shape";
import { StorageLocation } from "./locations";
import { EmrNetworkArgs } from "./network";
import { SparkApplicationArgs } from "./spark-step";

export const COMPONENT = "SparkBatchJob";
/** The tag key naming the batch job a transient cluster belongs to. */
export const JOB_TAG_KEY = "spectrum:job";

/** Where Spark jobs run: transient or long-running EMR clusters on EC2, or an EMR Serverless application. */
export type SparkRuntime = "emr-ec2" | "emr-serverless";

/** Arguments of {@link SparkBatchJob}: the application, its schedule, and where it runs (a transient cluster's shape and network, or an EMR Serverless application). */
export interface SparkBatchJobArgs extends SparkApplicationArgs {
    /** The landing zone: the job's code, inputs and outputs are in it, its logs go to its log area. Required. */
    storage: Storage;
    /** The private subnets the transient clusters run in. Required unless `serverless` is given (then it must be absent). */
    network?: EmrNetworkArgs;
    /**
     * Run each scheduled run as a job run on this EMR Serverless application instead of a transient
     * EMR cluster: no cluster to start or terminate, billed per vCPU- and GB-second of the run. The
     * application, arguments and Spark properties are the same; `network`, `cluster` and
     * `idleTimeoutMinutes` do not apply. Default: none (transient EMR clusters on EC2).
     */
    serverless?: EmrServerlessTarget;
    /**
     * When to run, as an EventBridge Scheduler expression: `cron(minutes hours day-of-month month
     * day-of-week year)` or `rate(<n> <minutes|hours|days>)`. Required.
     */
    schedule: string;
    /** IANA time zone the cron expression is read in (daylight saving time included). Default: "UTC". */
    timeZone?: string;
    /** Whether the schedule starts runs; `false` keeps the workflow for manual runs and backfills only. Default: true. */
    enabled?: boolean;
    /** The transient cluster's shape. Default: see {@link ClusterShapeArgs} (Graviton fleets, task nodes on Spot, managed scaling 2-10). */
    cluster?: ClusterShapeArgs;
    /** Minutes the Spark step (or EMR Serverless job run) may run before it is cancelled and the cluster terminated. Default: 360. */
    timeoutMinutes?: number;
    /**
     * Times a failed Spark application is run again (5 minutes apart, then longer) before the run
     * fails. Spectrum's default dynamic partition overwrite makes reruns of partitioned writes
     * idempotent; make sure yours are before raising this. Default: 0.
     */
    stepRetries?: number;
    /** Idle minutes after which EMR terminates a cluster that a failed run left behind; EMR on EC2 only. Default: 30. */
    idleTimeoutMinutes?: number;
    /** SNS topic notified when a run fails. Default: none (the alarm shows in CloudWatch only). */
    alarmTopicArn?: pulumi.Input<string>;
    /** Tags added to every AWS resource and to the transient clusters. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

/** Every argument resolved to its value; the component reads only this. */
export interface SparkBatchJobSettings {
    runtime: SparkRuntime;
    shape: ResolvedShape;
    timeZone: string;
    enabled: boolean;
    timeoutMinutes: number;
    stepRetries: number;
    idleTimeoutMinutes: number;
    logLocation: StorageLocation;
    jobTag: JobTag;
    tags: Record<string, string>;
}

/** Applies the defaults, once. */
export function resolveSparkBatchJobSettings(name: string, args: SparkBatchJobArgs): SparkBatchJobSettings {
    const runtime: SparkRuntime = args.serverless ? "emr-serverless" : "emr-ec2";
    return {
        runtime,
        shape: resolveShape(args.cluster ?? {}, false),
        timeZone: args.timeZone ?? "UTC",
        enabled: args.enabled ?? true,
        timeoutMinutes: args.timeoutMinutes ?? 360,
        stepRetries: args.stepRetries ?? 0,
        idleTimeoutMinutes: args.idleTimeoutMinutes ?? 30,
        logLocation: { area: args.storage.logArea, path: runtime === "emr-serverless" ? `emr-serverless/${name}` : `emr/${name}` },
        jobTag: { key: JOB_TAG_KEY, value: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}
