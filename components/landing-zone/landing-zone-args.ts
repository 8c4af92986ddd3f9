/**
 * Lifecycle of one area of the landing zone. Ages are in days since an object was written (or,
 * for noncurrent versions, since it was overwritten or deleted). `false` turns a step off.
 */
export interface AreaLifecycle {
    /** Move objects to STANDARD_IA after this many days (S3 requires at least 30). Default: raw 30, curated 90, other zones off. */
    infrequentAccessAfterDays?: number | false;
    /** Move objects to GLACIER_IR (instant retrieval, so reprocessing still works) after this many days. Default: raw 180, others off. */
    glacierAfterDays?: number | false;
    /** Delete objects after this many days. Default: off for zones (data is kept), 90 for logs, off for checkpoints. */
    expireAfterDays?: number | false;
    /** Delete noncurrent versions this many days after they were replaced. Default: 30 for zones and logs, 1 for checkpoints. */
    noncurrentVersionExpireDays?: number;
}

/** Arguments of {@link LandingZone}: its zones and the lifecycle of each area. Every field is optional. */
export interface LandingZoneArgs {
    /**
     * The data zones, each with its lifecycle overrides, e.g. `{ raw: {}, curated: { glacierAfterDays: 365 } }`.
     * Names are lowercase letters, digits and dashes; `checkpoints` and `logs` are reserved.
     * Default: `{ raw: {}, curated: {} }`.
     */
    zones?: Record<string, AreaLifecycle>;
    /** Lifecycle overrides for the job-state area (checkpoints, savepoints, HA metadata). Default: keep state, expire noncurrent versions after 1 day. */
    checkpoints?: AreaLifecycle;
    /** Lifecycle overrides for the job-log area (EMR and job logs). Default: expire after 90 days. */
    logs?: AreaLifecycle;
    /** Abort multipart uploads left incomplete after this many days. Default: 3. */
    abortIncompleteUploadsAfterDays?: number;
    /** Days to keep S3 server access logs in the separate log bucket. Default: 365. */
    accessLogRetentionDays?: number;
    /**
     * Protect the buckets and the KMS key from deletion and replacement. Set to `false` only for
     * throwaway dev stacks: then `pulumi destroy` empties and deletes the buckets and schedules the
     * key for deletion after 7 days. Default: true.
     */
    protect?: boolean;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

/** What every area's lifecycle resolves to. */
export interface ResolvedLifecycle {
    infrequentAccessAfterDays: number | false;
    glacierAfterDays: number | false;
    expireAfterDays: number | false;
    noncurrentVersionExpireDays: number;
}

export const CHECKPOINT_AREA = "checkpoints";
export const LOG_AREA = "logs";

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

export interface LandingZoneSettings {
    areas: Record<string, ResolvedLifecycle>;
    zones: string[];
    abortIncompleteUploadsAfterDays: number;
    accessLogRetentionDays: number;
    protect: boolean;
    tags: Record<string, string>;
}

function resolve(base: ResolvedLifecycle, override: AreaLifecycle | undefined): ResolvedLifecycle {
    return {
        infrequentAccessAfterDays: override?.infrequentAccessAfterDays ?? base.infrequentAccessAfterDays,
        glacierAfterDays: override?.glacierAfterDays ?? base.glacierAfterDays,
        expireAfterDays: override?.expireAfterDays ?? base.expireAfterDays,
        noncurrentVersionExpireDays: override?.noncurrentVersionExpireDays ?? base.noncurrentVersionExpireDays,
    };
}

export function resolveSettings(args: LandingZoneArgs): LandingZoneSettings {
    const zoneArgs = args.zones ?? { raw: {}, curated: {} };
    const areas: Record<string, ResolvedLifecycle> = {};
    for (const [zone, lifecycle] of Object.entries(zoneArgs)) areas[zone] = resolve(zoneDefaults[zone] ?? otherZoneDefault, lifecycle);
    areas[CHECKPOINT_AREA] = resolve(checkpointDefault, args.checkpoints);
    areas[LOG_AREA] = resolve(logDefault, args.logs);
    return {
        areas,
        zones: Object.keys(zoneArgs),
        abortIncompleteUploadsAfterDays: args.abortIncompleteUploadsAfterDays ?? 3,
        accessLogRetentionDays: args.accessLogRetentionDays ?? 365,
        protect: args.protect ?? true,
        tags: args.tags ?? {},
    };
}
