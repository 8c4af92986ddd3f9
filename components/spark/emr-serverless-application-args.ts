import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../core/contracts";
import { awsTags } from "../core/tags";
import { DEFAULT_EMR_SERVERLESS_RELEASE, SERVERLESS_SPARK_DEFAULTS } from "./emr-serverless-limits";
import { StorageLocation } from "./locations";
import { EmrNetworkArgs } from "./network";

export const COMPONENT = "EmrServerlessApplication";

/** CPU architecture of an application's workers. */
export type EmrServerlessArchitecture = "arm64" | "x86_64";

/** Resources, cumulative over every worker of an application at a time. */
export interface EmrServerlessCapacity {
    /** vCPUs. Required. */
    cpu: number;
    /** Memory, GB. Required. */
    memoryGb: number;
    /** Disk, GB. Default: EMR Serverless's (unbounded within the other two). */
    diskGb?: number;
}

/** Workers kept warm while the application is started, so jobs skip worker start-up. */
export interface EmrServerlessWorkers {
    /** Number of workers. Required. */
    count: number;
    /** vCPUs per worker: 1, 2, 4, 8 or 16. Required. */
    cpu: number;
    /** Memory per worker, GB, within what the vCPU count allows (e.g. 4-16 for 2 vCPUs). Required. */
    memoryGb: number;
    /** Disk per worker, GB (20-200). Default: 20. */
    diskGb?: number;
}

/** What a Spark job needs from the EMR Serverless application it runs on. */
export interface EmrServerlessTarget {
    /** The application id. */
    readonly applicationId: pulumi.Output<string>;
    /** The application ARN, for IAM policies scoped to it and its job runs. */
    readonly applicationArn: pulumi.Output<string>;
    /** The landing zone its jobs work on and log to. */
    readonly storage: Storage;
    /** The application's security group: give it to Kafka clusters its jobs read. */
    readonly securityGroupId: pulumi.Output<string>;
    /** The EMR release of the application, for jobs that pick connectors built for its Spark. */
    readonly releaseLabel: string;
}

/** Arguments of {@link EmrServerlessApplication}: the landing zone, the network, release, architecture and capacity. */
export interface EmrServerlessApplicationArgs {
    /** The landing zone: job logs go to its log area. Required. */
    storage: Storage;
    /**
     * The private subnets workers run in (with a route to S3, and to the internet through NAT if jobs
     * download packages), and their VPC, where the application's security group is created. Required.
     */
    network: EmrNetworkArgs;
    /** EMR release label (`emr-7.x.y`, or `emr-spark-8.x.y` for Spark 4). Default: `emr-7.13.0` (see `DEFAULT_EMR_SERVERLESS_RELEASE`). */
    releaseLabel?: string;
    /** Worker architecture; Graviton (`arm64`) costs about 20% less per vCPU-hour. Default: `"arm64"`. */
    architecture?: EmrServerlessArchitecture;
    /**
     * The most the application's workers may hold at once, all jobs together: the cost ceiling.
     * Default: 16 vCPU, 64 GB.
     */
    maximumCapacity?: EmrServerlessCapacity;
    /** Pre-initialized drivers and executors, billed while the application is started. Default: none (workers start per job). */
    initialCapacity?: { driver?: EmrServerlessWorkers; executor?: EmrServerlessWorkers };
    /** Start the application when a job is submitted to it. Default: true. */
    autoStart?: boolean;
    /** Idle minutes after which the application stops (1-10080), or `false` to keep it started. Default: 15. */
    autoStopIdleMinutes?: number | false;
    /** `spark-defaults` properties every job starts from, merged over spectrum's (adaptive execution, dynamic partition overwrite, Kryo). Default: none. */
    sparkDefaults?: Record<string, string>;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

/** Every argument this version knows, for the unknown-key check. */
export const EMR_SERVERLESS_APPLICATION_KEYS: readonly (keyof EmrServerlessApplicationArgs)[] = [
    "storage",
    "network",
    "releaseLabel",
    "architecture",
    "maximumCapacity",
    "initialCapacity",
    "autoStart",
    "autoStopIdleMinutes",
    "sparkDefaults",
    "tags",
];

/** Every argument resolved to its value; the component reads only this. */
export interface EmrServerlessApplicationSettings {
    releaseLabel: string;
    architecture: EmrServerlessArchitecture;
    maximumCapacity: EmrServerlessCapacity;
    initialCapacity: { driver?: EmrServerlessWorkers; executor?: EmrServerlessWorkers };
    autoStart: boolean;
    autoStopIdleMinutes: number | false;
    sparkDefaults: Record<string, string>;
    logLocation: StorageLocation;
    tags: Record<string, string>;
}

export const DEFAULT_MAXIMUM_CAPACITY: Readonly<EmrServerlessCapacity> = { cpu: 16, memoryGb: 64 };

/** Applies the defaults, once. */
export function resolveEmrServerlessApplicationSettings(
    name: string,
    args: EmrServerlessApplicationArgs,
): EmrServerlessApplicationSettings {
    return {
        releaseLabel: args.releaseLabel ?? DEFAULT_EMR_SERVERLESS_RELEASE,
        architecture: args.architecture ?? "arm64",
        maximumCapacity: args.maximumCapacity ?? { ...DEFAULT_MAXIMUM_CAPACITY },
        initialCapacity: args.initialCapacity ?? {},
        autoStart: args.autoStart ?? true,
        autoStopIdleMinutes: args.autoStopIdleMinutes ?? 15,
        sparkDefaults: { ...SERVERLESS_SPARK_DEFAULTS, ...args.sparkDefaults },
        logLocation: { area: args.storage?.logArea ?? "logs", path: `emr-serverless/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}
