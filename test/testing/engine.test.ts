import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { DuplicateResourceError, runProgram } from "../../testing";

class Box extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        this.bucket = new aws.s3.Bucket(`${name}-bucket`, {}, { parent: this });
        this.registerOutputs({});
    }
}

describe("mock engine", () => {
    it("records parents, types, custom flags and secrets unwrapped", async () => {
        const graph = await runProgram(() => {
            const box = new Box("box");
            new aws.ssm.Parameter("param", { type: "SecureString", value: pulumi.secret("hunter2") }, { parent: box });
        });
        const box = graph.one("test:index:Box", "box");
        expect(box.custom).toBe(false);
        const bucket = graph.one("aws:s3/bucket:Bucket");
        expect(bucket.parent).toBe(box.urn);
        expect(bucket.custom).toBe(true);
        expect(bucket.urn).toBe("urn:pulumi:test::project::test:index:Box$aws:s3/bucket:Bucket::box-bucket");
        expect(
            graph
                .childrenOf(box)
                .map((r) => r.name)
                .sort(),
        ).toEqual(["box-bucket", "param"]);
        expect(graph.one("aws:ssm/parameter:Parameter").inputs.value).toBe("hunter2");
    });

    it("reports dependencies through outputs and explicit dependsOn", async () => {
        const graph = await runProgram(() => {
            const box = new Box("box");
            new aws.s3.BucketVersioning("versioning", { bucket: box.bucket.id, versioningConfiguration: { status: "Enabled" } });
            new aws.sns.Topic("after", {}, { dependsOn: [box] });
            new aws.sns.Topic("alone");
        });
        const bucket = graph.one("aws:s3/bucket:Bucket");
        const versioning = graph.one("aws:s3/bucketVersioning:BucketVersioning");
        expect(versioning.dependencies).toContain(bucket.urn);
        expect(versioning.propertyDependencies.bucket).toEqual([bucket.urn]);
        expect(graph.dependsOn(versioning, bucket)).toBe(true);
        expect(graph.dependsOn(graph.one("aws:sns/topic:Topic", "after"), graph.one("test:index:Box"))).toBe(true);
        expect(graph.dependsOn(graph.one("aws:sns/topic:Topic", "alone"), bucket)).toBe(false);
    });

    it("fills plausible outputs that consumers can read", async () => {
        const graph = await runProgram(() => {
            const bucket = new aws.s3.Bucket("data");
            const role = new aws.iam.Role("role", { assumeRolePolicy: "{}" });
            return { bucket: bucket.bucket, bucketArn: bucket.arn, roleArn: role.arn };
        });
        expect(graph.outputs.bucket).toMatch(/^data-[0-9a-f]{7}$/);
        expect(graph.outputs.bucketArn).toBe(`arn:aws:s3:::${graph.outputs.bucket as string}`);
        expect(graph.outputs.roleArn).toMatch(/^arn:aws:iam::123456789012:role\/role-/);
    });

    it("rejects duplicate URNs the way the engine would", async () => {
        await expect(
            runProgram(() => {
                new aws.s3.Bucket("same");
                new aws.s3.Bucket("same");
            }),
        ).rejects.toThrow(DuplicateResourceError);
        // Same name under different parent types gives different URNs: allowed, as in the engine.
        const graph = await runProgram(() => {
            new aws.s3.Bucket("box-bucket");
            new Box("box");
        });
        expect(graph.ofType("aws:s3/bucket:Bucket")).toHaveLength(2);
    });

    it("records protection options and provider references", async () => {
        const graph = await runProgram(() => {
            const provider = new aws.Provider("east", { region: "us-east-1" });
            new aws.s3.Bucket("kept", {}, { protect: true, retainOnDelete: true, provider });
        });
        const kept = graph.one("aws:s3/bucket:Bucket");
        expect(kept.options.protect).toBe(true);
        expect(kept.options.retainOnDelete).toBe(true);
        expect(kept.provider).toBe(graph.one("pulumi:providers:aws").urn);
    });

    it("passes config to the program, JSON-encoding objects", async () => {
        const graph = await runProgram(
            () => {
                const cfg = new pulumi.Config("demo");
                return { name: cfg.require("name"), zones: cfg.requireObject<string[]>("zones") };
            },
            { config: { "demo:name": "x", "demo:zones": ["raw"] } },
        );
        expect(graph.outputs).toEqual({ name: "x", zones: ["raw"] });
    });
});
