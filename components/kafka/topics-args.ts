import type * as kafka from "@pulumi/kafka";
import { kafkaConnection } from "../core/schema/contracts";
import { KafkaConnection } from "../core/contracts";
import { v, strict, map } from "../core/schema";
import {
    CheckedTopicSpec,
    TopicSettings,
    kafkaProviderSchema,
    resolveTopicSettings,
    topicDefaults,
    topicEntry,
    topicShape,
} from "./topic-args";

/** The declaration of `KafkaTopics`' args: the connection, defaults shared by every topic, and the topics. */
export const kafkaTopicsShape = {
    /** The cluster every topic lives on: a `KafkaCluster`'s `connection` or `externalKafka(...)`. Default: none (required). */
    connection: kafkaConnection,
    /** The topics, keyed by topic name (a topic's own `name` overrides the key), each with KafkaTopic's settings. Default: none (required). */
    topics: map(v.string(), topicEntry),
    /** Settings every topic starts from; a topic's own settings win. Default: `{}` (each topic's defaults). */
    defaults: v.optional(topicDefaults, {}),
    /**
     * The deployed shapes, keyed like `topics`: typically this stack's last `shapes` output (see
     * the README). Topics not listed are treated as new. Default: unknown.
     */
    previous: v.optional(map(v.string(), topicShape)),
    /** For a cluster you bring: the `@pulumi/kafka` provider to use. Default: one built from the connection, shared by all topics. */
    kafkaProvider: v.optional(kafkaProviderSchema),
};
/** The schema of {@link KafkaTopics}' args, built from {@link kafkaTopicsShape}. */
export const kafkaTopicsArgs: v.StrictObjectSchema<typeof kafkaTopicsShape, undefined> = strict(kafkaTopicsShape);
/** Arguments of {@link KafkaTopics}: the connection, defaults shared by every topic, and the topics. */
export type KafkaTopicsArgs = v.InferInput<typeof kafkaTopicsArgs>;

/** One topic of KafkaTopics: its key, the spec KafkaTopic receives (the defaults and its deployed shape merged in), and its settings. */
export interface TopicsEntry {
    key: string;
    spec: CheckedTopicSpec;
    settings: TopicSettings;
}

/** The fully populated settings KafkaTopics reads. */
export interface KafkaTopicsSettings {
    connection: KafkaConnection;
    kafkaProvider?: kafka.Provider;
    topics: TopicsEntry[];
}

/** Applies `defaults` and `previous` to every topic, once. */
export function resolveSettings(args: v.InferOutput<typeof kafkaTopicsArgs>): KafkaTopicsSettings {
    return {
        connection: args.connection,
        kafkaProvider: args.kafkaProvider,
        topics: Object.entries(args.topics).map(([key, own]) => {
            const spec: CheckedTopicSpec = { ...args.defaults, ...own, name: own.name ?? key, previous: args.previous?.[key] };
            return { key, spec, settings: resolveTopicSettings(key, spec) };
        }),
    };
}
