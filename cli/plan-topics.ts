import { PlannedResource, ResourceGraph } from "../testing";

/** Kafka's default `retention.ms` (7 days), in force when a topic sets none. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** A Kafka topic in a plan, from `aws.msk.Topic` or `@pulumi/kafka`'s `Topic`. */
export interface PlannedTopic {
    resource: PlannedResource;
    name: string;
    partitions: number;
    replicationFactor: number;
    configs: Record<string, string>;
    /** URN of the MSK cluster the topic lives on, when the plan shows it. */
    clusterUrn?: string;
}

function stringMap(value: unknown): Record<string, string> {
    let parsed = value;
    if (typeof value === "string") {
        try {
            parsed = JSON.parse(value);
        } catch {
            return {};
        }
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** The topic an `aws:msk/topic` or `kafka:index/topic` resource declares, or undefined for other types. */
export function plannedTopic(r: PlannedResource): PlannedTopic | undefined {
    const inputs = r.inputs;
    if (r.type === "aws:msk/topic:Topic") {
        return {
            resource: r,
            name: String(inputs.name ?? r.name),
            partitions: Number(inputs.partitionCount ?? 0),
            replicationFactor: Number(inputs.replicationFactor ?? 0),
            configs: stringMap(inputs.configs),
            clusterUrn: r.propertyDependencies?.clusterArn?.[0],
        };
    }
    if (r.type === "kafka:index/topic:Topic") {
        return {
            resource: r,
            name: String(inputs.name ?? r.name),
            partitions: Number(inputs.partitions ?? 0),
            replicationFactor: Number(inputs.replicationFactor ?? 0),
            configs: stringMap(inputs.config),
        };
    }
    return undefined;
}

const MSK_CLUSTER_TYPES = ["aws:msk/cluster:Cluster", "aws:msk/serverlessCluster:ServerlessCluster"];

/**
 * The MSK cluster a `@pulumi/kafka` topic lives on: the cluster its provider's bootstrap servers
 * came from (how topics reach MSK Serverless, which has no topic API), when the plan shows it.
 */
function clusterOfProvider(graph: ResourceGraph, topic: PlannedResource): string | undefined {
    const provider = topic.provider === undefined ? undefined : graph.resources.find((r) => r.urn === topic.provider);
    return provider?.propertyDependencies.bootstrapServers?.find((urn) =>
        graph.resources.some((r) => r.urn === urn && MSK_CLUSTER_TYPES.includes(r.type)),
    );
}

/** Every topic the plan creates, in registration order. */
export function plannedTopics(graph: ResourceGraph): PlannedTopic[] {
    return graph.resources
        .map((r) => {
            const topic = plannedTopic(r);
            if (topic && topic.clusterUrn === undefined && r.type === "kafka:index/topic:Topic") {
                const clusterUrn = clusterOfProvider(graph, r);
                if (clusterUrn !== undefined) topic.clusterUrn = clusterUrn;
            }
            return topic;
        })
        .filter((t): t is PlannedTopic => t !== undefined);
}

/** Whether the topic keeps a log by time (`delete`), as opposed to only the latest record per key. */
export function keepsLog(topic: PlannedTopic): boolean {
    return (topic.configs["cleanup.policy"] ?? "delete").split(",").includes("delete");
}

/** How long records are kept, in ms; Infinity for -1 or a compacted-only topic. */
export function retentionMs(topic: PlannedTopic): number {
    if (!keepsLog(topic)) return Infinity;
    const ms = Number(topic.configs["retention.ms"] ?? DEFAULT_RETENTION_MS);
    return ms < 0 ? Infinity : ms;
}

/** How long records stay on broker disks: `local.retention.ms` with tiered storage, the retention otherwise. */
export function localRetentionMs(topic: PlannedTopic): number {
    const total = retentionMs(topic);
    if (topic.configs["remote.storage.enable"] !== "true") return total;
    const local = Number(topic.configs["local.retention.ms"] ?? -2);
    // -2 means "same as retention.ms", -1 unlimited.
    return local === -2 ? total : local < 0 ? total : Math.min(local, total);
}
