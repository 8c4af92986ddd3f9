import { PlannedResource } from "../../../testing";
import { keepsLog, localRetentionMs, plannedTopics, retentionMs } from "../../plan-topics";
import { Charge, RuleContext, inputAt, numberAt } from "../charge";
import { DAYS_PER_MONTH } from "../schedule-runs";

const DAY_MS = 24 * 3600 * 1000;
/** Retention past which a topic is priced as if kept ten years (-1 keeps forever). */
const LONGEST_PRICED_MS = 10 * 365 * DAY_MS;

/** GB a day written to the cluster's topics that keep a log. */
function clusterIngestGbPerDay(cluster: PlannedResource, context: RuleContext): number {
    return plannedTopics(context.graph)
        .filter((t) => t.clusterUrn === cluster.urn && keepsLog(t))
        .reduce((gb, t) => gb + context.topicIngestGbPerDay(t.name), 0);
}

/**
 * GB the cluster's log topics hold once full: each topic's daily ingest times its retention, one
 * copy (Express and Serverless bill the data kept, not the replicas). Compacted topics hold tables,
 * not the event log, and are left out, as in the ingest.
 */
function storedGb(cluster: PlannedResource, context: RuleContext): number {
    return plannedTopics(context.graph)
        .filter((t) => t.clusterUrn === cluster.urn && keepsLog(t))
        .reduce((gb, t) => gb + (context.topicIngestGbPerDay(t.name) * Math.min(retentionMs(t), LONGEST_PRICED_MS)) / DAY_MS, 0);
}

/**
 * A provisioned MSK cluster: broker hours by instance type, the EBS volume every broker is given
 * (billed as provisioned, used or not), and, with tiered storage, what its topics keep in the
 * remote tier: one copy of each record older than the local retention, for the rest of its retention.
 */
export function mskCluster(cluster: PlannedResource, context: RuleContext): Charge[] {
    const brokers = numberAt(cluster, "numberOfBrokerNodes", 0);
    const instanceType = String(inputAt(cluster, "brokerNodeGroupInfo.instanceType"));
    if (instanceType.startsWith("express.")) return expressCluster(cluster, brokers, instanceType, context);
    const volumeGb = numberAt(cluster, "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize", 0);
    const charges: Charge[] = [
        { item: `broker hours, ${brokers} x ${instanceType}`, priceKey: `msk.${instanceType}`, quantity: brokers * context.hoursPerMonth },
        { item: `broker storage, ${brokers} x ${volumeGb} GB`, priceKey: "msk.storage", quantity: brokers * volumeGb },
    ];
    if (cluster.inputs.storageMode === "TIERED") {
        let remoteGb = 0;
        const topics = plannedTopics(context.graph).filter((t) => t.clusterUrn === cluster.urn && keepsLog(t));
        for (const topic of topics) {
            const remoteDays = (Math.min(retentionMs(topic), LONGEST_PRICED_MS) - localRetentionMs(topic)) / DAY_MS;
            if (remoteDays > 0) remoteGb += context.topicIngestGbPerDay(topic.name) * remoteDays;
        }
        charges.push({
            item: `tiered storage, ${round(remoteGb)} GB (ingest past local retention)`,
            priceKey: "msk.tiered-storage",
            quantity: remoteGb,
        });
    }
    return charges;
}

/**
 * Express brokers: broker hours, the storage the topics use (MSK manages it, billed per GB kept, no
 * volume provisioned), and the data written to the cluster.
 */
function expressCluster(cluster: PlannedResource, brokers: number, instanceType: string, context: RuleContext): Charge[] {
    const stored = storedGb(cluster, context);
    const written = clusterIngestGbPerDay(cluster, context) * DAYS_PER_MONTH;
    return [
        { item: `broker hours, ${brokers} x ${instanceType}`, priceKey: `msk.${instanceType}`, quantity: brokers * context.hoursPerMonth },
        { item: `storage used, ${round(stored)} GB (ingest x retention)`, priceKey: "msk.express.storage", quantity: stored },
        { item: `data written, ${round(written)} GB`, priceKey: "msk.express.data-written", quantity: written },
    ];
}

/**
 * An MSK Serverless cluster: the cluster hours, an hour for every partition, the data written and
 * read (each record read `kafkaReadsPerWrite` times), and the storage its topics use.
 */
export function mskServerlessCluster(cluster: PlannedResource, context: RuleContext): Charge[] {
    const partitions = plannedTopics(context.graph)
        .filter((t) => t.clusterUrn === cluster.urn)
        .reduce((n, t) => n + t.partitions, 0);
    const written = clusterIngestGbPerDay(cluster, context) * DAYS_PER_MONTH;
    const read = written * context.assume.kafkaReadsPerWrite;
    const stored = storedGb(cluster, context);
    return [
        { item: "cluster hours", priceKey: "msk-serverless.cluster-hour", quantity: context.hoursPerMonth },
        {
            item: `partition hours, ${partitions} partitions`,
            priceKey: "msk-serverless.partition-hour",
            quantity: partitions * context.hoursPerMonth,
        },
        { item: `data in, ${round(written)} GB`, priceKey: "msk-serverless.data-in", quantity: written },
        { item: `data out, ${round(read)} GB`, priceKey: "msk-serverless.data-out", quantity: read },
        { item: `storage used, ${round(stored)} GB (ingest x retention)`, priceKey: "msk-serverless.storage", quantity: stored },
    ];
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
