// Regenerates the README's generated blocks (architecture diagrams, every stack's cost and capacity
// report, the data-loss diff example, the argument tables) from the plans, the way test/docs checks them:
// `npm run docs:readme` (the sources through the TypeScript loader; no build).
require("../loader/register");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const source = (p) => require(path.join(root, p));
const { runStack } = source("testing");
const { mermaidDiagram } = source("cli/mermaid");
const { runReports } = source("cli/reports");
const { plan } = source("cli/plan");
// The root program is the module's export (Pulumi calls it).
const program = source("index");

const stackFile = (stack) => path.join(root, "stacks", `Pulumi.${stack}.yaml`);
const none = { cost: false, capacity: false, failOnDataLoss: false, assume: [] };
const options = { cwd: root, color: false, json: false };

async function main() {
    const readmePath = path.join(root, "README.md");
    let readme = fs.readFileSync(readmePath, "utf8");
    const plans = new Map();
    const planOf = async (stack) => {
        if (!plans.has(stack)) plans.set(stack, await runStack(program, stackFile(stack)));
        return plans.get(stack);
    };
    const replace = (pattern, render) => {
        const matches = [...readme.matchAll(pattern)];
        return matches.reduce(async (done, m) => {
            await done;
            readme = readme.replace(m[0], await render(m));
        }, Promise.resolve());
    };

    await replace(/<!-- mermaid: ([\w-]+) -->\n```mermaid\n[\s\S]*?```/g, async (m) => {
        return `<!-- mermaid: ${m[1]} -->\n\`\`\`mermaid\n${mermaidDiagram(await planOf(m[1]))}\`\`\``;
    });
    await replace(/<!-- cost: ([\w-]+) -->\n<details><summary>[^<]*<\/summary>\n\n```text\n[\s\S]*?```/g, async (m) => {
        const { text } = runReports(await planOf(m[1]), stackFile(m[1]), { ...none, cost: true }, options);
        const total = /: (\$[\d,.]+) a month/.exec(text)?.[1];
        return `<!-- cost: ${m[1]} -->\n<details><summary>${m[1]}: ${total} a month</summary>\n\n\`\`\`text\n${text}\`\`\``;
    });
    await replace(/<!-- capacity: ([\w-]+) -->\n<details><summary>([^<]*)<\/summary>\n\n```text\n[\s\S]*?```/g, async (m) => {
        const { text } = runReports(await planOf(m[1]), stackFile(m[1]), { ...none, capacity: true }, options);
        return `<!-- capacity: ${m[1]} -->\n<details><summary>${m[2]}</summary>\n\n\`\`\`text\n${text}\`\`\``;
    });
    await replace(/<!-- diff: hybrid, topic orders renamed purchases -->\n```text\n[\s\S]*?```/g, async (m) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-readme-diff-"));
        try {
            fs.writeFileSync(path.join(dir, "base.json"), JSON.stringify((await planOf("hybrid")).toPlanJson()));
            fs.copyFileSync(path.join(root, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
            fs.mkdirSync(path.join(dir, "stacks"));
            const changed = fs.readFileSync(stackFile("hybrid"), "utf8").replace("orders: {}", "purchases: {}");
            fs.writeFileSync(path.join(dir, "stacks", "Pulumi.hybrid.yaml"), changed);
            let out = "";
            await plan(["hybrid", "--diff", "base.json"], {
                root: dir,
                cwd: dir,
                program: () => program,
                out: (t) => (out += t),
                err: () => undefined,
            });
            return `${m[0].split("\n")[0]}\n\`\`\`text\n${out}\`\`\``;
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
    fs.writeFileSync(readmePath, readme);
    // The argument tables come from the args declarations, not from a plan.
    source("cli/args-docs").writeTables(root);
}

main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
});
