import * as fs from "fs";
import * as path from "path";
import { mermaidDiagram } from "../../cli/mermaid";
import { stackPlan } from "../shared-plans";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
// Each diagram is marked with the stack it is drawn from.
const blocks = [...readme.matchAll(/<!-- mermaid: ([\w-]+) -->\n```mermaid\n([\s\S]*?)```/g)].map((m) => ({ stack: m[1], diagram: m[2] }));

describe("README architecture diagrams", () => {
    it("has a diagram for each architecture", () => {
        expect(blocks.map((b) => b.stack)).toEqual(expect.arrayContaining(["hybrid", "kappa", "lambda"]));
    });

    it.each(blocks.map((b) => [b.stack, b.diagram]))(
        "the %s diagram is what the plan draws (regenerate with npm run docs:readme)",
        async (stack, diagram) => {
            const graph = await stackPlan(stack);
            expect(diagram).toBe(mermaidDiagram(graph));
        },
    );
});
