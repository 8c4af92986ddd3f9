import { Storage } from "../core/contracts";
import { v, strict, awsTagMap, explain } from "../core/schema";
import { awsTags } from "../core/tags";
import { StorageGrant, StorageLocation, storageGrant } from "./application-args";
import { EmrNetworkArgs, clusterShapeShape, emrNetwork } from "./cluster-shape-args";
import { ResolvedShape, resolveShape } from "./cluster-shape";
import { storageArg } from "./contract-args";

export type { SparkClusterTarget } from "./contract-args";

export const COMPONENT = "EmrSparkCluster";

const STEPS = explain("EMR runs 1 to 256 steps at once", "Use a whole number in that range, with a slot per streaming job");

/** The declaration of `EmrSparkCluster`'s args: type, structural check, defaults and README table. */
export const emrSparkClusterShape = {
    /** The landing zone: logs go to its log area, the nodes' S3 access is scoped to it. Default: none (required). */
    storage: storageArg,
    /** The private subnets the cluster runs in, and their VPC. Default: none (required). */
    network: emrNetwork,
    ...clusterShapeShape,
    /**
     * Landing-zone access every job on this cluster shares (jobs add their own grants). The log
     * location is always writable. Default: `[]`.
     */
    grants: v.optional(v.array(storageGrant), []),
    /** Three primary nodes, so the cluster survives the loss of one. Default: false. */
    highAvailability: v.optional(v.boolean(), false),
    /**
     * Steps that may run at once (1-256). Each streaming job holds a slot for as long as it runs, so
     * leave room for them and for batch steps. Default: 10.
     */
    stepConcurrencyLevel: v.optional(v.pipe(v.number(), v.integer(STEPS), v.minValue(1, STEPS), v.maxValue(256, STEPS)), 10),
    /** EMR termination protection. Default: the value of `protect`. */
    terminationProtection: v.optional(v.boolean()),
    /**
     * Protect the cluster from `pulumi destroy` and from replacement (a replaced cluster loses its
     * running streaming jobs and HDFS). Set to `false` only for throwaway dev stacks. Default: true.
     */
    protect: v.optional(v.boolean(), true),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link EmrSparkCluster}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const emrSparkClusterArgs: v.StrictObjectSchema<typeof emrSparkClusterShape, undefined> = strict(emrSparkClusterShape);
/** Arguments of {@link EmrSparkCluster}: the landing zone, the network, the cluster's shape and its protection. */
export type EmrSparkClusterArgs = v.InferInput<typeof emrSparkClusterArgs>;
/** The args with every declared default applied. */
export type EmrSparkClusterInput = v.InferOutput<typeof emrSparkClusterArgs>;

/** Every argument resolved to its value; the component reads only this. */
export interface EmrSparkClusterSettings {
    storage: Storage;
    network: EmrNetworkArgs;
    shape: ResolvedShape;
    grants: StorageGrant[];
    highAvailability: boolean;
    stepConcurrencyLevel: number;
    protect: boolean;
    terminationProtection: boolean;
    logLocation: StorageLocation;
    /** The user's tags and spectrum's. */
    tags: Record<string, string>;
}

/** Resolves checked args (declared defaults applied) into settings: the fleets' and scaling defaults, the log location, the tags. */
export function resolveEmrSparkClusterSettings(name: string, args: EmrSparkClusterInput): EmrSparkClusterSettings {
    return {
        storage: args.storage,
        network: args.network,
        shape: resolveShape(args, args.highAvailability),
        grants: args.grants,
        highAvailability: args.highAvailability,
        stepConcurrencyLevel: args.stepConcurrencyLevel,
        protect: args.protect,
        terminationProtection: args.terminationProtection ?? args.protect,
        logLocation: { area: args.storage.logArea, path: `emr/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}
