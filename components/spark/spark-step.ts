import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../core/contracts";
import { Validator } from "../core/errors";
import { fieldPath } from "../core/schema";
import { SparkApplicationArgs } from "./application-args";
import { StorageFile, StorageGrant, checkFile, checkLocation, fileReadGrant, fileUri } from "./locations";

export type { SparkApplicationArgs } from "./application-args";

/** The prefix of the Spark properties spectrum passes to applications. */
export const SPECTRUM_CONF_PREFIX = "spark.spectrum.";

/**
 * Checks what an application's declaration cannot: that its files and locations lie in the given
 * landing zone, that the file is a script or a jar (and only a jar has a main class), and that
 * `sparkConf` holds Spark properties spectrum does not set itself.
 */
export function checkApplication(v: Validator, storage: Storage, app: SparkApplicationArgs): void {
    if (checkFile(v, storage, "application", app.application)) {
        const kind = applicationKind(app.application);
        v.check(
            kind !== undefined,
            "application.path",
            app.application.path,
            "is neither a PySpark script (.py) nor a jar (.jar)",
            "Point application at a .py or .jar file",
        );
        if (kind === "python")
            v.check(
                app.mainClass === undefined,
                "mainClass",
                app.mainClass,
                "is set for a PySpark application",
                "Remove mainClass; it applies to jars only",
            );
    }
    (app.pyFiles ?? []).forEach((f, i) => checkFile(v, storage, `pyFiles[${i}]`, f));
    for (const [key, value] of Object.entries(app.sparkConf ?? {})) {
        const field = fieldPath([{ key: "sparkConf" }, { key }]);
        v.check(
            key.startsWith("spark."),
            field,
            value,
            'is not a Spark property (they start with "spark.")',
            "Use a property such as spark.executor.memory, or cluster configurations for other classifications",
        );
        v.check(
            !key.startsWith(SPECTRUM_CONF_PREFIX),
            field,
            value,
            `${SPECTRUM_CONF_PREFIX}* properties are set by spectrum`,
            "Use inputs/outputs for locations, or another property name",
        );
    }
    for (const [kind, locations] of [
        ["inputs", app.inputs],
        ["outputs", app.outputs],
    ] as const) {
        for (const [name, location] of Object.entries(locations ?? {})) {
            checkLocation(v, storage, fieldPath([{ key: kind }, { key: name }]), location);
        }
    }
}

export function applicationKind(file: StorageFile): "python" | "jar" | undefined {
    if (file.path.endsWith(".py")) return "python";
    if (file.path.endsWith(".jar")) return "jar";
    return undefined;
}

/** What the application may do in the landing zone: read its code and inputs, write its outputs. */
export function applicationGrants(app: SparkApplicationArgs): StorageGrant[] {
    return [
        fileReadGrant(app.application),
        ...(app.pyFiles ?? []).map(fileReadGrant),
        ...Object.values(app.inputs ?? {}).map((l): StorageGrant => ({ access: "read", ...l })),
        ...Object.values(app.outputs ?? {}).map((l): StorageGrant => ({ access: "write", ...l })),
    ];
}

/** `--conf` values spectrum adds for the application's locations. */
export function locationConf(storage: Storage, app: SparkApplicationArgs): Record<string, pulumi.Output<string>> {
    const conf: Record<string, pulumi.Output<string>> = {};
    for (const [name, l] of Object.entries(app.inputs ?? {})) conf[`${SPECTRUM_CONF_PREFIX}input.${name}`] = storage.uri(l.area, l.path);
    for (const [name, l] of Object.entries(app.outputs ?? {})) conf[`${SPECTRUM_CONF_PREFIX}output.${name}`] = storage.uri(l.area, l.path);
    return conf;
}

/** The `spark-submit` command line, split where a per-run `--conf` goes (for scheduled runs). */
export interface SparkSubmitCommand {
    /** `spark-submit`, the deploy mode, the app name and every `--conf`: a per-run `--conf` may follow. */
    head: string[];
    /** `--class`, `--py-files`, the application and its arguments. */
    tail: string[];
}

/**
 * The `spark-submit` command EMR's `command-runner.jar` runs. Cluster deploy mode puts the driver
 * in YARN, so it survives the step runner and is restarted by YARN's application attempts.
 */
export function sparkSubmitCommand(
    appName: string,
    storage: Storage,
    app: SparkApplicationArgs,
    spectrumConf: Record<string, pulumi.Input<string>>,
): pulumi.Output<SparkSubmitCommand> {
    const conf: Record<string, pulumi.Input<string>> = { ...(app.sparkConf ?? {}), ...locationConf(storage, app), ...spectrumConf };
    const entries = Object.entries(conf).sort(([a], [b]) => a.localeCompare(b));
    return pulumi
        .all([
            pulumi.all(entries.map(([k, v]) => pulumi.output(v).apply((value) => `${k}=${value}`))),
            fileUri(storage, app.application),
            pulumi.all((app.pyFiles ?? []).map((f) => fileUri(storage, f))),
            pulumi.all(app.args ?? []),
        ])
        .apply(([confArgs, appUri, pyFiles, args]) => ({
            head: ["spark-submit", "--deploy-mode", "cluster", "--name", appName, ...confArgs.flatMap((c) => ["--conf", c])],
            tail: [
                ...(app.mainClass ? ["--class", app.mainClass] : []),
                ...(pyFiles.length > 0 ? ["--py-files", pyFiles.join(",")] : []),
                appUri,
                ...args,
            ],
        }));
}

/** An EMR step running a command through `command-runner.jar`, as the AddJobFlowSteps API takes it. */
export function commandStep(stepName: string, args: string[] | { "Args.$": string }): Record<string, unknown> {
    const jarStep = Array.isArray(args) ? { Jar: "command-runner.jar", Args: args } : { Jar: "command-runner.jar", ...args };
    // CONTINUE: a failed job must not take the cluster (or other jobs' steps) down with it.
    return { Name: stepName, ActionOnFailure: "CONTINUE", HadoopJarStep: jarStep };
}
