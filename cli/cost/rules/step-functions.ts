import { PlannedResource } from "../../../testing";
import { Charge, RuleContext } from "../charge";
import { scheduledRuns } from "./emr";

/**
 * A Standard workflow's state transitions: one per state in the definition per scheduled run (the
 * happy path visits about that many). Workflows nothing schedules run on demand and are not counted.
 */
export function stateMachine(machine: PlannedResource, context: RuleContext): Charge[] {
    if (machine.inputs.type === "EXPRESS") return [];
    let states = 0;
    try {
        states = Object.keys((JSON.parse(String(machine.inputs.definition)) as { States?: object }).States ?? {}).length;
    } catch {
        return [];
    }
    const runs = scheduledRuns(machine, context);
    if (runs === 0) return [];
    return [
        { item: `${Math.round(runs)} scheduled runs x ${states} state transitions`, priceKey: "sfn.transition", quantity: runs * states },
    ];
}
