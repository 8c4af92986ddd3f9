import { bucketNameProblem, iamRoleNameProblem, kmsAliasProblem, tagProblem } from "../../components/core/aws-limits";

describe("AWS name limits", () => {
    test("bucket names: no _, lowercase, 63 characters including Pulumi's suffix", () => {
        expect(bucketNameProblem("landing-data")).toBeUndefined();
        expect(bucketNameProblem("landing_data")?.problem).toContain("cannot contain _");
        expect(bucketNameProblem("Landing")?.problem).toContain("lowercase");
        expect(bucketNameProblem("a".repeat(55), true)).toBeUndefined();
        expect(bucketNameProblem("a".repeat(56), true)?.problem).toBe(
            "the bucket name would be 64 characters; S3 allows 63 including Pulumi's 8-character random suffix",
        );
        expect(bucketNameProblem("192.168.1.1")).toBeDefined();
        expect(bucketNameProblem("xn--data")).toBeDefined();
    });
    test("IAM role names: 64 characters and a restricted alphabet", () => {
        expect(iamRoleNameProblem("a".repeat(64))).toBeUndefined();
        expect(iamRoleNameProblem("a".repeat(57), true)?.fix).toBe("Shorten it to 56 characters or fewer");
        expect(iamRoleNameProblem("my role")).toBeDefined();
    });
    test("KMS aliases", () => {
        expect(kmsAliasProblem("alias/spectrum-lake")).toBeUndefined();
        expect(kmsAliasProblem("alias/aws/s3")?.problem).toContain("reserved");
        expect(kmsAliasProblem("alias/lake.key")?.problem).toContain("letters, digits and /_-");
        expect(kmsAliasProblem("lake")?.fix).toBe('Write "alias/lake"');
    });
    test("tags: aws: is reserved, lengths and characters", () => {
        expect(tagProblem("spectrum:stack", "landing")).toBeUndefined();
        expect(tagProblem("AWS:cost", "x")?.problem).toContain("aws:");
        expect(tagProblem("k".repeat(129), "x")).toBeDefined();
        expect(tagProblem("team", "a#b")).toBeDefined();
    });
});
