import { Validator } from "../core/errors";
import { CHECKPOINT_AREA, LOG_AREA, LandingZoneArgs, LandingZoneSettings } from "./landing-zone-args";

const COMPONENT = "LandingZone";
const ZONE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
// S3 rejects a STANDARD_IA transition earlier than 30 days after creation, and a later transition
// earlier than 30 days after the STANDARD_IA one.
const MIN_IA_DAYS = 30;

function positiveInt(n: number): boolean {
    return Number.isInteger(n) && n >= 1;
}

/** Checks what S3 itself would reject, before anything is created. */
export function validateLandingZone(name: string, args: LandingZoneArgs, s: LandingZoneSettings): void {
    const v = new Validator(COMPONENT, name);
    v.check(
        s.zones.length > 0,
        "zones",
        args.zones,
        "at least one data zone is needed",
        "Declare zones such as { raw: {}, curated: {} }, or omit zones for that default",
    );
    for (const zone of s.zones) {
        v.check(
            ZONE_NAME.test(zone),
            `zones.${zone}`,
            zone,
            "a zone name must be lowercase letters, digits and dashes",
            'Rename the zone, e.g. "raw-events"',
        );
        v.check(
            zone !== CHECKPOINT_AREA && zone !== LOG_AREA,
            `zones.${zone}`,
            zone,
            `"${zone}" is a reserved area of every landing zone`,
            `Use the ${zone} argument to configure it, or pick another zone name`,
        );
    }
    for (const [area, lc] of Object.entries(s.areas)) {
        const field = (key: string) => (area === CHECKPOINT_AREA || area === LOG_AREA ? `${area}.${key}` : `zones.${area}.${key}`);
        for (const key of ["infrequentAccessAfterDays", "glacierAfterDays", "expireAfterDays", "noncurrentVersionExpireDays"] as const) {
            const value = lc[key];
            if (value !== false)
                v.check(
                    positiveInt(value),
                    field(key),
                    value,
                    "must be a whole number of days, at least 1",
                    "Use a positive integer, or false to turn the step off",
                );
        }
        const ia = lc.infrequentAccessAfterDays;
        const glacier = lc.glacierAfterDays;
        if (ia !== false && positiveInt(ia)) {
            v.check(
                ia >= MIN_IA_DAYS,
                field("infrequentAccessAfterDays"),
                ia,
                `S3 rejects a STANDARD_IA transition earlier than ${MIN_IA_DAYS} days`,
                `Use ${MIN_IA_DAYS} or more`,
            );
        }
        if (ia !== false && glacier !== false && positiveInt(ia) && positiveInt(glacier)) {
            v.check(
                glacier >= ia + MIN_IA_DAYS,
                field("glacierAfterDays"),
                glacier,
                `transitions are out of order: S3 requires GLACIER_IR at least ${MIN_IA_DAYS} days after the STANDARD_IA transition (day ${ia})`,
                `Use ${ia + MIN_IA_DAYS} or more, or turn off infrequentAccessAfterDays`,
            );
        }
        const lastTransition = Math.max(ia === false ? 0 : ia, glacier === false ? 0 : glacier);
        const expire = lc.expireAfterDays;
        if (expire !== false && positiveInt(expire) && lastTransition > 0) {
            v.check(
                expire > lastTransition,
                field("expireAfterDays"),
                expire,
                `S3 rejects an expiration that is not later than the last transition (day ${lastTransition})`,
                `Use more than ${lastTransition} days, or turn off the transitions`,
            );
        }
    }
    // Values from stack config arrive untyped: a YAML "yes" must not silently turn protection off.
    v.check(
        typeof s.protect === "boolean",
        "protect",
        args.protect,
        "must be true or false",
        "Write protect: true (the default) or protect: false for a throwaway dev stack",
    );
    v.check(
        positiveInt(s.abortIncompleteUploadsAfterDays),
        "abortIncompleteUploadsAfterDays",
        args.abortIncompleteUploadsAfterDays,
        "must be a whole number of days, at least 1",
        "Use a positive integer such as 3",
    );
    v.check(
        positiveInt(s.accessLogRetentionDays),
        "accessLogRetentionDays",
        args.accessLogRetentionDays,
        "must be a whole number of days, at least 1",
        "Use a positive integer such as 365",
    );
    v.throwIfInvalid();
}
