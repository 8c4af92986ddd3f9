export { KafkaCluster } from "./cluster";
export { kafkaClusterArgs, kafkaClusterShape } from "./cluster-args";
export type { KafkaClusterArgs, MskClientAuth, MskMonitoringLevel } from "./cluster-args";
export { DURABLE_BROKER_DEFAULTS } from "./broker-config";
export { DEFAULT_MSK_KAFKA_VERSION } from "./versions";
export { MskServerlessCluster } from "./msk-serverless-cluster";
export type { MskServerlessClusterArgs } from "./msk-serverless-cluster-args";
export { mskServerlessClusterArgs, mskServerlessClusterShape } from "./msk-serverless-cluster-args";
export { EXPRESS_BROKER_TYPES, EXPRESS_KAFKA_VERSIONS, DEFAULT_EXPRESS_KAFKA_VERSION } from "./express-brokers";
export { externalKafka } from "./external-kafka";
export { externalKafkaArgs, externalKafkaShape } from "./external-kafka-args";
export type { ExternalKafkaArgs } from "./external-kafka-args";
export { KafkaTopic } from "./topic";
export { KafkaTopics } from "./topics";
export { kafkaTopicsArgs, kafkaTopicsShape } from "./topics-args";
export type { KafkaTopicsArgs } from "./topics-args";
export {
    kafkaTopicArgs,
    kafkaTopicShape,
    topicSpec,
    topicSpecShape,
    topicEntry,
    topicDefaults,
    topicShape,
    topicShapeShape,
    compaction,
    compactionShape,
    kafkaProviderSchema,
} from "./topic-args";
export type { KafkaTopicArgs, TopicSpec, TopicShape, CleanupPolicy, CompactionArgs } from "./topic-args";
export { KafkaStreamsApp } from "./streams-app";
export {
    kafkaStreamsAppArgs,
    kafkaStreamsAppShape,
    streamsHealth,
    streamsHealthShape,
    streamsAutoscaling,
    streamsAutoscalingShape,
    probe,
    probeShape,
    topicRef,
} from "./streams-app-args";
export type {
    KafkaStreamsAppArgs,
    StreamsTopicRef,
    ProcessingGuarantee,
    StreamsHealthArgs,
    StreamsAutoscalingArgs,
} from "./streams-app-args";
