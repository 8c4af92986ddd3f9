import * as pulumi from "@pulumi/pulumi";
import { clashRegistry } from "../core/clashes";
import { awsContext } from "./aws-context";
import { clusterStepRuntime, serverlessStreamingRuntime } from "./streaming-runtime";
import { describeLocation } from "./locations";
import { CHECKPOINT_CONF, COMPONENT, SparkStreamingJobArgs, TRIGGER_CONF } from "./spark-streaming-job-args";
import { sparkStreamingJobSettings } from "./spark-streaming-job-validate";

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
        // Checked before super(): a rejected job registers nothing, not even itself.
        const s = sparkStreamingJobSettings(name, args);
        const storage = s.storage;
        const who = { component: COMPONENT, name, field: "name" };
        clashRegistry().claimAll([
            { kind: "child-name", identity: name, key: `${COMPONENT}::${name}`, who, scope: opts?.parent },
            // The step (or job run) name is the job's identity on its cluster (or application).
            { kind: "emr-step-name", identity: name, key: s.stepName, who, scope: s.cluster ?? s.serverless },
            { kind: "spark-checkpoint-prefix", identity: name, key: describeLocation(s.checkpoint), who, scope: storage },
        ]);
        super("spectrum:index:SparkStreamingJob", name, {}, opts);
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
                ? serverlessStreamingRuntime(name, s, ctx, conf, this)
                : clusterStepRuntime(name, s, ctx, conf, this);

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
