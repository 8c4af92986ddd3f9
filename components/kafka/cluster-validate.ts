import { Validator } from "../core/errors";
import { KafkaClusterArgs, KafkaClusterSettings } from "./cluster-args";
import { validateBrokerProperties } from "./broker-config";
import { MIN_TOPIC_API_VERSION, atLeast, parseMskKafkaVersion } from "./versions";
import { MSK_KAFKA_VERSIONS, MSK_STANDARD_BROKER_TYPES } from "./msk-catalog";
import { didYouMean } from "../core/schema/did-you-mean";
import { checkExpressCluster } from "./express-validate";

const COMPONENT = "KafkaCluster";
// CloudWatch Logs accepts only these retention periods (days).
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
const INSTANCE_TYPE = /^kafka\.[a-z0-9]+\.[a-z0-9]+$/;
export const CLUSTER_NAME = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const MONITORING = ["DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"];

export function validCidr(cidr: string): boolean {
    const m = CIDR.exec(cidr);
    return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
}

/** Checks what MSK would reject, and what would let the cluster lose acknowledged data. */
export function validateKafkaCluster(name: string, args: KafkaClusterArgs, s: KafkaClusterSettings): void {
    const v = new Validator(COMPONENT, name);
    const subnets = s.subnetIds.length;
    v.check(
        subnets === 2 || subnets === 3,
        "subnetIds",
        `${subnets} subnets`,
        "MSK spreads brokers over 2 or 3 Availability Zones, one client subnet each",
        "Pass 2 or 3 private subnets in different Availability Zones (3 is recommended)",
    );

    const version = parseMskKafkaVersion(s.kafkaVersion);
    const problemsBeforeVersion = v.messages.length;
    if (!version) {
        v.fail(
            "kafkaVersion",
            s.kafkaVersion,
            'not a version MSK names, like "3.9.x.kraft" or "3.6.0"',
            'Use one of MSK\'s supported Apache Kafka versions, e.g. the default "3.9.x.kraft"',
        );
    } else {
        v.check(
            atLeast(version, MIN_TOPIC_API_VERSION),
            "kafkaVersion",
            s.kafkaVersion,
            "the MSK topic API, which KafkaTopic uses on MSK, needs Kafka 3.6 or later",
            'Use 3.6.0 or later, e.g. the default "3.9.x.kraft"',
        );
        v.check(
            version.major < 4 || version.kraft,
            "kafkaVersion",
            s.kafkaVersion,
            "Kafka 4 runs only in KRaft mode on MSK",
            `Use "${version.major}.${version.minor}.x.kraft"`,
        );
        v.check(
            !version.kraft || atLeast(version, { major: 3, minor: 7 }),
            "kafkaVersion",
            s.kafkaVersion,
            "MSK offers KRaft mode from 3.7",
            'Use "3.7.x.kraft" or later',
        );
        if (v.messages.length === problemsBeforeVersion && !(s.kafkaVersion in MSK_KAFKA_VERSIONS)) {
            v.fail(
                "kafkaVersion",
                s.kafkaVersion,
                "is not a version MSK offers",
                `${didYouMean(s.kafkaVersion, Object.keys(MSK_KAFKA_VERSIONS))} Versions MSK offers are in kafka/msk-catalog.ts`,
            );
        }
    }

    v.check(
        Number.isInteger(s.brokerCount) && s.brokerCount >= 3,
        "brokerCount",
        args.brokerCount,
        "replication factor 3 with min.insync.replicas 2 needs at least 3 brokers",
        "Use 3 or more brokers",
    );
    if (subnets > 0 && Number.isInteger(s.brokerCount)) {
        v.check(
            s.brokerCount % subnets === 0,
            "brokerCount",
            s.brokerCount,
            `MSK needs a multiple of the ${subnets} client subnets (one broker group per Availability Zone)`,
            `Use ${Math.ceil(s.brokerCount / subnets) * subnets}`,
        );
    }
    if (s.express) checkExpressCluster(v, args, s);
    else {
        v.check(
            INSTANCE_TYPE.test(s.instanceType),
            "instanceType",
            s.instanceType,
            "not an MSK broker type",
            'Use a Standard type like "kafka.m7g.large" or an Express type like "express.m7g.large"',
        );
        if (INSTANCE_TYPE.test(s.instanceType) && !MSK_STANDARD_BROKER_TYPES.includes(s.instanceType)) {
            v.fail(
                "instanceType",
                s.instanceType,
                "is not an MSK standard broker size",
                didYouMean(s.instanceType, MSK_STANDARD_BROKER_TYPES),
            );
        }
    }
    if (s.tieredStorage) {
        v.check(
            !s.instanceType.startsWith("kafka.t3."),
            "instanceType",
            s.instanceType,
            "tiered storage is not available on t3 brokers",
            "Use kafka.m7g.large or larger, or turn off tieredStorage",
        );
    }

    const intIn = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;
    v.check(
        intIn(s.volumeSizeGiB, 1, 16384),
        "volumeSizeGiB",
        args.volumeSizeGiB,
        "MSK takes 1 to 16384 GiB per broker",
        "Use a whole number in that range, e.g. 100",
    );
    v.check(
        intIn(s.maxVolumeSizeGiB, 1, 16384),
        "maxVolumeSizeGiB",
        args.maxVolumeSizeGiB,
        "MSK takes 1 to 16384 GiB per broker",
        "Use a whole number in that range, e.g. 1000",
    );
    v.check(
        s.maxVolumeSizeGiB > s.volumeSizeGiB,
        "maxVolumeSizeGiB",
        s.maxVolumeSizeGiB,
        `must exceed volumeSizeGiB (${s.volumeSizeGiB}) for storage autoscaling to have room`,
        `Use more than ${s.volumeSizeGiB}`,
    );
    v.check(
        intIn(s.storageUtilizationTarget, 10, 80),
        "storageUtilizationTarget",
        args.storageUtilizationTarget,
        "MSK storage autoscaling takes a target of 10 to 80 percent",
        "Use 50-60 as MSK recommends",
    );

    v.check(
        s.auth === "iam" || s.auth === "scram",
        "auth",
        args.auth,
        "MSK client authentication here is IAM or SASL/SCRAM",
        'Use "iam" (default) or "scram"',
    );
    if (s.multiVpcConnectivity) {
        v.check(
            s.auth === "iam",
            "multiVpcConnectivity",
            true,
            "AWS services reach the cluster over multi-VPC connectivity with IAM auth only",
            'Use auth "iam", or turn multiVpcConnectivity off',
        );
        v.check(
            s.instanceType !== "kafka.t3.small",
            "instanceType",
            s.instanceType,
            "MSK offers no multi-VPC private connectivity on kafka.t3.small brokers",
            "Use kafka.m7g.large or larger, or turn multiVpcConnectivity off",
        );
    }
    if (s.auth !== "scram") {
        v.check(
            s.scramSecretArns.length === 0,
            "scramSecretArns",
            `${s.scramSecretArns.length} secrets`,
            'SCRAM secrets only apply with auth "scram"',
            'Set auth: "scram", or remove scramSecretArns',
        );
    }
    v.check(
        LOG_RETENTION_DAYS.includes(s.logRetentionDays),
        "logRetentionDays",
        args.logRetentionDays,
        "CloudWatch Logs accepts only certain retention periods",
        `Use one of ${LOG_RETENTION_DAYS.join(", ")}`,
    );
    v.check(
        MONITORING.includes(s.enhancedMonitoring),
        "enhancedMonitoring",
        args.enhancedMonitoring,
        "not an MSK enhanced monitoring level",
        `Use one of ${MONITORING.join(", ")}`,
    );
    for (const cidr of s.clientCidrBlocks) {
        if (!validCidr(cidr)) v.fail("clientCidrBlocks", cidr, "not an IPv4 CIDR block", 'Use a block like "10.0.0.0/16"');
        else
            v.check(
                !cidr.endsWith("/0"),
                "clientCidrBlocks",
                cidr,
                "opens the brokers to every address",
                "Name the VPC or client ranges that need Kafka",
            );
    }
    if (s.clusterName !== undefined) {
        v.check(
            CLUSTER_NAME.test(s.clusterName),
            "clusterName",
            s.clusterName,
            "MSK cluster names are 1-64 letters, digits and dashes, starting with a letter or digit",
            "Rename it, or omit clusterName to generate one",
        );
    }
    if (!s.express)
        validateBrokerProperties(v, s.serverProperties, {
            brokerCount: Number.isInteger(s.brokerCount) ? s.brokerCount : 3,
            kraft: version?.kraft ?? false,
            tieredStorage: s.tieredStorage,
            allowWeakerDurability: s.allowWeakerDurability,
        });
    v.throwIfInvalid();
}
