import { EmrConfiguration } from "./cluster-shape-args";

export type { EmrConfiguration } from "./cluster-shape-args";

/**
 * Spark defaults every cluster starts from. Adaptive query execution coalesces shuffle partitions
 * and splits skewed joins at run time, so jobs need less hand tuning; dynamic allocation (with
 * YARN's external shuffle service, which EMR runs) gives executors back between stages, which is
 * what lets managed scaling shrink the cluster; dynamic partition overwrite makes a rerun of one
 * day replace that day only, which is what backfills need.
 */
export const SPARK_DEFAULTS: Readonly<Record<string, string>> = {
    "spark.sql.adaptive.enabled": "true",
    "spark.sql.adaptive.coalescePartitions.enabled": "true",
    "spark.sql.adaptive.skewJoin.enabled": "true",
    "spark.dynamicAllocation.enabled": "true",
    "spark.shuffle.service.enabled": "true",
    "spark.sql.sources.partitionOverwriteMode": "dynamic",
    "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
};

/**
 * The cluster's configuration classifications: `spark-defaults` (our defaults, then the user's
 * overrides) followed by the user's own classifications. A user `spark-defaults` classification
 * is merged into ours rather than sent twice, which EMR would reject.
 */
export function clusterConfigurations(sparkDefaults: Record<string, string>, extra: readonly EmrConfiguration[]): EmrConfiguration[] {
    const userSparkDefaults = extra.filter((c) => c.Classification === "spark-defaults");
    const merged: Record<string, string> = { ...SPARK_DEFAULTS, ...sparkDefaults };
    for (const c of userSparkDefaults) Object.assign(merged, c.Properties ?? {});
    return [{ Classification: "spark-defaults", Properties: merged }, ...extra.filter((c) => c.Classification !== "spark-defaults")];
}
