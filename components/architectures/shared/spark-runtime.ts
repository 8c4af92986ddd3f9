import * as pulumi from "@pulumi/pulumi";
import { SpectrumValidationError, Validator } from "../../core/errors";
import { didYouMean } from "../../core/schema/did-you-mean";
import { Storage } from "../../core/contracts";
import { NetworkPlacement } from "../../platform";
import { EmrServerlessApplication, EmrServerlessApplicationArgs, EmrServerlessTarget, SparkRuntime } from "../../spark";
import { DEFAULT_EMR_SERVERLESS_RELEASE } from "../../spark/emr-serverless-limits";
import { plannedServerlessApplication } from "./parts-check";
import { emrServerlessApplicationSettings } from "../../spark/emr-serverless-application-validate";
import { ArchitectureDefaults } from "./profile";
import { SparkRuntimeOverrides } from "./base-args";
import { EMR_FLEET_SUBNETS, privateSubnets } from "./placement";

export type { SparkRuntimeOverrides, ServerlessApplicationOverrides } from "./base-args";

export const SPARK_RUNTIMES: readonly SparkRuntime[] = ["emr-ec2", "emr-serverless"];
const SPARK_OVERRIDE_KEYS: readonly string[] = ["runtime", "serverless"];

/** The runtime an architecture's Spark jobs use: the user's choice, else the profile's. */
export function sparkRuntimeOf(defaults: ArchitectureDefaults, spark: SparkRuntimeOverrides | undefined): SparkRuntime {
    return spark?.runtime ?? defaults.sparkRuntime;
}

export interface SparkApplicationArgs {
    defaults: ArchitectureDefaults;
    network: NetworkPlacement;
    spark?: SparkRuntimeOverrides;
    tags: Record<string, string>;
    /** Keep the application started (a streaming job's), rather than stopping it when idle. */
    alwaysOn?: boolean;
}

/** The EmrServerlessApplication args an architecture passes: the profile's ceiling, the user's overrides, the network. */
export function serverlessApplicationArgs(lake: Storage, a: SparkApplicationArgs): EmrServerlessApplicationArgs {
    return {
        maximumCapacity: a.defaults.serverlessMaxCapacity,
        ...(a.alwaysOn ? { autoStopIdleMinutes: false } : {}),
        ...a.spark?.serverless,
        storage: lake,
        network: { vpcId: a.network.vpcId, subnetIds: privateSubnets(a.network, EMR_FLEET_SUBNETS) },
        tags: a.tags,
    };
}

/** Stands in for the landing zone an architecture creates later, so its application settings can be checked before. */
const LAKE_STAND_IN: Storage = {
    bucketName: pulumi.output(""),
    bucketArn: pulumi.output(""),
    kmsKeyArn: pulumi.output(""),
    areas: ["logs", "checkpoints"],
    checkpointArea: "checkpoints",
    logArea: "logs",
    keyPrefix: (area, path) => `${area}/${path ? `${path}/` : ""}`,
    uri: (area, path) => pulumi.output(`s3://lake/${area}/${path ? `${path}/` : ""}`),
    grant: () => [],
};

/**
 * Checks an architecture's `spark` overrides before anything is registered, and throws one
 * SpectrumValidationError with every problem: the runtime is one of the two, EMR Serverless settings
 * are given only for that runtime, and they make valid EmrServerlessApplication args (its own
 * declaration and rules, against a stand-in for the landing zone the architecture creates).
 */
export function checkSparkRuntime(component: string, name: string, a: SparkApplicationArgs): void {
    const v = new Validator(component, name);
    const runtime = sparkRuntimeOf(a.defaults, a.spark);
    const problems: string[] = [];
    for (const [key, value] of Object.entries(a.spark ?? {})) {
        if (!SPARK_OVERRIDE_KEYS.includes(key))
            v.fail(`spark.${key}`, value, `"${key}" is not a known field`, didYouMean(key, SPARK_OVERRIDE_KEYS));
    }
    if (!SPARK_RUNTIMES.includes(runtime)) v.fail("spark.runtime", runtime, "not a Spark runtime", 'Use "emr-ec2" or "emr-serverless"');
    else if (runtime === "emr-ec2" && a.spark?.serverless !== undefined)
        v.fail(
            "spark.serverless",
            a.spark.serverless,
            "EMR Serverless settings apply to the emr-serverless runtime only",
            'Set spark.runtime: "emr-serverless", or remove spark.serverless',
        );
    else if (runtime === "emr-serverless") {
        try {
            emrServerlessApplicationSettings(`${name}-spark`, serverlessApplicationArgs(LAKE_STAND_IN, a));
        } catch (error) {
            if (!(error instanceof SpectrumValidationError)) throw error;
            problems.push(...error.problems);
        }
    }
    if (!v.ok || problems.length > 0) throw new SpectrumValidationError([...v.messages, ...problems]);
}

/** The EMR Serverless application of an architecture's jobs, when they run there. */
export function createSparkApplication(
    name: string,
    lake: Storage,
    a: SparkApplicationArgs,
    parent: pulumi.Resource,
): EmrServerlessApplication | undefined {
    if (sparkRuntimeOf(a.defaults, a.spark) !== "emr-serverless") return undefined;
    return new EmrServerlessApplication(name, serverlessApplicationArgs(lake, a), { parent });
}

/** The EMR Serverless application the jobs will run on, as they see it before it exists; none on EMR on EC2. */
export function plannedServerless(a: SparkApplicationArgs, storage: Storage): EmrServerlessTarget | undefined {
    if (sparkRuntimeOf(a.defaults, a.spark) !== "emr-serverless") return undefined;
    return plannedServerlessApplication(storage, a.spark?.serverless?.releaseLabel ?? DEFAULT_EMR_SERVERLESS_RELEASE);
}
