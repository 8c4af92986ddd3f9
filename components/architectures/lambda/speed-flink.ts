import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection, KubernetesTarget, Storage } from "../../core/contracts";
import { FlinkJob, FlinkJobArgs, FlinkOperator, FlinkOperatorArgs, FlinkOperatorRef } from "../../flink";
import { StorageLocation } from "../../spark";
import { FlinkSpeedArgs, LambdaSettings } from "./lambda-args";
import { DEFAULT_SPEED_FLINK_VERSION, SMOKE_TEST_JAR } from "./lambda-args";
import { LAMBDA_COMPONENT, SPEED_ZONE } from "./names";
import { SpeedLayer, SpeedLayerInputs, speedViewsArg } from "./speed-flavour";

/**
 * The Flink speed layer: the operator (unless one is given) and one FlinkJob reading every input
 * topic with one consumer group and writing each topic's view with a FileSink into the speed zone.
 * The FileSink publishes files on checkpoints only, so with exactly-once checkpoints in the
 * landing zone each record reaches the view once, also across failures and upgrades.
 */
export function flinkSpeedLayer(name: string, inputs: SpeedLayerInputs, parent: pulumi.Resource): SpeedLayer {
    const { settings: s, lake, kafka } = inputs;
    const flink: FlinkSpeedArgs = inputs.args.flink ?? {};
    // Validation guarantees a target for the Flink processor.
    const target = inputs.kubernetes as KubernetesTarget;
    if (flink.jarUri === undefined) {
        pulumi.log.warn(
            `${LAMBDA_COMPONENT} "${name}": the Flink speed job is the smoke test (StateMachineExample): it reads no topic and the speed views stay empty. Set speed.flink.jarUri (and image) to your job.`,
            parent,
        );
    }

    let operator: FlinkOperatorRef = flink.operator as FlinkOperatorRef;
    let created: FlinkOperator | undefined;
    if (flink.operator === undefined) {
        created = new FlinkOperator(`${name}-flink`, flinkSpeedOperatorArgs(s, target), { parent });
        operator = created;
    }
    const locations = flinkSpeedLocations(s);
    const job = new FlinkJob(`${name}-speed`, flinkSpeedJobArgs(s, flink, lake, kafka.connection, operator, inputs.tags), {
        parent,
        dependsOn: [inputs.topics],
    });
    return { processor: "flink", locations, stateUri: job.stateUri, flinkOperator: created, flinkJob: job };
}

/** The operator the Flink speed layer installs when none is given: the profile's replicas. */
export function flinkSpeedOperatorArgs(s: LambdaSettings, target: KubernetesTarget): FlinkOperatorArgs {
    return { target, replicas: s.defaults.flinkOperatorReplicas };
}

/** Per input topic, the folder of its speed view. */
function flinkSpeedLocations(s: LambdaSettings): Record<string, StorageLocation> {
    return Object.fromEntries(s.topicNames.map((t) => [t, { area: SPEED_ZONE, path: t }]));
}

/** The FlinkJob args of the speed job: the job contract's arguments, exactly-once state and the speed zone's grants. */
export function flinkSpeedJobArgs(
    s: LambdaSettings,
    flink: FlinkSpeedArgs,
    storage: Storage,
    connection: KafkaConnection,
    operator: FlinkOperatorRef,
    tags: Record<string, string>,
): FlinkJobArgs {
    const d = s.defaults;
    const locations = flinkSpeedLocations(s);
    return {
        operator,
        storage,
        flinkVersion: flink.flinkVersion ?? DEFAULT_SPEED_FLINK_VERSION,
        image: flink.image,
        jarUri: flink.jarUri ?? SMOKE_TEST_JAR,
        entryClass: flink.entryClass,
        // The job contract (see the README): its group, and each topic with its view's folder.
        args: [
            "--group-id",
            s.consumerGroup,
            "--views",
            speedViewsArg(s.topicNames.map((t) => ({ topic: t, output: storage.uri(SPEED_ZONE, t) }))),
        ],
        parallelism: flink.parallelism ?? d.streamParallelism,
        jobManager: { replicas: d.flinkJobManagerReplicas },
        taskManager: flink.taskManager,
        checkpointIntervalSeconds: flink.checkpointIntervalSeconds,
        highAvailability: true,
        upgradeMode: "savepoint",
        // The FileSink writes to S3 through the Hadoop plugin.
        writesFilesToS3: true,
        storageAccess: Object.values(locations).map((l) => ({ access: "write" as const, ...l })),
        kafka: { connection, access: { readTopics: s.topicNames, consumerGroups: [s.consumerGroup] } },
        identity: flink.identity,
        protect: d.protect,
        tags,
    };
}
