import type * as aws from "@pulumi/aws";
import { EmrServerlessCapacity, EmrServerlessWorkers } from "./emr-serverless-application-args";

/** A maximum capacity as the API writes it: `"16 vCPU"`, `"64 GB"`. */
export function apiMaximumCapacity(c: EmrServerlessCapacity): aws.types.input.emrserverless.ApplicationMaximumCapacity {
    return { cpu: `${c.cpu} vCPU`, memory: `${c.memoryGb} GB`, ...(c.diskGb !== undefined ? { disk: `${c.diskGb} GB` } : {}) };
}

/** Pre-initialized workers as the API takes them, keyed by Spark's worker types `Driver` and `Executor`. */
export function apiInitialCapacities(initial: {
    driver?: EmrServerlessWorkers;
    executor?: EmrServerlessWorkers;
}): aws.types.input.emrserverless.ApplicationInitialCapacity[] {
    const types: Array<[string, EmrServerlessWorkers | undefined]> = [
        ["Driver", initial.driver],
        ["Executor", initial.executor],
    ];
    return types
        .filter((entry): entry is [string, EmrServerlessWorkers] => entry[1] !== undefined)
        .map(([initialCapacityType, w]) => ({
            initialCapacityType,
            initialCapacityConfig: {
                workerCount: w.count,
                workerConfiguration: {
                    cpu: `${w.cpu} vCPU`,
                    memory: `${w.memoryGb} GB`,
                    ...(w.diskGb !== undefined ? { disk: `${w.diskGb} GB` } : {}),
                },
            },
        }));
}
