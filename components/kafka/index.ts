export { KafkaCluster } from "./cluster";
export type { KafkaClusterArgs, MskClientAuth, MskMonitoringLevel } from "./cluster-args";
export { DURABLE_BROKER_DEFAULTS } from "./broker-config";
export { DEFAULT_MSK_KAFKA_VERSION } from "./versions";
export { externalKafka } from "./connection";
export type { ExternalKafkaArgs } from "./connection";
export { KafkaTopic } from "./topic";
export { KafkaTopics } from "./topics";
export type { KafkaTopicsArgs } from "./topics";
export type { KafkaTopicArgs, TopicSpec, TopicShape, CleanupPolicy, CompactionArgs } from "./topic-args";
export { KafkaStreamsApp } from "./streams-app";
export type {
    KafkaStreamsAppArgs,
    StreamsTopicRef,
    ProcessingGuarantee,
    StreamsHealthArgs,
    StreamsAutoscalingArgs,
} from "./streams-app-args";
