import { Validator } from "../core/errors";
import { EmrServerlessTarget } from "./emr-serverless-application-args";
import { MAX_JOB_SPARK_PROPERTIES } from "./emr-serverless-limits";
import { SparkApplicationArgs } from "./spark-step";

/** Spark properties spectrum adds to every run besides the locations (logical time, checkpoint, trigger, ...). */
const SPECTRUM_PROPERTIES = 5;

/**
 * Checks a job given an EMR Serverless application to run on: the target is one, the arguments that
 * only mean something on EMR on EC2 (`ec2Only`) are absent, and the job's Spark properties fit in
 * one run's `spark-defaults` override.
 */
export function checkServerlessJob(
    v: Validator,
    args: SparkApplicationArgs & { serverless?: EmrServerlessTarget },
    ec2Only: readonly string[],
): void {
    const target = args.serverless;
    v.check(
        target !== undefined && target.applicationArn !== undefined && target.storage !== undefined,
        "serverless",
        target === undefined ? undefined : "(not an EMR Serverless target)",
        "is not an EMR Serverless application's target",
        "Pass an EmrServerlessApplication's target",
    );
    const given = args as unknown as Record<string, unknown>;
    for (const field of ec2Only) {
        if (given[field] !== undefined)
            v.fail(
                field,
                given[field],
                "applies to EMR on EC2 only, and this job runs on EMR Serverless",
                `Remove ${field}, or remove serverless to run on EMR on EC2`,
            );
    }
    const properties =
        Object.keys(args.sparkConf ?? {}).length +
        Object.keys(args.inputs ?? {}).length +
        Object.keys(args.outputs ?? {}).length +
        SPECTRUM_PROPERTIES;
    v.check(
        properties <= MAX_JOB_SPARK_PROPERTIES,
        "sparkConf",
        `${properties} Spark properties`,
        `an EMR Serverless job run takes at most ${MAX_JOB_SPARK_PROPERTIES} Spark properties (with the inputs', outputs' and spectrum's own)`,
        "Move shared properties to the application's sparkDefaults",
    );
    for (const key of Object.keys(args.sparkConf ?? {}))
        v.check(!/\s/.test(key), `sparkConf.${key}`, key, "a Spark property name has no whitespace", "Remove the whitespace");
}
