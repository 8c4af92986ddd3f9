import { Validator } from "../core/errors";
import { EXPRESS_BROKER_DEFAULTS, EXPRESS_SETTABLE_BROKER_KEYS } from "./express-brokers";

/** The broker properties an Express cluster's configuration holds: spectrum's defaults overlaid with the user's keys. */
export function expressBrokerProperties(user: Record<string, string>): Record<string, string> {
    return { ...EXPRESS_BROKER_DEFAULTS, ...user };
}

/**
 * Records every problem with the user's broker keys on Express brokers, in `serverProperties.<key>`
 * fields: keys Express does not let a configuration set (replication factors, `min.insync.replicas`,
 * unclean leader election and the ZooKeeper and thread settings are MSK's on Express), empty values,
 * and turning topic auto-creation on without the explicit opt-out.
 */
export function validateExpressBrokerProperties(v: Validator, user: Record<string, string>, allowWeakerDurability: boolean): void {
    const field = (key: string) => `serverProperties["${key}"]`;
    for (const [key, value] of Object.entries(user)) {
        if (!EXPRESS_SETTABLE_BROKER_KEYS.has(key)) {
            v.fail(
                field(key),
                value,
                "MSK Express brokers do not let a configuration set this key (MSK manages it)",
                "Remove it; see the MSK developer guide's list of Express broker configurations, or use Standard brokers",
            );
            continue;
        }
        if (typeof value !== "string" || value.trim() === "") {
            v.fail(field(key), value, "broker property values are non-empty strings", 'Quote the value, e.g. "false"');
            continue;
        }
        if (key === "auto.create.topics.enable") {
            if (value !== "true" && value !== "false") v.fail(field(key), value, 'must be "true" or "false"', 'Use "false"');
            else if (value === "true" && !allowWeakerDurability)
                v.fail(
                    field(key),
                    value,
                    "topics would appear on first use with broker defaults instead of their declared settings",
                    "Remove the key to keep false, or set allowWeakerDurability: true to accept that",
                );
        }
    }
}
