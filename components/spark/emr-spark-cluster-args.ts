import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../core/contracts";
import { awsTags } from "../core/tags";
import { ClusterShapeArgs, ResolvedShape, resolveShape } from "./cluster-shape";
import { StorageGrant, StorageLocation } from "./locations";
import { EmrNetworkArgs } from "./network";

export const COMPONENT = "EmrSparkCluster";

/** What a Spark job needs from the long-running cluster it is submitted to. */
export interface SparkClusterTarget {
    /** The cluster id (`j-...`). */
    readonly clusterId: pulumi.Output<string>;
    /** The cluster ARN, for IAM policies scoped to this cluster. */
    readonly clusterArn: pulumi.Output<string>;
    /** Name of the nodes' instance role: jobs attach their landing-zone grants to it. */
    readonly instanceRoleName: pulumi.Output<string>;
    /** The landing zone the cluster works on. */
    readonly storage: Storage;
}

/** Arguments of {@link EmrSparkCluster}: the landing zone, the network, the cluster's shape and its protection. */
export interface EmrSparkClusterArgs extends ClusterShapeArgs {
    /** The landing zone: logs go to its log area, the nodes' S3 access is scoped to it. Required. */
    storage: Storage;
    /** The private subnets the cluster runs in. Required. */
    network: EmrNetworkArgs;
    /**
     * Landing-zone access every job on this cluster shares (jobs add their own grants). The log
     * location is always writable. Default: none.
     */
    grants?: StorageGrant[];
    /** Three primary nodes, so the cluster survives the loss of one. Default: false. */
    highAvailability?: boolean;
    /**
     * Steps that may run at once. Each streaming job holds a slot for as long as it runs, so
     * leave room for them and for batch steps. Default: 10.
     */
    stepConcurrencyLevel?: number;
    /** EMR termination protection. Default: the value of `protect`. */
    terminationProtection?: boolean;
    /**
     * Protect the cluster from `pulumi destroy` and from replacement (a replaced cluster loses its
     * running streaming jobs and HDFS). Set to `false` only for throwaway dev stacks. Default: true.
     */
    protect?: boolean;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

/** Every argument resolved to its value; the component reads only this. */
export interface EmrSparkClusterSettings {
    shape: ResolvedShape;
    grants: StorageGrant[];
    highAvailability: boolean;
    stepConcurrencyLevel: number;
    protect: boolean;
    terminationProtection: boolean;
    logLocation: StorageLocation;
    tags: Record<string, string>;
}

/** Applies the defaults, once. */
export function resolveEmrSparkClusterSettings(name: string, args: EmrSparkClusterArgs): EmrSparkClusterSettings {
    const highAvailability = args.highAvailability ?? false;
    const protect = args.protect ?? true;
    return {
        shape: resolveShape(args, highAvailability),
        grants: args.grants ?? [],
        highAvailability,
        stepConcurrencyLevel: args.stepConcurrencyLevel ?? 10,
        protect,
        terminationProtection: args.terminationProtection ?? protect,
        logLocation: { area: args.storage.logArea, path: `emr/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}
