import { TopicSettings } from "./topic-args";

/** The topic configs to set, as strings: the policy and its retention or compaction, then the user's. */
export function topicConfigs(s: TopicSettings): Record<string, string> {
    const out: Record<string, string> = {
        "cleanup.policy": s.cleanupPolicy,
        "min.insync.replicas": String(s.minInsyncReplicas),
    };
    if (s.cleanupPolicy.includes("delete")) {
        if (s.retentionMs !== undefined) out["retention.ms"] = String(s.retentionMs);
        if (s.retentionBytes !== undefined) out["retention.bytes"] = String(s.retentionBytes);
    }
    const c = s.compaction;
    if (c.minCompactionLagMs !== undefined) out["min.compaction.lag.ms"] = String(c.minCompactionLagMs);
    if (c.maxCompactionLagMs !== undefined) out["max.compaction.lag.ms"] = String(c.maxCompactionLagMs);
    if (c.deleteRetentionMs !== undefined) out["delete.retention.ms"] = String(c.deleteRetentionMs);
    if (c.minCleanableDirtyRatio !== undefined) out["min.cleanable.dirty.ratio"] = String(c.minCleanableDirtyRatio);
    return { ...out, ...s.config };
}
