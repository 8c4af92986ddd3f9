import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProgram } from "../../testing";
import { loadStackConfig } from "../../testing/stack-config";
import { plan } from "../../cli/plan";
import rootProgram from "../../index";
import { stackConfigProblems } from "../../program/stack-config";

/** Runs the root program with `config`, recording what it registered besides the stack itself. */
async function rejected(config: Record<string, unknown>): Promise<{ message: string; registered: string[] }> {
    const registered: string[] = [];
    const outputs = (args: { type: string; name: string }) => void (args.type === "pulumi:pulumi:Stack" || registered.push(args.name));
    try {
        await runProgram(rootProgram, { project: "spectrum", config, outputs });
    } catch (error) {
        return { message: (error as Error).message, registered };
    }
    throw new Error("the program ran");
}

describe("stack config is checked where it enters, before anything is registered", () => {
    test.each([
        [
            "a misspelt top-level key",
            { "spectrum:architecture": "hybrid", "spectrum:profile": "dev", "spectrum:hybird": { topics: { clicks: {} } } },
            'stack config spectrum:hybird = {"topics":{"clicks":{}}}: is not a spectrum: config key. Did you mean "spectrum:hybrid"?',
        ],
        [
            "a misspelt key inside an architecture's object",
            { "spectrum:architecture": "hybrid", "spectrum:profile": "dev", "spectrum:hybrid": { topcs: { clicks: {} } } },
            'stack config spectrum:hybrid.topcs = {"clicks":{}}: "topcs" is not a known field. Did you mean "topics"?',
        ],
        [
            "a misspelt landing zone field",
            { "spectrum:architecture": "landing", "spectrum:landingZone": { protet: false } },
            'stack config spectrum:landingZone.protet = false: "protet" is not a known field. Did you mean "protect"?',
        ],
        [
            "a dotted key written literally",
            { "spectrum:architecture": "landing", "spectrum:landingZone.protect": false },
            "stack config spectrum:landingZone.protect = false: Pulumi reads a dotted key as a key of its own, not as protect inside spectrum:landingZone. Nest it: spectrum:landingZone: { protect: false }",
        ],
        [
            "a YAML list where a map is expected",
            { "spectrum:architecture": "hybrid", "spectrum:profile": "dev", "spectrum:hybrid": { topics: ["clicks", "orders"] } },
            'stack config spectrum:hybrid.topics = ["clicks","orders"]: is a list where a map is expected.',
        ],
        [
            "a key the architecture does not read",
            { "spectrum:architecture": "landing", "spectrum:kappa": {} },
            "stack config spectrum:kappa = {}: the landing architecture does not read it. Remove it, or set spectrum:architecture to kappa.",
        ],
        [
            "a misspelt architecture",
            { "spectrum:architecture": "hybird" },
            'stack config spectrum:architecture = "hybird": is not a known architecture. Did you mean "hybrid"? Set it to one of landing, hybrid, kappa, lambda.',
        ],
        [
            "a profile that does not exist",
            { "spectrum:architecture": "hybrid", "spectrum:profile": "staging" },
            'stack config spectrum:profile = "staging": is not one of dev, prod.',
        ],
    ])("%s", async (_, config, expected) => {
        const { message, registered } = await rejected(config);
        expect(message).toContain(expected);
        expect(registered).toEqual([]);
    });

    test("every problem is reported at once", () => {
        const problems = stackConfigProblems({
            "spectrum:architecture": "landing",
            "spectrum:landingZone": JSON.stringify({ protet: false, zones: [] }),
            "spectrum:hybird": "{}",
            "aws:region": "us-east-1",
        });
        expect(problems.map((p) => p.field)).toEqual(["spectrum:landingZone.zones", "spectrum:landingZone.protet", "spectrum:hybird"]);
    });

    test("the shipped stack files pass", () => {
        const dir = path.join(__dirname, "..", "..", "stacks");
        for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
            expect([file, stackConfigProblems(loadStackConfig(path.join(dir, file), "spectrum").values)]).toEqual([file, []]);
        }
    });
});

describe("the plan command and stack files", () => {
    function root(files: Record<string, string>): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-config-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: spectrum\nruntime: nodejs\n");
        fs.mkdirSync(path.join(dir, "stacks"));
        for (const [stack, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`), text);
        return dir;
    }
    async function planOf(dir: string, stack: string): Promise<{ code: number; err: string }> {
        let err = "";
        const code = await plan([stack], { root: dir, program: () => rootProgram, out: () => undefined, err: (t) => (err += t) });
        return { code, err };
    }

    test("a YAML syntax error names the file, line and column, and exits 2", async () => {
        const dir = root({ bad: "config:\n  spectrum:architecture: landing\n  spectrum:landingZone: { zones: [raw\n" });
        const { code, err } = await planOf(dir, "bad");
        expect(code).toBe(2);
        expect(err).toMatch(new RegExp(`^error: ${path.join(dir, "stacks", "Pulumi.bad.yaml").replace(/[.\\]/g, "\\$&")}:\\d+:\\d+: `));
    });

    test("a misspelt key exits 2 with a did-you-mean", async () => {
        const dir = root({ typo: "config:\n  spectrum:architecture: landing\n  spectrum:landingZone:\n    protet: false\n" });
        const { code, err } = await planOf(dir, "typo");
        expect(code).toBe(2);
        expect(err).toContain('Did you mean "protect"?');
    });

    test("a misspelt key deep inside an architecture's config exits 2 with a did-you-mean", async () => {
        const dir = root({
            typo: "config:\n  spectrum:architecture: hybrid\n  spectrum:profile: dev\n  spectrum:hybrid:\n    topics:\n      x:\n        partitons: 3\n",
        });
        const { code, err } = await planOf(dir, "typo");
        expect(code).toBe(2);
        expect(err).toContain(
            'stack config spectrum:hybrid.topics.x.partitons = 3: "partitons" is not a known field. Did you mean "partitions"?',
        );
    });

    test("a secret set with --path inside a structured key plans as [secret], like a whole secret key", () => {
        const dir = root({
            nested: "config:\n  spectrum:kubernetes:\n    existing:\n      kubeconfig:\n        secure: v1:abc==\n      clusterName: eks\n",
        });
        const loaded = loadStackConfig(path.join(dir, "stacks", "Pulumi.nested.yaml"), "spectrum");
        expect(JSON.parse(loaded.values["spectrum:kubernetes"])).toEqual({ existing: { kubeconfig: "[secret]", clusterName: "eks" } });
    });

    test("config that is not a mapping is refused with its position", () => {
        const dir = root({ list: "config:\n  - spectrum:architecture\n" });
        expect(() => loadStackConfig(path.join(dir, "stacks", "Pulumi.list.yaml"), "spectrum")).toThrow(
            /Pulumi\.list\.yaml:2:3: config must be a mapping/,
        );
    });
});
