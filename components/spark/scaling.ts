import { Validator } from "../core/errors";
import { ScalingArgs } from "./cluster-shape-args";
import { ResolvedFleet } from "./fleets";

export type { ScalingArgs } from "./cluster-shape-args";

/** Limits with every default applied. */
export interface ResolvedScaling {
    minCapacity: number;
    maxCapacity: number;
    maxCoreCapacity: number;
    maxOnDemandCapacity: number;
}

/** Applies the limits' defaults, which follow the core fleet; undefined for a fixed-size cluster. */
export function resolveScaling(args: ScalingArgs | false | undefined, core: ResolvedFleet): ResolvedScaling | undefined {
    if (args === false) return undefined;
    const maxCoreCapacity = args?.maxCoreCapacity ?? core.targetCapacity;
    return {
        minCapacity: args?.minCapacity ?? core.targetCapacity,
        maxCapacity: args?.maxCapacity ?? 10,
        maxCoreCapacity,
        maxOnDemandCapacity: args?.maxOnDemandCapacity ?? maxCoreCapacity,
    };
}

/** The rules between the limits, and between the limits and the fleets' sizes. */
export function checkScaling(v: Validator, s: ResolvedScaling | undefined, core: ResolvedFleet, task: ResolvedFleet): void {
    if (!s) return;
    v.check(
        s.minCapacity <= s.maxCapacity,
        "scaling.minCapacity",
        s.minCapacity,
        `is greater than scaling.maxCapacity (${s.maxCapacity})`,
        "Lower minCapacity or raise maxCapacity",
    );
    v.check(
        s.maxCoreCapacity <= s.maxCapacity,
        "scaling.maxCoreCapacity",
        s.maxCoreCapacity,
        `is greater than scaling.maxCapacity (${s.maxCapacity})`,
        "Keep maxCoreCapacity at or below maxCapacity",
    );
    v.check(
        s.maxOnDemandCapacity <= s.maxCapacity,
        "scaling.maxOnDemandCapacity",
        s.maxOnDemandCapacity,
        `is greater than scaling.maxCapacity (${s.maxCapacity})`,
        "Keep maxOnDemandCapacity at or below maxCapacity",
    );
    v.check(
        core.targetCapacity <= s.maxCoreCapacity,
        "core.targetCapacity",
        core.targetCapacity,
        `is above scaling.maxCoreCapacity (${s.maxCoreCapacity}), so managed scaling would shrink the core fleet right after launch`,
        "Raise scaling.maxCoreCapacity or lower core.targetCapacity",
    );
    v.check(
        core.targetCapacity + task.targetCapacity <= s.maxCapacity,
        "task.targetCapacity",
        task.targetCapacity,
        `with ${core.targetCapacity} core instances it exceeds scaling.maxCapacity (${s.maxCapacity})`,
        "Raise scaling.maxCapacity or lower the task fleet's target",
    );
}

/** The limits as `aws.emr.ManagedScalingPolicy` takes them. */
export function computeLimits(s: ResolvedScaling): {
    unitType: string;
    minimumCapacityUnits: number;
    maximumCapacityUnits: number;
    maximumCoreCapacityUnits: number;
    maximumOndemandCapacityUnits: number;
} {
    return {
        unitType: "InstanceFleetUnits",
        minimumCapacityUnits: s.minCapacity,
        maximumCapacityUnits: s.maxCapacity,
        maximumCoreCapacityUnits: s.maxCoreCapacity,
        maximumOndemandCapacityUnits: s.maxOnDemandCapacity,
    };
}

/** The limits as the RunJobFlow API takes them. */
export function apiManagedScaling(s: ResolvedScaling): Record<string, unknown> {
    return {
        ComputeLimits: {
            UnitType: "InstanceFleetUnits",
            MinimumCapacityUnits: s.minCapacity,
            MaximumCapacityUnits: s.maxCapacity,
            MaximumCoreCapacityUnits: s.maxCoreCapacity,
            MaximumOnDemandCapacityUnits: s.maxOnDemandCapacity,
        },
    };
}
