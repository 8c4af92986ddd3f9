import { PlannedResource, ResourceGraph } from "../../testing";
import { keepsLog, plannedTopics } from "../plan-topics";
import { AssumptionName, AssumptionOrigin, CostAssumptions, ResolvedAssumptions } from "./assumptions";
import { Charge, CostRule, RuleContext } from "./charge";
import { PriceBook } from "./price-book";
import { unpricedReason } from "./unpriced";
import { mskCluster, mskServerlessCluster } from "./rules/msk";
import { serverlessJobRuns, serverlessStreamingRun } from "./rules/emr-serverless";
import { emrCluster, transientEmr } from "./rules/emr";
import { stateMachine } from "./rules/step-functions";
import { eksCluster, eksNodeGroup } from "./rules/eks";
import { awsxVpc } from "./rules/network";
import { bucket, firehose, kmsKey, logGroup, metricAlarm } from "./rules/data-services";

/** The cost rules, by resource type. */
export const COST_RULES: Readonly<Record<string, CostRule[]>> = {
    "aws:msk/cluster:Cluster": [mskCluster],
    "aws:msk/serverlessCluster:ServerlessCluster": [mskServerlessCluster],
    "aws:emr/cluster:Cluster": [emrCluster],
    "aws:sfn/stateMachine:StateMachine": [transientEmr, serverlessJobRuns, serverlessStreamingRun, stateMachine],
    "eks:index:Cluster": [eksCluster],
    "eks:index:ManagedNodeGroup": [eksNodeGroup],
    "awsx:ec2:Vpc": [awsxVpc],
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": [firehose],
    "aws:s3/bucket:Bucket": [bucket],
    "aws:kms/key:Key": [kmsKey],
    "aws:cloudwatch/logGroup:LogGroup": [logGroup],
    "aws:cloudwatch/metricAlarm:MetricAlarm": [metricAlarm],
};

/** One priced line: a charge with its unit price, the resource it belongs to, and its component. */
export interface CostLine {
    /** The spectrum component the resource belongs to (`KafkaCluster hybrid-kafka`), or `stack`. */
    component: string;
    type: string;
    resource: string;
    item: string;
    quantity: number;
    unit: string;
    priceKey: string;
    unitUsd: number;
    discount: number;
    monthlyUsd: number;
}

/** Resources with no line of their own, grouped by type, with the reason. */
export interface UnpricedType {
    type: string;
    count: number;
    reason: string;
}

export interface CostEstimate {
    stack: string;
    region: string;
    currency: string;
    hoursPerMonth: number;
    /** The oldest date among the prices used. */
    pricesDated: string;
    assumptions: Array<{ name: AssumptionName; value: number | boolean; origin: AssumptionOrigin }>;
    lines: CostLine[];
    byComponent: Array<{ component: string; monthlyUsd: number }>;
    byType: Array<{ type: string; monthlyUsd: number }>;
    totalUsd: number;
    unpriced: UnpricedType[];
}

const isArchitecture = (r: PlannedResource) => /^spectrum:index:\w+Architecture$/.test(r.type);

/**
 * The component a resource's cost belongs to: the outermost spectrum component under the stack or
 * under an architecture (as in the diagrams), the architecture itself for loose resources in it.
 */
export function componentOf(graph: ResourceGraph, resource: PlannedResource): string {
    const label = (r: PlannedResource) => `${r.type.split(":").pop()} ${r.name}`;
    let node = resource;
    for (let parent = graph.parentOf(node); parent; node = parent, parent = graph.parentOf(node)) {
        if (parent.type === "pulumi:pulumi:Stack") return node.custom ? "stack" : label(node);
        if (isArchitecture(parent)) return node.custom ? label(parent) : label(node);
    }
    return "stack";
}

const cents = (usd: number) => Math.round(usd * 100) / 100;

function totals<K extends string>(
    lines: CostLine[],
    key: (l: CostLine) => string,
    name: K,
): Array<Record<K, string> & { monthlyUsd: number }> {
    const sums = new Map<string, number>();
    for (const line of lines) sums.set(key(line), (sums.get(key(line)) ?? 0) + line.monthlyUsd);
    return [...sums]
        .map(([k, usd]) => ({ [name]: k, monthlyUsd: cents(usd) }) as Record<K, string> & { monthlyUsd: number })
        .sort((a, b) => b.monthlyUsd - a.monthlyUsd || String(a[name]).localeCompare(String(b[name])));
}

/**
 * The monthly estimate of a planned graph, at a region's prices, under the given assumptions.
 * `declaredTopicGbPerDay` (from a declared load) says what each topic carries when the ingest
 * assumption comes from that load; otherwise the ingest is spread evenly over the topics.
 */
export function estimateCost(
    graph: ResourceGraph,
    prices: PriceBook,
    resolved: ResolvedAssumptions,
    declaredTopicGbPerDay: Readonly<Record<string, number>> = {},
): CostEstimate {
    const assume: CostAssumptions = resolved.values;
    const logTopics = plannedTopics(graph).filter(keepsLog);
    const perTopic = logTopics.length > 0 ? assume.ingestGbPerDay / logTopics.length : 0;
    const logTopicNames = new Set(logTopics.map((t) => t.name));
    const context: RuleContext = {
        graph,
        prices,
        assume,
        hoursPerMonth: prices.hoursPerMonth,
        // Compacted topics hold tables, not the event log; a plan without topics (a cluster you bring) puts all ingest on any topic named.
        topicIngestGbPerDay: (name) =>
            resolved.origins.ingestGbPerDay === "declared load"
                ? (declaredTopicGbPerDay[name] ?? 0)
                : logTopics.length === 0
                  ? assume.ingestGbPerDay
                  : logTopicNames.has(name)
                    ? perTopic
                    : 0,
    };
    const lines: CostLine[] = [];
    const unpriced = new Map<string, UnpricedType>();
    const noteUnpriced = (type: string, reason: string) => {
        const key = `${type}\u0000${reason}`;
        const entry = unpriced.get(key) ?? { type, count: 0, reason };
        entry.count++;
        unpriced.set(key, entry);
    };
    for (const resource of graph.resources) {
        const rules = COST_RULES[resource.type];
        if (!rules) {
            noteUnpriced(resource.type, unpricedReason(resource.type) ?? "no cost rule for this type");
            continue;
        }
        const charges: Charge[] = rules.flatMap((rule) => rule(resource, context));
        if (charges.length === 0) noteUnpriced(resource.type, "nothing charged under these assumptions (see cli/cost/rules)");
        for (const charge of charges) {
            const price = prices.find(charge.priceKey);
            if (!price) {
                noteUnpriced(resource.type, `no price ${charge.priceKey} for ${prices.region} in cli/cost/prices.json`);
                continue;
            }
            const discount = charge.discount ?? 0;
            lines.push({
                component: componentOf(graph, resource),
                type: resource.type,
                resource: resource.name,
                item: charge.item,
                quantity: charge.quantity,
                unit: price.per,
                priceKey: charge.priceKey,
                unitUsd: price.usd,
                discount,
                monthlyUsd: charge.quantity * price.usd * (1 - discount),
            });
        }
    }
    return {
        stack: graph.stack,
        region: prices.region,
        currency: "USD",
        hoursPerMonth: prices.hoursPerMonth,
        pricesDated: prices.oldestDate,
        assumptions: (Object.keys(resolved.values) as AssumptionName[]).map((name) => ({
            name,
            value: resolved.values[name],
            origin: resolved.origins[name],
        })),
        lines,
        byComponent: totals(lines, (l) => l.component, "component"),
        byType: totals(lines, (l) => l.type, "type"),
        totalUsd: cents(lines.reduce((sum, l) => sum + l.monthlyUsd, 0)),
        unpriced: [...unpriced.values()].sort((a, b) => a.type.localeCompare(b.type)),
    };
}
