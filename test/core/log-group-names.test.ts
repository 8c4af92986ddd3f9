import { logGroupNameProblem } from "../../components/core/aws-limits";

describe("CloudWatch log group names", () => {
    test("512 characters of letters, digits and ._-/#, Pulumi's suffix included when auto-named", () => {
        expect(logGroupNameProblem("/aws/kinesisfirehose/ingest-")).toBeUndefined();
        expect(logGroupNameProblem("a".repeat(512))).toBeUndefined();
        expect(logGroupNameProblem("a".repeat(505), true)?.fix).toBe("Shorten it to 504 characters or fewer");
        expect(logGroupNameProblem("net+1")?.problem).toBe("CloudWatch log group names allow letters, digits and ._-/# only");
        expect(logGroupNameProblem("my logs")).toBeDefined();
    });
});
