import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    FlinkJob,
    FlinkOperator,
    KafkaCluster,
    KafkaTopics,
    LandingZone,
    LandingZoneArgs,
    PlatformCluster,
    PlatformNetwork,
    SparkBatchJob,
    policyDocument,
} from "pulumi-spectrum";

/**
 * A platform repo's own stack, written against the package as it ships: a VPC and an EKS cluster,
 * a landing zone, MSK with topics, the Flink operator and a job, a nightly Spark job, and a role of
 * the repo's own that reads one prefix of the lake.
 */
export function platform(): Record<string, pulumi.Output<string>> {
    const config = new pulumi.Config();
    const protect = config.getBoolean("protect") ?? true;

    const zones: LandingZoneArgs["zones"] = { raw: {}, curated: { infrequentAccessAfterDays: 180 }, artifacts: {} };
    const lake = new LandingZone("lake", { zones, protect });
    const network = new PlatformNetwork("network", { profile: "dev" });
    const cluster = new PlatformCluster("eks", { profile: "dev", network, protect });

    const subnetIds = [0, 1, 2].map((i) => network.privateSubnetIds.apply((ids) => ids[i]));
    const kafka = new KafkaCluster("kafka", { vpcId: network.vpcId, subnetIds, protect });
    const topics = new KafkaTopics("topics", {
        connection: kafka.connection,
        defaults: { protect },
        topics: { "orders.v1": { partitions: 6 } },
    });

    const operator = new FlinkOperator("flink", { target: cluster.target });
    const job = new FlinkJob(
        "orders-enricher",
        {
            operator,
            storage: lake,
            flinkVersion: "1.20.3",
            jarUri: "local:///opt/flink/examples/streaming/StateMachineExample.jar",
            protect,
        },
        { dependsOn: [topics] },
    );

    const batch = new SparkBatchJob("daily", {
        storage: lake,
        network: { vpcId: network.vpcId, subnetIds },
        schedule: "cron(30 2 * * ? *)",
        application: { area: "artifacts", path: "jobs/daily.py" },
        inputs: { events: { area: "raw", path: "events" } },
        outputs: { daily: { area: "curated", path: "daily" } },
    });

    const reader = new aws.iam.Role("analyst", {
        assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "glue.amazonaws.com" }),
    });
    new aws.iam.RolePolicy("analyst", { role: reader.name, policy: policyDocument(lake.grant("read", "curated", "daily")) });

    return {
        bucket: lake.bucketName,
        bootstrapServers: pulumi.output(kafka.connection.bootstrapServers),
        flinkState: job.stateUri,
        stateMachine: batch.stateMachineArn,
    };
}
