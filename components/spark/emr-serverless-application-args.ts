import { awsTags } from "../core/tags";
import { v, strict, map, input, integer, explain, awsTagMap } from "../core/schema";
import {
    AUTO_STOP_MINUTES,
    DEFAULT_EMR_SERVERLESS_RELEASE,
    SERVERLESS_SPARK_DEFAULTS,
    WORKER_CPUS,
    WORKER_DISK_GB,
} from "./emr-serverless-limits";
import { StorageLocation } from "./locations";
import { subnetId, vpcId } from "./aws-ids";
import { storageArg } from "./contract-args";
import { releaseLabelProblem } from "./release";
import { satisfying } from "./schema-helpers";

export type { EmrServerlessTarget } from "./contract-args";

export const COMPONENT = "EmrServerlessApplication";

/** The declaration of the capacity of an application at a time, all workers together. */
export const emrServerlessCapacityShape = {
    /** vCPUs. Default: none (required). */
    cpu: integer(1),
    /** Memory, GB. Default: none (required). */
    memoryGb: integer(2),
    /** Disk, GB. Default: EMR Serverless's (unbounded within the other two). */
    diskGb: v.optional(integer(WORKER_DISK_GB.min)),
};
/** The schema of {@link EmrServerlessCapacity}. */
export const emrServerlessCapacity: v.StrictObjectSchema<typeof emrServerlessCapacityShape, undefined> = strict(emrServerlessCapacityShape);
/** Resources, cumulative over every worker of an application at a time. */
export type EmrServerlessCapacity = v.InferInput<typeof emrServerlessCapacity>;

/** The declaration of a group of pre-initialized workers. */
export const emrServerlessWorkersShape = {
    /** Number of workers. Default: none (required). */
    count: integer(1),
    /** vCPUs per worker: 1, 2, 4, 8 or 16. Default: none (required). */
    cpu: v.picklist(WORKER_CPUS, explain("an EMR Serverless worker has 1, 2, 4, 8 or 16 vCPUs", "Use one of 1, 2, 4, 8, 16")),
    /** Memory per worker, GB, within what the vCPU count allows (e.g. 4-16 for 2 vCPUs). Default: none (required). */
    memoryGb: v.number(),
    /** Disk per worker, GB (20-200). Default: 20. */
    diskGb: v.optional(integer(WORKER_DISK_GB.min, WORKER_DISK_GB.max)),
};
/** The schema of {@link EmrServerlessWorkers}. */
export const emrServerlessWorkers: v.StrictObjectSchema<typeof emrServerlessWorkersShape, undefined> = strict(emrServerlessWorkersShape);
/** Workers kept warm while the application is started, so jobs skip worker start-up. */
export type EmrServerlessWorkers = v.InferInput<typeof emrServerlessWorkers>;

/** CPU architecture of an application's workers. */
export type EmrServerlessArchitecture = "arm64" | "x86_64";

/** The declaration of `EmrServerlessApplication`'s args: the landing zone, the network, release, architecture and capacity. */
export const emrServerlessApplicationShape = {
    /** The landing zone: job logs go to its log area. Default: none (required). */
    storage: storageArg,
    /**
     * The private subnets workers run in (with a route to S3, and to the internet through NAT if jobs
     * download packages), and their VPC, where the application's security group is created. Default: none (required).
     */
    network: strict({ vpcId: input(vpcId), subnetIds: v.array(input(subnetId)) }),
    /** EMR release label (`emr-7.x.y`, or `emr-spark-8.x.y` for Spark 4). Default: `"emr-7.13.0"` (see `DEFAULT_EMR_SERVERLESS_RELEASE`). */
    releaseLabel: v.optional(
        satisfying(v.string(), (label) => releaseLabelProblem(label, DEFAULT_EMR_SERVERLESS_RELEASE)),
        DEFAULT_EMR_SERVERLESS_RELEASE,
    ),
    /** Worker architecture; Graviton (`arm64`) costs about 20% less per vCPU-hour. Default: `"arm64"`. */
    architecture: v.optional(
        v.picklist(
            ["arm64", "x86_64"] as const,
            explain("not an EMR Serverless architecture", 'Use "arm64" (Graviton, cheaper) or "x86_64"'),
        ),
        "arm64",
    ),
    /** The most the application's workers may hold at once, all jobs together: the cost ceiling. Default: `{ cpu: 16, memoryGb: 64 }`. */
    maximumCapacity: v.optional(emrServerlessCapacity, { cpu: 16, memoryGb: 64 }),
    /** Pre-initialized drivers and executors, billed while the application is started. Default: `{}` (workers start per job). */
    initialCapacity: v.optional(strict({ driver: v.optional(emrServerlessWorkers), executor: v.optional(emrServerlessWorkers) }), {}),
    /** Start the application when a job is submitted to it. Default: true. */
    autoStart: v.optional(v.boolean(explain("must be true or false", "Write autoStart: true (the default) or false")), true),
    /** Idle minutes after which the application stops (1-10080), or `false` to keep it started. Default: 15. */
    autoStopIdleMinutes: v.optional(
        v.union(
            [integer(AUTO_STOP_MINUTES.min, AUTO_STOP_MINUTES.max), v.literal(false)],
            explain(
                `EMR Serverless stops an application after ${AUTO_STOP_MINUTES.min} to ${AUTO_STOP_MINUTES.max} idle minutes`,
                "Use a whole number of minutes such as 15, or false to keep it started",
            ),
        ),
        15,
    ),
    /** `spark-defaults` properties every job starts from, merged over spectrum's (adaptive execution, dynamic partition overwrite, Kryo). Default: `{}`. */
    sparkDefaults: v.optional(map(v.string(), v.string()), {}),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link EmrServerlessApplication}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const emrServerlessApplicationArgs: v.StrictObjectSchema<typeof emrServerlessApplicationShape, undefined> =
    strict(emrServerlessApplicationShape);
/** Arguments of {@link EmrServerlessApplication}: the landing zone, the network, release, architecture and capacity. */
export type EmrServerlessApplicationArgs = v.InferInput<typeof emrServerlessApplicationArgs>;
/** The args with every default applied. */
export type EmrServerlessApplicationInput = v.InferOutput<typeof emrServerlessApplicationArgs>;

/** Every argument resolved to its value; the component reads only this. */
export interface EmrServerlessApplicationSettings extends Omit<EmrServerlessApplicationInput, "sparkDefaults" | "tags"> {
    /** spectrum's Spark defaults overlaid with the user's. */
    sparkDefaults: Record<string, string>;
    logLocation: StorageLocation;
    tags: Record<string, string>;
}

/** Resolves checked args (defaults applied) into settings: the merged Spark defaults, the log location, the tags. */
export function resolveSettings(name: string, args: EmrServerlessApplicationInput): EmrServerlessApplicationSettings {
    return {
        ...args,
        sparkDefaults: { ...SERVERLESS_SPARK_DEFAULTS, ...args.sparkDefaults },
        logLocation: { area: args.storage.logArea, path: `emr-serverless/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}
