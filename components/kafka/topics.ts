import * as pulumi from "@pulumi/pulumi";
import type * as kafka from "@pulumi/kafka";
import { Validator } from "../core/errors";
import { KafkaConnection } from "../core/contracts";
import { TopicShape, TopicSpec, resolveTopicSettings } from "./topic-args";
import { validateTopic } from "./topic-config";
import { kafkaProvider, kafkaProviderFromOpts, usesMskTopicApi } from "./kafka-provider";
import { KafkaTopic } from "./topic";

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

/**
 * Many topics on one cluster from one map, validated together (every problem in one error) and
 * sharing one `@pulumi/kafka` provider on a cluster you bring.
 *
 * @example
 * const topics = new KafkaTopics("events", {
 *     connection: cluster.connection,
 *     defaults: { partitions: 12 },
 *     topics: { "orders.v1": {}, "orders-by-customer.v1": { cleanupPolicy: "compact" } },
 * });
 * export const kafkaTopics = topics.shapes;
 */
export class KafkaTopics extends pulumi.ComponentResource {
    /** Each topic, keyed like `args.topics`. */
    readonly topics: Readonly<Record<string, KafkaTopic>>;
    /** Each topic's deployed shape, keyed like `args.topics`: export it to feed `previous` next time. */
    readonly shapes: Readonly<Record<string, TopicShape>>;

    constructor(name: string, args: KafkaTopicsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("spectrum:index:KafkaTopics", name, {}, opts);
        const entries = Object.entries(args.topics ?? {});
        const v = new Validator("KafkaTopics", name);
        v.check(
            entries.length > 0,
            "topics",
            args.topics,
            "no topics declared",
            'Declare at least one topic, e.g. topics: { "orders.v1": {} }',
        );
        const specs = entries.map(([key, spec]): [string, TopicSpec] => [
            key,
            { ...args.defaults, ...spec, name: spec.name ?? key, previous: args.previous?.[key] },
        ]);
        const seen = new Map<string, string>();
        for (const [key, spec] of specs) {
            const s = resolveTopicSettings(key, spec);
            validateTopic(v, `topics["${key}"].`, spec, s, args.connection);
            const other = seen.get(s.name);
            v.check(
                other === undefined,
                `topics["${key}"].name`,
                s.name,
                `topic "${other}" already has this name`,
                "Give each topic its own name",
            );
            seen.set(s.name, key);
        }
        v.throwIfInvalid();

        const provider =
            args.kafkaProvider ??
            (usesMskTopicApi(args.connection)
                ? undefined
                : (kafkaProviderFromOpts(opts) ?? kafkaProvider(`${name}-kafka`, args.connection, this)));
        const topics: Record<string, KafkaTopic> = {};
        const shapes: Record<string, TopicShape> = {};
        for (const [key, spec] of specs) {
            const topic = new KafkaTopic(
                `${name}-${key}`,
                { ...spec, connection: args.connection, kafkaProvider: provider },
                { parent: this },
            );
            topics[key] = topic;
            shapes[key] = topic.shape;
        }
        this.topics = topics;
        this.shapes = shapes;
        this.registerOutputs({ shapes });
    }
}
