import { Validator } from "../core/errors";
import { AUTO_NAME_SUFFIX_LENGTH } from "../core/aws-limits";
import { fieldPath, parseArgs } from "../core/schema";
import {
    COMPONENT,
    EmrServerlessApplicationSettings,
    EmrServerlessWorkers,
    emrServerlessApplicationArgs,
    resolveSettings,
} from "./emr-serverless-application-args";
import { MAX_APPLICATION_NAME, MAX_APPLICATION_SUBNETS, WORKER_MEMORY_GB } from "./emr-serverless-limits";
import { checkComponentName } from "./naming";

/**
 * Checks an EmrServerlessApplication's args, structure first (the declaration in
 * emr-serverless-application-args.ts), then what EMR Serverless itself would reject, and returns the
 * settings the component reads. Throws one SpectrumValidationError naming every problem; call it
 * before registering anything.
 */
export function emrServerlessApplicationSettings(name: string, args: unknown): EmrServerlessApplicationSettings {
    const s = resolveSettings(name, parseArgs(COMPONENT, name, emrServerlessApplicationArgs, args));
    validateEmrServerlessApplication(name, s);
    return s;
}

/** Records the problem of one worker group's memory for its vCPU count (the sizes EMR Serverless offers). */
export function checkWorkerMemory(v: Validator, field: string, w: EmrServerlessWorkers): void {
    const memory = WORKER_MEMORY_GB[w.cpu];
    if (!memory) return;
    v.check(
        w.memoryGb >= memory.min && w.memoryGb <= memory.max && (w.memoryGb - memory.min) % memory.step === 0,
        `${field}.memoryGb`,
        w.memoryGb,
        `a worker with ${w.cpu} vCPU has ${memory.min} to ${memory.max} GB of memory, in steps of ${memory.step} GB`,
        `Use e.g. ${Math.min(memory.max, memory.min * 2)}`,
    );
}

/** The rules across fields, and the names EMR Serverless derives from the component's name. */
export function validateEmrServerlessApplication(name: string, s: EmrServerlessApplicationSettings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name);
    // The application is auto-named `<name>-app-<7 random characters>`; EMR Serverless allows 64.
    const appName = `${name}-app`.length + AUTO_NAME_SUFFIX_LENGTH;
    v.check(
        appName <= MAX_APPLICATION_NAME,
        "name",
        name,
        `the application's name would be ${appName} characters; EMR Serverless allows ${MAX_APPLICATION_NAME}`,
        `Shorten the component's name to ${MAX_APPLICATION_NAME - AUTO_NAME_SUFFIX_LENGTH - 4} characters or fewer`,
    );
    const subnets = s.network.subnetIds.length;
    v.check(
        subnets >= 1 && subnets <= MAX_APPLICATION_SUBNETS,
        "network.subnetIds",
        `${subnets} subnets`,
        `EMR Serverless takes 1 to ${MAX_APPLICATION_SUBNETS} private subnets`,
        "Pass the private subnets of your VPC, one per Availability Zone",
    );
    let initialCpu = 0;
    let initialMemory = 0;
    for (const role of ["driver", "executor"] as const) {
        const w = s.initialCapacity[role];
        if (!w) continue;
        checkWorkerMemory(v, fieldPath([{ key: "initialCapacity" }, { key: role }]), w);
        initialCpu += w.count * w.cpu;
        initialMemory += w.count * w.memoryGb;
    }
    const max = s.maximumCapacity;
    v.check(
        initialCpu <= max.cpu,
        "initialCapacity",
        `${initialCpu} vCPU`,
        `pre-initialized workers exceed maximumCapacity.cpu (${max.cpu}), so no job could get a worker more`,
        "Raise maximumCapacity or lower initialCapacity",
    );
    v.check(
        initialMemory <= max.memoryGb,
        "initialCapacity",
        `${initialMemory} GB`,
        `pre-initialized workers exceed maximumCapacity.memoryGb (${max.memoryGb})`,
        "Raise maximumCapacity or lower initialCapacity",
    );
    if (s.autoStopIdleMinutes === false && (s.initialCapacity.driver || s.initialCapacity.executor))
        v.fail(
            "autoStopIdleMinutes",
            false,
            "an application that never stops bills its pre-initialized workers around the clock",
            "Set an idle timeout, or remove initialCapacity",
        );
    for (const key of Object.keys(s.sparkDefaults))
        v.check(
            key.startsWith("spark."),
            fieldPath([{ key: "sparkDefaults" }, { key }]),
            s.sparkDefaults[key],
            'is not a Spark property (they start with "spark.")',
            "Use a property such as spark.executor.memory",
        );
    v.throwIfInvalid();
}
