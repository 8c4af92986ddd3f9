import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../core/contracts";
import { v, strict, map, input, awsTagMap, explain } from "../core/schema";
import { awsTags } from "../core/tags";
import { SparkApplication, StorageLocation, sparkApplicationShape } from "./application-args";
import { snsTopicArn } from "./aws-ids";
import { JobTag } from "./batch-iam";
import { EmrNetworkArgs, clusterShape, emrNetwork } from "./cluster-shape-args";
import { ResolvedShape, resolveShape } from "./cluster-shape";
import { EmrServerlessTarget, emrServerlessTargetArg, storageArg } from "./contract-args";
import { scheduleExpressionProblem, timeZoneProblem } from "./schedule";
import { satisfying } from "./schema-helpers";

export const COMPONENT = "SparkBatchJob";
/** The tag key naming the batch job a transient cluster belongs to. */
export const JOB_TAG_KEY = "spectrum:job";

/** Where Spark jobs run: transient or long-running EMR clusters on EC2, or an EMR Serverless application. */
export type SparkRuntime = "emr-ec2" | "emr-serverless";

// Arguments reach the step through a States Language intrinsic function, whose escaping of a
// backslash is not handled the same way by every tool that reads definitions. (On EMR Serverless
// they reach the run as plain JSON, but the same job definition must run on either runtime.)
const stepArgument = satisfying(v.string(), (value) =>
    value.includes("\\")
        ? {
              problem: "contains a backslash, which a batch job's step arguments cannot carry",
              fix: "Remove the backslash, or pass the value in a file the application reads",
          }
        : undefined,
);

const bounded = (min: number, max: number, problem: string, fix: string) => {
    const message = explain(problem, fix);
    return v.pipe(v.number(), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
};

/** The declaration of `SparkBatchJob`'s args: type, structural check, defaults and README table. */
export const sparkBatchJobShape = {
    /** The landing zone: the job's code, inputs and outputs are in it, its logs go to its log area. Default: none (required). */
    storage: storageArg,
    /** The private subnets the transient clusters run in, and their VPC. Default: none (required unless `serverless` is given; then it must be absent). */
    network: v.optional(emrNetwork),
    /**
     * Run each scheduled run as a job run on this EMR Serverless application (an
     * `EmrServerlessApplication`'s `target`) instead of a transient EMR cluster: no cluster to start
     * or terminate, billed per vCPU- and GB-second of the run. The application, arguments and Spark
     * properties are the same; `network`, `cluster` and `idleTimeoutMinutes` do not apply.
     * Default: none (transient EMR clusters on EC2).
     */
    serverless: v.optional(emrServerlessTargetArg),
    /**
     * When to run, as an EventBridge Scheduler expression: `cron(minutes hours day-of-month month
     * day-of-week year)` or `rate(<n> <minutes|hours|days>)`. Default: none (required).
     */
    schedule: satisfying(v.string(), scheduleExpressionProblem),
    /** IANA time zone the cron expression is read in (daylight saving time included). Default: `"UTC"`. */
    timeZone: v.optional(satisfying(v.string(), timeZoneProblem), "UTC"),
    /** Whether the schedule starts runs; `false` keeps the workflow for manual runs and backfills only. Default: true. */
    enabled: v.optional(v.boolean(), true),
    ...sparkApplicationShape,
    /** Arguments passed to the application after its path, without backslashes (the workflow's intrinsic functions cannot carry one). Default: `[]`. */
    args: v.optional(v.array(input(stepArgument)), []),
    /**
     * Spark properties for this application (`--conf`), e.g. `spark.executor.memory`; `spark.spectrum.*`
     * is spectrum's, and values carry no backslash. Default: `{}` (the cluster's `spark-defaults` apply).
     */
    sparkConf: v.optional(map(v.string(), stepArgument), {}),
    /** The transient cluster's shape (`releaseLabel`, fleets, `scaling`, ...); EMR on EC2 only. Default: `{}` (as `EmrSparkCluster`: Graviton fleets, task nodes on Spot, managed scaling). */
    cluster: v.optional(clusterShape, {}),
    /** Minutes the Spark step (or EMR Serverless job run) may run (1-10080) before it is cancelled and the cluster terminated. Default: 360. */
    timeoutMinutes: v.optional(
        bounded(1, 7 * 24 * 60, "must be a whole number of minutes between 1 and 10080 (a week)", "Use e.g. 360"),
        360,
    ),
    /**
     * Times a failed Spark application is run again (0-5; 5 minutes apart, then longer) before the
     * run fails. Spectrum's default dynamic partition overwrite makes reruns of partitioned writes
     * idempotent; make sure yours are before raising this. Default: 0.
     */
    stepRetries: v.optional(bounded(0, 5, "must be a whole number from 0 to 5", "Use 0 to fail on the first application failure"), 0),
    /** Idle minutes after which EMR terminates a cluster that a failed run left behind (1-10080); EMR on EC2 only. Default: 30. */
    idleTimeoutMinutes: v.optional(bounded(1, 10080, "EMR accepts an idle timeout of 1 minute to 7 days", "Use e.g. 30"), 30),
    /** ARN of the SNS topic notified when a run fails. Default: none (the alarm shows in CloudWatch only). */
    alarmTopicArn: v.optional(input(snsTopicArn)),
    /** Tags added to every AWS resource and to the transient clusters (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link SparkBatchJob}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const sparkBatchJobArgs: v.StrictObjectSchema<typeof sparkBatchJobShape, undefined> = strict(sparkBatchJobShape);
/** Arguments of {@link SparkBatchJob}: the application, its schedule, and where it runs (a transient cluster's shape and network, or an EMR Serverless application). */
export type SparkBatchJobArgs = v.InferInput<typeof sparkBatchJobArgs>;
/** The args with every declared default applied. */
export type SparkBatchJobInput = v.InferOutput<typeof sparkBatchJobArgs>;

/** Every argument resolved to its value; the component reads only this. */
export interface SparkBatchJobSettings extends SparkApplication {
    /** EMR on EC2 (transient clusters) or EMR Serverless (`serverless` given). */
    runtime: SparkRuntime;
    storage: Storage;
    /** EMR on EC2: where the transient clusters run (validation makes sure it is given). */
    network?: EmrNetworkArgs;
    /** EMR Serverless: the application the runs go to. */
    serverless?: EmrServerlessTarget;
    schedule: string;
    shape: ResolvedShape;
    timeZone: string;
    enabled: boolean;
    timeoutMinutes: number;
    stepRetries: number;
    idleTimeoutMinutes: number;
    alarmTopicArn?: pulumi.Input<string>;
    logLocation: StorageLocation;
    jobTag: JobTag;
    /** The user's tags and spectrum's. */
    tags: Record<string, string>;
}

/** Resolves checked args (declared defaults applied) into settings: the runtime, the transient cluster's shape, the log location, the job tag. */
export function resolveSparkBatchJobSettings(name: string, args: SparkBatchJobInput): SparkBatchJobSettings {
    const { cluster, tags, ...rest } = args;
    const runtime: SparkRuntime = args.serverless ? "emr-serverless" : "emr-ec2";
    return {
        ...rest,
        runtime,
        shape: resolveShape(cluster, false),
        logLocation: { area: args.storage.logArea, path: runtime === "emr-serverless" ? `emr-serverless/${name}` : `emr/${name}` },
        jobTag: { key: JOB_TAG_KEY, value: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` },
        tags: awsTags(COMPONENT, tags),
    };
}
