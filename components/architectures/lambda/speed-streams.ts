import * as pulumi from "@pulumi/pulumi";
import { requirePeer } from "../../core/optional-peers";
import { KafkaConnection, KubernetesTarget, Storage } from "../../core/contracts";
import { k8sLabels } from "../../core/tags";
import { KafkaStreamsApp, KafkaStreamsAppArgs, KafkaTopic } from "../../kafka";
import { MskFirehoseIngest, MskFirehoseIngestArgs } from "../../ingest";
import { StorageLocation } from "../../spark";
import { KafkaStreamsSpeedArgs, LambdaSettings } from "./lambda-args";
import { SPEED_TOPIC_SUFFIX, SPEED_ZONE } from "./names";
import { SpeedLayer, SpeedLayerInputs } from "./speed-flavour";

/** The output topic a Kafka Streams speed job writes a topic's view to. */
export function speedTopicName(topic: string): string {
    return `${topic}${SPEED_TOPIC_SUFFIX}`;
}

/**
 * The Kafka Streams speed layer: the app reads every input topic and writes each view to its own
 * output topic with exactly-once transactions; Firehose delivers the output topics to the speed
 * zone in the same hourly folders. The app runs in a namespace of its own that enforces the
 * `restricted` Pod Security Standard (the app's pods pass it).
 */
export function streamsSpeedLayer(name: string, inputs: SpeedLayerInputs, parent: pulumi.Resource): SpeedLayer {
    const { settings: s, lake, kafka } = inputs;
    // Validation guarantees both for the Kafka Streams processor.
    const streams = inputs.args.kafkaStreams as KafkaStreamsSpeedArgs;
    const target = inputs.kubernetes as KubernetesTarget;
    const namespaceName = streamsSpeedNamespace(name, streams);
    const k8s = requirePeer("@pulumi/kubernetes", `LambdaArchitecture "${name}"`);

    const dependsOn: pulumi.Resource[] = [inputs.topics];
    if (streams.createNamespace ?? true) {
        dependsOn.push(
            new k8s.core.v1.Namespace(
                `${name}-speed-namespace`,
                {
                    metadata: {
                        name: namespaceName,
                        labels: {
                            ...k8sLabels(namespaceName, "speed-layer"),
                            "pod-security.kubernetes.io/enforce": "restricted",
                            "pod-security.kubernetes.io/warn": "restricted",
                            "pod-security.kubernetes.io/audit": "restricted",
                        },
                    },
                },
                { parent, provider: target.provider },
            ),
        );
    }

    const byName = new Map<string, KafkaTopic>(Object.values(inputs.topics.topics).map((t) => [t.topicName, t]));
    const streamsApp = new KafkaStreamsApp(
        `${name}-speed`,
        streamsSpeedAppArgs(name, s, streams, kafka.connection, target, (t) => byName.get(t) as KafkaTopic, inputs.tags),
        { parent, dependsOn },
    );
    const delivery = new MskFirehoseIngest(
        `${name}-speed-delivery`,
        streamsSpeedDeliveryArgs(s, streams, lake, kafka.connection, inputs.tags),
        {
            parent,
            dependsOn: [inputs.topics, ...inputs.deliveryAfter],
        },
    );
    const locations: Record<string, StorageLocation> = Object.fromEntries(
        s.topicNames.map((t) => [t, { area: SPEED_ZONE, path: speedTopicName(t) }]),
    );
    // Kafka Streams keeps its exactly-once state in Kafka (changelogs, transactions): no S3 state.
    return { processor: "kafka-streams", locations, streamsApp, delivery };
}

/** The namespace of the Kafka Streams speed app. */
function streamsSpeedNamespace(name: string, streams: KafkaStreamsSpeedArgs): string {
    return streams.namespace ?? `${name}-speed`;
}

/** The KafkaStreamsApp args of the speed app: every input topic in, each view to its own topic, exactly once. */
export function streamsSpeedAppArgs(
    name: string,
    s: LambdaSettings,
    streams: KafkaStreamsSpeedArgs,
    connection: KafkaConnection,
    target: KubernetesTarget,
    topic: (topicName: string) => KafkaTopic | string,
    tags: Record<string, string>,
): KafkaStreamsAppArgs {
    const d = s.defaults;
    const stateful = streams.stateful ?? false;
    return {
        connection,
        target,
        image: streams.image,
        inputTopics: s.topicNames.map(topic),
        outputTopics: s.topicNames.map(speedTopicName).map(topic),
        applicationId: s.consumerGroup,
        namespace: streamsSpeedNamespace(name, streams),
        // A stateful app keeps a standby of every task on another pod.
        replicas: streams.replicas ?? (stateful ? Math.max(2, d.streamParallelism) : d.streamParallelism),
        stateful,
        processingGuarantee: "exactly_once_v2",
        replicationFactor: 3,
        // The job contract (see the README): each input topic and the topic its view goes to.
        env: { SPECTRUM_SPEED_VIEWS: JSON.stringify(s.topicNames.map((t) => ({ topic: t, output: speedTopicName(t) }))) },
        identity: streams.identity,
        protect: d.protect,
        tags,
    };
}

/** The MskFirehoseIngest args that deliver the speed app's output topics to the speed zone. */
export function streamsSpeedDeliveryArgs(
    s: LambdaSettings,
    streams: KafkaStreamsSpeedArgs,
    storage: Storage,
    connection: KafkaConnection,
    tags: Record<string, string>,
): MskFirehoseIngestArgs {
    const d = s.defaults;
    return {
        connection,
        topics: s.topicNames.map(speedTopicName),
        storage,
        zone: SPEED_ZONE,
        partitionBy: "hour",
        bufferingIntervalSeconds: streams.deliveryBufferSeconds ?? 60,
        bufferingSizeMiB: d.ingestBufferMiB,
        logRetentionDays: d.logRetentionDays,
        // The cluster has one policy, owned by the batch layer's ingest.
        manageClusterPolicy: false,
        tags,
    };
}
