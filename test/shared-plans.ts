import * as fs from "fs";
import * as path from "path";
import { PlannedResource, ResourceGraph } from "../testing";
import { PlanTarget, plan, planTargets } from "./plan-targets";

/**
 * Plans of the stacks and examples, made once per jest run and shared by the test files that read
 * them (several files check the same stack). The first file to need a plan makes it and stores it
 * under the folder the global setup made for this run (SPECTRUM_TEST_PLANS); the others read it.
 * Two workers that need the same plan at once both make it, which costs time but nothing else.
 */
interface StoredGraph {
    project: string;
    stack: string;
    resources: PlannedResource[];
    outputs: Record<string, unknown>;
}

/** The plan of a target (see planTargets), from this run's store or made now. */
export async function sharedPlan(target: PlanTarget): Promise<ResourceGraph> {
    const dir = process.env.SPECTRUM_TEST_PLANS;
    if (!dir) return plan(target);
    const file = path.join(dir, `${target.label.replace(/[^\w.-]+/g, "_")}.json`);
    if (fs.existsSync(file)) {
        const stored = JSON.parse(fs.readFileSync(file, "utf8")) as StoredGraph;
        return new ResourceGraph(stored.project, stored.stack, stored.resources, stored.outputs);
    }
    const graph = await plan(target);
    const stored: StoredGraph = { project: graph.project, stack: graph.stack, resources: [...graph.resources], outputs: graph.outputs };
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, JSON.stringify(stored));
    fs.renameSync(partial, file);
    return graph;
}

/** The plan of the root program with stacks/Pulumi.<stack>.yaml. */
export function stackPlan(stack: string): Promise<ResourceGraph> {
    const target = planTargets().find((t) => t.label === `stacks/Pulumi.${stack}.yaml`);
    if (!target) throw new Error(`no stacks/Pulumi.${stack}.yaml`);
    return sharedPlan(target);
}
