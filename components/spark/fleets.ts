import * as aws from "@pulumi/aws";
import { Validator } from "../core/errors";
import { FleetArgs } from "./cluster-shape-args";

export type { FleetArgs } from "./cluster-shape-args";

/** The three node roles of an EMR cluster. */
export type FleetRole = "primary" | "core" | "task";

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
/** Minutes EMR waits for Spot capacity at launch before falling back to On-Demand. */
export const SPOT_TIMEOUT_MINUTES = 10;
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

/**
 * Checks what a fleet's declaration cannot: the primary fleet's size against high availability,
 * at least one core node, and one CPU architecture across all fleets (EMR runs one AMI per cluster).
 */
export function checkFleets(v: Validator, fleets: readonly ResolvedFleet[], highAvailability: boolean): void {
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
            core.targetCapacity >= 1,
            "core.targetCapacity",
            core.targetCapacity,
            "a cluster needs at least one core node (HDFS and the YARN application masters run there)",
            "Use 1 or more",
        );

    const allTypes = fleets.flatMap((f) => f.instanceTypes);
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
