/**
 * What MSK Serverless allows, as data to check against before anything is created.
 *
 * Sources, checked 2026-12:
 * - MSK Developer Guide, "Configuration properties for MSK Serverless clusters" (serverless-config):
 *   broker properties are set by MSK and cannot be changed; a topic may set only `cleanup.policy`
 *   (at creation only), `compression.type`, `max.message.bytes` (at most 8388608),
 *   `message.timestamp.difference.max.ms`, `message.timestamp.type`, `retention.bytes` and
 *   `retention.ms` (both unlimited with -1); `segment.bytes` cannot be set.
 * - MSK Developer Guide, "MSK Serverless quota" (limits.html#serverless-quota): 2,400 partitions per
 *   cluster for non-compacted topics and 120 for compacted ones, 250 partition creations or deletions
 *   per 5 minutes, 5 client VPCs per cluster, 200 MiB/s ingress and 400 MiB/s egress per cluster, 5
 *   MiB/s ingress and 10 MiB/s egress per partition, 3,000 client connections, 500 consumer groups.
 *   (The 2022 copy of the guide kept in awsdocs/amazon-msk-developer-guide still lists 120
 *   partitions and 24 hours of retention; those limits were raised since.)
 * - MSK API (botocore `kafka` model, CreateClusterV2 `ServerlessRequest`): VPC configs and IAM client
 *   authentication only; no encryption key, no broker configuration, no storage.
 */

/** Partitions a cluster holds over all its non-compacted topics. */
export const SERVERLESS_MAX_PARTITIONS = 2400;
/** Partitions a cluster holds over all its compacted topics. */
export const SERVERLESS_MAX_COMPACTED_PARTITIONS = 120;
/** Largest record batch a topic may accept (`max.message.bytes`). */
export const SERVERLESS_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Client VPCs (one subnet list each) a cluster may serve. */
export const SERVERLESS_MAX_VPCS = 5;
/** Security groups per VPC config (CreateClusterV2 `VpcConfig.SecurityGroupIds`). */
export const SERVERLESS_MAX_SECURITY_GROUPS = 5;
/** Throughput quotas per cluster and per partition, MiB/s. */
export const SERVERLESS_THROUGHPUT_MIB_S = { clusterIn: 200, clusterOut: 400, partitionIn: 5, partitionOut: 10 } as const;

/** Topic-level configs a topic on MSK Serverless may set besides the ones with their own argument. */
export const SERVERLESS_TOPIC_CONFIGS: ReadonlySet<string> = new Set([
    "compression.type",
    "max.message.bytes",
    "message.timestamp.difference.max.ms",
    "message.timestamp.type",
]);
