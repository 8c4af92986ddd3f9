import { Validator } from "../core/errors";
import { KafkaClusterArgs, KafkaClusterSettings } from "./cluster-args";
import { EXPRESS_BROKER_TYPES, EXPRESS_KAFKA_VERSIONS, EXPRESS_SUBNETS } from "./express-brokers";
import { validateExpressBrokerProperties } from "./express-config";

/** Arguments that size or log Standard brokers' own storage: Express brokers have none to size. */
const STANDARD_ONLY: ReadonlyArray<[keyof KafkaClusterArgs, string]> = [
    ["volumeSizeGiB", "MSK manages Express brokers' storage: there is no EBS volume to size"],
    ["maxVolumeSizeGiB", "MSK manages Express brokers' storage: there is no volume to grow"],
    ["storageUtilizationTarget", "MSK manages Express brokers' storage: there is no storage autoscaling"],
    ["tieredStorage", "Express brokers have no tiered storage: their storage is already elastic and billed per GB stored"],
    ["logRetentionDays", "MSK delivers no broker logs for Express brokers"],
];

/**
 * Checks what MSK refuses for a cluster of Express brokers (an `express.*` instance type). `given` is
 * the args as written: a Standard-only field the user set is refused, its declared default is not.
 */
export function checkExpressCluster(v: Validator, s: KafkaClusterSettings, given: Readonly<Record<string, unknown>>): void {
    v.check(
        EXPRESS_BROKER_TYPES.includes(s.instanceType),
        "instanceType",
        s.instanceType,
        "not an Express broker size",
        `Use one of ${EXPRESS_BROKER_TYPES.join(", ")}`,
    );
    v.check(
        s.subnetIds.length === EXPRESS_SUBNETS,
        "subnetIds",
        `${s.subnetIds.length} subnets`,
        `Express brokers span exactly ${EXPRESS_SUBNETS} Availability Zones, one client subnet each`,
        `Pass ${EXPRESS_SUBNETS} private subnets in different Availability Zones`,
    );
    v.check(
        EXPRESS_KAFKA_VERSIONS.includes(s.kafkaVersion),
        "kafkaVersion",
        s.kafkaVersion,
        "MSK offers Express brokers on Kafka 3.6, 3.8 and 3.9 (3.9 in KRaft mode only)",
        `Use one of ${EXPRESS_KAFKA_VERSIONS.join(", ")}`,
    );
    for (const [key, why] of STANDARD_ONLY) {
        if (given[key] !== undefined && given[key] !== false)
            v.fail(key, given[key], why, `Remove ${key}, or use a Standard broker type such as "kafka.m7g.large"`);
    }
    validateExpressBrokerProperties(v, s.serverProperties, s.allowWeakerDurability);
}
