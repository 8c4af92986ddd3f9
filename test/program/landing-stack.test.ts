import { stackPlan } from "../shared-plans";
import rootProgram from "../../index";

const S3 = "aws:s3/";

describe("landing stack (root program)", () => {
    it("plans the landing zone with every bucket's configuration as separate resources wired to it", async () => {
        const graph = await stackPlan("landing");
        expect(graph.project).toBe("spectrum");
        expect(graph.stack).toBe("landing");
        const buckets = graph.ofType(`${S3}bucket:Bucket`);
        expect(buckets).toHaveLength(2);
        for (const bucket of buckets) {
            for (const kind of [
                "bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
                "bucketVersioning:BucketVersioning",
                "bucketPublicAccessBlock:BucketPublicAccessBlock",
                "bucketPolicy:BucketPolicy",
                "bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            ]) {
                const wired = graph.ofType(`${S3}${kind}`).filter((r) => r.propertyDependencies.bucket?.includes(bucket.urn));
                expect(wired).toHaveLength(1);
            }
        }
        expect(graph.outputs.rawUri).toMatch(/^s3:\/\/landing-data-\w+\/raw\/$/);
        expect(buckets.every((b) => (b.inputs.tags as Record<string, string>)["spectrum:stack"] === "landing")).toBe(true);
        const json = graph.toPlanJson();
        expect(json.stack).toBe("landing");
        expect(Object.keys(json.resources[0]).sort()).toEqual([
            "custom",
            "dependencies",
            "inputs",
            "name",
            "parent",
            "provider",
            "type",
            "urn",
        ]);
    });

    it("fails clearly on an unknown architecture", async () => {
        const { runProgram } = await import("../../testing");
        await expect(runProgram(rootProgram, { project: "spectrum", config: { "spectrum:architecture": "delta" } })).rejects.toThrow(
            'stack config spectrum:architecture = "delta": is not a known architecture. Set it to one of landing, hybrid, kappa, lambda',
        );
    });

    it("fails clearly on a bad landing zone value from config", async () => {
        const { runProgram } = await import("../../testing");
        await expect(
            runProgram(rootProgram, {
                project: "spectrum",
                config: {
                    "spectrum:architecture": "landing",
                    "spectrum:landingZone": { zones: { raw: { infrequentAccessAfterDays: 7 } } },
                },
            }),
        ).rejects.toThrow(
            "stack config spectrum:landingZone.zones.raw.infrequentAccessAfterDays = 7: S3 rejects a STANDARD_IA transition earlier than 30 days. Use 30 or more.",
        );
    });
});
