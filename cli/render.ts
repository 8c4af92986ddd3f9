import { PlannedResource, ResourceGraph } from "../testing";

export interface TreeRow {
    /** Box-drawing prefix that shows the row's depth and place among its siblings. */
    prefix: string;
    resource: PlannedResource;
}

/**
 * The resources as a tree of parents and children, depth first in registration order, the way
 * `pulumi preview` lists them. A resource whose parent is not in the graph is shown as a root.
 */
export function treeRows(graph: ResourceGraph): TreeRow[] {
    const present = new Set(graph.resources.map((r) => r.urn));
    const children = new Map<string, PlannedResource[]>();
    const roots: PlannedResource[] = [];
    for (const r of graph.resources) {
        if (r.parent && present.has(r.parent)) {
            const siblings = children.get(r.parent) ?? [];
            siblings.push(r);
            children.set(r.parent, siblings);
        } else {
            roots.push(r);
        }
    }
    const rows: TreeRow[] = [];
    // Iterative, so a deep component tree cannot overflow the call stack.
    const stack: Array<{ resource: PlannedResource; lead: string; branch: string }> = roots
        .map((resource) => ({ resource, lead: "", branch: "" }))
        .reverse();
    while (stack.length > 0) {
        const { resource, lead, branch } = stack.pop() as { resource: PlannedResource; lead: string; branch: string };
        rows.push({ prefix: lead + branch, resource });
        const kids = children.get(resource.urn) ?? [];
        const childLead = lead + (branch === "├─ " ? "│  " : branch === "└─ " ? "   " : "");
        for (let i = kids.length - 1; i >= 0; i--) {
            stack.push({ resource: kids[i], lead: childLead, branch: i === kids.length - 1 ? "└─ " : "├─ " });
        }
    }
    return rows;
}

/** The tree as text: a `+` (to create), the indented type, then the name in an aligned column. */
export function renderTree(graph: ResourceGraph): string {
    const rows = treeRows(graph);
    const typeWidth = Math.max("Type".length, ...rows.map((row) => row.prefix.length + row.resource.type.length));
    const line = (mark: string, type: string, name: string) => `${mark} ${type.padEnd(typeWidth)}  ${name}`.trimEnd();
    return [line(" ", "Type", "Name"), ...rows.map((row) => line("+", row.prefix + row.resource.type, row.resource.name))].join("\n");
}

/** One line per type with its count, then the total split into cloud resources and components. */
export function renderCounts(graph: ResourceGraph): string {
    const counts = graph.countByType();
    const total = graph.resources.length;
    const custom = graph.resources.filter((r) => r.custom).length;
    const width = String(total).length;
    const lines = counts.map(([type, count]) => `    ${String(count).padStart(width)}  ${type}`);
    const noun = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    lines.push(
        `    ${String(total).padStart(width)}  total to create (${noun(custom, "cloud resource", "cloud resources")}, ${noun(total - custom, "component", "components")})`,
    );
    return ["Resources:", ...lines].join("\n");
}

/** The stack outputs the program returned, as `name: value` lines (empty when there are none). */
export function renderOutputs(graph: ResourceGraph): string {
    const entries = Object.entries(graph.outputs);
    if (entries.length === 0) return "";
    return ["Outputs:", ...entries.map(([key, value]) => `    ${key}: ${JSON.stringify(value) ?? "undefined"}`)].join("\n");
}

/** The whole human-readable plan: header, tree, counts, outputs. */
export function renderPlan(graph: ResourceGraph, durationMs?: number): string {
    const parts = [
        `Plan for stack ${graph.stack} (project ${graph.project}): offline, under the mock engine; nothing is deployed.`,
        renderTree(graph),
        renderCounts(graph),
        renderOutputs(graph),
        durationMs === undefined ? "" : `Duration: ${(durationMs / 1000).toFixed(1)}s`,
    ];
    return parts.filter((part) => part.length > 0).join("\n\n") + "\n";
}
