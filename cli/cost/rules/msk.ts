import { PlannedResource } from "../../../testing";
import { keepsLog, localRetentionMs, plannedTopics, retentionMs } from "../../plan-topics";
import { Charge, RuleContext, inputAt, numberAt } from "../charge";

const DAY_MS = 24 * 3600 * 1000;

/**
 * A provisioned MSK cluster: broker hours by instance type, the EBS volume every broker is given
 * (billed as provisioned, used or not), and, with tiered storage, what its topics keep in the
 * remote tier: one copy of each record older than the local retention, for the rest of its retention.
 */
export function mskCluster(cluster: PlannedResource, context: RuleContext): Charge[] {
    const brokers = numberAt(cluster, "numberOfBrokerNodes", 0);
    const instanceType = String(inputAt(cluster, "brokerNodeGroupInfo.instanceType"));
    const volumeGb = numberAt(cluster, "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize", 0);
    const charges: Charge[] = [
        { item: `broker hours, ${brokers} x ${instanceType}`, priceKey: `msk.${instanceType}`, quantity: brokers * context.hoursPerMonth },
        { item: `broker storage, ${brokers} x ${volumeGb} GB`, priceKey: "msk.storage", quantity: brokers * volumeGb },
    ];
    if (cluster.inputs.storageMode === "TIERED") {
        let remoteGb = 0;
        const topics = plannedTopics(context.graph).filter((t) => t.clusterUrn === cluster.urn && keepsLog(t));
        for (const topic of topics) {
            const remoteDays = (Math.min(retentionMs(topic), 10 * 365 * DAY_MS) - localRetentionMs(topic)) / DAY_MS;
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

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
