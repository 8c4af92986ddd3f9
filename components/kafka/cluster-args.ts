import { v, strict, map, input, explain, awsTagMap } from "../core/schema";
import { DEFAULT_MSK_KAFKA_VERSION } from "./versions";
import { isExpressInstanceType } from "./express-brokers";

/** How clients authenticate to a `KafkaCluster`. */
export type MskClientAuth = "iam" | "scram";

/** MSK's enhanced monitoring levels (more detail costs more CloudWatch metrics). */
export type MskMonitoringLevel = "DEFAULT" | "PER_BROKER" | "PER_TOPIC_PER_BROKER" | "PER_TOPIC_PER_PARTITION";

const MONITORING_LEVELS: readonly MskMonitoringLevel[] = ["DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"];
const AUTH_MODES: readonly MskClientAuth[] = ["iam", "scram"];
/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
/** MSK cluster names: 1-64 letters, digits and dashes, starting with a letter or digit. */
export const CLUSTER_NAME = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
// Secrets MSK associates must be named AmazonMSK_* (MSK developer guide, "Sign-in credentials authentication with AWS Secrets Manager").
const MSK_SCRAM_SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:AmazonMSK_[^:]+$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** Whether `cidr` is an IPv4 CIDR block. */
export function isIpv4Cidr(cidr: string): boolean {
    const m = CIDR.exec(cidr);
    return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
}

/** IPv4 CIDR blocks of clients, refusing `0.0.0.0/0` (what it opens is named in the message). */
export function clientCidrBlocks(opened: string) {
    return v.optional(
        v.array(
            v.pipe(
                v.string(),
                v.check(isIpv4Cidr, explain("not an IPv4 CIDR block", 'Use a block like "10.0.0.0/16"')),
                v.check(
                    (cidr) => !cidr.endsWith("/0"),
                    explain(`opens ${opened} to every address`, "Name the VPC or client ranges that need Kafka"),
                ),
            ),
        ),
        [],
    );
}

/** A whole number of GiB per broker, in the range MSK takes. */
function brokerGiB(example: number) {
    const message = explain("MSK takes 1 to 16384 GiB per broker", `Use a whole number in that range, e.g. ${example}`);
    return v.pipe(v.number(), v.integer(message), v.minValue(1, message), v.maxValue(16384, message));
}

/**
 * The declaration of `KafkaCluster`'s args: placement, brokers, storage, authentication and
 * monitoring. An `express.m7g.*` instance type makes it an Express-broker cluster: MSK manages its
 * storage and most broker settings, so the storage, tiered-storage and broker-log arguments do not
 * apply (giving one is an error).
 */
export const kafkaClusterShape = {
    /** VPC the brokers live in (their security group is created there). Default: none (required). */
    vpcId: input(v.string()),
    /**
     * Private subnets for the brokers, one per Availability Zone; MSK takes 2 or 3 (Express brokers: 3). The list's
     * length must be known when the program runs (its items may be outputs). Default: none (required).
     */
    subnetIds: v.array(input(v.string())),
    /** Security groups whose members may reach the brokers (e.g. an EKS node or pod group). Default: `[]` (none). */
    clientSecurityGroupIds: v.optional(v.array(input(v.string())), []),
    /** IPv4 CIDR blocks that may reach the brokers. `0.0.0.0/0` is refused. Default: `[]` (none). */
    clientCidrBlocks: clientCidrBlocks("the brokers"),
    /**
     * Kafka version as MSK names it, one MSK offers (kafka/msk-catalog.ts), 3.6 or later (the topic
     * API); Express brokers take `3.6.0`, `3.8.x` or `3.9.x.kraft`. Default: `"3.9.x.kraft"`.
     */
    kafkaVersion: v.optional(v.string(), DEFAULT_MSK_KAFKA_VERSION),
    /** Broker count, a multiple of the subnet count and at least 3. Default: 3 with 3 subnets, 4 with 2. */
    brokerCount: v.optional(
        v.pipe(
            v.number(),
            v.integer(),
            v.minValue(3, explain("replication factor 3 with min.insync.replicas 2 needs at least 3 brokers", "Use 3 or more brokers")),
        ),
    ),
    /**
     * Broker instance type: a Standard size MSK offers (Graviton `kafka.m7g.*` is cheapest per
     * throughput) or an Express size (`express.m7g.large` to `express.m7g.16xlarge`: storage MSK
     * manages and bills per GB stored, up to three times the throughput per broker, faster scaling
     * and recovery). Default: `"kafka.m7g.large"`.
     */
    instanceType: v.optional(v.string(), "kafka.m7g.large"),
    /** Initial EBS volume per broker in GiB (1-16384); Standard brokers only. Default: 100. */
    volumeSizeGiB: v.optional(brokerGiB(100), 100),
    /** Ceiling for storage autoscaling per broker in GiB (1-16384); must exceed volumeSizeGiB; Standard brokers only. Default: 1000. */
    maxVolumeSizeGiB: v.optional(brokerGiB(1000), 1000),
    /** Disk use (percent, 10-80) at which MSK grows the volumes; Standard brokers only. Default: 60. */
    storageUtilizationTarget: v.optional(
        v.pipe(
            v.number(),
            v.integer(explain("MSK storage autoscaling takes a whole-number target of 10 to 80 percent", "Use 50-60 as MSK recommends")),
            v.minValue(10, explain("MSK storage autoscaling takes a target of 10 to 80 percent", "Use 50-60 as MSK recommends")),
            v.maxValue(80, explain("MSK storage autoscaling takes a target of 10 to 80 percent", "Use 50-60 as MSK recommends")),
        ),
        60,
    ),
    /** Client authentication: IAM, or SASL/SCRAM with secrets in Secrets Manager. Default: `"iam"`. */
    auth: v.optional(v.picklist(AUTH_MODES), "iam"),
    /**
     * For SCRAM: ARNs of Secrets Manager secrets (named `AmazonMSK_*`, encrypted with a
     * customer-managed key) holding the users' credentials. Default: `[]` (none).
     */
    scramSecretArns: v.optional(
        v.array(
            input(
                v.pipe(
                    v.string(),
                    v.regex(
                        MSK_SCRAM_SECRET_ARN,
                        explain(
                            "not the ARN of a Secrets Manager secret named AmazonMSK_*, which is all MSK associates",
                            "Use arn:aws:secretsmanager:<region>:<account>:secret:AmazonMSK_<name>",
                        ),
                    ),
                ),
            ),
        ),
        [],
    ),
    /** ARN of a customer-managed KMS key for data at rest. Default: a new key with rotation, protected. */
    kmsKeyArn: v.optional(
        input(v.pipe(v.string(), v.regex(KMS_KEY_ARN, explain("not a KMS key ARN", "Use arn:aws:kms:<region>:<account>:key/<key id>")))),
    ),
    /**
     * Days to keep broker logs in CloudWatch, a retention CloudWatch Logs offers; Standard brokers
     * only (MSK delivers no broker logs for Express). Default: 30.
     */
    logRetentionDays: v.optional(
        v.pipe(
            v.number(),
            v.check(
                (days) => LOG_RETENTION_DAYS.includes(days),
                explain("CloudWatch Logs accepts only certain retention periods", `Use one of ${LOG_RETENTION_DAYS.join(", ")}`),
            ),
        ),
        30,
    ),
    /** Enhanced monitoring level. Default: `"PER_BROKER"`. */
    enhancedMonitoring: v.optional(v.picklist(MONITORING_LEVELS), "PER_BROKER"),
    /** Prometheus JMX and node exporters on the brokers. Default: false. */
    openMonitoring: v.optional(v.boolean(), false),
    /**
     * Tiered storage, for replay horizons longer than the local disks hold (not on t3 brokers);
     * Standard brokers only (Express storage has no such limit). Default: false.
     */
    tieredStorage: v.optional(v.boolean(), false),
    /**
     * Extra broker properties for the MSK configuration, as strings. Keys that weaken the durable
     * defaults (replication factors below 3, min ISR below 2, unclean leader election, topic
     * auto-creation) are refused unless allowWeakerDurability is set. Express brokers accept only the
     * keys MSK lists for them (replication and ISR are fixed at 3 and 2 there). Default: `{}` (none).
     */
    serverProperties: v.optional(map(v.string(), v.string()), {}),
    /** Explicit opt-out that lets serverProperties weaken the durable defaults. Default: false. */
    allowWeakerDurability: v.optional(v.boolean(), false),
    /**
     * MSK multi-VPC private connectivity with IAM, which AWS services reading the cluster over
     * PrivateLink need (Amazon Data Firehose's MSK source with PRIVATE connectivity). Needs auth
     * "iam". Default: false.
     */
    multiVpcConnectivity: v.optional(v.boolean(), false),
    /** MSK cluster name (1-64 letters, digits, dashes). Default: generated from the component name. */
    clusterName: v.optional(
        v.pipe(
            v.string(),
            v.regex(
                CLUSTER_NAME,
                explain(
                    "MSK cluster names are 1-64 letters, digits and dashes, starting with a letter or digit",
                    "Rename it, or omit clusterName to generate one",
                ),
            ),
        ),
    ),
    /** Protect the cluster and key against deletion and replacement. Default: true. */
    protect: v.optional(v.boolean(), true),
    /** Extra AWS tags (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link KafkaCluster}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const kafkaClusterArgs: v.StrictObjectSchema<typeof kafkaClusterShape, undefined> = strict(kafkaClusterShape);
/** Arguments of {@link KafkaCluster}: placement, brokers, storage, authentication and monitoring. */
export type KafkaClusterArgs = v.InferInput<typeof kafkaClusterArgs>;
/** The args with every declared default applied. */
export type KafkaClusterInput = v.InferOutput<typeof kafkaClusterArgs>;

/** The fully populated settings the component reads (and nothing else). */
export type KafkaClusterSettings = KafkaClusterInput & {
    brokerCount: number;
    /** Express brokers (an `express.*` instance type). */
    express: boolean;
};

/** Resolves checked args into settings: the broker count follows the subnets unless given; Express follows the instance type. */
export function resolveSettings(args: KafkaClusterInput): KafkaClusterSettings {
    return {
        ...args,
        brokerCount: args.brokerCount ?? (args.subnetIds.length === 2 ? 4 : 3),
        express: isExpressInstanceType(args.instanceType),
    };
}

/** The client port MSK opens for each auth mode (TLS in transit always). */
export const MSK_CLIENT_PORT: Record<MskClientAuth, number> = { iam: 9098, scram: 9096 };
