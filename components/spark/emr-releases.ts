/**
 * The EMR (on EC2) releases spectrum knows, with the Spark and Scala versions they ship: what a
 * job needs to pick connectors built for the cluster's Spark (a Scala 2.12 jar on a Scala 2.13
 * Spark fails at run time, not at submit). Plain data, newest first within each line.
 */

/** The two EMR release lines that run Spark: `emr-7.x` (Spark 3.5) and `emr-spark-8.x` (Spark 4). */
export type EmrReleaseLine = "emr-7" | "emr-spark-8";

/** Scala binary versions Spark builds use; Maven artifacts carry it as a `_2.12` / `_2.13` suffix. */
export type ScalaBinaryVersion = "2.12" | "2.13";

/** One EMR release of the catalog, with the Spark it ships. */
export interface EmrRelease {
    /** The release label, e.g. `emr-7.14.0`. */
    label: string;
    /** The line the release belongs to. */
    line: EmrReleaseLine;
    /** The Apache Spark version EMR's Spark is built from (EMR ships it as `<version>-amzn-<n>`). */
    spark: string;
    /** The Scala binary version of that Spark build. */
    scala: ScalaBinaryVersion;
    /** Initial release date (UTC day), where the release guide page was seen. */
    released?: string;
}

/**
 * As of {@link EMR_RELEASES_AS_OF}. Sources: the EMR Release Guide's release pages and "Spark
 * release history" (docs.aws.amazon.com/emr/latest/ReleaseGuide/): `emr-spark-8.1.0` Spark
 * 4.1.1-amzn-0, Scala 2.13.17, 2026-09-08 (LTS); `emr-spark-8.0.0` Spark 4.0.2-amzn-0, Scala
 * 2.13.16, 2026-05-21; `emr-7.14.0` Scala 2.12.18, 2026-09-08, Spark 3.5.6 as in the three releases
 * before it (the release page seen did not show its Spark row); `emr-7.13.0` / `7.12.0` / `7.11.0`
 * Spark 3.5.6-amzn-2 / -1 / -0; `emr-7.10.0` / `7.9.0` 3.5.5; `emr-7.8.0` 3.5.4; and, from the EMR
 * Serverless release pages of the same labels, `emr-7.7.0` / `7.6.0` 3.5.3, `emr-7.5.0` / `7.4.0`
 * 3.5.2, `emr-7.3.0` 3.5.1, `emr-7.1.0` / `7.0.0` 3.5.0; `emr-7.2.0` 3.5.1-amzn-0 from "Application
 * versions in Amazon EMR 7.x releases" (checked 2026-12-05). Every 7.x release uses Scala 2.12.
 * Components refuse a label that is not listed here (it did not exist as of the catalog's date):
 * add a new release, newest first, with its Spark and Scala versions.
 */
export const EMR_RELEASES: readonly EmrRelease[] = [
    { label: "emr-spark-8.1.0", line: "emr-spark-8", spark: "4.1.1", scala: "2.13", released: "2026-09-08" },
    { label: "emr-spark-8.0.0", line: "emr-spark-8", spark: "4.0.2", scala: "2.13", released: "2026-05-21" },
    { label: "emr-7.14.0", line: "emr-7", spark: "3.5.6", scala: "2.12", released: "2026-09-08" },
    { label: "emr-7.13.0", line: "emr-7", spark: "3.5.6", scala: "2.12", released: "2026-04-21" },
    { label: "emr-7.12.0", line: "emr-7", spark: "3.5.6", scala: "2.12" },
    { label: "emr-7.11.0", line: "emr-7", spark: "3.5.6", scala: "2.12" },
    { label: "emr-7.10.0", line: "emr-7", spark: "3.5.5", scala: "2.12" },
    { label: "emr-7.9.0", line: "emr-7", spark: "3.5.5", scala: "2.12" },
    { label: "emr-7.8.0", line: "emr-7", spark: "3.5.4", scala: "2.12" },
    { label: "emr-7.7.0", line: "emr-7", spark: "3.5.3", scala: "2.12" },
    { label: "emr-7.6.0", line: "emr-7", spark: "3.5.3", scala: "2.12" },
    { label: "emr-7.5.0", line: "emr-7", spark: "3.5.2", scala: "2.12" },
    { label: "emr-7.4.0", line: "emr-7", spark: "3.5.2", scala: "2.12", released: "2024-11-13" },
    { label: "emr-7.3.0", line: "emr-7", spark: "3.5.1", scala: "2.12", released: "2024-10-16" },
    { label: "emr-7.2.0", line: "emr-7", spark: "3.5.1", scala: "2.12" },
    { label: "emr-7.1.0", line: "emr-7", spark: "3.5.0", scala: "2.12" },
    { label: "emr-7.0.0", line: "emr-7", spark: "3.5.0", scala: "2.12" },
];

/** The day the catalog was last checked against the EMR Release Guide. */
export const EMR_RELEASES_AS_OF = "2026-12-05";

/** The catalog entry of a release label, or undefined for a label spectrum does not know. */
export function emrRelease(label: string): EmrRelease | undefined {
    return EMR_RELEASES.find((r) => r.label === label);
}

/**
 * Maven coordinates of Spark's Kafka source (Structured Streaming) for a release: the Scala suffix
 * and the Spark version must match the cluster's Spark. On EMR the `-amzn-<n>` builds keep Apache
 * Spark's binary interfaces, so the Apache artifact of the same version fits.
 */
export function sparkKafkaPackage(release: EmrRelease): string {
    return `org.apache.spark:spark-sql-kafka-0-10_${release.scala}:${release.spark}`;
}

const KAFKA_SOURCE = /^org\.apache\.spark:spark-sql-kafka-0-10_(\d+\.\d+):(\d+)\.(\d+)\.\d+/;

/**
 * Why a Kafka-source coordinate does not fit a release (a Scala suffix or a Spark minor other than
 * the release's), or undefined when it fits or is not Spark's Kafka source.
 */
export function kafkaPackageMismatch(release: EmrRelease, coordinate: string): string | undefined {
    const match = KAFKA_SOURCE.exec(coordinate);
    if (!match) return undefined;
    const [, scala, major, minor] = match;
    const [sparkMajor, sparkMinor] = release.spark.split(".");
    if (scala === release.scala && major === sparkMajor && minor === sparkMinor) return undefined;
    return `${release.label} runs Spark ${release.spark} on Scala ${release.scala}, and this Kafka source is built for Spark ${major}.${minor} on Scala ${scala}: it fails when the query starts`;
}
