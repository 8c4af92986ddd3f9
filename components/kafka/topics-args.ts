import type * as kafka from "@pulumi/kafka";
import { KafkaConnection } from "../core/contracts";
import { TopicSettings, TopicShape, TopicSpec, resolveKafkaTopicSettings } from "./topic-args";

/** Arguments of {@link KafkaTopics}: the connection, defaults shared by every topic, and the topics. */
export interface KafkaTopicsArgs {
    /** The cluster every topic lives on. Required. */
    connection: KafkaConnection;
    /** The topics, keyed by topic name (a spec's own `name` overrides the key). Required. */
    topics: Record<string, Omit<TopicSpec, "previous">>;
    /** Settings every topic starts from; a topic's own settings win. Default: none (each topic's defaults). */
    defaults?: Omit<TopicSpec, "name" | "previous">;
    /**
     * The deployed shapes, keyed like `topics`: typically this stack's last `shapes` output (see
     * the README). Topics not listed are treated as new. Default: unknown.
     */
    previous?: Record<string, TopicShape>;
    /** For a cluster you bring: the `@pulumi/kafka` provider to use. Default: one built from the connection, shared by all topics. */
    kafkaProvider?: kafka.Provider;
}

/** Each topic's spec as KafkaTopic receives it (the defaults and its deployed shape merged in), and its settings. */
export interface KafkaTopicsSettings {
    topics: Array<{ key: string; spec: TopicSpec; settings: TopicSettings }>;
}

/** Applies `defaults` and `previous` to every topic, once. */
export function resolveKafkaTopicsSettings(args: KafkaTopicsArgs): KafkaTopicsSettings {
    return {
        topics: Object.entries(args.topics ?? {}).map(([key, spec]) => {
            const merged: TopicSpec = { ...args.defaults, ...spec, name: spec.name ?? key, previous: args.previous?.[key] };
            return { key, spec: merged, settings: resolveKafkaTopicSettings(key, merged) };
        }),
    };
}
