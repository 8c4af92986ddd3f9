import { TopicShape } from "../../kafka";
import { DAY_MS } from "../shared/profile";
import { ArchitectureTopic } from "../shared/base-args";
import { KappaSettings, KappaVersionSettings } from "./kappa-args";

/** Exactly-once needs every committed write on two of three replicas: never weaker for a Kappa log. */
const DURABLE = { replicationFactor: 3, minInsyncReplicas: 2 } as const;

/** Days as Kafka milliseconds; -1 (forever) stays -1. */
function retentionMs(days: number | undefined): number | undefined {
    if (days === undefined) return undefined;
    return days === -1 ? -1 : Math.round(days * DAY_MS);
}

/**
 * The input topics: the log of record. With tiered storage, delete-policy inputs move closed
 * segments to the remote tier and keep only `localRetentionDays` on broker disks, so a long
 * replay horizon does not need broker disks that large.
 */
export function inputTopicSpecs(s: KappaSettings): Record<string, ArchitectureTopic> {
    const specs: Record<string, ArchitectureTopic> = {};
    for (const [topic, t] of Object.entries(s.inputs)) {
        const deletes = t.cleanupPolicy !== "compact";
        // MSK tiers only delete-policy topics: a compact,delete input keeps its retention on broker disks.
        const remote = s.tieredStorage && t.cleanupPolicy === "delete";
        specs[topic] = {
            ...DURABLE,
            partitions: t.partitions,
            cleanupPolicy: t.cleanupPolicy,
            // Set even when undefined: the architecture's topic defaults carry a retention that a compacted topic must not get.
            retentionMs: deletes ? retentionMs(t.retentionDays) : undefined,
            config: {
                ...t.config,
                ...(remote ? { "remote.storage.enable": "true", "local.retention.ms": String(retentionMs(t.localRetentionDays)) } : {}),
            },
            protect: s.protect,
        };
    }
    return specs;
}

/** One version's output topics, keyed by their versioned names. A retiring version's topics lose protection so that removing the version deletes them. */
export function outputTopicSpecs(s: KappaSettings, ver: KappaVersionSettings): Record<string, ArchitectureTopic> {
    const specs: Record<string, ArchitectureTopic> = {};
    for (const [base, o] of Object.entries(s.outputs)) {
        specs[ver.names.outputTopics[base]] = {
            ...DURABLE,
            partitions: o.partitions,
            cleanupPolicy: o.cleanupPolicy,
            retentionMs: o.cleanupPolicy === "compact" ? undefined : retentionMs(o.retentionDays),
            config: o.config,
            protect: s.protect && !ver.retiring,
        };
    }
    return specs;
}

/** The deployed shapes of some topics, from a record keyed by topic name. */
export function previousShapes(previous: Record<string, TopicShape> | undefined, topics: string[]): Record<string, TopicShape> | undefined {
    if (!previous) return undefined;
    const picked = Object.fromEntries(topics.filter((t) => previous[t] !== undefined).map((t) => [t, previous[t]]));
    return Object.keys(picked).length > 0 ? picked : undefined;
}
