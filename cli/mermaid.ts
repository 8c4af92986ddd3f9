import { PlannedResource, ResourceGraph } from "../testing";

/**
 * The architecture as a Mermaid flowchart, drawn from the planned graph: one node per spectrum
 * component directly under the stack or under an architecture component, and an arrow A --> B when
 * something inside B uses something inside A (an output it reads, an explicit dependsOn, or a
 * provider A created). The
 * README's diagrams are this output, checked by a test, so they cannot drift from the code.
 */
export function mermaidDiagram(graph: ResourceGraph): string {
    const isArchitecture = (r: PlannedResource) => /^spectrum:index:\w+Architecture$/.test(r.type);
    const stack = graph.resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const roots = graph.resources.filter((r) => r.parent === stack?.urn);
    const nodes = roots.flatMap((r) => (isArchitecture(r) ? graph.childrenOf(r) : [r])).filter((r) => r.type.startsWith("spectrum:index:") || !r.custom);

    // Which node each resource belongs to (itself or its nearest node ancestor).
    const owner = new Map<string, string>();
    for (const node of nodes) {
        owner.set(node.urn, node.urn);
        for (const d of graph.childrenOf(node, { deep: true })) owner.set(d.urn, node.urn);
    }
    const id = new Map(nodes.map((n, i) => [n.urn, `n${i}`]));
    const edges = new Set<string>();
    for (const r of graph.resources) {
        const to = owner.get(r.urn);
        if (!to) continue;
        // A resource managed through a provider another node created (a Kubernetes cluster) uses that node too.
        for (const dep of [...r.dependencies, ...(r.provider ? [r.provider] : [])]) {
            const from = owner.get(dep);
            if (from && from !== to) edges.add(`    ${id.get(from)} --> ${id.get(to)}`);
        }
    }
    const label = (r: PlannedResource) => `${r.type.split(":").pop()}<br/>${r.name}`;
    return ["flowchart LR", ...nodes.map((n) => `    ${id.get(n.urn)}["${label(n)}"]`), ...[...edges].sort()].join("\n") + "\n";
}
