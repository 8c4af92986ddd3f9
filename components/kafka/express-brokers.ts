/**
 * What MSK Express brokers accept, as data to check against before anything is created.
 *
 * Sources, checked 2026-12:
 * - Broker sizes: CloudFormation `AWS::MSK::Cluster BrokerNodeGroupInfo.InstanceType` ("Express broker
 *   sizes": express.m7g.large to express.m7g.16xlarge).
 * - Versions: the MSK Developer Guide's broker-type comparison ("Express brokers are supported on
 *   Apache Kafka 3.6, 3.8 and 3.9"); AWS What's New 2025-12, "Amazon MSK introduces KRaft support for
 *   Express brokers with Apache Kafka v3.9"; and MSK refusing `3.9.x` (ZooKeeper mode) for Express
 *   with "Express instance types are not supported for Kafka version 3.9.x"
 *   (hashicorp/terraform-provider-aws#48309, 2026-06). So 3.9 is `3.9.x.kraft` on Express.
 * - Broker configuration: MSK Developer Guide, "Custom MSK Express broker configurations", its table
 *   of static properties a custom configuration may set (below); MSK sets and manages every other
 *   property. Replication factor 3, `min.insync.replicas` 2 and `unclean.leader.election.enable`
 *   are protected topic settings: a topic asking for another replication factor gets 3.
 * - Topic-level configs: the same page's "Topic-level configurations on Express Brokers" table.
 *   `max.compaction.lag.ms` is bounded to [7 days, Long.Max].
 * - Storage: MSK manages it; no EBS size, storage autoscaling or tiered storage. Broker logs: MSK
 *   refuses `loggingInfo.brokerLogs` ("Broker logs are not supported for clusters with Express
 *   instance types", terraform-aws-modules/terraform-aws-msk-kafka-cluster#47, 2025-02).
 * - Placement: Express clusters span three Availability Zones.
 * - Partitions per broker (recommended / maximum, leaders and followers), from the MSK guide's
 *   Express sizing table as quoted in aws/agent-toolkit-for-aws's MSK skill (2026).
 */

/** Express broker sizes, smallest first. */
export const EXPRESS_BROKER_TYPES: readonly string[] = [
    "express.m7g.large",
    "express.m7g.xlarge",
    "express.m7g.2xlarge",
    "express.m7g.4xlarge",
    "express.m7g.8xlarge",
    "express.m7g.12xlarge",
    "express.m7g.16xlarge",
];

/** Kafka versions, as MSK names them, that MSK accepts for a new Express cluster. */
export const EXPRESS_KAFKA_VERSIONS: readonly string[] = ["3.6.0", "3.8.x", "3.9.x.kraft"];

/** The version an Express cluster gets unless told otherwise: KRaft, no ZooKeeper to run. */
export const DEFAULT_EXPRESS_KAFKA_VERSION = "3.9.x.kraft";

/** Availability Zones (and so client subnets) an Express cluster spans. */
export const EXPRESS_SUBNETS = 3;

/** Broker properties a custom configuration may set on Express brokers. */
export const EXPRESS_SETTABLE_BROKER_KEYS: ReadonlySet<string> = new Set([
    "allow.everyone.if.no.acl.found",
    "auto.create.topics.enable",
    "compression.type",
    "connections.max.idle.ms",
    "delete.topic.enable",
    "group.initial.rebalance.delay.ms",
    "group.max.session.timeout.ms",
    "leader.imbalance.per.broker.percentage",
    "log.cleanup.policy",
    "log.message.timestamp.after.max.ms",
    "log.message.timestamp.before.max.ms",
    "log.message.timestamp.type",
    "log.retention.bytes",
    "log.retention.ms",
    "max.connections.per.ip",
    "max.incremental.fetch.session.cache.slots",
    "message.max.bytes",
    "num.partitions",
    "offsets.retention.minutes",
    "replica.fetch.max.bytes",
    "replica.selector.class",
    "socket.receive.buffer.bytes",
    "socket.request.max.bytes",
    "socket.send.buffer.bytes",
    "transaction.max.timeout.ms",
    "transactional.id.expiration.ms",
]);

/**
 * What spectrum writes into every Express configuration: no topic appears by accident. (MSK already
 * fixes replication at 3 copies, two in sync, and never elects an out-of-sync leader on Express.)
 */
export const EXPRESS_BROKER_DEFAULTS: Readonly<Record<string, string>> = { "auto.create.topics.enable": "false" };

/** Topic-level configs a topic on Express brokers may set besides the ones with their own argument. */
export const EXPRESS_TOPIC_CONFIGS: ReadonlySet<string> = new Set([
    "compression.type",
    "max.message.bytes",
    "message.timestamp.after.max.ms",
    "message.timestamp.before.max.ms",
    "message.timestamp.type",
]);

/** Shortest `max.compaction.lag.ms` Express accepts: 7 days. */
export const EXPRESS_MIN_MAX_COMPACTION_LAG_MS = 7 * 24 * 60 * 60 * 1000;

/** Partition replicas per broker, recommended and hard maximum, by Express size. */
export const EXPRESS_PARTITIONS_PER_BROKER: Readonly<Record<string, { recommended: number; maximum: number }>> = {
    "express.m7g.large": { recommended: 1000, maximum: 1500 },
    "express.m7g.xlarge": { recommended: 1000, maximum: 2000 },
    "express.m7g.2xlarge": { recommended: 2500, maximum: 4000 },
    "express.m7g.4xlarge": { recommended: 6000, maximum: 8000 },
    "express.m7g.8xlarge": { recommended: 12000, maximum: 16000 },
    "express.m7g.12xlarge": { recommended: 16000, maximum: 24000 },
    "express.m7g.16xlarge": { recommended: 20000, maximum: 32000 },
};

/** Sustained ingress per Express broker, MiB/s, by size (the sizing table's recommended figure). */
export const EXPRESS_INGRESS_MIB_S: Readonly<Record<string, number>> = {
    "express.m7g.large": 15.6,
    "express.m7g.xlarge": 31.2,
    "express.m7g.2xlarge": 62.5,
    "express.m7g.4xlarge": 124.9,
    "express.m7g.8xlarge": 250,
    "express.m7g.12xlarge": 375,
    "express.m7g.16xlarge": 500,
};

/** Whether an MSK instance type is an Express broker size (`express.*`). */
export function isExpressInstanceType(instanceType: string): boolean {
    return typeof instanceType === "string" && instanceType.startsWith("express.");
}
