import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runReports } from "../../cli/reports";
import { plan } from "../../cli/plan";
import rootProgram from "../../index";
import { planOf, root, stackFile, stacks } from "../cli/stack-plans";

const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const blocks = (kind: string) =>
    new Map(
        [
            ...readme.matchAll(
                new RegExp(`<!-- ${kind}: ([\\w-]+) -->\\n<details><summary>([^<]*)</summary>\\n\\n\`\`\`text\\n([\\s\\S]*?)\`\`\``, "g"),
            ),
        ].map((m) => [m[1], { summary: m[2], text: m[3] }]),
    );
const options = { cwd: root, color: false, json: false };
const none = { cost: false, capacity: false, failOnDataLoss: false, assume: [] };

describe("README cost, capacity and diff reports", () => {
    it.each(stacks)("shows the cost of stack %s as the plan prints it (regenerate with npm run docs:readme)", async (stack) => {
        const block = blocks("cost").get(stack);
        const { text } = runReports(await planOf(stack), stackFile(stack), { ...none, cost: true }, options);
        expect(block?.text).toBe(text);
        expect(block?.summary).toBe(`${stack}: ${/: (\$[\d,.]+) a month/.exec(text)?.[1]} a month`);
    });

    it.each(stacks)(
        "shows the capacity checks of stack %s as the plan prints them (regenerate with npm run docs:readme)",
        async (stack) => {
            const { text } = runReports(await planOf(stack), stackFile(stack), { ...none, capacity: true }, options);
            expect(blocks("capacity").get(stack)?.text).toBe(text);
        },
    );

    it("shows the diff of renaming the hybrid stack's orders topic as plan --diff prints it", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-readme-diff-"));
        fs.writeFileSync(path.join(dir, "base.json"), JSON.stringify((await planOf("hybrid")).toPlanJson()));
        fs.copyFileSync(path.join(root, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.mkdirSync(path.join(dir, "stacks"));
        fs.writeFileSync(
            path.join(dir, "stacks", "Pulumi.hybrid.yaml"),
            fs.readFileSync(stackFile("hybrid"), "utf8").replace("orders: {}", "purchases: {}"),
        );
        let out = "";
        await plan(["hybrid", "--diff", "base.json"], {
            root: dir,
            cwd: dir,
            program: () => rootProgram,
            out: (t) => (out += t),
            err: () => undefined,
        });
        fs.rmSync(dir, { recursive: true, force: true });
        const block = /<!-- diff: hybrid, topic orders renamed purchases -->\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
        expect(block).toBe(out);
    });
});
