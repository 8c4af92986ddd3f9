import { PlannedResource, ResourceGraph } from "../../testing";
import { CostAssumptions } from "./assumptions";
import { PriceBook } from "./price-book";

/** A quantity of something priced: what a cost rule asks the estimate to charge. */
export interface Charge {
    /** What is charged, e.g. `broker hours, 3 x kafka.m7g.large`. */
    item: string;
    /** Key of the unit price in the price file, e.g. `msk.kafka.m7g.large`. */
    priceKey: string;
    /** How many price units (hours, GB-months, GB, ...). */
    quantity: number;
    /** Share taken off the unit price (Spot), 0 by default. */
    discount?: number;
}

/** What a cost rule sees: the graph, the region's prices, the assumptions, and shared lookups. */
export interface RuleContext {
    graph: ResourceGraph;
    prices: PriceBook;
    assume: CostAssumptions;
    /** Hours in the month prices are quoted for (730). */
    hoursPerMonth: number;
    /** GB a day written to one topic: the ingest spread evenly over the topics that keep a log (not compacted ones). */
    topicIngestGbPerDay: (topicName: string) => number;
}

/** Turns a resource into charges; an empty list means the resource costs nothing by itself. */
export type CostRule = (resource: PlannedResource, context: RuleContext) => Charge[];

/** Reads a nested input by path, or undefined. */
export function inputAt(resource: PlannedResource | Record<string, unknown>, path: string): unknown {
    let value: unknown = "inputs" in resource && "urn" in resource ? (resource as PlannedResource).inputs : resource;
    for (const key of path.split(".")) {
        if (value === null || typeof value !== "object") return undefined;
        value = (value as Record<string, unknown>)[key];
    }
    return value;
}

/** A number input, or the fallback when it is missing or not a number. */
export function numberAt(resource: PlannedResource | Record<string, unknown>, path: string, fallback: number): number {
    const value = inputAt(resource, path);
    return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** Resources of `type` whose input `property` was taken from `resource` (an ARN, an id, a name). */
export function referencing(graph: ResourceGraph, resource: PlannedResource, type: string, property: string): PlannedResource[] {
    return graph.ofType(type).filter((r) => r.propertyDependencies[property]?.includes(resource.urn));
}
