import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyDocument } from "../../core/iam";
import { kafkaIamStatements } from "../../core/kafka-access";
import {
    DEFAULT_EMR_RELEASE,
    EmrSparkCluster,
    EmrSparkClusterArgs,
    SparkClusterTarget,
    SparkStreamingJob,
    SparkStreamingJobArgs,
    StorageFile,
    StorageLocation,
    emrRelease,
    sparkKafkaPackage,
} from "../../spark";
import { ARTIFACTS_ZONE } from "../shared/batch-layer";
import { EMR_FLEET_SUBNETS, privateSubnets, safeKey } from "../shared/placement";
import { SPEED_ZONE } from "./names";
import { readJobScript } from "../../core/job-script";
import { SpeedLayer, SpeedLayerInputs, speedViewsArg } from "./speed-flavour";
import { Storage } from "../../core/contracts";
import { NetworkPlacement } from "../../platform";
import { LambdaSettings, SparkStreamingSpeedArgs } from "./lambda-args";

/**
 * The PySpark Structured Streaming application the Lambda speed layer runs on Spark by default
 * (`jobs/` beside this file). It is generic: each input topic's records become JSON lines under
 * the topic's speed-view folder, in the same hourly folders the batch view uses.
 */
export const SPEED_VIEWS_FILE = "lambda_speed_views.py";
/** The MSK IAM login module the Kafka source needs with IAM auth: plain Java, the same for every Spark. */
export const MSK_IAM_AUTH_PACKAGE = "software.amazon.msk:aws-msk-iam-auth:2.2.0";

/**
 * What Spark downloads at submit for the speed job on a release: the Kafka source built for the
 * release's Spark and Scala (from the EMR release catalog), and the MSK IAM login module. Undefined
 * for a release outside the catalog (validation then asks for `packages`).
 */
export function speedPackages(releaseLabel: string): string[] | undefined {
    const release = emrRelease(releaseLabel);
    return release ? [sparkKafkaPackage(release), MSK_IAM_AUTH_PACKAGE] : undefined;
}
/** MSK's client port with IAM auth (TLS). */
const MSK_IAM_PORT = 9098;

/**
 * The Spark speed layer: a long-running EMR cluster and one supervised Structured Streaming job
 * (the bundled script unless you bring one) with a query per input topic. The cluster's nodes get
 * exactly the Kafka access the job needs (its own policy on the instance role, so the cluster is
 * never touched when it changes) and a way through the brokers' security group.
 */
export function sparkSpeedLayer(name: string, inputs: SpeedLayerInputs, parent: pulumi.Resource): SpeedLayer {
    const { settings: s, lake, kafka } = inputs;
    const spark = inputs.args.sparkStreaming ?? {};

    const cluster = new EmrSparkCluster(`${name}-streaming`, sparkSpeedClusterArgs(s, spark, lake, inputs.network, inputs.tags), {
        parent,
    });

    // Spark names its consumer groups <prefix>-<uuid>...: the grant covers the prefix, nothing else.
    const kafkaAccess = new aws.iam.RolePolicy(
        `${name}-streaming-kafka`,
        {
            role: cluster.instanceRoleName,
            policy: policyDocument(kafkaIamStatements(kafka.arn, { readTopics: s.topicNames, consumerGroups: [`${s.consumerGroup}*`] })),
        },
        { parent },
    );
    const brokerAccess = new aws.vpc.SecurityGroupIngressRule(
        `${name}-streaming-to-kafka`,
        {
            securityGroupId: kafka.securityGroupId,
            // In cluster deploy mode the driver and executors run on core and task nodes.
            referencedSecurityGroupId: cluster.cluster.ec2Attributes.apply((a) => a?.emrManagedSlaveSecurityGroup ?? ""),
            ipProtocol: "tcp",
            fromPort: MSK_IAM_PORT,
            toPort: MSK_IAM_PORT,
            description: `Kafka (IAM) from the ${name} streaming cluster`,
            tags: inputs.tags,
        },
        { parent },
    );

    const ready: pulumi.Resource[] = [kafkaAccess, brokerAccess, inputs.topics];
    if (spark.application === undefined) {
        ready.push(
            new aws.s3.BucketObjectv2(
                `${name}-speed-script`,
                {
                    bucket: lake.bucketName,
                    key: `${lake.keyPrefix(ARTIFACTS_ZONE, "jobs")}${SPEED_VIEWS_FILE}`,
                    content: readJobScript(__dirname, SPEED_VIEWS_FILE),
                    contentType: "text/x-python",
                    // The bucket policy accepts uploads under the landing zone's key only.
                    serverSideEncryption: "aws:kms",
                    kmsKeyId: lake.kmsKeyArn,
                    tags: inputs.tags,
                },
                { parent },
            ),
        );
    }

    const locations = sparkSpeedLocations(s);
    const job = new SparkStreamingJob(
        `${name}-speed`,
        sparkSpeedJobArgs(s, spark, cluster, kafka.bootstrapServers, inputs.alarmTopicArn, inputs.tags),
        { parent, dependsOn: ready },
    );
    return { processor: "spark-streaming", locations, stateUri: job.checkpointUri, sparkCluster: cluster, sparkJob: job };
}

/** The long-running cluster of the Spark speed layer: the user's shape, three primary nodes in prod. */
export function sparkSpeedClusterArgs(
    s: LambdaSettings,
    spark: SparkStreamingSpeedArgs,
    storage: Storage,
    network: NetworkPlacement,
    tags: Record<string, string>,
): EmrSparkClusterArgs {
    return {
        ...spark.cluster,
        storage,
        network: { vpcId: network.vpcId, subnetIds: privateSubnets(network, EMR_FLEET_SUBNETS) },
        highAvailability: s.profile === "prod",
        protect: s.defaults.protect,
        tags,
    };
}

/** Per input topic, the folder of its speed view. */
function sparkSpeedLocations(s: LambdaSettings): Record<string, StorageLocation> {
    return Object.fromEntries(s.topicNames.map((t) => [t, { area: SPEED_ZONE, path: t }]));
}

/** The SparkStreamingJob args of the speed job: the bundled script unless given, the job contract's arguments, the Kafka source. */
export function sparkSpeedJobArgs(
    s: LambdaSettings,
    spark: SparkStreamingSpeedArgs,
    cluster: SparkClusterTarget,
    bootstrapServers: pulumi.Input<string>,
    alarmTopicArn: pulumi.Input<string> | undefined,
    tags: Record<string, string>,
): SparkStreamingJobArgs {
    const locations = sparkSpeedLocations(s);
    const application: StorageFile = spark.application ?? { area: ARTIFACTS_ZONE, path: `jobs/${SPEED_VIEWS_FILE}` };
    return {
        cluster,
        application,
        args: [
            "--bootstrap-servers",
            bootstrapServers,
            "--group-id-prefix",
            s.consumerGroup,
            "--views",
            speedViewsArg(s.topicNames.map((t) => ({ topic: t, output: safeKey(t) }))),
        ],
        outputs: Object.fromEntries(s.topicNames.map((t) => [safeKey(t), locations[t]])),
        sparkConf: {
            "spark.jars.packages": (spark.packages ?? speedPackages(spark.cluster?.releaseLabel ?? DEFAULT_EMR_RELEASE) ?? []).join(","),
            "spark.sql.session.timeZone": "UTC",
            ...spark.sparkConf,
        },
        triggerInterval: spark.triggerInterval,
        alarmTopicArn,
        tags,
    };
}
