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
    const top = roots.flatMap((r) => (isArchitecture(r) ? graph.childrenOf(r) : [r]));
    const components = top.filter((r) => !r.custom);

    // Components are nodes; loose cloud resources next to them are grouped per service (aws:glue, ...).
    interface DiagramNode {
        key: string;
        label: string;
        members: PlannedResource[];
    }
    const nodes: DiagramNode[] = components.map((c) => ({
        key: c.urn,
        label: `${c.type.split(":").pop()}<br/>${c.name}`,
        members: [c, ...graph.childrenOf(c, { deep: true })],
    }));
    const services = new Map<string, PlannedResource[]>();
    for (const r of top.filter((t) => t.custom && !t.type.startsWith("pulumi:providers:"))) {
        const service = r.type.split("/")[0];
        services.set(service, [...(services.get(service) ?? []), r]);
    }
    for (const [service, members] of services)
        nodes.push({ key: service, label: `${service}<br/>${members.map((m) => m.name).join(", ")}`, members });

    const owner = new Map<string, string>();
    for (const node of nodes) for (const m of node.members) owner.set(m.urn, node.key);
    const index = new Map(nodes.map((n, i) => [n.key, i]));
    const id = new Map(nodes.map((n, i) => [n.key, `n${i}`]));
    const edges = new Map<string, [number, number]>();
    for (const r of graph.resources) {
        const to = owner.get(r.urn);
        if (!to) continue;
        // A resource managed through a provider another node created (a Kubernetes cluster) uses that node too.
        for (const dep of [...r.dependencies, ...(r.provider ? [r.provider] : [])]) {
            const from = owner.get(dep);
            if (from && from !== to)
                edges.set(`    ${id.get(from)} --> ${id.get(to)}`, [index.get(from) as number, index.get(to) as number]);
        }
    }
    return (
        [
            "flowchart LR",
            ...nodes.map((n) => `    ${id.get(n.key)}["${n.label}"]`),
            ...[...edges].sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1]).map(([line]) => line),
        ].join("\n") + "\n"
    );
}
