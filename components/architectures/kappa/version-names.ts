/**
 * What each version of a Kappa job owns, by name. Everything a version writes or joins is named
 * after it, so two versions never share a consumer group, a transactional id, state or an output,
 * and each version's IAM grant can name exactly its own.
 */
export interface KappaVersionNames {
    /** The version (`v2`). */
    version: string;
    /** FlinkDeployment or Kafka Streams StatefulSet name: `<jobName>-<version>` (also the Flink state prefix). */
    workloadName: string;
    /** Consumer group (Flink's offsets, Kafka Streams' `application.id`): `<jobName>-<version>`. */
    consumerGroup: string;
    /** Prefix of the version's transactional ids: `<jobName>-<version>` (ids are `<prefix>-...`). */
    transactionalIdPrefix: string;
    /** Output topics: base name -> `<base>.<version>`. */
    outputTopics: Record<string, string>;
    /** Landing-zone location of the results, when the job writes there: `<path>/<version>` in `area`. */
    landing?: { area: string; path: string };
}

/** Version names: lowercase letters and digits only, so one version's `<job>-<version>-` prefix never covers another's. */
export const VERSION_NAME = /^[a-z0-9]{1,12}$/;
/** Job names: the start of a Kubernetes name that still has room for `-<version>` (FlinkDeployment names stop at 45). */
export const JOB_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const MAX_JOB_NAME = 32;

/** The names one version of a job owns. */
export function versionNames(
    jobName: string,
    version: string,
    outputs: string[],
    landing: { area: string; path: string } | undefined,
): KappaVersionNames {
    const id = `${jobName}-${version}`;
    return {
        version,
        workloadName: id,
        consumerGroup: id,
        transactionalIdPrefix: id,
        outputTopics: Object.fromEntries(outputs.map((base) => [base, `${base}.${version}`])),
        ...(landing ? { landing: { area: landing.area, path: `${landing.path}/${version}` } } : {}),
    };
}
