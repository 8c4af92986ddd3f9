import { Validator } from "../core/errors";
import { isRecord } from "../core/is-record";
import { AUTO_NAME_SUFFIX_LENGTH } from "../core/aws-limits";
import { parseArgs } from "../core/schema";
import { didYouMean } from "../core/schema/did-you-mean";
import { KafkaClusterSettings, kafkaClusterArgs, resolveSettings } from "./cluster-args";
import { validateBrokerProperties } from "./broker-config";
import { MIN_TOPIC_API_VERSION, atLeast, parseMskKafkaVersion } from "./versions";
import { MSK_KAFKA_VERSIONS, MSK_STANDARD_BROKER_TYPES } from "./msk-catalog";
import { checkExpressCluster } from "./express-validate";

export const COMPONENT = "KafkaCluster";
const INSTANCE_TYPE = /^kafka\.[a-z0-9]+\.[a-z0-9]+$/;
// CloudWatch Logs group names: letters, digits and ._-/#, at most 512 characters.
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
const MSK_CLUSTER_NAME_MAX = 64;
const CLUSTER_NAME_CHARACTERS = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

/**
 * Checks a KafkaCluster's args, structure first (the declaration in cluster-args.ts), then what
 * MSK would reject and what would let the cluster lose acknowledged data, and returns the settings
 * the component reads. Throws one SpectrumValidationError naming every problem; call it before
 * registering anything.
 */
export function kafkaClusterSettings(name: string, args: unknown): KafkaClusterSettings {
    const s = resolveSettings(parseArgs(COMPONENT, name, kafkaClusterArgs, args));
    // Parsing succeeded, so args is an object: what the user wrote tells Express which Standard-only fields were set.
    validateKafkaCluster(name, s, isRecord(args) ? args : {});
    return s;
}

/** The names MSK and CloudWatch Logs derive from the component's name. */
function checkDerivedNames(v: Validator, name: string, s: KafkaClusterSettings): void {
    if (s.clusterName === undefined) {
        // Pulumi names the cluster `<name>-cluster-<7 random characters>`.
        const generated = `${name}-cluster`;
        const length = generated.length + AUTO_NAME_SUFFIX_LENGTH;
        if (!CLUSTER_NAME_CHARACTERS.test(generated)) {
            v.fail(
                "name",
                name,
                "MSK cluster names are letters, digits and dashes (the cluster is named after the component)",
                'Rename the component, e.g. "events", or set clusterName',
            );
        } else if (length > MSK_CLUSTER_NAME_MAX) {
            v.fail(
                "name",
                name,
                `the MSK cluster's generated name would be ${length} characters; MSK allows ${MSK_CLUSTER_NAME_MAX}`,
                `Shorten the component's name to ${MSK_CLUSTER_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH - "-cluster".length} characters or fewer, or set clusterName`,
            );
        }
    }
    v.check(
        LOG_GROUP_NAME.test(name),
        "name",
        name,
        "CloudWatch log group names allow letters, digits and ._-/# only (the broker log group is named after the component)",
        'Rename the component, e.g. "events"',
    );
}

/** Version rules: a shape MSK names, the topic API, KRaft, and the catalog of versions MSK offers. */
function checkVersion(v: Validator, kafkaVersion: string): boolean {
    const version = parseMskKafkaVersion(kafkaVersion);
    if (!version) {
        v.fail(
            "kafkaVersion",
            kafkaVersion,
            'not a version MSK names, like "3.9.x.kraft" or "3.6.0"',
            'Use one of MSK\'s supported Apache Kafka versions, e.g. the default "3.9.x.kraft"',
        );
        return false;
    }
    const before = v.messages.length;
    v.check(
        atLeast(version, MIN_TOPIC_API_VERSION),
        "kafkaVersion",
        kafkaVersion,
        "the MSK topic API, which KafkaTopic uses on MSK, needs Kafka 3.6 or later",
        'Use 3.6.0 or later, e.g. the default "3.9.x.kraft"',
    );
    v.check(
        version.major < 4 || version.kraft,
        "kafkaVersion",
        kafkaVersion,
        "Kafka 4 runs only in KRaft mode on MSK",
        `Use "${version.major}.${version.minor}.x.kraft"`,
    );
    v.check(
        !version.kraft || atLeast(version, { major: 3, minor: 7 }),
        "kafkaVersion",
        kafkaVersion,
        "MSK offers KRaft mode from 3.7",
        'Use "3.7.x.kraft" or later',
    );
    if (v.messages.length === before && !(kafkaVersion in MSK_KAFKA_VERSIONS)) {
        v.fail(
            "kafkaVersion",
            kafkaVersion,
            "is not a version MSK offers",
            `${didYouMean(kafkaVersion, Object.keys(MSK_KAFKA_VERSIONS))} Versions MSK offers are in kafka/msk-catalog.ts`,
        );
    }
    return version.kraft;
}

/**
 * What MSK would reject, and what would let the cluster lose acknowledged data. `given` is the args
 * as written (before defaults), so Express brokers can refuse the Standard-only fields set on them.
 */
export function validateKafkaCluster(name: string, s: KafkaClusterSettings, given: Readonly<Record<string, unknown>> = {}): void {
    const v = new Validator(COMPONENT, name);
    checkDerivedNames(v, name, s);
    const subnets = s.subnetIds.length;
    v.check(
        subnets === 2 || subnets === 3,
        "subnetIds",
        `${subnets} subnets`,
        "MSK spreads brokers over 2 or 3 Availability Zones, one client subnet each",
        "Pass 2 or 3 private subnets in different Availability Zones (3 is recommended)",
    );
    const plainSubnets = s.subnetIds.filter((id): id is string => typeof id === "string");
    const repeated = plainSubnets.find((id, i) => plainSubnets.indexOf(id) !== i);
    if (repeated !== undefined) {
        v.fail(
            "subnetIds",
            repeated,
            "is listed twice; MSK needs one subnet in each of 2 or 3 Availability Zones",
            "List each subnet once, each in a different Availability Zone",
        );
    }
    const kraft = checkVersion(v, s.kafkaVersion);

    if (subnets > 0) {
        v.check(
            s.brokerCount % subnets === 0,
            "brokerCount",
            s.brokerCount,
            `MSK needs a multiple of the ${subnets} client subnets (one broker group per Availability Zone)`,
            `Use ${Math.ceil(s.brokerCount / subnets) * subnets}`,
        );
    }
    if (s.express) checkExpressCluster(v, s, given);
    else if (!INSTANCE_TYPE.test(s.instanceType)) {
        v.fail(
            "instanceType",
            s.instanceType,
            "not an MSK broker type",
            'Use a Standard type like "kafka.m7g.large" or an Express type like "express.m7g.large"',
        );
    } else if (!MSK_STANDARD_BROKER_TYPES.includes(s.instanceType)) {
        v.fail("instanceType", s.instanceType, "is not an MSK standard broker size", didYouMean(s.instanceType, MSK_STANDARD_BROKER_TYPES));
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
    v.check(
        s.express || s.maxVolumeSizeGiB > s.volumeSizeGiB,
        "maxVolumeSizeGiB",
        s.maxVolumeSizeGiB,
        `must exceed volumeSizeGiB (${s.volumeSizeGiB}) for storage autoscaling to have room`,
        `Use more than ${s.volumeSizeGiB}`,
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
    if (!s.express)
        validateBrokerProperties(v, s.serverProperties, {
            brokerCount: s.brokerCount,
            kraft,
            tieredStorage: s.tieredStorage,
            allowWeakerDurability: s.allowWeakerDurability,
        });
    v.throwIfInvalid();
}
