import { v, strict, map, awsTagMap, explain } from "../core/schema";

/** A whole number of days, at least 1 (S3 counts lifecycle ages in whole days). */
function days(fix: string) {
    const message = explain("must be a whole number of days, at least 1", fix);
    return v.pipe(v.number(), v.integer(message), v.minValue(1, message));
}
/** A lifecycle step in days, or `false` to turn the step off. */
function dayStep(min = 1, tooSoon?: string) {
    const step = days("Use a positive integer, or false to turn the step off");
    return v.union([tooSoon ? v.pipe(step, v.minValue(min, explain(tooSoon, `Use ${min} or more`))) : step, v.literal(false)]);
}
// S3 rejects a STANDARD_IA transition earlier than 30 days after creation.
const MIN_IA_DAYS = 30;

/**
 * Lifecycle of one area of the landing zone. Ages are in days since an object was written (or,
 * for noncurrent versions, since it was overwritten or deleted). `false` turns a step off.
 */
export const areaLifecycleShape = {
    /** Move objects to STANDARD_IA after this many days (S3 requires at least 30), or `false`. Default: raw 30, curated 90, other areas off. */
    infrequentAccessAfterDays: v.optional(dayStep(MIN_IA_DAYS, `S3 rejects a STANDARD_IA transition earlier than ${MIN_IA_DAYS} days`)),
    /** Move objects to GLACIER_IR (instant retrieval, so reprocessing still works) after this many days, or `false`. Default: raw 180, others off. */
    glacierAfterDays: v.optional(dayStep()),
    /** Delete objects after this many days, or `false`. Default: off for zones (data is kept) and checkpoints, 90 for logs. */
    expireAfterDays: v.optional(dayStep()),
    /** Delete noncurrent versions this many days after they were replaced. Default: 30 for zones and logs, 1 for checkpoints. */
    noncurrentVersionExpireDays: v.optional(days("Use a positive integer such as 30")),
};
/** The schema of one area's lifecycle overrides, built from {@link areaLifecycleShape}. */
export const areaLifecycle: v.StrictObjectSchema<typeof areaLifecycleShape, undefined> = strict(areaLifecycleShape);
/** Lifecycle overrides of one area: days to each transition and to expiry, `false` to turn a step off. */
export type AreaLifecycle = v.InferInput<typeof areaLifecycle>;

/** The declaration of `LandingZone`'s args: type, structural check, defaults and README table. */
export const landingZoneShape = {
    /**
     * The data zones, each with its lifecycle overrides, e.g. `{ raw: {}, curated: { glacierAfterDays: 365 } }`.
     * Names are lowercase letters, digits and dashes; `checkpoints` and `logs` are reserved.
     * Default: `{ raw: {}, curated: {} }`.
     */
    zones: v.optional(map(v.string(), areaLifecycle), { raw: {}, curated: {} }),
    /** Lifecycle overrides for the job-state area (checkpoints, savepoints, HA metadata). Default: `{}` (keep state, expire noncurrent versions after 1 day). */
    checkpoints: v.optional(areaLifecycle, {}),
    /** Lifecycle overrides for the job-log area (EMR and job logs). Default: `{}` (expire after 90 days). */
    logs: v.optional(areaLifecycle, {}),
    /** Abort multipart uploads left incomplete after this many days. Default: 3. */
    abortIncompleteUploadsAfterDays: v.optional(days("Use a positive integer such as 3"), 3),
    /** Days to keep S3 server access logs in the separate log bucket. Default: 365. */
    accessLogRetentionDays: v.optional(days("Use a positive integer such as 365"), 365),
    /**
     * Protect the buckets and the KMS key from deletion and replacement. Set to `false` only for
     * throwaway dev stacks: then `pulumi destroy` empties and deletes the buckets and schedules the
     * key for deletion after 7 days. Default: true.
     */
    protect: v.optional(
        v.boolean(explain("must be true or false", "Write protect: true (the default) or protect: false for a throwaway dev stack")),
        true,
    ),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link LandingZone}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const landingZoneArgs: v.StrictObjectSchema<typeof landingZoneShape, undefined> = strict(landingZoneShape);
/** Arguments of {@link LandingZone}: its zones and the lifecycle of each area. Every field is optional. */
export type LandingZoneArgs = v.InferInput<typeof landingZoneArgs>;
/** The args with every default applied. */
export type LandingZoneInput = v.InferOutput<typeof landingZoneArgs>;

/** What every area's lifecycle resolves to. */
export interface ResolvedLifecycle {
    infrequentAccessAfterDays: number | false;
    glacierAfterDays: number | false;
    expireAfterDays: number | false;
    noncurrentVersionExpireDays: number;
}

export const CHECKPOINT_AREA = "checkpoints";
export const LOG_AREA = "logs";

// Per-area defaults depend on the zone's name, so they live here rather than in the declaration.
const zoneDefaults: Record<string, ResolvedLifecycle> = {
    raw: { infrequentAccessAfterDays: 30, glacierAfterDays: 180, expireAfterDays: false, noncurrentVersionExpireDays: 30 },
    curated: { infrequentAccessAfterDays: 90, glacierAfterDays: false, expireAfterDays: false, noncurrentVersionExpireDays: 30 },
};
const otherZoneDefault: ResolvedLifecycle = {
    infrequentAccessAfterDays: false,
    glacierAfterDays: false,
    expireAfterDays: false,
    noncurrentVersionExpireDays: 30,
};
const checkpointDefault: ResolvedLifecycle = {
    infrequentAccessAfterDays: false,
    glacierAfterDays: false,
    expireAfterDays: false,
    noncurrentVersionExpireDays: 1,
};
const logDefault: ResolvedLifecycle = {
    infrequentAccessAfterDays: false,
    glacierAfterDays: false,
    expireAfterDays: 90,
    noncurrentVersionExpireDays: 30,
};

/** The fully populated settings the component reads (and nothing else). */
export interface LandingZoneSettings {
    areas: Record<string, ResolvedLifecycle>;
    zones: string[];
    abortIncompleteUploadsAfterDays: number;
    accessLogRetentionDays: number;
    protect: boolean;
    tags: Record<string, string>;
}

function resolve(base: ResolvedLifecycle, override: v.InferOutput<typeof areaLifecycle>): ResolvedLifecycle {
    return {
        infrequentAccessAfterDays: override.infrequentAccessAfterDays ?? base.infrequentAccessAfterDays,
        glacierAfterDays: override.glacierAfterDays ?? base.glacierAfterDays,
        expireAfterDays: override.expireAfterDays ?? base.expireAfterDays,
        noncurrentVersionExpireDays: override.noncurrentVersionExpireDays ?? base.noncurrentVersionExpireDays,
    };
}

/** Resolves checked args (defaults applied) into settings: each area's lifecycle from its defaults and overrides. */
export function resolveSettings(args: LandingZoneInput): LandingZoneSettings {
    const areas: Record<string, ResolvedLifecycle> = {};
    for (const [zone, lifecycle] of Object.entries(args.zones)) areas[zone] = resolve(zoneDefaults[zone] ?? otherZoneDefault, lifecycle);
    areas[CHECKPOINT_AREA] = resolve(checkpointDefault, args.checkpoints);
    areas[LOG_AREA] = resolve(logDefault, args.logs);
    return {
        areas,
        zones: Object.keys(args.zones),
        abortIncompleteUploadsAfterDays: args.abortIncompleteUploadsAfterDays,
        accessLogRetentionDays: args.accessLogRetentionDays,
        protect: args.protect,
        tags: args.tags,
    };
}
