import { Validator } from "../core/errors";

/**
 * Broker settings under which an acknowledged write survives the loss of any one broker: three
 * copies of every partition (user topics, consumer offsets, transaction state), a write counts
 * only once two of them have it, an out-of-sync replica never becomes leader, and no topic
 * appears by accident with whatever defaults the broker has.
 */
export const DURABLE_BROKER_DEFAULTS: Readonly<Record<string, string>> = {
    "auto.create.topics.enable": "false",
    "default.replication.factor": "3",
    "min.insync.replicas": "2",
    "offsets.topic.replication.factor": "3",
    "transaction.state.log.min.isr": "2",
    "transaction.state.log.replication.factor": "3",
    "unclean.leader.election.enable": "false",
};

/** Keys whose value must stay at least the default (a lower one weakens durability). */
const AT_LEAST_DEFAULT = [
    "default.replication.factor",
    "min.insync.replicas",
    "offsets.topic.replication.factor",
    "transaction.state.log.min.isr",
    "transaction.state.log.replication.factor",
];
/** Keys that must stay `false`. */
const MUST_STAY_FALSE = ["auto.create.topics.enable", "unclean.leader.election.enable"];

/** Broker properties an MSK custom configuration accepts (MSK developer guide, custom configurations). */
export const MSK_SETTABLE_BROKER_KEYS: ReadonlySet<string> = new Set([
    "allow.everyone.if.no.acl.found",
    "auto.create.topics.enable",
    "compression.type",
    "connections.max.idle.ms",
    "default.replication.factor",
    "delete.topic.enable",
    "group.initial.rebalance.delay.ms",
    "group.max.session.timeout.ms",
    "group.min.session.timeout.ms",
    "leader.imbalance.per.broker.percentage",
    "log.cleaner.delete.retention.ms",
    "log.cleaner.min.cleanable.ratio",
    "log.cleanup.policy",
    "log.flush.interval.messages",
    "log.flush.interval.ms",
    "log.message.timestamp.after.max.ms",
    "log.message.timestamp.before.max.ms",
    "log.message.timestamp.difference.max.ms",
    "log.message.timestamp.type",
    "log.retention.bytes",
    "log.retention.hours",
    "log.retention.minutes",
    "log.retention.ms",
    "log.roll.ms",
    "log.segment.bytes",
    "max.incremental.fetch.session.cache.slots",
    "message.max.bytes",
    "min.insync.replicas",
    "num.io.threads",
    "num.network.threads",
    "num.partitions",
    "num.recovery.threads.per.data.dir",
    "num.replica.fetchers",
    "offsets.retention.minutes",
    "offsets.topic.replication.factor",
    "replica.fetch.max.bytes",
    "replica.fetch.response.max.bytes",
    "replica.lag.time.max.ms",
    "replica.selector.class",
    "replica.socket.receive.buffer.bytes",
    "socket.receive.buffer.bytes",
    "socket.request.max.bytes",
    "socket.send.buffer.bytes",
    "transaction.max.timeout.ms",
    "transaction.state.log.min.isr",
    "transaction.state.log.replication.factor",
    "transactional.id.expiration.ms",
    "unclean.leader.election.enable",
    "zookeeper.connection.timeout.ms",
    "zookeeper.session.timeout.ms",
]);

export interface BrokerConfigContext {
    /** Brokers in the cluster: no replication factor may exceed it. */
    brokerCount: number;
    /** KRaft clusters have no ZooKeeper settings. */
    kraft: boolean;
    /** Tiered storage clusters only accept the `delete` cleanup policy. */
    tieredStorage: boolean;
    /** The user's explicit opt-out of the durability floor. */
    allowWeakerDurability: boolean;
}

/** The broker properties to write: the durable defaults overlaid with the user's keys. */
export function brokerProperties(user: Record<string, string>): Record<string, string> {
    return { ...DURABLE_BROKER_DEFAULTS, ...user };
}

/** Renders `server.properties`, sorted so an unchanged config never shows a diff. */
export function renderServerProperties(properties: Record<string, string>): string {
    return `${Object.keys(properties)
        .sort()
        .map((k) => `${k}=${properties[k]}`)
        .join("\n")}\n`;
}

function intValue(value: string): number | undefined {
    return /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** Records every problem with the user's broker keys, in `serverProperties.<key>` fields. */
export function validateBrokerProperties(v: Validator, user: Record<string, string>, ctx: BrokerConfigContext): void {
    const field = (key: string) => `serverProperties["${key}"]`;
    for (const [key, value] of Object.entries(user)) {
        if (!MSK_SETTABLE_BROKER_KEYS.has(key)) {
            v.fail(
                field(key),
                value,
                "MSK does not accept this key in a custom configuration",
                "Remove it, or set it per topic if it is a topic-level setting; see the MSK developer guide's list of custom configuration properties",
            );
            continue;
        }
        if (typeof value !== "string" || value.trim() === "") {
            v.fail(field(key), value, "broker property values are non-empty strings", 'Quote the value, e.g. "3" or "false"');
            continue;
        }
        if (ctx.kraft && key.startsWith("zookeeper.")) {
            v.fail(field(key), value, "a KRaft cluster has no ZooKeeper", "Remove the key");
        }
        if (ctx.tieredStorage && key === "log.cleanup.policy" && value !== "delete") {
            v.fail(
                field(key),
                value,
                "tiered storage clusters accept only the delete cleanup policy",
                'Use "delete", or turn off tieredStorage',
            );
        }
        if (AT_LEAST_DEFAULT.includes(key)) {
            const n = intValue(value);
            const floor = Number(DURABLE_BROKER_DEFAULTS[key]);
            if (n === undefined) {
                v.fail(field(key), value, "must be a whole number", `Use a number such as ${floor}`);
            } else if (n < floor && !ctx.allowWeakerDurability) {
                v.fail(
                    field(key),
                    value,
                    `lower than ${floor} lets an acknowledged write be lost when a broker fails`,
                    `Remove the key to keep ${floor}, or set allowWeakerDurability: true if losing data is acceptable here`,
                );
            } else if (n > ctx.brokerCount && key.endsWith("replication.factor")) {
                v.fail(
                    field(key),
                    value,
                    `the cluster has only ${ctx.brokerCount} brokers`,
                    `Use at most ${ctx.brokerCount}, or add brokers`,
                );
            }
        }
        if (MUST_STAY_FALSE.includes(key)) {
            if (value !== "true" && value !== "false") {
                v.fail(field(key), value, 'must be "true" or "false"', 'Use "false"');
            } else if (value === "true" && !ctx.allowWeakerDurability) {
                const why =
                    key === "unclean.leader.election.enable"
                        ? "an out-of-sync replica could become leader and drop acknowledged writes"
                        : "topics would appear on first use with broker defaults instead of their declared settings";
                v.fail(field(key), value, why, "Remove the key to keep false, or set allowWeakerDurability: true to accept that");
            }
        }
    }
    // Whatever the values, a write must be able to succeed with one replica down.
    const all = brokerProperties(user);
    const pairs: Array<[string, string]> = [
        ["min.insync.replicas", "default.replication.factor"],
        ["transaction.state.log.min.isr", "transaction.state.log.replication.factor"],
    ];
    for (const [isrKey, rfKey] of pairs) {
        const isr = intValue(all[isrKey]);
        const rf = intValue(all[rfKey]);
        if (isr !== undefined && rf !== undefined && isr >= rf && (isrKey in user || rfKey in user)) {
            v.fail(
                field(isrKey in user ? isrKey : rfKey),
                isrKey in user ? user[isrKey] : user[rfKey],
                `${isrKey} (${isr}) must be below ${rfKey} (${rf}), or one broker down blocks every write`,
                `Use ${isrKey} ${Math.max(1, rf - 1)} with ${rfKey} ${rf}`,
            );
        }
    }
}
