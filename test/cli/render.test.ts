import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ResourceGraph, runProgram } from "../../testing";
import { renderCounts, renderOutputs, renderPlan, renderTree, treeRows } from "../../cli/render";

class Zone extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Zone", name, {}, opts);
        const key = new aws.kms.Key(`${name}-key`, {}, { parent: this });
        this.bucket = new aws.s3.Bucket(`${name}-bucket`, {}, { parent: this });
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-sse`,
            {
                bucket: this.bucket.id,
                rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn } }],
            },
            { parent: this.bucket },
        );
        this.registerOutputs({});
    }
}

/** Stack -> Zone "raw" (key, bucket -> sse), Zone "curated" (same), and a topic at the top level. */
function program() {
    const raw = new Zone("raw");
    new Zone("curated");
    new aws.sns.Topic("alerts");
    return { bucket: raw.bucket.bucket, zones: ["raw", "curated"] };
}

describe("plan rendering", () => {
    let graph: ResourceGraph;
    beforeAll(async () => {
        graph = await runProgram(program, { project: "demo", stack: "dev" });
    });

    it("lists every resource once, depth first under its parent, in registration order", () => {
        const rows = treeRows(graph);
        expect(rows).toHaveLength(graph.resources.length);
        expect(rows.map((row) => `${row.prefix}${row.resource.name}`)).toEqual([
            "demo-dev",
            "├─ raw",
            "│  ├─ raw-key",
            "│  └─ raw-bucket",
            "│     └─ raw-sse",
            "├─ curated",
            "│  ├─ curated-key",
            "│  └─ curated-bucket",
            "│     └─ curated-sse",
            "└─ alerts",
        ]);
        // Every row's parent is the nearest row above it that is one level shallower.
        for (const [i, row] of rows.entries()) {
            if (!row.resource.parent) continue;
            const depth = row.prefix.length / 3;
            const above = rows
                .slice(0, i)
                .reverse()
                .find((r) => r.prefix.length / 3 === depth - 1);
            expect(above?.resource.urn).toBe(row.resource.parent);
        }
    });

    it("prints the stack on top, each type indented under its parent, names in one column", () => {
        const lines = renderTree(graph).split("\n");
        expect(lines[0]).toMatch(/^\s+Type\s+Name$/);
        expect(lines[1]).toMatch(/^\+ pulumi:pulumi:Stack\s+demo-dev$/);
        expect(lines[2]).toMatch(/^\+ ├─ test:index:Zone\s+raw$/);
        expect(lines[5]).toMatch(
            /^\+ │ {5}└─ aws:s3\/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration {2}raw-sse$/,
        );
        expect(lines[10]).toMatch(/^\+ └─ aws:sns\/topic:Topic\s+alerts$/);
        const nameColumn = new Set(lines.map((line) => line.length - line.trimEnd().split(/\s+/).pop()!.length));
        expect(nameColumn.size).toBe(1);
    });

    it("counts each type and the total, split into cloud resources and components", () => {
        const lines = renderCounts(graph).split("\n");
        expect(lines[0]).toBe("Resources:");
        expect(lines).toContain("     2  aws:kms/key:Key");
        expect(lines).toContain("     2  aws:s3/bucket:Bucket");
        expect(lines).toContain("     1  aws:sns/topic:Topic");
        expect(lines).toContain("     1  pulumi:pulumi:Stack");
        expect(lines).toContain("     2  test:index:Zone");
        expect(lines[lines.length - 1]).toBe("    10  total to create (7 cloud resources, 3 components)");
        const types = lines.slice(1, -1).map((line) => line.trim().split(/\s+/)[1]);
        expect(types).toEqual([...types].sort((a, b) => a.localeCompare(b)));
    });

    it("uses the singular for one resource or component", async () => {
        const single = await runProgram(() => {
            new aws.sns.Topic("only");
        });
        expect(renderCounts(single)).toContain("2  total to create (1 cloud resource, 1 component)");
    });

    it("prints the stack outputs and omits the section when there are none", async () => {
        expect(renderOutputs(graph).split("\n")).toEqual([
            "Outputs:",
            `    bucket: "${graph.outputs.bucket as string}"`,
            '    zones: ["raw","curated"]',
        ]);
        const empty = await runProgram(() => undefined);
        expect(renderOutputs(empty)).toBe("");
        expect(renderPlan(empty)).not.toContain("Outputs:");
    });

    it("puts header, tree, counts, outputs and duration together", () => {
        const text = renderPlan(graph, 1234);
        expect(text.startsWith("Plan for stack dev (project demo)")).toBe(true);
        const order = ["Type", "pulumi:pulumi:Stack", "Resources:", "Outputs:", "Duration: 1.2s"].map((s) => text.indexOf(s));
        expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    });

    it("shows a resource whose parent is not in the graph as a root", () => {
        const orphan = { ...graph.resources[3], parent: "urn:pulumi:dev::demo::missing::gone" };
        const partial = new ResourceGraph("demo", "dev", [graph.resources[0], orphan], {});
        expect(treeRows(partial).map((row) => row.prefix)).toEqual(["", ""]);
    });
});
