import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { LandingZone, SparkBatchJob } from "pulumi-spectrum";

const SCRIPT = "daily_page_views.py";

/**
 * A landing zone and a daily Spark job over it: every night a transient EMR cluster reads the
 * previous day of raw click events, writes page views per page into the curated zone, and is
 * terminated. The PySpark script ships with this example and is uploaded with the stack.
 *
 * Config: `vpcId`, `privateSubnetIds` (required); `schedule` (default "cron(30 2 * * ? *)"),
 * `timeZone` (default "UTC"), `alarmEmail` (optional), `protect` (default true; false for
 * throwaway stacks).
 */
export = async () => {
    const config = new pulumi.Config();
    const vpcId = config.require("vpcId");
    const subnetIds = config.requireObject<string[]>("privateSubnetIds");
    const schedule = config.get("schedule") ?? "cron(30 2 * * ? *)";
    const timeZone = config.get("timeZone") ?? "UTC";
    const alarmEmail = config.get("alarmEmail");
    const protect = config.getBoolean("protect") ?? true;

    // An `artifacts` zone holds job code next to the data, under the same key and access rules.
    const zone = new LandingZone("lake", { zones: { raw: {}, curated: {}, artifacts: {} }, protect });
    const script = new aws.s3.BucketObjectv2("daily-page-views-script", {
        bucket: zone.bucketName,
        key: `${zone.keyPrefix("artifacts", "jobs")}${SCRIPT}`,
        source: new pulumi.asset.FileAsset(path.join(__dirname, "jobs", SCRIPT)),
        contentType: "text/x-python",
        // The bucket policy accepts only the landing zone's key.
        serverSideEncryption: "aws:kms",
        kmsKeyId: zone.kmsKeyArn,
    });

    // Alarm notifications carry no data. CloudWatch cannot publish to a topic encrypted with the
    // AWS-managed SNS key, so this topic uses SNS's default (no SSE) rather than a dedicated CMK.
    const alerts = alarmEmail ? new aws.sns.Topic("spark-alerts", {}) : undefined;
    if (alerts && alarmEmail)
        new aws.sns.TopicSubscription("spark-alerts-email", { topic: alerts.arn, protocol: "email", endpoint: alarmEmail });

    const job = new SparkBatchJob(
        "daily-page-views",
        {
            storage: zone,
            network: { vpcId, subnetIds },
            schedule,
            timeZone,
            application: { area: "artifacts", path: `jobs/${SCRIPT}` },
            inputs: { events: { area: "raw", path: "events" } },
            outputs: { daily: { area: "curated", path: "page-views-daily" } },
            sparkConf: { "spark.executor.memory": "4g", "spark.executor.cores": "2" },
            timeoutMinutes: 120,
            alarmTopicArn: alerts?.arn,
        },
        { dependsOn: [script] },
    );

    return {
        stateMachineArn: job.stateMachineArn,
        scriptUri: pulumi.interpolate`s3://${script.bucket}/${script.key}`,
        outputUri: zone.uri("curated", "page-views-daily"),
        logUri: job.logUri,
        backfill: pulumi.interpolate`aws stepfunctions start-execution --state-machine-arn ${job.stateMachineArn} --input '{"logicalTime":"2026-01-31T02:30:00Z"}'`,
    };
};
