import { Validator } from "../core/errors";
import { ResolvedFleet } from "./fleets";

/**
 * EMR managed scaling limits, in instances of the core and task fleets together (the primary
 * fleet never scales). Beyond `maxCoreCapacity`, added capacity goes to the Spot task fleet.
 */
export interface ScalingArgs {
    /** Fewest core + task instances. Default: the core fleet's target capacity. */
    minCapacity?: number;
    /** Most core + task instances. Default: 10. */
    maxCapacity?: number;
    /**
     * Most core instances; keeping core fixed and scaling task nodes avoids moving HDFS blocks and
     * shuffle data when the cluster shrinks. Default: the core fleet's target capacity.
     */
    maxCoreCapacity?: number;
    /** Most On-Demand instances among core and task. Default: `maxCoreCapacity` (so task nodes are Spot). */
    maxOnDemandCapacity?: number;
}

/** Limits with every default applied. */
export interface ResolvedScaling {
    minCapacity: number;
    maxCapacity: number;
    maxCoreCapacity: number;
    maxOnDemandCapacity: number;
}

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

export function checkScaling(v: Validator, s: ResolvedScaling | undefined, core: ResolvedFleet, task: ResolvedFleet): void {
    if (!s) return;
    const whole = (n: number) => Number.isInteger(n) && n >= 1;
    for (const key of ["minCapacity", "maxCapacity", "maxCoreCapacity", "maxOnDemandCapacity"] as const) {
        v.check(whole(s[key]), `scaling.${key}`, s[key], "must be a whole number of instances, at least 1", "Use a positive integer");
    }
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
