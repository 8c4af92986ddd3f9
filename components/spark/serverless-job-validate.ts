import { Validator } from "../core/errors";
import { fieldPath } from "../core/schema";
import { SparkApplication } from "./application-args";
import { MAX_JOB_SPARK_PROPERTIES } from "./emr-serverless-limits";

/** Spark properties spectrum adds to every run besides the locations (logical time, checkpoint, trigger, ...). */
const SPECTRUM_PROPERTIES = 5;

/**
 * Checks a job given an EMR Serverless application to run on: the arguments that only mean
 * something on EMR on EC2 (`ec2Only`) were not given (`given` is the args as written, before
 * defaults), and the job's Spark properties fit in one run's `spark-defaults` override.
 */
export function checkServerlessJob(
    v: Validator,
    app: SparkApplication,
    given: Readonly<Record<string, unknown>>,
    ec2Only: readonly string[],
): void {
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
        Object.keys(app.sparkConf ?? {}).length +
        Object.keys(app.inputs ?? {}).length +
        Object.keys(app.outputs ?? {}).length +
        SPECTRUM_PROPERTIES;
    v.check(
        properties <= MAX_JOB_SPARK_PROPERTIES,
        "sparkConf",
        `${properties} Spark properties`,
        `an EMR Serverless job run takes at most ${MAX_JOB_SPARK_PROPERTIES} Spark properties (with the inputs', outputs' and spectrum's own)`,
        "Move shared properties to the application's sparkDefaults",
    );
    for (const key of Object.keys(app.sparkConf ?? {}))
        v.check(
            !/\s/.test(key),
            fieldPath([{ key: "sparkConf" }, { key }]),
            key,
            "a Spark property name has no whitespace",
            "Remove the whitespace",
        );
}
