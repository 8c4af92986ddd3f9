import { Validator } from "../core/errors";
import { bucketNameProblem, kmsAliasProblem } from "../core/aws-limits";
import { fieldPath, parseArgs } from "../core/schema";
import { CHECKPOINT_AREA, LOG_AREA, LandingZoneSettings, landingZoneArgs, resolveSettings } from "./landing-zone-args";

export const COMPONENT = "LandingZone";
const ZONE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
// S3 rejects a STANDARD_IA transition earlier than 30 days after creation, and a later transition
// earlier than 30 days after the STANDARD_IA one.
const MIN_IA_DAYS = 30;

/**
 * Checks a LandingZone's args, structure first (the declaration in landing-zone-args.ts), then
 * what S3 itself would reject, and returns the settings the component reads. Throws one
 * SpectrumValidationError naming every problem; call it before registering anything.
 */
export function landingZoneSettings(name: string, args: unknown): LandingZoneSettings {
    const s = resolveSettings(parseArgs(COMPONENT, name, landingZoneArgs, args));
    validateLandingZone(name, s);
    return s;
}

/** The rules across fields, and the names S3 and KMS derive from the component's name. */
export function validateLandingZone(name: string, s: LandingZoneSettings): void {
    const v = new Validator(COMPONENT, name);
    // The longest auto-named bucket is `<name>-access-logs-<7 random characters>`.
    const bucket = bucketNameProblem(`${name}-access-logs`, true);
    if (bucket) v.fail("name", name, `${bucket.problem} (in the access-log bucket's name)`, bucket.fix);
    const alias = kmsAliasProblem(`alias/spectrum-${name}-x`);
    if (alias) v.fail("name", name, `${alias.problem} (in the key's alias)`, alias.fix);
    v.check(
        s.zones.length > 0,
        "zones",
        {},
        "at least one data zone is needed",
        "Declare zones such as { raw: {}, curated: {} }, or omit zones for that default",
    );
    for (const zone of s.zones) {
        const field = fieldPath([{ key: "zones" }, { key: zone }]);
        v.check(
            ZONE_NAME.test(zone),
            field,
            zone,
            "a zone name must be lowercase letters, digits and dashes",
            'Rename the zone, e.g. "raw-events"',
        );
        v.check(
            zone !== CHECKPOINT_AREA && zone !== LOG_AREA,
            field,
            zone,
            `"${zone}" is a reserved area of every landing zone`,
            `Use the ${zone} argument to configure it, or pick another zone name`,
        );
    }
    for (const [area, lc] of Object.entries(s.areas)) {
        const field = (key: string) =>
            fieldPath(
                area === CHECKPOINT_AREA || area === LOG_AREA ? [{ key: area }, { key }] : [{ key: "zones" }, { key: area }, { key }],
            );
        const ia = lc.infrequentAccessAfterDays;
        const glacier = lc.glacierAfterDays;
        if (ia !== false && glacier !== false) {
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
        if (expire !== false && lastTransition > 0) {
            v.check(
                expire > lastTransition,
                field("expireAfterDays"),
                expire,
                `S3 rejects an expiration that is not later than the last transition (day ${lastTransition})`,
                `Use more than ${lastTransition} days, or turn off the transitions`,
            );
        }
    }
    v.throwIfInvalid();
}
