import * as pulumi from "@pulumi/pulumi";
import { TopicShape } from "./topic-args";
import { KafkaTopicsArgs, KafkaTopicsSettings } from "./topics-args";
import { COMPONENT, kafkaTopicsSettings } from "./topics-validate";
import { childNameClaim, clashRegistry } from "../core/clashes";
import { kafkaProvider, kafkaProviderFromOpts, usesMskTopicApi } from "./kafka-provider";
import { KafkaTopic } from "./topic";

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
        // Checked before super(), every topic with it: a rejected map registers nothing, not even itself.
        const s: KafkaTopicsSettings = kafkaTopicsSettings(name, args);
        clashRegistry().claimAll([childNameClaim(COMPONENT, name, opts?.parent)]);
        super("spectrum:index:KafkaTopics", name, {}, opts);

        const provider =
            s.kafkaProvider ??
            (usesMskTopicApi(s.connection)
                ? undefined
                : (kafkaProviderFromOpts(opts) ?? kafkaProvider(`${name}-kafka`, s.connection, this)));
        const topics: Record<string, KafkaTopic> = {};
        const shapes: Record<string, TopicShape> = {};
        for (const { key, spec } of s.topics) {
            const topic = new KafkaTopic(
                `${name}-${key}`,
                { ...spec, connection: s.connection, kafkaProvider: provider },
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
