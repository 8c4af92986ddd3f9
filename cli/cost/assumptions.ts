import { StackConfigError } from "../../program/config";
import { UsageError } from "../args";
import { useOneOf } from "../closest-name";

/** What the estimate assumes about usage; every value has a visible default and can be overridden. */
export interface CostAssumptions {
    /** Event data written to Kafka per day, all topics together, before compression (GB). */
    ingestGbPerDay: number;
    /** Days of ingested data the landing zone holds in S3 Standard. */
    lakeRetentionDays: number;
    /** GB stored in the landing zone per GB ingested (raw GZIP plus curated Parquet). */
    lakeStoredRatio: number;
    /** Billed minutes of one transient EMR cluster run, start-up and termination included. */
    batchRunMinutes: number;
    /** Billed minutes of one EMR Serverless batch job run (no cluster to start: the job, plus about a minute for workers). */
    serverlessRunMinutes: number;
    /** vCPUs an EMR Serverless job run holds on average (at most its application's maximum capacity). */
    serverlessJobVcpu: number;
    /** Memory an EMR Serverless job run holds on average, GB (at most its application's maximum capacity). */
    serverlessJobMemoryGb: number;
    /** GB read from Kafka per GB written: one consumer group (the landing-zone ingest) reads each record once. Priced where reads are billed (MSK Serverless). */
    kafkaReadsPerWrite: number;
    /** How far EMR managed scaling runs above its minimum on average, as a share of (maximum - minimum). */
    emrScaleOutShare: number;
    /** Discount of Spot on the on-demand EC2 price (the EMR fee itself has none). */
    spotDiscount: number;
    /** Traffic through the NAT gateways per day (image pulls, AWS APIs without a VPC endpoint), GB. */
    natGbPerDay: number;
    /** Log data written to each CloudWatch log group per day, GB. */
    logGbPerDayPerGroup: number;
    /** Bill EKS control planes whose support type is EXTENDED at the extended-support rate (a version past standard support). */
    eksExtendedSupport: boolean;
}

export type AssumptionName = keyof CostAssumptions;

/** Where an assumption's value came from, most specific last. */
export type AssumptionOrigin = "default" | "declared load" | "stack config" | "flag";

interface AssumptionSpec {
    default: number | boolean;
    unit: string;
    description: string;
    min?: number;
    max?: number;
}

/** Every assumption with its default, unit and meaning: the table the report prints. */
export const ASSUMPTIONS: Readonly<Record<AssumptionName, AssumptionSpec>> = {
    ingestGbPerDay: { default: 10, unit: "GB/day", min: 0, description: "event data into Kafka, all topics, uncompressed" },
    lakeRetentionDays: { default: 30, unit: "days", min: 0, description: "ingested days the landing zone holds in S3 Standard" },
    lakeStoredRatio: { default: 0.5, unit: "GB/GB", min: 0, description: "S3 GB per ingested GB: raw GZIP ~0.25 + curated Parquet ~0.25" },
    batchRunMinutes: { default: 15, unit: "min", min: 0, description: "billed minutes per transient EMR run, start-up included" },
    serverlessRunMinutes: {
        default: 8,
        unit: "min",
        min: 0,
        description: "billed minutes per EMR Serverless batch run, worker start included",
    },
    serverlessJobVcpu: {
        default: 16,
        unit: "vCPU",
        min: 0,
        description: "vCPUs an EMR Serverless run holds: driver + 3 executors of 4 vCPU",
    },
    serverlessJobMemoryGb: { default: 64, unit: "GB", min: 0, description: "memory an EMR Serverless run holds: 4 workers of 16 GB" },
    kafkaReadsPerWrite: {
        default: 1,
        unit: "GB/GB",
        min: 0,
        description: "GB read from Kafka per GB written (MSK Serverless bills reads)",
    },
    emrScaleOutShare: {
        default: 0.25,
        unit: "share",
        min: 0,
        max: 1,
        description: "average EMR capacity above its minimum, share of max - min",
    },
    spotDiscount: { default: 0.6, unit: "share", min: 0, max: 1, description: "Spot discount on on-demand EC2 (EMR fee undiscounted)" },
    natGbPerDay: { default: 1, unit: "GB/day", min: 0, description: "traffic through NAT gateways per VPC" },
    logGbPerDayPerGroup: { default: 0.05, unit: "GB/day", min: 0, description: "log data into each CloudWatch log group" },
    eksExtendedSupport: { default: false, unit: "yes/no", description: "bill EXTENDED-support EKS clusters at the extended rate" },
};

export const ASSUMPTION_NAMES = Object.keys(ASSUMPTIONS) as AssumptionName[];

/** The assumptions in force and where each came from. */
export interface ResolvedAssumptions {
    values: CostAssumptions;
    origins: Record<AssumptionName, AssumptionOrigin>;
}

/** Raised for a bad `--assume` flag: reported as a usage mistake. */
function flagError(text: string, problem: string, fix: string): UsageError {
    return new UsageError(`--assume ${text}: ${problem}. ${fix}.`);
}

function checked(name: AssumptionName, value: unknown, fail: (problem: string, fix: string) => Error): number | boolean {
    const spec = ASSUMPTIONS[name];
    if (typeof spec.default === "boolean") {
        if (typeof value !== "boolean") throw fail("must be true or false", `Set ${name} to true or false`);
        return value;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) throw fail("must be a number", `Set ${name} to a number of ${spec.unit}`);
    if (spec.min !== undefined && value < spec.min) throw fail(`must be at least ${spec.min}`, `Set ${name} to ${spec.min} or more`);
    if (spec.max !== undefined && value > spec.max) throw fail(`must be at most ${spec.max}`, `Set ${name} to ${spec.max} or less`);
    return value;
}

/** Reads `spectrum:costAssumptions` (a JSON object, as the engine passes structured config). */
export function assumptionsFromConfig(raw: string | undefined): Partial<CostAssumptions> {
    const key = "spectrum:costAssumptions";
    if (raw === undefined) return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        parsed = raw;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new StackConfigError(
            key,
            parsed,
            "must be a mapping of assumption names to values",
            `Write it as a YAML mapping under ${key}`,
        );
    }
    const result: Partial<Record<AssumptionName, number | boolean>> = {};
    for (const [name, value] of Object.entries(parsed)) {
        if (!(ASSUMPTION_NAMES as string[]).includes(name)) {
            throw new StackConfigError(`${key}.${name}`, value, "is not a cost assumption", useOneOf(name, ASSUMPTION_NAMES));
        }
        const known = name as AssumptionName;
        result[known] = checked(known, value, (problem, fix) => new StackConfigError(`${key}.${name}`, value, problem, fix));
    }
    return result as Partial<CostAssumptions>;
}

/** Reads `--assume name=value` flags. */
export function assumptionsFromFlags(flags: readonly string[]): Partial<CostAssumptions> {
    const result: Partial<Record<AssumptionName, number | boolean>> = {};
    for (const flag of flags) {
        const match = /^([^=]+)=(.*)$/.exec(flag);
        if (!match) throw flagError(flag, "is not name=value", "Write it as --assume ingestGbPerDay=50");
        const [, name, text] = match;
        if (!(ASSUMPTION_NAMES as string[]).includes(name))
            throw flagError(flag, "is not a cost assumption", useOneOf(name, ASSUMPTION_NAMES));
        const known = name as AssumptionName;
        const value: unknown = text === "true" ? true : text === "false" ? false : text.trim() === "" ? text : Number(text);
        result[known] = checked(known, value, (problem, fix) => flagError(flag, problem, fix));
    }
    return result as Partial<CostAssumptions>;
}

/** Defaults, then what the declared load implies, then the stack config, then flags. */
export function resolveAssumptions(layers: Array<[AssumptionOrigin, Partial<CostAssumptions>]>): ResolvedAssumptions {
    const values = Object.fromEntries(ASSUMPTION_NAMES.map((n) => [n, ASSUMPTIONS[n].default])) as unknown as CostAssumptions;
    const origins = Object.fromEntries(ASSUMPTION_NAMES.map((n) => [n, "default"])) as Record<AssumptionName, AssumptionOrigin>;
    for (const [origin, layer] of layers) {
        for (const [name, value] of Object.entries(layer) as Array<[AssumptionName, number | boolean | undefined]>) {
            if (value === undefined) continue;
            (values as unknown as Record<string, number | boolean>)[name] = value;
            origins[name] = origin;
        }
    }
    return { values, origins };
}
