import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { LandingZone } from "../../components/landing-zone";
import { Program, runProgram } from "../../testing";
import { UsageError, parseArgs } from "../../cli/args";
import { DATA_BEARING_TYPES } from "../../cli/diff/data-bearing-types";
import { diffPlans } from "../../cli/diff/diff";
import { changedPaths, covers } from "../../cli/diff/paths";
import { renderDiff } from "../../cli/diff/render";
import { plan } from "../../cli/plan";
import rootProgram from "../../index";
import { planOf, root, stacks } from "./stack-plans";

/** Diffs the plan of `after` against the plan of `before`, both run as the same stack. */
async function diffOf(before: Program, after: Program) {
    const previous = (await runProgram(before)).toPlanJson();
    return diffPlans(previous, await runProgram(after));
}

describe("input paths", () => {
    it("finds the leaves that change and matches them to replacement-forcing patterns", () => {
        expect(changedPaths({ a: { b: [1, 2] }, c: "x" }, { a: { b: [1, 3] }, d: "y" })).toEqual([["a", "b", "1"], ["c"], ["d"]]);
        expect(covers("spec.volumeClaimTemplates", ["spec", "volumeClaimTemplates", "0", "spec", "resources"])).toBe(true);
        expect(covers("spec.containers.*.image", ["spec", "containers", "2", "image"])).toBe(true);
        expect(covers("name", ["namePrefix"])).toBe(false);
    });

    it("keeps a replacement rule with its source for every data-bearing type", () => {
        for (const t of DATA_BEARING_TYPES) {
            expect(t.replaceOn.length).toBeGreaterThan(0);
            expect(t.source).toMatch(/(terraform-provider-aws|terraform-provider-kafka|pulumi-kubernetes)/);
            expect(t.lost).toMatch(/\w/);
        }
    });
});

describe("data-loss diff", () => {
    it("flags a renamed landing zone: its buckets and key are deleted, with what each loses", async () => {
        const diff = await diffOf(
            () => new LandingZone("lake", { protect: false }),
            () => new LandingZone("lakehouse", { protect: false }),
        );
        expect(diff.dataLoss.map((c) => `${c.kind} ${c.type} ${c.name}`)).toEqual([
            "delete aws:kms/key:Key lake-key",
            "delete aws:s3/bucket:Bucket lake-access-logs",
            "delete aws:s3/bucket:Bucket lake-data",
        ]);
        expect(diff.dataLoss[2].dataLoss).toEqual(["every object and object version in the bucket"]);
        expect(diff.counts.create).toBe(diff.counts.delete);
        expect(renderDiff(diff, "base.json", true)).toContain(
            "\u001b[31m         DATA LOSS: every object and object version in the bucket\u001b[0m",
        );
    });

    it("replaces a topic whose replication factor changes, and says why and on whose authority", async () => {
        const topic = (replicationFactor: number) => () => {
            new aws.msk.Topic("orders", {
                clusterArn: "arn:aws:kafka:us-east-1:1:cluster/c/1",
                name: "orders",
                partitionCount: 6,
                replicationFactor,
            });
        };
        const diff = await diffOf(topic(3), topic(2));
        expect(diff.changes).toEqual([
            expect.objectContaining({
                kind: "replace",
                name: "orders",
                replaceReasons: ["replicationFactor changes"],
                replaceSource: expect.stringContaining("internal/service/kafka/topic.go"),
                dataLoss: ["every record in the topic (its consumers' committed offsets point at nothing)"],
            }),
        ]);
    });

    it("cascades a replacement into inputs that force one downstream, and notes protection", async () => {
        const stack = (keyUsage: string) => () => {
            const key = new aws.kms.Key("key", { keyUsage });
            new aws.msk.Cluster(
                "kafka",
                {
                    kafkaVersion: "3.9.x.kraft",
                    numberOfBrokerNodes: 3,
                    brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["a", "b", "c"], securityGroups: ["sg"] },
                    encryptionInfo: { encryptionAtRestKmsKeyArn: key.arn },
                },
                { protect: true },
            );
        };
        const diff = await diffOf(stack("ENCRYPT_DECRYPT"), stack("SIGN_VERIFY"));
        expect(diff.changes.map((c) => [c.kind, c.name, c.replaceReasons])).toEqual([
            ["replace", "key", ["keyUsage changes"]],
            ["replace", "kafka", ["encryptionInfo comes from key, which is replaced"]],
        ]);
        expect(diff.changes[1].notes).toEqual([
            "protected: pulumi up refuses the replacement and fails, so the change cannot deploy as is",
        ]);
    });

    it("flags updates that delete data in place: shorter topic retention, a new bucket expiry, a moved Flink checkpoint location", async () => {
        const world = (retentionMs: string, expiryDays: number | undefined, checkpoints: string) => () => {
            new aws.msk.Topic("t", {
                clusterArn: "arn",
                name: "t",
                partitionCount: 6,
                replicationFactor: 3,
                configs: JSON.stringify({ "retention.ms": retentionMs }),
            });
            new aws.s3.BucketLifecycleConfiguration("rules", {
                bucket: "b",
                rules: [
                    {
                        id: "raw",
                        status: "Enabled",
                        filter: { prefix: "raw/" },
                        ...(expiryDays ? { expiration: { days: expiryDays } } : {}),
                    },
                ],
            });
            new k8s.apiextensions.CustomResource("job", {
                apiVersion: "flink.apache.org/v1beta1",
                kind: "FlinkDeployment",
                metadata: { name: "job" },
                spec: { flinkConfiguration: { "execution.checkpointing.dir": checkpoints }, job: { upgradeMode: "savepoint" } },
            });
        };
        const diff = await diffOf(world("604800000", undefined, "s3://b/checkpoints/a/"), world("86400000", 90, "s3://b/checkpoints/b/"));
        const byName = Object.fromEntries(diff.dataLoss.map((c) => [c.name, [c.kind, c.dataLoss]]));
        expect(byName).toEqual({
            t: ["update", ["records older than 1 day (retention.ms lowered from 7 days)"]],
            rules: ["update", ["objects under raw/ older than 90 days (rule raw, was never)"]],
            job: [
                "update",
                [
                    "the job's state: execution.checkpointing.dir moves from s3://b/checkpoints/a/ to s3://b/checkpoints/b/, so the upgrade cannot restore from it",
                ],
            ],
        });
    });

    it("follows a rename an alias carries: no delete, no data loss", async () => {
        const diff = await diffOf(
            // Programs that return nothing: a returned resource would become stack outputs, and the SDK
            // warns about each of its unset properties.
            () => {
                new aws.s3.Bucket("data");
            },
            () => {
                new aws.s3.Bucket("lake-data", {}, { aliases: [{ name: "data" }] });
            },
        );
        expect(diff.dataLoss).toEqual([]);
        expect(diff.counts).toMatchObject({ create: 0, delete: 0 });
    });

    it("finds nothing to change between two plans of the same stack (the plan is deterministic)", async () => {
        for (const stack of stacks) {
            const graph = await planOf(stack);
            const diff = diffPlans(JSON.parse(JSON.stringify(graph.toPlanJson())), graph);
            expect({ stack, changes: diff.changes }).toEqual({ stack, changes: [] });
            expect(diff.counts.same).toBe(graph.resources.length);
        }
    });
});

describe("plan --diff", () => {
    let dir: string;
    beforeAll(async () => {
        // The base branch's plan of the hybrid stack, and a branch that renames its orders topic.
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-diff-"));
        fs.writeFileSync(path.join(dir, "base.json"), JSON.stringify((await planOf("hybrid")).toPlanJson()));
        fs.copyFileSync(path.join(root, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        fs.mkdirSync(path.join(dir, "stacks"));
        const renamed = fs.readFileSync(path.join(root, "stacks", "Pulumi.hybrid.yaml"), "utf8").replace("orders: {}", "purchases: {}");
        fs.writeFileSync(path.join(dir, "stacks", "Pulumi.hybrid.yaml"), renamed);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = async (argv: string[]) => {
        let out = "";
        let err = "";
        const code = await plan(argv, { root: dir, cwd: dir, program: () => rootProgram, out: (t) => (out += t), err: (t) => (err += t) });
        return { code, out, err };
    };

    it("flags a renamed topic as data loss and fails with --fail-on-data-loss", async () => {
        const failing = await run(["hybrid", "--diff", "base.json", "--fail-on-data-loss"]);
        expect(failing.code).toBe(3);
        expect(failing.out).toContain(
            "-  delete  aws:msk/topic:Topic  hybrid-topics-orders-topic\n         DATA LOSS: every record in the topic",
        );
        expect(failing.out).toContain("Data loss: 1 resource (hybrid-topics-orders-topic).");
        const reported = await run(["hybrid", "--diff", "base.json"]);
        expect(reported.code).toBe(0);
        const json = await run(["hybrid", "--diff", "base.json", "--json"]);
        expect(JSON.parse(json.out).diff.dataLoss.map((c: { name: string }) => c.name)).toEqual(["hybrid-topics-orders-topic"]);
    });

    it("refuses a file that is not a plan, a plan of another stack, and --fail-on-data-loss alone", async () => {
        fs.writeFileSync(path.join(dir, "other.json"), JSON.stringify({ stack: "kappa", resources: [] }));
        fs.writeFileSync(path.join(dir, "junk.json"), "{}");
        expect((await run(["hybrid", "--diff", "other.json"])).err).toContain("is a plan of stack kappa, not hybrid");
        expect((await run(["hybrid", "--diff", "junk.json"])).err).toContain("--diff junk.json: not a plan");
        expect((await run(["hybrid", "--diff", "missing.json"])).code).toBe(2);
        expect(() => parseArgs(["hybrid", "--fail-on-data-loss"])).toThrow(
            new UsageError("--fail-on-data-loss needs --diff <previous-plan.json>"),
        );
        expect(() => parseArgs(["hybrid", "--diff"])).toThrow("--diff needs a value");
        expect(() => parseArgs(["hybrid", "--cost", "--mermaid"])).toThrow("--mermaid and the reports exclude each other");
        expect(parseArgs(["hybrid", "--cost", "--assume=spotDiscount=0.5", "--diff=a.json"]).reports).toEqual({
            cost: true,
            capacity: false,
            diff: "a.json",
            failOnDataLoss: false,
            assume: ["spotDiscount=0.5"],
        });
    });
});
