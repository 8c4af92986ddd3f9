import { Validator } from "../core/errors";
import { checkComponentName } from "./naming";
import { checkApplication } from "./spark-step";
import { checkServerlessJob } from "./serverless-job-validate";
import { COMPONENT, SparkStreamingJobArgs, SparkStreamingJobSettings } from "./spark-streaming-job-args";

const TRIGGER = /^\d+ (second|seconds|minute|minutes|hour|hours)$/;

/** Checks every argument before anything is registered; throws one error listing every problem. */
export function validateSparkStreamingJob(name: string, args: SparkStreamingJobArgs, s: SparkStreamingJobSettings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name);
    const storage = args.serverless?.storage ?? args.cluster?.storage;
    if (storage) checkApplication(v, storage, args);
    else
        v.fail(
            "cluster",
            args.cluster,
            "a streaming job needs somewhere to run",
            "Pass an EmrSparkCluster as cluster, or an EmrServerlessApplication's target as serverless",
        );
    if (s.runtime === "emr-serverless") checkServerlessStreaming(v, args, s);
    else
        v.check(
            args.restart?.maxFailedAttemptsPerHour === undefined,
            "restart.maxFailedAttemptsPerHour",
            args.restart?.maxFailedAttemptsPerHour,
            "applies to EMR Serverless only; on a cluster the supervisor restarts the job",
            "Use restart.maxAttempts, or run the job on EMR Serverless",
        );
    const ownCheckpoint = args.sparkConf?.["spark.sql.streaming.checkpointLocation"];
    v.check(
        ownCheckpoint === undefined,
        "sparkConf.spark.sql.streaming.checkpointLocation",
        ownCheckpoint,
        "is set by the job: its checkpoint lives under the landing zone's checkpoint area, one prefix per job",
        "Remove it and read spark.spectrum.checkpointLocation in the application",
    );
    v.check(
        TRIGGER.test(s.triggerInterval) && !/^0 /.test(s.triggerInterval),
        "triggerInterval",
        s.triggerInterval,
        "is not a Spark processing-time interval",
        'Use e.g. "30 seconds" or "5 minutes"',
    );
    const r = s.restart;
    if (s.runtime === "emr-ec2") checkRestartPolicy(v, r);
    v.throwIfInvalid();
}

/** The supervisor's restart policy on a cluster. */
function checkRestartPolicy(v: Validator, r: SparkStreamingJobSettings["restart"]): void {
    v.check(
        Number.isInteger(r.maxAttempts) && r.maxAttempts >= 1 && r.maxAttempts <= 20,
        "restart.maxAttempts",
        r.maxAttempts,
        "must be a whole number from 1 to 20",
        "Use e.g. 5",
    );
    v.check(
        Number.isInteger(r.initialBackoffSeconds) && r.initialBackoffSeconds >= 1,
        "restart.initialBackoffSeconds",
        r.initialBackoffSeconds,
        "must be a whole number of seconds, at least 1",
        "Use e.g. 30",
    );
    v.check(
        Number.isInteger(r.maxBackoffSeconds) && r.maxBackoffSeconds >= r.initialBackoffSeconds && r.maxBackoffSeconds <= 3600,
        "restart.maxBackoffSeconds",
        r.maxBackoffSeconds,
        `must be a whole number of seconds from restart.initialBackoffSeconds (${r.initialBackoffSeconds}) to 3600`,
        "Use e.g. 900",
    );
    v.check(
        Number.isInteger(r.healthySeconds) && r.healthySeconds >= 60 && r.healthySeconds <= 3600,
        "restart.healthySeconds",
        r.healthySeconds,
        "must be a whole number of seconds from 60 to 3600",
        "Use e.g. 600",
    );
}

/** What only EMR on EC2 has, refused on EMR Serverless, and the streaming mode's retry policy. */
function checkServerlessStreaming(v: Validator, args: SparkStreamingJobArgs, s: SparkStreamingJobSettings): void {
    checkServerlessJob(v, args, ["cluster"]);
    for (const key of ["maxAttempts", "initialBackoffSeconds", "maxBackoffSeconds", "healthySeconds"] as const) {
        if (args.restart?.[key] !== undefined)
            v.fail(
                `restart.${key}`,
                args.restart[key],
                "applies to EMR on EC2 only: on EMR Serverless the streaming mode's retry policy restarts the job",
                "Use restart.maxFailedAttemptsPerHour",
            );
    }
    v.check(
        Number.isInteger(s.maxFailedAttemptsPerHour) && s.maxFailedAttemptsPerHour >= 1,
        "restart.maxFailedAttemptsPerHour",
        s.maxFailedAttemptsPerHour,
        "must be a whole number of attempts, at least 1",
        "Use e.g. 5",
    );
}
