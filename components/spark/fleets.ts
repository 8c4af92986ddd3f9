import * as aws from "@pulumi/aws";
import { Validator } from "../core/errors";

/** The three node roles of an EMR cluster. */
export type FleetRole = "primary" | "core" | "task";

/** One instance fleet: which instance types EMR may launch and how many. */
export interface FleetArgs {
    /**
     * EC2 instance types EMR chooses from for this fleet; several types of one size give EMR room to
     * find capacity (Spot above all). All fleets of a cluster must share one CPU architecture.
     * Default: Graviton `xlarge` types: primary m7g/m6g/r7g, core m7g/m6g/r7g/r6g,
     * task m7g/m6g/c7g/r7g/r6g.
     */
    instanceTypes?: string[];
    /**
     * Target capacity in instances (every type counts as one unit). Default: primary 1 (3 with
     * `highAvailability`), core 2, task 0 (managed scaling adds task nodes when work arrives).
     */
    targetCapacity?: number;
    /** Size in GiB of the gp3 EBS data volume on each instance (Graviton types have no instance store). Default: primary 32, core and task 64. */
    ebsVolumeGiB?: number;
}

/** A fleet with every default applied. Primary and core run On-Demand; task runs Spot. */
export interface ResolvedFleet {
    role: FleetRole;
    instanceTypes: string[];
    targetCapacity: number;
    ebsVolumeGiB: number;
    market: "on-demand" | "spot";
}

const DEFAULT_TYPES: Record<FleetRole, string[]> = {
    primary: ["m7g.xlarge", "m6g.xlarge", "r7g.xlarge"],
    core: ["m7g.xlarge", "m6g.xlarge", "r7g.xlarge", "r6g.xlarge"],
    task: ["m7g.xlarge", "m6g.xlarge", "c7g.xlarge", "r7g.xlarge", "r6g.xlarge"],
};
const DEFAULT_EBS: Record<FleetRole, number> = { primary: 32, core: 64, task: 64 };
// EMR accepts up to 30 instance types per fleet when an allocation strategy is set (we always set one).
const MAX_TYPES = 30;
/** Minutes EMR waits for Spot capacity at launch before falling back to On-Demand. */
export const SPOT_TIMEOUT_MINUTES = 10;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
// Graviton families carry a `g` right after the generation digit: m7g, c6gn, r6gd, im4gn, x2gd.
const GRAVITON = /^[a-z]+\d+g[a-z]*\./;

/** Applies a fleet's defaults. */
export function resolveFleet(role: FleetRole, args: FleetArgs | undefined, highAvailability: boolean): ResolvedFleet {
    const defaultCapacity = role === "primary" ? (highAvailability ? 3 : 1) : role === "core" ? 2 : 0;
    return {
        role,
        instanceTypes: args?.instanceTypes ?? DEFAULT_TYPES[role],
        targetCapacity: args?.targetCapacity ?? defaultCapacity,
        ebsVolumeGiB: args?.ebsVolumeGiB ?? DEFAULT_EBS[role],
        market: role === "task" ? "spot" : "on-demand",
    };
}

/** Checks one fleet, and that all fleets share one CPU architecture (EMR runs one AMI per cluster). */
export function checkFleets(v: Validator, fleets: readonly ResolvedFleet[], highAvailability: boolean): void {
    for (const f of fleets) {
        const field = `${f.role}.instanceTypes`;
        v.check(
            f.instanceTypes.length > 0,
            field,
            f.instanceTypes,
            "a fleet needs at least one instance type",
            "List one or more types, or omit instanceTypes for the Graviton defaults",
        );
        v.check(
            f.instanceTypes.length <= MAX_TYPES,
            field,
            f.instanceTypes.length,
            `EMR accepts at most ${MAX_TYPES} instance types per fleet`,
            `List ${MAX_TYPES} or fewer`,
        );
        for (const t of f.instanceTypes)
            v.check(INSTANCE_TYPE.test(t), field, t, "is not an EC2 instance type", 'Use a type such as "m7g.xlarge"');
        v.check(
            new Set(f.instanceTypes).size === f.instanceTypes.length,
            field,
            f.instanceTypes,
            "lists a type twice",
            "List each type once",
        );
        v.check(
            Number.isInteger(f.ebsVolumeGiB) && f.ebsVolumeGiB >= 1 && f.ebsVolumeGiB <= 16384,
            `${f.role}.ebsVolumeGiB`,
            f.ebsVolumeGiB,
            "must be a whole number of GiB between 1 and 16384",
            "Use e.g. 64",
        );
    }
    const primary = fleets.find((f) => f.role === "primary");
    if (primary) {
        const want = highAvailability ? 3 : 1;
        v.check(
            primary.targetCapacity === want,
            "primary.targetCapacity",
            primary.targetCapacity,
            highAvailability
                ? "a highly available cluster has exactly three primary nodes"
                : "a cluster has one primary node, or three for high availability",
            highAvailability
                ? "Omit primary.targetCapacity or set it to 3"
                : "Set highAvailability: true for three primary nodes, or omit primary.targetCapacity",
        );
    }
    const core = fleets.find((f) => f.role === "core");
    if (core)
        v.check(
            Number.isInteger(core.targetCapacity) && core.targetCapacity >= 1,
            "core.targetCapacity",
            core.targetCapacity,
            "a cluster needs at least one core node (HDFS and the YARN application masters run there)",
            "Use 1 or more",
        );
    const task = fleets.find((f) => f.role === "task");
    if (task)
        v.check(
            Number.isInteger(task.targetCapacity) && task.targetCapacity >= 0,
            "task.targetCapacity",
            task.targetCapacity,
            "must be a whole number, 0 or more",
            "Use 0 to let managed scaling add task nodes",
        );

    const allTypes = fleets.flatMap((f) => f.instanceTypes).filter((t) => INSTANCE_TYPE.test(t));
    const graviton = allTypes.filter((t) => GRAVITON.test(t));
    if (graviton.length > 0 && graviton.length < allTypes.length) {
        v.fail(
            "instanceTypes",
            allTypes,
            "mixes Graviton (arm64) and x86 instance types; EMR runs one AMI, of one architecture, per cluster",
            "Use only Graviton types (m7g, c7g, r7g, ...) or only x86 types in every fleet",
        );
    }
}

function ebs(f: ResolvedFleet): { size: number; type: string; volumesPerInstance: number }[] {
    return [{ size: f.ebsVolumeGiB, type: "gp3", volumesPerInstance: 1 }];
}

/** The primary or core fleet as `aws.emr.Cluster` takes it (the two input types are identical). */
export function clusterFleet(f: ResolvedFleet): aws.types.input.emr.ClusterCoreInstanceFleet {
    return {
        name: f.role,
        targetOnDemandCapacity: f.targetCapacity,
        instanceTypeConfigs: f.instanceTypes.map((instanceType) => ({ instanceType, weightedCapacity: 1, ebsConfigs: ebs(f) })),
        launchSpecifications: { onDemandSpecifications: [{ allocationStrategy: "lowest-price" }] },
    };
}

/** The task fleet as `aws.emr.InstanceFleet` takes it: Spot, falling back to On-Demand at launch. */
export function taskFleetArgs(f: ResolvedFleet): Omit<aws.emr.InstanceFleetArgs, "clusterId"> {
    return {
        name: f.role,
        targetSpotCapacity: f.targetCapacity,
        targetOnDemandCapacity: 0,
        instanceTypeConfigs: f.instanceTypes.map((instanceType) => ({
            instanceType,
            weightedCapacity: 1,
            bidPriceAsPercentageOfOnDemandPrice: 100,
            ebsConfigs: ebs(f),
        })),
        launchSpecifications: {
            spotSpecifications: [
                {
                    allocationStrategy: "price-capacity-optimized",
                    timeoutAction: "SWITCH_TO_ON_DEMAND",
                    timeoutDurationMinutes: SPOT_TIMEOUT_MINUTES,
                },
            ],
        },
    };
}

/** A fleet as the RunJobFlow API (and Step Functions' createCluster) takes it. */
export function apiFleet(f: ResolvedFleet): Record<string, unknown> {
    const spot = f.market === "spot";
    return {
        Name: f.role,
        InstanceFleetType: { primary: "MASTER", core: "CORE", task: "TASK" }[f.role],
        ...(spot ? { TargetSpotCapacity: f.targetCapacity, TargetOnDemandCapacity: 0 } : { TargetOnDemandCapacity: f.targetCapacity }),
        InstanceTypeConfigs: f.instanceTypes.map((t) => ({
            InstanceType: t,
            WeightedCapacity: 1,
            ...(spot ? { BidPriceAsPercentageOfOnDemandPrice: 100 } : {}),
            EbsConfiguration: {
                EbsBlockDeviceConfigs: [{ VolumeSpecification: { SizeInGB: f.ebsVolumeGiB, VolumeType: "gp3" }, VolumesPerInstance: 1 }],
            },
        })),
        LaunchSpecifications: spot
            ? {
                  SpotSpecification: {
                      AllocationStrategy: "price-capacity-optimized",
                      TimeoutAction: "SWITCH_TO_ON_DEMAND",
                      TimeoutDurationMinutes: SPOT_TIMEOUT_MINUTES,
                  },
              }
            : { OnDemandSpecification: { AllocationStrategy: "lowest-price" } },
    };
}
