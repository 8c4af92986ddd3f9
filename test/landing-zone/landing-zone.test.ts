import { LandingZone, LandingZoneArgs } from "../../components/landing-zone";
import { SpectrumValidationError, policyDocument } from "../../components/core";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";

const S3 = "aws:s3/";
const types = {
    bucket: `${S3}bucket:Bucket`,
    encryption: `${S3}bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration`,
    versioning: `${S3}bucketVersioning:BucketVersioning`,
    publicAccess: `${S3}bucketPublicAccessBlock:BucketPublicAccessBlock`,
    ownership: `${S3}bucketOwnershipControls:BucketOwnershipControls`,
    policy: `${S3}bucketPolicy:BucketPolicy`,
    lifecycle: `${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration`,
    logging: `${S3}bucketLogging:BucketLogging`,
    notification: `${S3}bucketNotification:BucketNotification`,
    key: "aws:kms/key:Key",
};

/** The configuration resource of a type that points at this bucket, through its output. */
function configOf(graph: ResourceGraph, type: string, bucket: PlannedResource): PlannedResource {
    const hits = graph.ofType(type).filter((r) => r.propertyDependencies.bucket?.includes(bucket.urn));
    expect(hits).toHaveLength(1);
    return hits[0];
}

describe("LandingZone", () => {
    let graph: ResourceGraph;
    let data: PlannedResource;
    let logs: PlannedResource;
    let zone: LandingZone;

    beforeAll(async () => {
        graph = await runProgram(() => {
            zone = new LandingZone("lz", { tags: { team: "data" } });
            return { raw: zone.uri("raw", "events/dt=2026-01-01"), prefix: zone.keyPrefix("curated", "/sales/") };
        });
        data = graph.one(types.bucket, "lz-data");
        logs = graph.one(types.bucket, "lz-access-logs");
    });

    it("creates two buckets, a rotating customer-managed key, all children of the component", () => {
        expect(graph.ofType(types.bucket)).toHaveLength(2);
        const key = graph.one(types.key);
        expect(key.inputs.enableKeyRotation).toBe(true);
        const component = graph.one("spectrum:index:LandingZone", "lz");
        for (const r of [data, logs, key]) expect(r.parent).toBe(component.urn);
        expect(data.inputs.tags).toEqual({ team: "data", "spectrum:component": "LandingZone" });
    });

    it("encrypts the data bucket with the key (SSE-KMS, bucket keys) and the log bucket with SSE-S3", () => {
        const key = graph.one(types.key);
        const dataEnc = configOf(graph, types.encryption, data);
        const rule = (dataEnc.inputs.rules as Array<Record<string, Record<string, unknown>>>)[0];
        expect(rule.applyServerSideEncryptionByDefault).toEqual({
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: expect.stringContaining(":key/"),
        });
        expect(rule.bucketKeyEnabled).toBe(true);
        expect(dataEnc.propertyDependencies.rules).toContain(key.urn);
        const logEnc = configOf(graph, types.encryption, logs);
        expect((logEnc.inputs.rules as Array<Record<string, Record<string, unknown>>>)[0].applyServerSideEncryptionByDefault).toEqual({
            sseAlgorithm: "AES256",
        });
    });

    it.each(["lz-data", "lz-access-logs"])("secures bucket %s: versioning, ownership, all four public-access blocks", (name) => {
        const bucket = graph.one(types.bucket, name);
        expect(configOf(graph, types.versioning, bucket).inputs.versioningConfiguration).toEqual({ status: "Enabled" });
        expect(configOf(graph, types.ownership, bucket).inputs.rule).toEqual({ objectOwnership: "BucketOwnerEnforced" });
        const pab = configOf(graph, types.publicAccess, bucket).inputs;
        expect([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets]).toEqual([
            true,
            true,
            true,
            true,
        ]);
        expect(bucket.options.protect).toBe(true);
        expect(bucket.inputs.forceDestroy).toBe(false);
    });

    it.each(["lz-data", "lz-access-logs"])("bucket %s denies every request without TLS", (name) => {
        const bucket = graph.one(types.bucket, name);
        const policy = configOf(graph, types.policy, bucket);
        const deny = policyStatements(policy).find((s) => s.Sid === "DenyInsecureTransport");
        expect(deny).toMatchObject({
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:*"],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        });
        expect(deny?.Resource).toEqual([bucket.outputs.arn, `${bucket.outputs.arn as string}/*`]);
        expect(graph.dependsOn(policy, configOf(graph, types.publicAccess, bucket))).toBe(true);
    });

    it("refuses uploads that ask for another encryption or another key", () => {
        const statements = policyStatements(configOf(graph, types.policy, data));
        const otherSse = statements.find((s) => s.Sid === "DenyUploadsNotEncryptedWithKms");
        expect(otherSse).toMatchObject({
            Effect: "Deny",
            Action: ["s3:PutObject"],
            Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
        });
        const otherKey = statements.find((s) => s.Sid === "DenyUploadsWithAnotherKmsKey");
        expect(otherKey?.Condition?.StringNotEquals["s3:x-amz-server-side-encryption-aws-kms-key-id"]).toMatch(/^arn:aws:kms:.*:key\//);
    });

    it("logs data-bucket access into the log bucket, which lets only S3 log delivery write", () => {
        const logging = configOf(graph, types.logging, data);
        expect(logging.propertyDependencies.targetBucket).toEqual([logs.urn]);
        expect(logging.inputs.targetPrefix).toBe("s3-access/");
        const delivery = policyStatements(configOf(graph, types.policy, logs)).find((s) => s.Sid === "AllowS3ServerAccessLogDelivery");
        expect(delivery).toMatchObject({ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: ["s3:PutObject"] });
        expect(delivery?.Resource).toEqual([`${logs.outputs.arn as string}/s3-access/*`]);
        expect(delivery?.Condition?.ArnLike["aws:SourceArn"]).toBe(data.outputs.arn);
    });

    it("sends object events to EventBridge", () => {
        expect(configOf(graph, types.notification, data).inputs.eventbridge).toBe(true);
    });

    it("applies a lifecycle per area: tiering raw, quick cleanup of checkpoints, aborting stale uploads", () => {
        const rules = configOf(graph, types.lifecycle, data).inputs.rules as Array<Record<string, unknown>>;
        const byId = Object.fromEntries(rules.map((r) => [r.id, r]));
        expect(Object.keys(byId).sort()).toEqual(["checkpoints-lifecycle", "curated-lifecycle", "logs-lifecycle", "raw-lifecycle"]);
        expect(byId["raw-lifecycle"]).toMatchObject({
            status: "Enabled",
            filter: { prefix: "raw/" },
            transitions: [
                { days: 30, storageClass: "STANDARD_IA" },
                { days: 180, storageClass: "GLACIER_IR" },
            ],
            noncurrentVersionExpiration: { noncurrentDays: 30 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 3 },
        });
        expect(byId["checkpoints-lifecycle"]).toMatchObject({
            filter: { prefix: "checkpoints/" },
            noncurrentVersionExpiration: { noncurrentDays: 1 },
            expiration: { expiredObjectDeleteMarker: true },
        });
        expect(byId["checkpoints-lifecycle"].transitions).toBeUndefined();
        expect(byId["logs-lifecycle"]).toMatchObject({ expiration: { days: 90 } });
        const logRules = configOf(graph, types.lifecycle, logs).inputs.rules as Array<Record<string, unknown>>;
        expect(logRules).toEqual([expect.objectContaining({ expiration: { days: 365 } })]);
    });

    it("builds locations inside its areas", () => {
        expect(graph.outputs.raw).toMatch(/^s3:\/\/lz-data-\w+\/raw\/events\/dt=2026-01-01\/$/);
        expect(graph.outputs.prefix).toBe("curated/sales/");
        expect(() => zone.keyPrefix("gold")).toThrow(
            'LandingZone "lz": area = "gold": not an area of this landing zone. Use one of raw, curated, checkpoints, logs.',
        );
        expect(() => zone.keyPrefix("raw", "../curated")).toThrow(/path = "..\/curated": segment ".." is not a safe S3 key segment/);
    });

    describe("grants", () => {
        let read: ReturnType<LandingZone["grant"]>;
        let write: ReturnType<LandingZone["grant"]>;
        let resolved: { read: string; write: string };

        beforeAll(async () => {
            const g = await runProgram(() => {
                const z = new LandingZone("g");
                read = z.grant("read", "raw", "events");
                write = z.grant("write", "checkpoints", "job-a");
                return { read: policyDocument(read), write: policyDocument(write) };
            });
            resolved = g.outputs as typeof resolved;
        });

        const statements = (doc: string) =>
            (
                JSON.parse(doc) as {
                    Statement: Array<{ Action: string[]; Resource: string[]; Condition?: Record<string, Record<string, unknown>> }>;
                }
            ).Statement;

        it("scopes reads to the prefix and the key, through S3 for this bucket only", () => {
            const s = statements(resolved.read);
            const objects = s.find((x) => x.Action.includes("s3:GetObject"));
            expect(objects?.Action).toEqual(["s3:GetObject"]);
            expect(objects?.Resource).toEqual([expect.stringMatching(/^arn:aws:s3:::g-data-\w+\/raw\/events\/\*$/)]);
            const list = s.find((x) => x.Action.includes("s3:ListBucket"));
            expect(list?.Condition).toEqual({ StringLike: { "s3:prefix": ["raw/events", "raw/events/*"] } });
            const kms = s.find((x) => x.Action.some((a) => a.startsWith("kms:")));
            expect(kms?.Action).toEqual(["kms:Decrypt"]);
            expect(kms?.Resource).toEqual([expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//)]);
            expect(kms?.Condition?.StringEquals["kms:EncryptionContext:aws:s3:arn"]).toMatch(/^arn:aws:s3:::g-data-/);
            // Nothing in a read grant writes or reaches outside the prefix.
            const actions = s.flatMap((x) => x.Action);
            expect(actions).not.toContain("s3:PutObject");
            expect(s.flatMap((x) => x.Resource).filter((r) => r.includes("/") && r.startsWith("arn:aws:s3"))).toEqual([
                expect.stringContaining("/raw/events/*"),
            ]);
        });

        it("lets writers put, delete and encrypt only under their prefix", () => {
            const s = statements(resolved.write);
            const objects = s.find((x) => x.Action.includes("s3:PutObject"));
            expect(objects?.Resource).toEqual([expect.stringMatching(/\/checkpoints\/job-a\/\*$/)]);
            expect(objects?.Action).toEqual(
                expect.arrayContaining(["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]),
            );
            expect(s.find((x) => x.Action.includes("kms:GenerateDataKey"))?.Action).toEqual(["kms:Decrypt", "kms:GenerateDataKey"]);
            expect(write.every((st) => st.Effect === "Allow")).toBe(true);
            expect(read.length).toBeLessThan(write.length);
        });
    });

    describe("protection", () => {
        it("keeps buckets and key protected by default, and lets a dev stack opt out in one switch", async () => {
            const g = await runProgram(() => new LandingZone("dev", { protect: false }));
            for (const r of [...g.ofType(types.bucket), g.one(types.key)]) {
                expect(r.options.protect).toBe(false);
                expect(r.options.retainOnDelete).toBe(false);
            }
            expect(g.ofType(types.bucket).map((b) => b.inputs.forceDestroy)).toEqual([true, true]);
            expect(g.one(types.key).inputs.deletionWindowInDays).toBe(7);
            const key = graph.one(types.key);
            expect([key.options.protect, key.options.retainOnDelete, key.inputs.deletionWindowInDays]).toEqual([true, true, 30]);
        });
    });

    describe("validation", () => {
        const build = (args: LandingZoneArgs) => () => new LandingZone("bad", args);
        const cases: Array<[string, LandingZoneArgs, string]> = [
            [
                "a Standard-IA transition before 30 days",
                { zones: { raw: { infrequentAccessAfterDays: 10 } } },
                'LandingZone "bad": zones.raw.infrequentAccessAfterDays = 10: S3 rejects a STANDARD_IA transition earlier than 30 days. Use 30 or more.',
            ],
            [
                "transitions out of order",
                { zones: { raw: { infrequentAccessAfterDays: 60, glacierAfterDays: 70 } } },
                'LandingZone "bad": zones.raw.glacierAfterDays = 70: transitions are out of order: S3 requires GLACIER_IR at least 30 days after the STANDARD_IA transition (day 60). Use 90 or more, or turn off infrequentAccessAfterDays.',
            ],
            [
                "an expiry before the last transition",
                { zones: { raw: { expireAfterDays: 100 } } },
                'LandingZone "bad": zones.raw.expireAfterDays = 100: S3 rejects an expiration that is not later than the last transition (day 180).',
            ],
            [
                "a reserved zone name",
                { zones: { raw: {}, checkpoints: {} } },
                'LandingZone "bad": zones.checkpoints = "checkpoints": "checkpoints" is a reserved area of every landing zone.',
            ],
            [
                "a zone name S3 prefixes should not have",
                { zones: { Raw_Events: {} } },
                'LandingZone "bad": zones.Raw_Events = "Raw_Events": a zone name must be lowercase letters, digits and dashes.',
            ],
            ["no zones", { zones: {} }, 'LandingZone "bad": zones = {}: at least one data zone is needed.'],
            [
                "a fractional day count",
                { checkpoints: { noncurrentVersionExpireDays: 0.5 } },
                'LandingZone "bad": checkpoints.noncurrentVersionExpireDays = 0.5: must be a whole number of days, at least 1.',
            ],
            [
                "a protect flag that is not a boolean",
                { protect: "maybe" as unknown as boolean },
                'LandingZone "bad": protect = "maybe": must be true or false.',
            ],
            [
                "a zero abort window",
                { abortIncompleteUploadsAfterDays: 0 },
                'LandingZone "bad": abortIncompleteUploadsAfterDays = 0: must be a whole number of days, at least 1.',
            ],
        ];
        it.each(cases)("rejects %s with a clear message", (_what, args, message) => {
            expect(build(args)).toThrow(SpectrumValidationError);
            expect(build(args)).toThrow(message);
        });

        it("reports every problem at once", () => {
            try {
                new LandingZone("bad", { zones: { raw: { infrequentAccessAfterDays: 5 } }, accessLogRetentionDays: -1 });
                throw new Error("expected a validation error");
            } catch (e) {
                expect((e as SpectrumValidationError).problems).toHaveLength(2);
            }
        });
    });
});
