import { PlannedResource } from "../../../testing";
import { Charge, RuleContext, inputAt, numberAt, referencing } from "../charge";
import { runsPerMonth } from "../schedule-runs";
import { Fleet, FleetType, ScalingLimits, averageUnits, fleetCharges } from "./emr-fleets";

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** A fleet as the EMR resource declares it (`masterInstanceFleet`, `aws.emr.InstanceFleet`, ...). */
function resourceFleet(role: Fleet["role"], fleet: unknown): Fleet | undefined {
    if (!fleet || typeof fleet !== "object") return undefined;
    const types: FleetType[] = list((fleet as Json).instanceTypeConfigs).map((c) => ({
        instanceType: String(c.instanceType),
        weight: numberAt(c, "weightedCapacity", 1),
        ebsGb: list(c.ebsConfigs).reduce((gb, e) => gb + numberAt(e, "size", 0) * numberAt(e, "volumesPerInstance", 1), 0),
    }));
    return {
        role,
        types,
        onDemandUnits: numberAt(fleet as Json, "targetOnDemandCapacity", 0),
        spotUnits: numberAt(fleet as Json, "targetSpotCapacity", 0),
    };
}

/** A fleet as the Step Functions `createCluster` task declares it (the EMR API's PascalCase shape). */
function taskFleet(fleet: Json): Fleet {
    const role =
        ({ MASTER: "primary", CORE: "core", TASK: "task" } as const)[String(fleet.InstanceFleetType) as "MASTER" | "CORE" | "TASK"] ??
        "task";
    const types: FleetType[] = list(fleet.InstanceTypeConfigs).map((c) => ({
        instanceType: String(c.InstanceType),
        weight: numberAt(c, "WeightedCapacity", 1),
        ebsGb: list(inputAt(c, "EbsConfiguration.EbsBlockDeviceConfigs")).reduce(
            (gb, e) => gb + numberAt(e, "VolumeSpecification.SizeInGB", 0) * numberAt(e, "VolumesPerInstance", 1),
            0,
        ),
    }));
    return {
        role,
        types,
        onDemandUnits: numberAt(fleet, "TargetOnDemandCapacity", 0),
        spotUnits: numberAt(fleet, "TargetSpotCapacity", 0),
    };
}

/** A long-running EMR cluster: its fleets around the clock, at the average managed-scaling capacity. */
export function emrCluster(cluster: PlannedResource, context: RuleContext): Charge[] {
    const fleets = [
        resourceFleet("primary", cluster.inputs.masterInstanceFleet),
        resourceFleet("core", cluster.inputs.coreInstanceFleet),
        ...referencing(context.graph, cluster, "aws:emr/instanceFleet:InstanceFleet", "clusterId").map((f) =>
            resourceFleet("task", f.inputs),
        ),
    ].filter((f): f is Fleet => f !== undefined);
    const policy = referencing(context.graph, cluster, "aws:emr/managedScalingPolicy:ManagedScalingPolicy", "clusterId")[0];
    const limits = list(policy?.inputs.computeLimits)[0];
    const scaling: ScalingLimits | undefined = limits && {
        minimumUnits: numberAt(limits, "minimumCapacityUnits", 0),
        maximumUnits: numberAt(limits, "maximumCapacityUnits", 0),
        maximumOnDemandUnits: numberAt(limits, "maximumOndemandCapacityUnits", numberAt(limits, "maximumCapacityUnits", 0)),
    };
    return averageUnits(fleets, scaling, context.assume.emrScaleOutShare).flatMap((f) =>
        fleetCharges("always on", f, context.hoursPerMonth, context),
    );
}

/** The EMR `createCluster` task of a state machine definition, if it has one. */
export function createClusterTask(definition: unknown): Json | undefined {
    let parsed: unknown = definition;
    if (typeof definition === "string") {
        try {
            parsed = JSON.parse(definition);
        } catch {
            return undefined;
        }
    }
    const states = (parsed as { States?: Record<string, Json> } | undefined)?.States ?? {};
    const task = Object.values(states).find((s) => /^arn:aws:states:::elasticmapreduce:createCluster(\.sync)?$/.test(String(s.Resource)));
    return task?.Parameters as Json | undefined;
}

/** How often a state machine runs a month: the sum over the EventBridge schedules that start it. */
export function scheduledRuns(stateMachine: PlannedResource, context: RuleContext): number {
    return referencing(context.graph, stateMachine, "aws:scheduler/schedule:Schedule", "target")
        .filter((s) => s.inputs.state !== "DISABLED")
        .reduce((runs, s) => runs + runsPerMonth(String(s.inputs.scheduleExpression)), 0);
}

/** Transient clusters a workflow creates: its fleets for the assumed minutes per run, times the scheduled runs. */
export function transientEmr(stateMachine: PlannedResource, context: RuleContext): Charge[] {
    const create = createClusterTask(stateMachine.inputs.definition);
    if (!create) return [];
    const runs = scheduledRuns(stateMachine, context);
    const hours = (runs * context.assume.batchRunMinutes) / 60;
    const fleets = list(inputAt(create, "Instances.InstanceFleets")).map(taskFleet);
    const limits = inputAt(create, "ManagedScalingPolicy.ComputeLimits") as Json | undefined;
    const scaling: ScalingLimits | undefined = limits && {
        minimumUnits: numberAt(limits, "MinimumCapacityUnits", 0),
        maximumUnits: numberAt(limits, "MaximumCapacityUnits", 0),
        maximumOnDemandUnits: numberAt(limits, "MaximumOnDemandCapacityUnits", numberAt(limits, "MaximumCapacityUnits", 0)),
    };
    const label = `${Math.round(runs)} runs x ${context.assume.batchRunMinutes} min`;
    return averageUnits(fleets, scaling, context.assume.emrScaleOutShare).flatMap((f) => fleetCharges(label, f, hours, context));
}
