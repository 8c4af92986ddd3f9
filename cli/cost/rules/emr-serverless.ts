import { PlannedResource } from "../../../testing";
import { Charge, RuleContext, inputAt } from "../charge";
import { scheduledRuns } from "./emr";

type Json = Record<string, unknown>;

const SYNC_RUN = "arn:aws:states:::emr-serverless:startJobRun.sync";
const SDK_RUN = "arn:aws:states:::aws-sdk:emrserverless:startJobRun";

/** The task states of a state machine definition, or none when it does not parse. */
function taskStates(definition: unknown): Json[] {
    try {
        const parsed = typeof definition === "string" ? (JSON.parse(definition) as unknown) : definition;
        return Object.values((parsed as { States?: Record<string, Json> } | undefined)?.States ?? {});
    } catch {
        return [];
    }
}

/** `"16 vCPU"`, `"64 GB"`: the number EMR Serverless's capacity strings carry, or undefined. */
function capacityNumber(value: unknown): number | undefined {
    const match = /^\s*(\d+(?:\.\d+)?)/.exec(String(value ?? ""));
    return match ? Number(match[1]) : undefined;
}

/** What a run on an application holds: the assumed vCPUs and memory, within the application's maximum capacity. */
function runCapacity(application: PlannedResource | undefined, context: RuleContext): { vcpu: number; memoryGb: number; arch: string } {
    const maxCpu = capacityNumber(inputAt(application?.inputs ?? {}, "maximumCapacity.cpu"));
    const maxMemory = capacityNumber(inputAt(application?.inputs ?? {}, "maximumCapacity.memory"));
    return {
        vcpu: Math.min(context.assume.serverlessJobVcpu, maxCpu ?? Infinity),
        memoryGb: Math.min(context.assume.serverlessJobMemoryGb, maxMemory ?? Infinity),
        // EMR Serverless's own default is X86_64; spectrum's applications ask for ARM64.
        arch: String(application?.inputs.architecture ?? "X86_64") === "ARM64" ? "arm64" : "x86_64",
    };
}

/** The EMR Serverless application a task starts its run on (the application id it passes). */
function applicationOf(task: Json, context: RuleContext): PlannedResource | undefined {
    const id = inputAt(task, "Parameters.ApplicationId");
    return context.graph.ofType("aws:emrserverless/application:Application").find((a) => a.id !== undefined && a.id === id);
}

function capacityCharges(label: string, hours: number, c: { vcpu: number; memoryGb: number; arch: string }): Charge[] {
    return [
        { item: `${label}, ${c.vcpu} vCPU`, priceKey: `emr-serverless.${c.arch}.vcpu-hour`, quantity: c.vcpu * hours },
        { item: `${label}, ${c.memoryGb} GB`, priceKey: `emr-serverless.${c.arch}.gb-hour`, quantity: c.memoryGb * hours },
    ];
}

/**
 * EMR Serverless batch runs a workflow starts (`startJobRun.sync`): the assumed vCPUs and memory of a
 * run for the assumed minutes, times the scheduled runs. Workflows nothing schedules are not counted.
 */
export function serverlessJobRuns(machine: PlannedResource, context: RuleContext): Charge[] {
    const task = taskStates(machine.inputs.definition).find((s) => s.Resource === SYNC_RUN);
    if (!task) return [];
    const runs = scheduledRuns(machine, context);
    if (runs === 0) return [];
    const hours = (runs * context.assume.serverlessRunMinutes) / 60;
    return capacityCharges(
        `${Math.round(runs)} runs x ${context.assume.serverlessRunMinutes} min`,
        hours,
        runCapacity(applicationOf(task, context), context),
    );
}

/** An EMR Serverless streaming run a supervisor keeps going: its assumed vCPUs and memory around the clock. */
export function serverlessStreamingRun(machine: PlannedResource, context: RuleContext): Charge[] {
    const task = taskStates(machine.inputs.definition).find((s) => s.Resource === SDK_RUN && inputAt(s, "Parameters.Mode") === "STREAMING");
    if (!task) return [];
    return capacityCharges("streaming run, always on", context.hoursPerMonth, runCapacity(applicationOf(task, context), context));
}
