import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./aws-context";
import { clusterStepRuntime, serverlessStreamingRuntime } from "./streaming-runtime";
import { CHECKPOINT_CONF, SparkStreamingJobArgs, TRIGGER_CONF, resolveSparkStreamingJobSettings } from "./spark-streaming-job-args";
import { validateSparkStreamingJob } from "./spark-streaming-job-validate";

/**
 * A Spark Structured Streaming application on a long-running `EmrSparkCluster`, supervised:
 *
 * - It runs as an EMR step (`spark-submit --deploy-mode cluster`) with its checkpoint in the
 *   landing zone's checkpoint area, one prefix per job.
 * - Changing the job (artifact, args, conf) changes only this component: a deployer redeploys the
 *   step through a supervisor workflow; the cluster is never touched, let alone replaced.
 * - An EventBridge rule on the step's FAILED event starts the supervisor's restart, with
 *   exponential backoff and a cap; a CloudWatch alarm fires when the cap is reached.
 *
 * Given an EMR Serverless application (`serverless`), the same job runs as a job run in EMR
 * Serverless's STREAMING mode instead, with a runtime role of its own: EMR Serverless restarts a
 * failed attempt itself (its retry policy), the deployer cancels the old run before starting the
 * new one, and an alarm fires when a run fails past its retries.
 */
export class SparkStreamingJob extends pulumi.ComponentResource {
    /** The EMR step name (or EMR Serverless job run name), the job's identity on its runtime. */
    readonly stepName: string;
    /** `s3://` URI of the job's checkpoint location. */
    readonly checkpointUri: pulumi.Output<string>;
    /** ARN of the supervisor workflow (deploy, stop, restart). */
    readonly supervisorArn: pulumi.Output<string>;
    /** ARN of the alarm on failed deployments (and, on a cluster, exhausted restarts). */
    readonly alarmArn: pulumi.Output<string>;
    /** ARN of the alarm on runs that failed past their retry policy (EMR Serverless). */
    readonly failedRunsAlarmArn?: pulumi.Output<string>;
    /** ARN of the job runs' runtime role (EMR Serverless). */
    readonly runtimeRoleArn?: pulumi.Output<string>;
    /** Name of the job runs' runtime role (EMR Serverless): attach the job's other access (Kafka topics) to it. */
    readonly runtimeRoleName?: pulumi.Output<string>;

    constructor(name: string, args: SparkStreamingJobArgs, opts?: pulumi.ComponentResourceOptions) {
        super("spectrum:index:SparkStreamingJob", name, {}, opts);
        const s = resolveSparkStreamingJobSettings(name, args);
        validateSparkStreamingJob(name, args, s);
        const storage = args.serverless?.storage ?? args.cluster!.storage;
        const ctx = awsContext(this);
        this.stepName = s.stepName;
        this.checkpointUri = storage.uri(s.checkpoint.area, s.checkpoint.path);

        const conf = {
            "spark.sql.streaming.checkpointLocation": this.checkpointUri,
            [CHECKPOINT_CONF]: this.checkpointUri,
            [TRIGGER_CONF]: s.triggerInterval,
        };
        const runtime =
            s.runtime === "emr-serverless"
                ? serverlessStreamingRuntime(name, args, s, ctx, conf, this)
                : clusterStepRuntime(name, args, s, ctx, conf, this);

        this.supervisorArn = runtime.supervisor.arn;
        this.alarmArn = runtime.alarm.arn;
        this.failedRunsAlarmArn = runtime.failedRunsAlarm?.arn;
        this.runtimeRoleArn = runtime.runtimeRole?.arn;
        this.runtimeRoleName = runtime.runtimeRole?.name;
        this.registerOutputs({
            stepName: this.stepName,
            checkpointUri: this.checkpointUri,
            supervisorArn: this.supervisorArn,
            alarmArn: this.alarmArn,
        });
    }
}
