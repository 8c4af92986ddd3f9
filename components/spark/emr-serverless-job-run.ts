import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../core/contracts";
import { fileUri } from "./locations";
import { SparkApplicationArgs, locationConf } from "./spark-step";

/**
 * A Spark job definition as EMR Serverless runs it: the same application, arguments, Spark
 * properties and locations as `spark-submit` on EMR on EC2, split the way StartJobRun takes them.
 * Spark properties travel as a `spark-defaults` override (a map, so values may hold spaces), and
 * only `--class` and `--py-files`, whose values never hold whitespace, go in `sparkSubmitParameters`,
 * which EMR Serverless splits on whitespace.
 */
export interface ServerlessJobDriver {
    /** `s3://` URI of the application. */
    entryPoint: string;
    /** The application's own arguments. */
    entryPointArguments: string[];
    /** `--class ... --py-files ...`, or undefined when there is neither (the API refuses an empty string). */
    sparkSubmitParameters?: string;
    /** Every Spark property of the job: the user's, the locations', spectrum's. */
    sparkProperties: Record<string, string>;
}

/** The job driver of an application on EMR Serverless, with the caller's spectrum properties. */
export function serverlessJobDriver(
    storage: Storage,
    app: SparkApplicationArgs,
    spectrumConf: Record<string, pulumi.Input<string>>,
): pulumi.Output<ServerlessJobDriver> {
    const conf: Record<string, pulumi.Input<string>> = { ...(app.sparkConf ?? {}), ...locationConf(storage, app), ...spectrumConf };
    return pulumi
        .all([
            pulumi.all(conf),
            fileUri(storage, app.application),
            pulumi.all((app.pyFiles ?? []).map((f) => fileUri(storage, f))),
            pulumi.all(app.args ?? []),
        ])
        .apply(([properties, entryPoint, pyFiles, args]) => {
            const submit = [
                ...(app.mainClass ? ["--class", app.mainClass] : []),
                ...(pyFiles.length > 0 ? ["--py-files", pyFiles.join(",")] : []),
            ];
            return {
                entryPoint,
                entryPointArguments: args,
                ...(submit.length > 0 ? { sparkSubmitParameters: submit.join(" ") } : {}),
                sparkProperties: Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b))),
            };
        });
}

/** Everything a StartJobRun request is built from, resolved. */
export interface JobRunRequest {
    applicationId: string;
    executionRoleArn: string;
    /** The run's name, the job's identity on the application. */
    name: string;
    driver: ServerlessJobDriver;
    /** `s3://` folder the run's logs go to. */
    logUri: string;
    tags: Record<string, string>;
}

/**
 * StartJobRun's request in the PascalCase Step Functions passes to EMR Serverless, without the
 * per-run parts (client token, mode, retry policy, timeout) the caller adds. `perRunProperties` are
 * Spark properties given as JSONPath keys (`"spark.x.$": "$.path"`) resolved from the state input.
 */
export function startJobRunParameters(r: JobRunRequest, perRunProperties: Record<string, string> = {}): Record<string, unknown> {
    return {
        ApplicationId: r.applicationId,
        ExecutionRoleArn: r.executionRoleArn,
        Name: r.name,
        JobDriver: {
            SparkSubmit: {
                EntryPoint: r.driver.entryPoint,
                EntryPointArguments: r.driver.entryPointArguments,
                ...(r.driver.sparkSubmitParameters !== undefined ? { SparkSubmitParameters: r.driver.sparkSubmitParameters } : {}),
            },
        },
        ConfigurationOverrides: {
            ApplicationConfiguration: [
                { Classification: "spark-defaults", Properties: { ...r.driver.sparkProperties, ...perRunProperties } },
            ],
            MonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: r.logUri } },
        },
        Tags: r.tags,
    };
}
