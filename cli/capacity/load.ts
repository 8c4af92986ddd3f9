import { StackConfigError } from "../../program/config";
import { isRecord as isObject } from "../../components/core/is-record";
import { useOneOf } from "../closest-name";

/** What one topic carries, as declared. */
export interface TopicLoad {
    /** Records written per second, on average. */
    eventsPerSecond: number;
    /** Average record size in bytes (key, value and headers). */
    averageRecordBytes: number;
    /** How long records stay on broker disks, hours; overrides the topic's retention (needed for compacted topics). */
    retentionHours?: number;
}

/** The load a stack declares in `spectrum:load`, what the capacity checks size against. */
export interface DeclaredLoad {
    /** Peak write rate over the average. Default: 3. */
    peakFactor: number;
    /** Load per topic, by topic name. */
    topics: Record<string, TopicLoad>;
    /** Checks the user accepts failing, as `<check id>` or `<check id>/<subject>`, with the reason. Default: none. */
    waive: Record<string, string>;
}

const KEY = "spectrum:load";
const TOP = ["peakFactor", "topics", "waive"];
const TOPIC = ["eventsPerSecond", "averageRecordBytes", "retentionHours"];

function positive(key: string, value: unknown, fix: string): number {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
        throw new StackConfigError(key, value, "must be a positive number", fix);
    return value;
}

/** Reads `spectrum:load`; undefined when the stack declares none. Unknown keys and bad values fail. */
export function loadFromConfig(raw: string | undefined): DeclaredLoad | undefined {
    if (raw === undefined) return undefined;
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        parsed = raw;
    }
    if (!isObject(parsed))
        throw new StackConfigError(KEY, parsed, "must be a mapping", `Write it as a YAML mapping with ${TOP.join(", ")}`);
    for (const key of Object.keys(parsed)) {
        if (!TOP.includes(key)) throw new StackConfigError(`${KEY}.${key}`, parsed[key], "is not a load setting", useOneOf(key, TOP));
    }
    const peakFactor =
        parsed.peakFactor === undefined
            ? 3
            : positive(`${KEY}.peakFactor`, parsed.peakFactor, "Set it to the peak rate over the average, e.g. 3");
    if (peakFactor < 1)
        throw new StackConfigError(
            `${KEY}.peakFactor`,
            peakFactor,
            "must be at least 1 (the peak is never below the average)",
            "Set it to 1 or more",
        );
    if (!isObject(parsed.topics) || Object.keys(parsed.topics).length === 0) {
        throw new StackConfigError(
            `${KEY}.topics`,
            parsed.topics,
            "must map at least one topic name to its load",
            "Add e.g. topics: { orders: { eventsPerSecond: 500, averageRecordBytes: 1000 } }",
        );
    }
    const topics: Record<string, TopicLoad> = {};
    for (const [name, value] of Object.entries(parsed.topics)) {
        const key = `${KEY}.topics.${name}`;
        if (!isObject(value)) throw new StackConfigError(key, value, "must be a mapping", "Give eventsPerSecond and averageRecordBytes");
        for (const field of Object.keys(value)) {
            if (!TOPIC.includes(field))
                throw new StackConfigError(`${key}.${field}`, value[field], "is not a topic load setting", useOneOf(field, TOPIC));
        }
        topics[name] = {
            eventsPerSecond: positive(`${key}.eventsPerSecond`, value.eventsPerSecond, "Set the average records written per second"),
            averageRecordBytes: positive(`${key}.averageRecordBytes`, value.averageRecordBytes, "Set the average record size in bytes"),
            ...(value.retentionHours === undefined
                ? {}
                : { retentionHours: positive(`${key}.retentionHours`, value.retentionHours, "Set hours on broker disks") }),
        };
    }
    const waive: Record<string, string> = {};
    if (parsed.waive !== undefined) {
        if (!isObject(parsed.waive))
            throw new StackConfigError(
                `${KEY}.waive`,
                parsed.waive,
                "must map check ids to reasons",
                'Write e.g. waive: { broker-storage: "grows with auto scaling" }',
            );
        for (const [id, reason] of Object.entries(parsed.waive)) {
            if (typeof reason !== "string" || reason.trim() === "") {
                throw new StackConfigError(
                    `${KEY}.waive.${id}`,
                    reason,
                    "needs the reason the check may fail",
                    "Give the reason as a string",
                );
            }
            waive[id] = reason;
        }
    }
    return { peakFactor, topics, waive };
}

/** Average bytes per second a topic carries. */
export function bytesPerSecond(load: TopicLoad): number {
    return load.eventsPerSecond * load.averageRecordBytes;
}

/** GB (10^9 bytes) a day the declared topics carry together: what the cost estimate takes as ingest. */
export function ingestGbPerDay(load: DeclaredLoad): number {
    return (Object.values(load.topics).reduce((sum, t) => sum + bytesPerSecond(t), 0) * 86400) / 1e9;
}
