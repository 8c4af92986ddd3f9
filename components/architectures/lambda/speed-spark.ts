import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyDocument } from "../../core/iam";
import { kafkaIamStatements } from "../../core/kafka-access";
import {
    DEFAULT_EMR_RELEASE,
    DEFAULT_EMR_SERVERLESS_RELEASE,
    EmrServerlessApplication,
    EmrSparkCluster,
    EmrSparkClusterArgs,
    SparkStreamingJob,
    StorageFile,
    StorageLocation,
    emrRelease,
    sparkKafkaPackage,
} from "../../spark";
import { createSparkApplication } from "../shared/spark-runtime";
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
 * The Spark speed layer: one supervised Structured Streaming job (the bundled script unless you
 * bring one) with a query per input topic, on a long-running EMR cluster or, with the
 * `emr-serverless` runtime, in streaming mode on an EMR Serverless application of its own (kept
 * started). The job gets exactly the Kafka access it needs (on EC2 its own policy on the instance
 * role, so the cluster is never touched when it changes; on EMR Serverless its runtime role) and a
 * way through the brokers' security group.
 */
export function sparkSpeedLayer(name: string, inputs: SpeedLayerInputs, parent: pulumi.Resource): SpeedLayer {
    return inputs.settings.sparkRuntime === "emr-serverless"
        ? serverlessSpeedLayer(name, inputs, parent)
        : clusterSpeedLayer(name, inputs, parent);
}

function clusterSpeedLayer(name: string, inputs: SpeedLayerInputs, parent: pulumi.Resource): SpeedLayer {
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

    const script = speedScript(name, inputs, parent);
    const ready: pulumi.Resource[] = [kafkaAccess, brokerAccess, inputs.topics, ...script.upload];
    const job = new SparkStreamingJob(
        `${name}-speed`,
        { cluster, ...speedJobArgs(speedJobInputs(inputs), script.application, spark.cluster?.releaseLabel ?? DEFAULT_EMR_RELEASE) },
        { parent, dependsOn: ready },
    );
    return {
        processor: "spark-streaming",
        locations: speedLocations(inputs.settings.topicNames),
        stateUri: job.checkpointUri,
        sparkCluster: cluster,
        sparkJob: job,
    };
}

/**
 * The same job in streaming mode on an EMR Serverless application of its own, kept started (a
 * streaming run never lets it idle anyway): its runtime role gets the job's Kafka access before the
 * first run, and the application's workers a way through the brokers' security group.
 */
function serverlessSpeedLayer(name: string, inputs: SpeedLayerInputs, parent: pulumi.Resource): SpeedLayer {
    const { settings: s, lake, kafka } = inputs;
    const application = createSparkApplication(
        `${name}-speed-spark`,
        lake,
        { defaults: s.defaults, network: inputs.network, spark: inputs.spark, tags: inputs.tags, alwaysOn: true },
        parent,
    ) as EmrServerlessApplication;
    const brokerAccess = new aws.vpc.SecurityGroupIngressRule(
        `${name}-speed-spark-to-kafka`,
        {
            securityGroupId: kafka.securityGroupId,
            referencedSecurityGroupId: application.securityGroupId,
            ipProtocol: "tcp",
            fromPort: MSK_IAM_PORT,
            toPort: MSK_IAM_PORT,
            description: `Kafka (IAM) from the ${name} speed job's EMR Serverless workers`,
            tags: inputs.tags,
        },
        { parent },
    );
    const script = speedScript(name, inputs, parent);
    const job = new SparkStreamingJob(
        `${name}-speed`,
        {
            serverless: application.target,
            ...speedJobArgs(
                speedJobInputs(inputs),
                script.application,
                inputs.spark?.serverless?.releaseLabel ?? DEFAULT_EMR_SERVERLESS_RELEASE,
            ),
            // Spark names its consumer groups <prefix>-<uuid>...: the grant covers the prefix, nothing else.
            access: kafkaIamStatements(kafka.arn, { readTopics: s.topicNames, consumerGroups: [`${s.consumerGroup}*`] }),
        },
        { parent, dependsOn: [brokerAccess, inputs.topics, ...script.upload] },
    );
    return {
        processor: "spark-streaming",
        locations: speedLocations(inputs.settings.topicNames),
        stateUri: job.checkpointUri,
        sparkApplication: application,
        sparkJob: job,
    };
}

/** Per input topic, the folder of its speed view. */
function speedLocations(topicNames: readonly string[]): Record<string, StorageLocation> {
    return Object.fromEntries(topicNames.map((t) => [t, { area: SPEED_ZONE, path: t }]));
}

/** The speed job's application: the user's, or the bundled script, uploaded to the artifacts zone. */
function speedScript(
    name: string,
    inputs: SpeedLayerInputs,
    parent: pulumi.Resource,
): { application: StorageFile; upload: pulumi.Resource[] } {
    const own = inputs.args.sparkStreaming?.application;
    if (own !== undefined) return { application: own, upload: [] };
    const lake = inputs.lake;
    const upload = new aws.s3.BucketObjectv2(
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
    );
    return { application: speedApplication({}), upload: [upload] };
}

/** What the speed job's definition is made of: the settings, the user's overrides, the brokers and where alarms go. */
export interface SpeedJobInputs {
    settings: LambdaSettings;
    spark: SparkStreamingSpeedArgs;
    bootstrapServers: pulumi.Input<string>;
    alarmTopicArn?: pulumi.Input<string>;
    tags: Record<string, string>;
}

/**
 * The speed job's definition, the same on either runtime: script, arguments, outputs and Spark
 * properties. The architecture checks it before the first resource (speed-check.ts), with the
 * cluster or application to come as a stand-in.
 */
export function speedJobArgs(inputs: SpeedJobInputs, application: StorageFile, releaseLabel: string) {
    const { settings: s, spark } = inputs;
    const locations = speedLocations(s.topicNames);
    return {
        application,
        args: [
            "--bootstrap-servers",
            inputs.bootstrapServers,
            "--group-id-prefix",
            s.consumerGroup,
            "--views",
            speedViewsArg(s.topicNames.map((t) => ({ topic: t, output: safeKey(t) }))),
        ],
        outputs: Object.fromEntries(s.topicNames.map((t) => [safeKey(t), locations[t]])),
        sparkConf: {
            "spark.jars.packages": (spark.packages ?? speedPackages(releaseLabel) ?? []).join(","),
            "spark.sql.session.timeZone": "UTC",
            ...spark.sparkConf,
        },
        triggerInterval: spark.triggerInterval,
        alarmTopicArn: inputs.alarmTopicArn,
        tags: inputs.tags,
    };
}

/** The speed job's application: the user's, or the bundled script once uploaded. */
export function speedApplication(spark: SparkStreamingSpeedArgs): StorageFile {
    return spark.application ?? { area: ARTIFACTS_ZONE, path: `jobs/${SPEED_VIEWS_FILE}` };
}

function speedJobInputs(inputs: SpeedLayerInputs): SpeedJobInputs {
    return {
        settings: inputs.settings,
        spark: inputs.args.sparkStreaming ?? {},
        bootstrapServers: inputs.kafka.bootstrapServers,
        alarmTopicArn: inputs.alarmTopicArn,
        tags: inputs.tags,
    };
}

/** The long-running cluster of the Spark speed layer on EMR on EC2: the user's shape, three primary nodes in prod. */
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
