import type * as kafka from "@pulumi/kafka";
import { Validator } from "../core/errors";
import { KafkaConnection } from "../core/contracts";
import { closestMatch, fieldPath, parseArgs } from "../core/schema";
import { TopicSettings, cleanupPolicyParts, kafkaTopicArgs, resolveTopicSettings } from "./topic-args";
import { usesMskTopicApi } from "./kafka-provider";
import { mskFlavourOf } from "./msk-flavour";
import { checkTopicOnFlavour } from "./topic-flavour-rules";

export const COMPONENT = "KafkaTopic";

/** A KafkaTopic's settings: the topic's, and where it lives. */
export interface KafkaTopicSettings extends TopicSettings {
    connection: KafkaConnection;
    kafkaProvider?: kafka.Provider;
}

const TOPIC_NAME = /^[A-Za-z0-9._-]+$/;
const MAX_TOPIC_NAME = 249;

type ValueCheck = { ok: (value: string) => boolean; expect: string };
const integer = (min: number, max = Number.MAX_SAFE_INTEGER): ValueCheck => ({
    ok: (v) => /^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max,
    expect: max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`,
});
const bool: ValueCheck = { ok: (v) => v === "true" || v === "false", expect: '"true" or "false"' };
const oneOf = (...values: string[]): ValueCheck => ({ ok: (v) => values.includes(v), expect: `one of ${values.join(", ")}` });
const anyText: ValueCheck = { ok: (v) => v.length > 0, expect: "a non-empty string" };

/** Topic-level configs Kafka 3.6-4.x knows, with their legal values. */
const TOPIC_CONFIG: Record<string, ValueCheck> = {
    "compression.type": oneOf("uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"),
    "compression.gzip.level": integer(-1, 9),
    "compression.lz4.level": integer(1, 17),
    "compression.zstd.level": integer(-131072, 22),
    "file.delete.delay.ms": integer(0),
    "flush.messages": integer(1),
    "flush.ms": integer(0),
    "follower.replication.throttled.replicas": anyText,
    "leader.replication.throttled.replicas": anyText,
    "index.interval.bytes": integer(0),
    "local.retention.bytes": integer(-2),
    "local.retention.ms": integer(-2),
    "max.message.bytes": integer(0),
    "message.downconversion.enable": bool,
    "message.timestamp.after.max.ms": integer(0),
    "message.timestamp.before.max.ms": integer(0),
    "message.timestamp.difference.max.ms": integer(0),
    "message.timestamp.type": oneOf("CreateTime", "LogAppendTime"),
    preallocate: bool,
    "remote.storage.enable": bool,
    "remote.log.copy.disable": bool,
    "remote.log.delete.on.disable": bool,
    "segment.bytes": integer(14),
    "segment.index.bytes": integer(4),
    "segment.jitter.ms": integer(0),
    "segment.ms": integer(1),
    "unclean.leader.election.enable": oneOf("false"),
};

/** MSK's floor for segment size and roll time on topics with tiered storage. */
const MSK_TIERED_SEGMENT_MINIMUMS: ReadonlyArray<[string, number, string]> = [
    ["segment.bytes", 48 * 1024 * 1024, "48 MiB"],
    ["segment.ms", 10 * 60 * 1000, "10 minutes"],
];

/** Keys that have their own argument, so a value never comes from two places. */
const MANAGED_KEYS: Record<string, string> = {
    "cleanup.policy": "cleanupPolicy",
    "retention.ms": "retentionMs",
    "retention.bytes": "retentionBytes",
    "min.insync.replicas": "minInsyncReplicas",
    "min.compaction.lag.ms": "compaction.minCompactionLagMs",
    "max.compaction.lag.ms": "compaction.maxCompactionLagMs",
    "delete.retention.ms": "compaction.deleteRetentionMs",
    "min.cleanable.dirty.ratio": "compaction.minCleanableDirtyRatio",
};

/** Where a topic's fields are reported: `[]` for KafkaTopic, `[{ key: "topics" }, { key: "orders.v1" }]` inside KafkaTopics. */
export type TopicPath = readonly { key: string }[];

/** Records the problems with a topic's name (used for topic and application names alike). */
export function checkTopicName(v: Validator, field: string, name: string): void {
    v.check(
        name.length > 0 && name.length <= MAX_TOPIC_NAME && TOPIC_NAME.test(name) && name !== "." && name !== "..",
        field,
        name,
        `a topic name is 1-${MAX_TOPIC_NAME} letters, digits, ".", "_" or "-" (and not "." or "..")`,
        'Rename it, e.g. "orders.v1"',
    );
    v.check(
        !name.startsWith("__"),
        field,
        name,
        'names starting with "__" belong to Kafka\'s internal topics',
        "Pick a name without the leading underscores",
    );
}

/**
 * Checks a KafkaTopic's args, structure first (the declaration in topic-args.ts), then what Kafka
 * or MSK would refuse and what would lose data, and returns the settings the component reads.
 * Throws one SpectrumValidationError naming every problem; call it before registering anything.
 */
export function kafkaTopicSettings(name: string, args: unknown): KafkaTopicSettings {
    const checked = parseArgs(COMPONENT, name, kafkaTopicArgs, args);
    const s: KafkaTopicSettings = {
        ...resolveTopicSettings(name, checked),
        connection: checked.connection,
        kafkaProvider: checked.kafkaProvider,
    };
    const v = new Validator(COMPONENT, name);
    checkTopic(v, [], s, s.connection);
    checkTopicConnection(v, s.connection);
    v.throwIfInvalid();
    return s;
}

/** What a connection needs for topics to be managed on it; recorded once per component. */
export function checkTopicConnection(v: Validator, connection: KafkaConnection): void {
    if (connection.clusterArn !== undefined) return;
    v.check(
        connection.authMode !== "iam",
        "connection.authMode",
        "iam",
        "IAM auth without a cluster ARN: topics cannot use the MSK API",
        "Build the connection with externalKafka(...) and its clusterArn",
    );
    if (connection.authMode === "scram")
        v.check(
            !!connection.scram,
            "connection.scram",
            undefined,
            "SCRAM auth without credentials: @pulumi/kafka cannot log in",
            "Add scram: { username, password } to the connection",
        );
    if (connection.authMode === "tls")
        v.check(
            !!connection.tls,
            "connection.tls",
            undefined,
            "mutual TLS without a client certificate: @pulumi/kafka cannot log in",
            "Add tls: { clientCert, clientKey } to the connection",
        );
}

/** Records every problem with a topic's settings against its connection (one topic of KafkaTopic or KafkaTopics). */
export function checkTopic(v: Validator, at: TopicPath, s: TopicSettings, connection: KafkaConnection): void {
    const f = (...keys: string[]) => fieldPath([...at, ...keys.map((key) => ({ key }))]);
    checkTopicName(v, f("name"), s.name);

    if (connection.brokerCount !== undefined) {
        v.check(
            s.replicationFactor <= connection.brokerCount,
            f("replicationFactor"),
            s.replicationFactor,
            `the cluster has only ${connection.brokerCount} brokers, so topic creation would fail`,
            `Use at most ${connection.brokerCount}, or add brokers`,
        );
    }
    const weakAllowed = s.allowWeakerDurability || connection.authMode === "plaintext";
    v.check(
        weakAllowed || s.replicationFactor >= 3,
        f("replicationFactor"),
        s.replicationFactor,
        "fewer than 3 copies lose acknowledged writes when brokers fail",
        "Use 3, or set allowWeakerDurability: true for data you can lose",
    );
    if (s.replicationFactor === 1) {
        v.check(
            s.minInsyncReplicas === 1,
            f("minInsyncReplicas"),
            s.minInsyncReplicas,
            "a single-replica topic can only require that one replica",
            "Use 1",
        );
    } else {
        v.check(
            s.minInsyncReplicas < s.replicationFactor,
            f("minInsyncReplicas"),
            s.minInsyncReplicas,
            `must be below replicationFactor (${s.replicationFactor}), or one broker down blocks every write`,
            `Use ${Math.max(1, s.replicationFactor - 1)}`,
        );
    }
    v.check(
        weakAllowed || s.minInsyncReplicas >= 2,
        f("minInsyncReplicas"),
        s.minInsyncReplicas,
        "a write acknowledged by one replica is lost if that broker fails",
        "Use 2, or set allowWeakerDurability: true for data you can lose",
    );

    const policy = cleanupPolicyParts(s.cleanupPolicy) ?? [];
    const deletes = policy.includes("delete");
    const compacts = policy.includes("compact");
    if (s.retentionMs !== undefined && !deletes) {
        v.fail(
            f("retentionMs"),
            s.retentionMs,
            `retention does not apply to a "${s.cleanupPolicy}" topic: compaction keeps the latest record per key forever`,
            'Remove retentionMs, or use cleanupPolicy "compact,delete"',
        );
    }
    if (s.retentionBytes !== undefined && !deletes) {
        v.fail(
            f("retentionBytes"),
            s.retentionBytes,
            `a size cap does not apply to a "${s.cleanupPolicy}" topic`,
            'Remove retentionBytes, or use cleanupPolicy "compact,delete"',
        );
    }
    const c = s.compaction;
    const compactionSet = Object.values(c).some((x) => x !== undefined);
    v.check(
        !compactionSet || compacts,
        f("compaction"),
        c,
        "compaction settings only apply to a compacted topic",
        'Use cleanupPolicy "compact" or "compact,delete", or remove compaction',
    );
    if (c.maxCompactionLagMs !== undefined) {
        v.check(
            c.maxCompactionLagMs >= (c.minCompactionLagMs ?? 0),
            f("compaction", "maxCompactionLagMs"),
            c.maxCompactionLagMs,
            `below minCompactionLagMs (${c.minCompactionLagMs})`,
            "Make the maximum at least the minimum",
        );
    }

    for (const [key, value] of Object.entries(s.config)) {
        const field = f("config", key);
        if (MANAGED_KEYS[key]) {
            v.fail(field, value, `this setting has its own argument`, `Use ${MANAGED_KEYS[key]} instead`);
            continue;
        }
        const check = TOPIC_CONFIG[key];
        if (!check) {
            const close = closestMatch(key, [...Object.keys(TOPIC_CONFIG), ...Object.keys(MANAGED_KEYS)]);
            v.fail(
                field,
                value,
                "not a topic-level config Kafka knows",
                close ? `Did you mean "${close}"?` : "Check the spelling against Kafka's topic configs",
            );
            continue;
        }
        if (!check.ok(value)) {
            const unclean = key === "unclean.leader.election.enable";
            v.fail(
                field,
                value,
                unclean ? "an out-of-sync replica could become leader and drop acknowledged writes" : `must be ${check.expect}`,
                unclean ? "Remove the key (false is the default)" : `Use ${check.expect}`,
            );
        }
    }
    checkTopicOnFlavour(v, at, s, mskFlavourOf(connection));
    const remote = s.config["remote.storage.enable"] === "true";
    // MSK is stricter than Kafka about tiered topics (its tiered storage topic guidelines).
    const msk = usesMskTopicApi(connection);
    if (remote)
        v.check(
            !compacts,
            f("config", "remote.storage.enable"),
            "true",
            "tiered storage keeps only topics with the delete policy",
            'Use cleanupPolicy "delete", or keep this topic on local storage',
        );
    for (const key of ["local.retention.ms", "local.retention.bytes"]) {
        const value = s.config[key];
        if (value === undefined) continue;
        v.check(
            remote,
            f("config", key),
            value,
            "local retention only applies with tiered storage",
            'Set config["remote.storage.enable"] = "true", or remove the key',
        );
        const total = key === "local.retention.ms" ? s.retentionMs : s.retentionBytes;
        if (/^\d+$/.test(value) && total !== undefined && total >= 0) {
            if (msk) {
                v.check(
                    Number(value) < total,
                    f("config", key),
                    value,
                    `MSK needs local retention below the topic's total retention (${total})`,
                    `Use less than ${total}, or -2 to follow the total`,
                );
            } else {
                v.check(
                    Number(value) <= total,
                    f("config", key),
                    value,
                    `keeps more locally than the topic keeps in total (${total})`,
                    `Use at most ${total}, or -2 to follow the total`,
                );
            }
        }
    }
    if (remote && msk) {
        for (const [key, min, what] of MSK_TIERED_SEGMENT_MINIMUMS) {
            const value = s.config[key];
            if (value !== undefined && /^\d+$/.test(value)) {
                v.check(
                    Number(value) >= min,
                    f("config", key),
                    value,
                    `MSK refuses segments smaller than ${what} on a tiered topic`,
                    `Use ${min} or more, or remove the key`,
                );
            }
        }
    }

    if (s.previous) {
        const p = s.previous;
        v.check(
            s.name === p.name,
            f("name"),
            s.name,
            `the deployed topic is "${p.name}"; renaming a topic creates a new, empty one and deletes the old one with its data`,
            `Keep "${p.name}", or create the new topic next to it and migrate`,
        );
        v.check(
            s.partitions >= p.partitions,
            f("partitions"),
            s.partitions,
            `the deployed topic has ${p.partitions} partitions; Kafka cannot remove partitions, so this would recreate the topic and lose its data`,
            `Keep ${p.partitions} or more`,
        );
        v.check(
            s.replicationFactor === p.replicationFactor,
            f("replicationFactor"),
            s.replicationFactor,
            `the deployed topic has replication factor ${p.replicationFactor}; changing it replaces the topic and loses its data`,
            `Keep ${p.replicationFactor}, or reassign replicas with Kafka's tools outside Pulumi`,
        );
    }
}
