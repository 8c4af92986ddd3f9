import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Validator } from "../../components/core/errors";
import { StackConfigError } from "../../program/config";
import { PlanJson } from "../../testing";
import { UsageError, parseArgs, wantsHelp } from "../../cli/args";
import { REPORT_USAGE } from "../../cli/report-args";
import { plan } from "../../cli/plan";
import { describeFailure } from "../../cli/plan-stack";
import { findProjectRoot, listStacks, stackFile } from "../../cli/stacks";

/** A small root program: like index.ts, a function that reads the stack config and returns outputs. */
const program = () => async () => {
    const config = new pulumi.Config("spectrum");
    const architecture = config.require("architecture");
    const buckets = config.requireNumber("buckets");
    const check = new Validator("Demo", architecture);
    check.check(buckets >= 1, "buckets", buckets, "needs at least one bucket", "Set spectrum:buckets to 1 or more");
    check.throwIfInvalid();
    console.log("chatter from the program");
    const names = Array.from({ length: buckets }, (_, i) => new aws.s3.Bucket(`${architecture}-${i}`).bucket);
    return { first: names[0] };
};

function writeRoot(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-plan-"));
    fs.writeFileSync(path.join(root, "Pulumi.yaml"), "name: demo\nruntime: nodejs\n");
    fs.mkdirSync(path.join(root, "stacks"));
    const stacks: Record<string, string> = {
        dev: "config:\n  spectrum:architecture: landing\n  spectrum:buckets: 2\n",
        broken: "config:\n  spectrum:architecture: landing\n  spectrum:buckets: 0\n",
        unset: "config:\n  spectrum:buckets: 1\n",
    };
    for (const [stack, text] of Object.entries(stacks)) fs.writeFileSync(path.join(root, "stacks", `Pulumi.${stack}.yaml`), text);
    fs.writeFileSync(path.join(root, "stacks", "README.md"), "not a stack\n");
    return root;
}

interface Captured {
    code: number;
    out: string;
    err: string;
}

async function run(root: string, argv: string[], make: () => () => unknown = program): Promise<Captured> {
    let out = "";
    let err = "";
    const code = await plan(argv, { root, program: () => make(), out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
}

describe("plan arguments", () => {
    it("takes one stack and an optional --json, in any order", () => {
        expect(parseArgs(["dev"])).toEqual({ stack: "dev", json: false, mermaid: false });
        expect(parseArgs(["--json", "dev"])).toEqual({ stack: "dev", json: true, mermaid: false });
        expect(parseArgs(["dev", "--json"])).toEqual({ stack: "dev", json: true, mermaid: false });
        expect(parseArgs(["dev", "--mermaid"])).toEqual({ stack: "dev", json: false, mermaid: true });
        expect(() => parseArgs(["dev", "--json", "--mermaid"])).toThrow("--json and --mermaid exclude each other");
    });

    it("rejects a missing stack, unknown options and extra stacks with the usage line", () => {
        expect(() => parseArgs([], ["dev", "prod"])).toThrow(
            new UsageError("no stack given; usage: npm run plan -- <stack> [--json | --mermaid] (stacks: dev, prod)"),
        );
        expect(() => parseArgs(["dev", "--yaml"])).toThrow("unknown option --yaml; usage: npm run plan -- <stack> [--json | --mermaid]");
        expect(() => parseArgs(["dev", "prod"])).toThrow("one stack at a time, got dev, prod");
        expect(() => parseArgs(["--help"], ["dev"])).toThrow(UsageError);
    });
});

describe("plan stacks", () => {
    let root: string;
    beforeAll(() => {
        root = writeRoot();
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it("lists the stacks with a config file, sorted, ignoring other files", () => {
        expect(listStacks(root)).toEqual(["broken", "dev", "unset"]);
        expect(stackFile(root, "dev")).toBe(path.join(root, "stacks", "Pulumi.dev.yaml"));
    });

    it("names the stacks that exist when asked for one that does not", () => {
        expect(() => stackFile(root, "prod")).toThrow(
            new UsageError('unknown stack "prod": no stacks/Pulumi.prod.yaml (stacks: broken, dev, unset)'),
        );
        expect(() => stackFile(root, "../dev")).toThrow(UsageError);
        const bare = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-bare-"));
        expect(listStacks(bare)).toEqual([]);
        expect(() => stackFile(bare, "dev")).toThrow("(there are none yet)");
        fs.rmSync(bare, { recursive: true, force: true });
    });

    it("finds the repo root from the compiled command's folder, not the working directory", () => {
        const repo = path.resolve(__dirname, "..", "..");
        expect(findProjectRoot(path.join(repo, "dist", "cli"))).toBe(repo);
        expect(findProjectRoot(path.join(root, "stacks"))).toBe(root);
        expect(() => findProjectRoot(path.parse(root).root)).toThrow("no Pulumi.yaml");
    });
});

describe("plan command", () => {
    let root: string;
    let log: jest.SpyInstance;
    let error: jest.SpyInstance;
    beforeAll(() => {
        root = writeRoot();
    });
    beforeEach(() => {
        log = jest.spyOn(console, "log").mockImplementation(() => undefined);
        error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    });
    afterEach(() => jest.restoreAllMocks());
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it("prints the tree and counts of what the stack would create", async () => {
        const { code, out, err } = await run(root, ["dev"]);
        expect({ code, err }).toEqual({ code: 0, err: "" });
        expect(out).toContain("Plan for stack dev (project demo)");
        expect(out).toMatch(
            /\+ pulumi:pulumi:Stack\s+demo-dev\n\+ ├─ aws:s3\/bucket:Bucket\s+landing-0\n\+ └─ aws:s3\/bucket:Bucket\s+landing-1\n/,
        );
        expect(out).toContain("    2  aws:s3/bucket:Bucket\n");
        expect(out).toContain("    3  total to create (2 cloud resources, 1 component)");
        expect(out).toMatch(/first: "landing-0-[0-9a-f]{7}"/);
        expect(log).toHaveBeenCalledWith("chatter from the program");
    });

    it("writes only the plan JSON to stdout with --json; program output goes to stderr", async () => {
        const { code, out, err } = await run(root, ["dev", "--json"]);
        expect(code).toBe(0);
        const parsed = JSON.parse(out) as PlanJson;
        expect(parsed.stack).toBe("dev");
        expect(parsed.resources.map((r) => [r.type, r.name])).toEqual([
            ["pulumi:pulumi:Stack", "demo-dev"],
            ["aws:s3/bucket:Bucket", "landing-0"],
            ["aws:s3/bucket:Bucket", "landing-1"],
        ]);
        expect(Object.keys(parsed.resources[1])).toEqual(["urn", "type", "name", "parent", "provider", "custom", "inputs", "dependencies"]);
        expect(parsed.resources[0].parent).toBeNull();
        expect(parsed.resources[1].parent).toBe(parsed.resources[0].urn);
        expect(err).toBe("");
        expect(error).toHaveBeenCalledWith("chatter from the program");
        expect(log).not.toHaveBeenCalled();
        // The console is restored afterwards.
        expect(console.log).toBe(log);
    });

    it("reports a validation error as its message alone, exit code 2", async () => {
        const { code, out, err } = await run(root, ["broken"]);
        expect(code).toBe(2);
        expect(out).toBe("");
        expect(err).toBe('error: Demo "landing": buckets = 0: needs at least one bucket. Set spectrum:buckets to 1 or more.\n');
    });

    it("reports a missing config key as a configuration mistake, exit code 2", async () => {
        const { code, err } = await run(root, ["unset", "--json"]);
        expect(code).toBe(2);
        expect(err).toMatch(/^error: Missing required configuration variable 'spectrum:architecture'/);
        expect(err).not.toMatch(/\n\s+at /);
    });

    it("reports a stack config value the root program rejects as a configuration mistake, exit code 2", async () => {
        const { code, out, err } = await run(root, ["dev", "--json"], () => () => {
            throw new StackConfigError("spectrum:architecture", "delta", "is not a known architecture", "Set it to one of landing");
        });
        expect({ code, out }).toEqual({ code: 2, out: "" });
        expect(err).toBe('error: stack config spectrum:architecture = "delta": is not a known architecture. Set it to one of landing.\n');
    });

    it("reports usage and unknown stacks in one line, exit code 2, without running the program", async () => {
        const never = () => () => {
            throw new Error("must not run");
        };
        expect(await run(root, [], never)).toEqual({
            code: 2,
            out: "",
            err: "error: no stack given; usage: npm run plan -- <stack> [--json | --mermaid] (stacks: broken, dev, unset)\n",
        });
        expect(await run(root, ["prod"], never)).toEqual({
            code: 2,
            out: "",
            err: 'error: unknown stack "prod": no stacks/Pulumi.prod.yaml (stacks: broken, dev, unset)\n',
        });
    });

    it("answers --help (or -h) with the usage and the stacks on stdout, exit code 0, without running the program", async () => {
        const never = () => () => {
            throw new Error("must not run");
        };
        expect(wantsHelp(["dev", "-h"])).toBe(true);
        expect(wantsHelp(["dev", "--json"])).toBe(false);
        for (const argv of [["--help"], ["dev", "-h"], ["--yaml", "--help"]])
            expect(await run(root, argv, never)).toEqual({
                code: 0,
                out: `usage: npm run plan -- <stack> [--json | --mermaid]\n${REPORT_USAGE} (stacks: broken, dev, unset)\n`,
                err: "",
            });
    });

    it("fails with exit code 1 when the program itself breaks", async () => {
        const { code, err } = await run(root, ["dev"], () => () => {
            new aws.sns.Topic("same");
            new aws.sns.Topic("same");
        });
        expect(code).toBe(1);
        expect(err).toMatch(/^error: plan failed: Duplicate resource URN/);
    });

    it("prints an error reported already (as an unhandled rejection) only once", async () => {
        let err = "";
        const reported = new Set<unknown>();
        const failure = new UsageError("told once");
        reported.add(failure);
        const code = await plan(["dev"], {
            root,
            program: () => () => {
                throw failure;
            },
            err: (t) => (err += t),
            reported,
        });
        expect(code).toBe(2);
        expect(err).toBe("");
        expect(describeFailure("text")).toEqual({ code: 1, message: "plan failed: text" });
    });
});
