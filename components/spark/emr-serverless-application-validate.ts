import { Validator } from "../core/errors";
import { checkKnownKeys } from "../core/known-keys";
import {
    COMPONENT,
    EMR_SERVERLESS_APPLICATION_KEYS,
    EmrServerlessApplicationArgs,
    EmrServerlessApplicationSettings,
    EmrServerlessWorkers,
} from "./emr-serverless-application-args";
import { AUTO_STOP_MINUTES, MAX_APPLICATION_SUBNETS, WORKER_CPUS, WORKER_DISK_GB, WORKER_MEMORY_GB } from "./emr-serverless-limits";
import { checkComponentName } from "./naming";
import { checkReleaseLabel } from "./release";

const wholeAtLeast = (n: unknown, min: number): n is number => typeof n === "number" && Number.isInteger(n) && n >= min;

/** Records the problems of one worker size (an initial-capacity entry), under `field`. */
export function checkWorker(v: Validator, field: string, w: EmrServerlessWorkers): void {
    v.check(wholeAtLeast(w.count, 1), `${field}.count`, w.count, "must be a whole number of workers, at least 1", "Use e.g. 1");
    if (!WORKER_CPUS.includes(w.cpu)) {
        v.fail(`${field}.cpu`, w.cpu, "an EMR Serverless worker has 1, 2, 4, 8 or 16 vCPUs", "Use one of 1, 2, 4, 8, 16");
        return;
    }
    const memory = WORKER_MEMORY_GB[w.cpu];
    v.check(
        typeof w.memoryGb === "number" &&
            w.memoryGb >= memory.min &&
            w.memoryGb <= memory.max &&
            (w.memoryGb - memory.min) % memory.step === 0,
        `${field}.memoryGb`,
        w.memoryGb,
        `a ${w.cpu}-vCPU worker has ${memory.min} to ${memory.max} GB of memory in steps of ${memory.step} GB`,
        `Use e.g. ${memory.min * 2 <= memory.max ? memory.min * 2 : memory.min}`,
    );
    if (w.diskGb !== undefined)
        v.check(
            wholeAtLeast(w.diskGb, WORKER_DISK_GB.min) && w.diskGb <= WORKER_DISK_GB.max,
            `${field}.diskGb`,
            w.diskGb,
            `a worker has ${WORKER_DISK_GB.min} to ${WORKER_DISK_GB.max} GB of disk`,
            "Use a whole number in that range, e.g. 20",
        );
}

/** Checks what EMR Serverless would reject, before anything is registered; throws one error listing every problem. */
export function validateEmrServerlessApplication(
    name: string,
    args: EmrServerlessApplicationArgs,
    s: EmrServerlessApplicationSettings,
): void {
    const v = new Validator(COMPONENT, name);
    checkKnownKeys(v, "", args, EMR_SERVERLESS_APPLICATION_KEYS, COMPONENT);
    checkComponentName(v, name);
    v.check(args.storage !== undefined, "storage", undefined, "the application logs to a landing zone", "Pass a LandingZone as storage");
    const subnets = args.network?.subnetIds;
    v.check(
        Array.isArray(subnets) && subnets.length >= 1 && subnets.length <= MAX_APPLICATION_SUBNETS,
        "network.subnetIds",
        Array.isArray(subnets) ? `${subnets.length} subnets` : subnets,
        `EMR Serverless takes 1 to ${MAX_APPLICATION_SUBNETS} private subnets`,
        "Pass the private subnets of your VPC, one per Availability Zone",
    );
    checkReleaseLabel(v, "releaseLabel", s.releaseLabel);
    v.check(
        s.architecture === "arm64" || s.architecture === "x86_64",
        "architecture",
        args.architecture,
        "not an EMR Serverless architecture",
        'Use "arm64" (Graviton, cheaper) or "x86_64"',
    );
    const max = s.maximumCapacity;
    v.check(wholeAtLeast(max.cpu, 1), "maximumCapacity.cpu", max.cpu, "must be a whole number of vCPUs, at least 1", "Use e.g. 16");
    v.check(
        wholeAtLeast(max.memoryGb, 2),
        "maximumCapacity.memoryGb",
        max.memoryGb,
        "must be a whole number of GB, at least 2",
        "Use e.g. 64",
    );
    if (max.diskGb !== undefined)
        v.check(
            wholeAtLeast(max.diskGb, WORKER_DISK_GB.min),
            "maximumCapacity.diskGb",
            max.diskGb,
            `must be a whole number of GB, at least one worker's ${WORKER_DISK_GB.min}`,
            "Use e.g. 320, or omit it",
        );
    let initialCpu = 0;
    let initialMemory = 0;
    for (const role of ["driver", "executor"] as const) {
        const w = s.initialCapacity[role];
        if (!w) continue;
        checkWorker(v, `initialCapacity.${role}`, w);
        if (typeof w.count === "number" && typeof w.cpu === "number") initialCpu += w.count * w.cpu;
        if (typeof w.count === "number" && typeof w.memoryGb === "number") initialMemory += w.count * w.memoryGb;
    }
    checkKnownKeys(v, "initialCapacity.", args.initialCapacity, ["driver", "executor"], "initialCapacity");
    if (wholeAtLeast(max.cpu, 1))
        v.check(
            initialCpu <= max.cpu,
            "initialCapacity",
            `${initialCpu} vCPU`,
            `pre-initialized workers exceed maximumCapacity.cpu (${max.cpu}), so no job could ever get a worker more`,
            "Raise maximumCapacity or lower initialCapacity",
        );
    if (wholeAtLeast(max.memoryGb, 2))
        v.check(
            initialMemory <= max.memoryGb,
            "initialCapacity",
            `${initialMemory} GB`,
            `pre-initialized workers exceed maximumCapacity.memoryGb (${max.memoryGb})`,
            "Raise maximumCapacity or lower initialCapacity",
        );
    v.check(typeof s.autoStart === "boolean", "autoStart", args.autoStart, "must be true or false", "Use true (default)");
    if (s.autoStopIdleMinutes !== false)
        v.check(
            wholeAtLeast(s.autoStopIdleMinutes, AUTO_STOP_MINUTES.min) && s.autoStopIdleMinutes <= AUTO_STOP_MINUTES.max,
            "autoStopIdleMinutes",
            s.autoStopIdleMinutes,
            `EMR Serverless stops an application after ${AUTO_STOP_MINUTES.min} to ${AUTO_STOP_MINUTES.max} idle minutes`,
            "Use e.g. 15, or false to keep it started",
        );
    if (s.autoStopIdleMinutes === false && (s.initialCapacity.driver || s.initialCapacity.executor))
        v.fail(
            "autoStopIdleMinutes",
            false,
            "an application that never stops bills its pre-initialized workers around the clock",
            "Set an idle timeout, or remove initialCapacity",
        );
    for (const key of Object.keys(args.sparkDefaults ?? {}))
        v.check(
            key.startsWith("spark."),
            `sparkDefaults.${key}`,
            args.sparkDefaults?.[key],
            'is not a Spark property (they start with "spark.")',
            "Use a property such as spark.executor.memory",
        );
    v.throwIfInvalid();
}
