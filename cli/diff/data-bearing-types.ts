/**
 * The data-bearing types the library creates: what deleting or replacing one loses, and the inputs
 * whose change makes its provider replace it (delete and create anew) instead of updating it.
 *
 * Replacement-forcing inputs are the ones the providers mark force-new, read from their source:
 * - AWS (`@pulumi/aws` 7.x bridges the Terraform AWS provider 6.x): `ForceNew: true` in the
 *   resource schemas under hashicorp/terraform-provider-aws `internal/service/<service>/`, plus the
 *   per-resource `region` every regional resource has since 6.0 (a resource lives in one region).
 * - `@pulumi/kafka` bridges Mongey/terraform-provider-kafka: `kafka/resource_kafka_topic.go`.
 * - Kubernetes (`@pulumi/kubernetes` 4.x): `provider/pkg/provider/diff.go` in pulumi/pulumi-kubernetes
 *   replaces on `metadata.name`/`metadata.namespace` for every kind, plus a per-kind list.
 */
export interface DataBearingType {
    type: string;
    /** What deleting or replacing it loses. */
    lost: string;
    /** Inputs (dot paths, `*` for any index) whose change forces a replacement. */
    replaceOn: string[];
    /** Replacements that depend on the old and new values, not just a change (e.g. a version going down). */
    replaceWhen?: (before: Record<string, unknown>, after: Record<string, unknown>) => string | undefined;
    /** Where `replaceOn` comes from. */
    source: string;
    /** Whether a resource of the type holds data at all (a StatefulSet only with volume claim templates). Default: always. */
    holdsData?: (inputs: Record<string, unknown>) => boolean;
}

const TF_AWS = "hashicorp/terraform-provider-aws";

function versionParts(v: unknown): number[] {
    return String(v ?? "")
        .split(/[.-]/)
        .map((p) => Number(p))
        .filter((n) => Number.isFinite(n));
}

function lower(a: number[], b: number[]): boolean {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    }
    return false;
}

export const DATA_BEARING_TYPES: readonly DataBearingType[] = [
    {
        type: "aws:s3/bucket:Bucket",
        lost: "every object and object version in the bucket",
        replaceOn: ["bucket", "bucketPrefix", "objectLockEnabled", "region"],
        source: `${TF_AWS} internal/service/s3/bucket.go (bucket, bucket_prefix, object_lock_enabled: ForceNew)`,
    },
    {
        type: "aws:kms/key:Key",
        lost: "the key: whatever it encrypts (objects, broker volumes, logs) becomes unreadable when its deletion window ends",
        replaceOn: ["customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId", "region"],
        source: `${TF_AWS} internal/service/kms/key.go (customer_master_key_spec, key_usage, multi_region, custom_key_store_id, xks_key_id: ForceNew)`,
    },
    {
        type: "aws:msk/cluster:Cluster",
        lost: "every topic on the cluster with its records (broker disks and tiered storage) and consumer offsets",
        replaceOn: [
            "clusterName",
            "brokerNodeGroupInfo.azDistribution",
            "brokerNodeGroupInfo.clientSubnets",
            "brokerNodeGroupInfo.securityGroups",
            "encryptionInfo.encryptionAtRestKmsKeyArn",
            "encryptionInfo.encryptionInTransit.inCluster",
            "region",
        ],
        replaceWhen: (before, after) =>
            lower(versionParts(after.kafkaVersion), versionParts(before.kafkaVersion))
                ? `kafkaVersion goes down from ${String(before.kafkaVersion)} to ${String(after.kafkaVersion)}`
                : undefined,
        source: `${TF_AWS} internal/service/kafka/cluster.go (cluster_name, az_distribution, client_subnets, security_groups, encryption_at_rest_kms_key_arn, in_cluster: ForceNew; kafka_version: ForceNewIfChange when lower)`,
    },
    {
        type: "aws:msk/serverlessCluster:ServerlessCluster",
        lost: "every topic on the cluster with its records and consumer offsets",
        replaceOn: ["clusterName", "clientAuthentication", "vpcConfigs", "region"],
        source: `${TF_AWS} internal/service/kafka/serverless_cluster.go (cluster_name, client_authentication, vpc_config: ForceNew)`,
    },
    {
        type: "aws:msk/topic:Topic",
        lost: "every record in the topic (its consumers' committed offsets point at nothing)",
        replaceOn: ["clusterArn", "name", "replicationFactor", "region"],
        source: `${TF_AWS} internal/service/kafka/topic.go (cluster_arn, topic name, replication_factor: ForceNew)`,
    },
    {
        type: "kafka:index/topic:Topic",
        lost: "every record in the topic (its consumers' committed offsets point at nothing)",
        replaceOn: ["name"],
        replaceWhen: (before, after) =>
            Number(after.partitions) < Number(before.partitions)
                ? `partitions go down from ${String(before.partitions)} to ${String(after.partitions)} (Kafka cannot remove partitions)`
                : undefined,
        source: "Mongey/terraform-provider-kafka kafka/resource_kafka_topic.go (name: ForceNew; partitions: ForceNew when decreased)",
    },
    {
        type: "aws:glue/catalogTable:CatalogTable",
        lost: "the table definition (columns, partition projection, properties); its data files in S3 stay",
        replaceOn: ["name", "databaseName", "catalogId", "region"],
        source: `${TF_AWS} internal/service/glue/catalog_table.go (name, database_name, catalog_id: ForceNew)`,
    },
    {
        type: "aws:glue/catalogDatabase:CatalogDatabase",
        lost: "the database and every table definition in it; data files in S3 stay",
        replaceOn: ["name", "catalogId", "region"],
        source: `${TF_AWS} internal/service/glue/catalog_database.go (name, catalog_id: ForceNew)`,
    },
    {
        type: "aws:cloudwatch/logGroup:LogGroup",
        lost: "the log events kept in the group",
        replaceOn: ["name", "namePrefix", "logGroupClass", "region"],
        source: `${TF_AWS} internal/service/logs/group.go (name, name_prefix, log_group_class: ForceNew)`,
    },
    {
        type: "kubernetes:apps/v1:StatefulSet",
        lost: "the pods' volumes: claims made from the old template are orphaned or deleted (per its PVC retention policy), new ones start empty",
        replaceOn: [
            "metadata.name",
            "metadata.namespace",
            "spec.podManagementPolicy",
            "spec.revisionHistoryLimit",
            "spec.selector",
            "spec.serviceName",
            "spec.volumeClaimTemplates",
        ],
        source: "pulumi/pulumi-kubernetes provider/pkg/provider/diff.go (apps/v1 StatefulSet)",
        holdsData: (inputs) => Array.isArray((inputs.spec as { volumeClaimTemplates?: unknown } | undefined)?.volumeClaimTemplates),
    },
    {
        type: "kubernetes:core/v1:PersistentVolumeClaim",
        lost: "the volume's data (unless its storage class retains released volumes)",
        replaceOn: ["metadata.name", "metadata.namespace", "spec.accessModes", "spec.selector", "spec.storageClassName", "spec.volumeName"],
        source: "pulumi/pulumi-kubernetes provider/pkg/provider/diff.go (core/v1 PersistentVolumeClaim)",
    },
    {
        type: "kubernetes:flink.apache.org/v1beta1:FlinkDeployment",
        lost: "the job's state: a new deployment starts empty unless it is given the savepoint taken on deletion (job.initialSavepointPath)",
        replaceOn: ["metadata.name", "metadata.namespace"],
        source: "pulumi/pulumi-kubernetes provider/pkg/provider/diff.go (metadata.name and namespace, every kind)",
    },
];

/** The entry for a type, or undefined for types that hold no data. */
export function dataBearingType(type: string): DataBearingType | undefined {
    return DATA_BEARING_TYPES.find((t) => t.type === type);
}

/** Replacement-forcing inputs every resource of a provider has, with their source. */
export function providerWideReplaceOn(type: string): { paths: string[]; source: string } {
    if (type.startsWith("aws:"))
        return { paths: ["region"], source: `${TF_AWS} 6.x enhanced region support (a resource lives in one region)` };
    if (type.startsWith("kubernetes:") && !type.startsWith("kubernetes:helm.sh/"))
        return { paths: ["metadata.name", "metadata.namespace"], source: "pulumi/pulumi-kubernetes provider/pkg/provider/diff.go" };
    return { paths: [], source: "" };
}
