import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_MSK_KAFKA_VERSION } from "./versions";
import { isExpressInstanceType } from "./express-brokers";

/** How clients authenticate to a `KafkaCluster`. */
export type MskClientAuth = "iam" | "scram";

/** MSK's enhanced monitoring levels (more detail costs more CloudWatch metrics). */
export type MskMonitoringLevel = "DEFAULT" | "PER_BROKER" | "PER_TOPIC_PER_BROKER" | "PER_TOPIC_PER_PARTITION";

/**
 * Arguments of {@link KafkaCluster}: placement, brokers, storage, authentication and monitoring.
 * An `express.m7g.*` instance type makes it an Express-broker cluster: MSK manages its storage and
 * most broker settings, so the storage, tiered-storage and broker-log arguments do not apply.
 */
export interface KafkaClusterArgs {
    /** VPC the brokers live in (their security group is created there). Required. */
    vpcId: pulumi.Input<string>;
    /**
     * Private subnets for the brokers, one per Availability Zone; MSK takes 2 or 3 (Express brokers: 3). Required. The
     * list's length must be known when the program runs (its items may be outputs).
     */
    subnetIds: pulumi.Input<string>[];
    /** Security groups whose members may reach the brokers (e.g. an EKS node or pod group). Default: none. */
    clientSecurityGroupIds?: pulumi.Input<string>[];
    /** IPv4 CIDR blocks that may reach the brokers. `0.0.0.0/0` is refused. Default: none. */
    clientCidrBlocks?: string[];
    /** Kafka version as MSK names it; >= 3.6 (the topic API); Express brokers take `3.6.0`, `3.8.x` or `3.9.x.kraft`. Default: `"3.9.x.kraft"`. */
    kafkaVersion?: string;
    /** Broker count, a multiple of the subnet count and at least 3. Default: 3 with 3 subnets, 4 with 2. */
    brokerCount?: number;
    /**
     * Broker instance type: a Standard size (Graviton `kafka.m7g.*` is cheapest per throughput) or an
     * Express size (`express.m7g.large` to `express.m7g.16xlarge`: storage MSK manages and bills per
     * GB stored, up to three times the throughput per broker, faster scaling and recovery). Default: `"kafka.m7g.large"`.
     */
    instanceType?: string;
    /** Initial EBS volume per broker in GiB (1-16384); Standard brokers only. Default: 100. */
    volumeSizeGiB?: number;
    /** Ceiling for storage autoscaling per broker in GiB; must exceed volumeSizeGiB; Standard brokers only. Default: 1000. */
    maxVolumeSizeGiB?: number;
    /** Disk use (percent, 10-80) at which MSK grows the volumes; Standard brokers only. Default: 60. */
    storageUtilizationTarget?: number;
    /** Client authentication: IAM, or SASL/SCRAM with secrets in Secrets Manager. Default: `"iam"`. */
    auth?: MskClientAuth;
    /**
     * For SCRAM: ARNs of Secrets Manager secrets (named `AmazonMSK_*`, encrypted with a
     * customer-managed key) holding the users' credentials. Default: none.
     */
    scramSecretArns?: pulumi.Input<string>[];
    /** Customer-managed KMS key for data at rest. Default: a new key with rotation, protected. */
    kmsKeyArn?: pulumi.Input<string>;
    /** Days to keep broker logs in CloudWatch; Standard brokers only (MSK keeps no broker logs for Express). Default: 30. */
    logRetentionDays?: number;
    /** Enhanced monitoring level. Default: `"PER_BROKER"`. */
    enhancedMonitoring?: MskMonitoringLevel;
    /** Prometheus JMX and node exporters on the brokers. Default: false. */
    openMonitoring?: boolean;
    /** Tiered storage, for replay horizons longer than the local disks hold; Standard brokers only (Express storage has no such limit). Default: false. */
    tieredStorage?: boolean;
    /**
     * Extra broker properties for the MSK configuration. Keys that weaken the durable defaults
     * (replication factors below 3, min ISR below 2, unclean leader election, topic
     * auto-creation) are refused unless allowWeakerDurability is set. Express brokers accept only
     * the keys MSK lists for them (replication and ISR are fixed at 3 and 2 there). Default: none.
     */
    serverProperties?: Record<string, string>;
    /** Explicit opt-out that lets serverProperties weaken the durable defaults. Default: false. */
    allowWeakerDurability?: boolean;
    /**
     * MSK multi-VPC private connectivity with IAM, which AWS services reading the cluster over
     * PrivateLink need (Amazon Data Firehose's MSK source with PRIVATE connectivity). Needs auth
     * "iam". Default: false.
     */
    multiVpcConnectivity?: boolean;
    /** MSK cluster name (1-64 letters, digits, dashes). Default: generated from the component name. */
    clusterName?: string;
    /** Protect the cluster and key against deletion and replacement. Default: true. */
    protect?: boolean;
    /** Extra AWS tags. Default: none. */
    tags?: Record<string, string>;
}

export interface KafkaClusterSettings {
    vpcId: pulumi.Input<string>;
    subnetIds: pulumi.Input<string>[];
    clientSecurityGroupIds: pulumi.Input<string>[];
    clientCidrBlocks: string[];
    kafkaVersion: string;
    brokerCount: number;
    instanceType: string;
    volumeSizeGiB: number;
    maxVolumeSizeGiB: number;
    storageUtilizationTarget: number;
    auth: MskClientAuth;
    scramSecretArns: pulumi.Input<string>[];
    kmsKeyArn?: pulumi.Input<string>;
    logRetentionDays: number;
    enhancedMonitoring: MskMonitoringLevel;
    openMonitoring: boolean;
    tieredStorage: boolean;
    serverProperties: Record<string, string>;
    allowWeakerDurability: boolean;
    multiVpcConnectivity: boolean;
    clusterName?: string;
    protect: boolean;
    tags: Record<string, string>;
    /** Express brokers (an `express.*` instance type). */
    express: boolean;
}

export function resolveKafkaClusterSettings(args: KafkaClusterArgs): KafkaClusterSettings {
    const subnets = args.subnetIds ?? [];
    return {
        vpcId: args.vpcId,
        subnetIds: subnets,
        clientSecurityGroupIds: args.clientSecurityGroupIds ?? [],
        clientCidrBlocks: args.clientCidrBlocks ?? [],
        kafkaVersion: args.kafkaVersion ?? DEFAULT_MSK_KAFKA_VERSION,
        brokerCount: args.brokerCount ?? (subnets.length === 2 ? 4 : 3),
        instanceType: args.instanceType ?? "kafka.m7g.large",
        volumeSizeGiB: args.volumeSizeGiB ?? 100,
        maxVolumeSizeGiB: args.maxVolumeSizeGiB ?? 1000,
        storageUtilizationTarget: args.storageUtilizationTarget ?? 60,
        auth: args.auth ?? "iam",
        scramSecretArns: args.scramSecretArns ?? [],
        kmsKeyArn: args.kmsKeyArn,
        logRetentionDays: args.logRetentionDays ?? 30,
        enhancedMonitoring: args.enhancedMonitoring ?? "PER_BROKER",
        openMonitoring: args.openMonitoring ?? false,
        tieredStorage: args.tieredStorage ?? false,
        serverProperties: args.serverProperties ?? {},
        allowWeakerDurability: args.allowWeakerDurability ?? false,
        multiVpcConnectivity: args.multiVpcConnectivity ?? false,
        clusterName: args.clusterName,
        protect: args.protect ?? true,
        tags: args.tags ?? {},
        express: isExpressInstanceType(args.instanceType ?? ""),
    };
}

/** The client port MSK opens for each auth mode (TLS in transit always). */
export const MSK_CLIENT_PORT: Record<MskClientAuth, number> = { iam: 9098, scram: 9096 };
