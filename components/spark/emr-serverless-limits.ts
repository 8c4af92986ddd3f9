/**
 * What EMR Serverless accepts, as data to check against before anything is created.
 *
 * Sources, checked 2026-12:
 * - Releases: EMR Serverless User Guide, "Amazon EMR Serverless release versions": emr-6.6.0 and
 *   later, the 7.x line up to emr-7.13.0, and `emr-spark-8.0.0` (Spark 4.0.2). emr-7.14.0, EMR on
 *   EC2's newest, was not on that list yet, so the serverless default stays one release behind it
 *   (same Spark 3.5.6, same Python 3.9).
 * - Workers: CloudFormation `AWS::EMRServerless::Application WorkerConfiguration` (each worker has 1,
 *   2, 4, 8 or 16 vCPUs) and the EMR Serverless User Guide, "Supported worker configurations"
 *   (memory per vCPU count: 1 vCPU 2-8 GB, 2 vCPU 4-16 GB, 4 vCPU 8-30 GB in 1 GB steps; 8 vCPU
 *   16-60 GB in 4 GB steps; 16 vCPU 32-120 GB in 8 GB steps; disk 20-200 GB per worker).
 * - API (botocore `emr-serverless` model, CreateApplication / StartJobRun): architecture ARM64 or
 *   X86_64; auto-stop idle timeout 1-10080 minutes; at most 16 subnets and 5 security groups; a
 *   job's `configurationOverrides.applicationConfiguration` properties at most 100 per classification;
 *   `sparkSubmitParameters` split on whitespace; job names up to 256 characters; `mode` BATCH or
 *   STREAMING with `retryPolicy.maxAttempts` (batch) or `maxFailedAttemptsPerHour` (streaming), each at least 1.
 */

/** The release an EMR Serverless application gets unless told otherwise. */
export const DEFAULT_EMR_SERVERLESS_RELEASE = "emr-7.13.0";

/** vCPUs a worker may have. */
export const WORKER_CPUS: readonly number[] = [1, 2, 4, 8, 16];

/** Memory a worker of a vCPU count may have: range and step, GB. */
export const WORKER_MEMORY_GB: Readonly<Record<number, { min: number; max: number; step: number }>> = {
    1: { min: 2, max: 8, step: 1 },
    2: { min: 4, max: 16, step: 1 },
    4: { min: 8, max: 30, step: 1 },
    8: { min: 16, max: 60, step: 4 },
    16: { min: 32, max: 120, step: 8 },
};

/** Disk per worker, GB. */
export const WORKER_DISK_GB = { min: 20, max: 200 } as const;

/** Idle minutes before an application stops, as the API bounds them. */
export const AUTO_STOP_MINUTES = { min: 1, max: 10080 } as const;

export const MAX_APPLICATION_SUBNETS = 16;
/** Characters of an application name (CreateApplication `name`). */
export const MAX_APPLICATION_NAME = 64;

/** Spark properties one job run may pass in its `spark-defaults` override. */
export const MAX_JOB_SPARK_PROPERTIES = 100;

/**
 * Spark defaults every EMR Serverless application starts from: the same query behaviour as the EMR
 * on EC2 defaults (adaptive execution, dynamic partition overwrite for idempotent reruns, Kryo).
 * Dynamic allocation is EMR Serverless's own default, and there is no external shuffle service to
 * turn on (EMR Serverless tracks shuffle data itself), so those two EC2 defaults are left out.
 */
export const SERVERLESS_SPARK_DEFAULTS: Readonly<Record<string, string>> = {
    "spark.sql.adaptive.enabled": "true",
    "spark.sql.adaptive.coalescePartitions.enabled": "true",
    "spark.sql.adaptive.skewJoin.enabled": "true",
    "spark.sql.sources.partitionOverwriteMode": "dynamic",
    "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
};
