import { MskFlavour } from "../core/contracts";
import { Validator } from "../core/errors";
import { fieldPath } from "../core/schema";
import { EXPRESS_MIN_MAX_COMPACTION_LAG_MS, EXPRESS_TOPIC_CONFIGS } from "./express-brokers";
import { fixesReplication, flavourLabel } from "./msk-flavour";
import {
    SERVERLESS_MAX_COMPACTED_PARTITIONS,
    SERVERLESS_MAX_MESSAGE_BYTES,
    SERVERLESS_MAX_PARTITIONS,
    SERVERLESS_TOPIC_CONFIGS,
} from "./msk-serverless-limits";
import { TopicSettings } from "./topic-args";

const FIXED_REPLICATION = 3;
const FIXED_MIN_INSYNC = 2;

/**
 * What MSK Express brokers and MSK Serverless refuse in a topic that Kafka itself would accept:
 * replication and `min.insync.replicas` are fixed, only a few topic configs may be set, and
 * Serverless caps partitions and message size. Recorded on `v` under `at` (the topic's field path:
 * `[]` for KafkaTopic, `[{ key: "topics" }, { key: "orders.v1" }]` inside KafkaTopics).
 * Nothing to check for Standard brokers or a cluster that is not MSK.
 */
export function checkTopicOnFlavour(v: Validator, at: readonly { key: string }[], s: TopicSettings, flavour: MskFlavour | undefined): void {
    if (!fixesReplication(flavour)) return;
    const label = flavourLabel(flavour as MskFlavour);
    const f = (...keys: string[]) => fieldPath([...at, ...keys.map((key) => ({ key }))]);
    v.check(
        s.replicationFactor === FIXED_REPLICATION,
        f("replicationFactor"),
        s.replicationFactor,
        `${label} keep exactly ${FIXED_REPLICATION} copies of every partition; a topic asking for another count does not get it`,
        `Use ${FIXED_REPLICATION}, or omit replicationFactor`,
    );
    v.check(
        s.minInsyncReplicas === FIXED_MIN_INSYNC,
        f("minInsyncReplicas"),
        s.minInsyncReplicas,
        `${label} fix min.insync.replicas at ${FIXED_MIN_INSYNC}; a topic cannot change it`,
        "Omit minInsyncReplicas",
    );
    const allowed = flavour === "serverless" ? SERVERLESS_TOPIC_CONFIGS : EXPRESS_TOPIC_CONFIGS;
    for (const [key, value] of Object.entries(s.config)) {
        if (allowed.has(key)) continue;
        v.fail(
            f("config", key),
            value,
            `${label} do not let a topic set this config`,
            `Remove it; a topic may set ${[...allowed].join(", ")} (and the settings with their own argument)`,
        );
    }
    if (flavour === "serverless") checkServerlessTopic(v, f, s);
    else checkExpressTopic(v, f, s);
}

type FieldOf = (...keys: string[]) => string;

function checkServerlessTopic(v: Validator, f: FieldOf, s: TopicSettings): void {
    const compacted = s.cleanupPolicy.includes("compact");
    const max = compacted ? SERVERLESS_MAX_COMPACTED_PARTITIONS : SERVERLESS_MAX_PARTITIONS;
    if (Number.isInteger(s.partitions))
        v.check(
            s.partitions <= max,
            f("partitions"),
            s.partitions,
            `an MSK Serverless cluster holds at most ${max} partitions of ${compacted ? "compacted" : "non-compacted"} topics in all`,
            `Use at most ${max}, or use MSK with Express or Standard brokers`,
        );
    const c = s.compaction;
    if (Object.values(c).some((x) => x !== undefined))
        v.fail(
            f("compaction"),
            c,
            "MSK Serverless does not let a topic tune compaction",
            "Remove compaction; a compacted topic on MSK Serverless uses MSK's settings",
        );
    const maxMessage = s.config["max.message.bytes"];
    if (maxMessage !== undefined && /^\d+$/.test(maxMessage))
        v.check(
            Number(maxMessage) <= SERVERLESS_MAX_MESSAGE_BYTES,
            f("config", "max.message.bytes"),
            maxMessage,
            `MSK Serverless accepts record batches of at most ${SERVERLESS_MAX_MESSAGE_BYTES} bytes (8 MiB)`,
            `Use at most ${SERVERLESS_MAX_MESSAGE_BYTES}`,
        );
}

function checkExpressTopic(v: Validator, f: FieldOf, s: TopicSettings): void {
    const c = s.compaction;
    if (c.minCleanableDirtyRatio !== undefined)
        v.fail(
            f("compaction", "minCleanableDirtyRatio"),
            c.minCleanableDirtyRatio,
            "MSK Express brokers do not let a topic set min.cleanable.dirty.ratio (compaction starts once a partition holds 256 MB)",
            "Remove minCleanableDirtyRatio",
        );
    if (c.maxCompactionLagMs !== undefined && Number.isInteger(c.maxCompactionLagMs))
        v.check(
            c.maxCompactionLagMs >= EXPRESS_MIN_MAX_COMPACTION_LAG_MS,
            f("compaction", "maxCompactionLagMs"),
            c.maxCompactionLagMs,
            "MSK Express brokers accept a maximum compaction lag of 7 days or more",
            `Use ${EXPRESS_MIN_MAX_COMPACTION_LAG_MS} or more, or remove it`,
        );
}

/**
 * The configs to send for a topic on a flavour: Express and Serverless refuse `min.insync.replicas`
 * (they fix it), and Serverless lets `cleanup.policy` be set only when the topic is created, so the
 * default `delete` is left to MSK rather than sent again on every later change of the topic.
 */
export function flavourTopicConfigs(configs: Record<string, string>, flavour: MskFlavour | undefined): Record<string, string> {
    if (!fixesReplication(flavour)) return configs;
    const out = { ...configs };
    delete out["min.insync.replicas"];
    if (flavour === "serverless" && out["cleanup.policy"] === "delete") delete out["cleanup.policy"];
    return out;
}

/** Partition totals of a set of topics on MSK Serverless, against the cluster-wide quotas. */
export function checkServerlessPartitionTotals(v: Validator, field: string, topics: readonly TopicSettings[]): void {
    const sum = (compacted: boolean) =>
        topics
            .filter((t) => t.cleanupPolicy.includes("compact") === compacted && Number.isInteger(t.partitions))
            .reduce((n, t) => n + t.partitions, 0);
    const plain = sum(false);
    const compacted = sum(true);
    v.check(
        plain <= SERVERLESS_MAX_PARTITIONS,
        field,
        `${plain} partitions`,
        `an MSK Serverless cluster holds at most ${SERVERLESS_MAX_PARTITIONS} partitions of non-compacted topics`,
        "Use fewer partitions, or MSK with Express or Standard brokers",
    );
    v.check(
        compacted <= SERVERLESS_MAX_COMPACTED_PARTITIONS,
        field,
        `${compacted} compacted partitions`,
        `an MSK Serverless cluster holds at most ${SERVERLESS_MAX_COMPACTED_PARTITIONS} partitions of compacted topics`,
        "Use fewer partitions on compacted topics, or MSK with Express or Standard brokers",
    );
}
