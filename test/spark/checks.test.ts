/** The pure checks behind the Spark declarations, each on its own (the battery covers them through the components). */
import { Validator } from "../../components/core/errors";
import { checkShape, strict, v } from "../../components/core/schema";
import { isSparkClusterTarget, isStorage } from "../../components/spark/contract-args";
import { checkDerivedNames, IAM_ROLE_NAME, LAMBDA_FUNCTION_NAME, SCHEDULE_NAME } from "../../components/spark/derived-names";
import { EMR_INSTANCE_FAMILIES, EMR_INSTANCE_TYPES, emrInstanceTypeProblem } from "../../components/spark/emr-instance-types";
import { EMR_RELEASES } from "../../components/spark/emr-releases";
import { releaseLabelProblem } from "../../components/spark/release";
import { orFalse } from "../../components/spark/schema-helpers";

describe("EMR instance type catalog", () => {
    it("offers the Graviton defaults and current x86 families, and nothing twice", () => {
        for (const t of ["m7g.xlarge", "m6g.xlarge", "r7g.xlarge", "r6g.xlarge", "c7g.xlarge", "m7i-flex.2xlarge", "m8i.96xlarge"])
            expect([t, emrInstanceTypeProblem(t)]).toEqual([t, undefined]);
        expect(new Set(EMR_INSTANCE_TYPES).size).toBe(EMR_INSTANCE_TYPES.length);
        expect(Object.keys(EMR_INSTANCE_FAMILIES)).not.toContain("t4g");
    });

    it("names the sizes of a known family, and the nearest type for an unknown one", () => {
        expect(emrInstanceTypeProblem("m7g.large")).toEqual({
            problem: "EMR offers m7g in the sizes xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge, 16xlarge only",
            fix: 'Use one of those, e.g. "m7g.xlarge"',
        });
        expect(emrInstanceTypeProblem("m7q.xlarge")?.fix).toMatch(/^Did you mean "m7[a-z]\.xlarge"\? /);
        expect(emrInstanceTypeProblem("t3.medium")?.problem).toBe(
            "EMR does not offer the t3 instance family (EMR instance type catalog as of 2026-12-05)",
        );
        expect(emrInstanceTypeProblem("xlarge")?.problem).toBe("is not an EC2 instance type");
    });
});

describe("EMR release labels against the catalog", () => {
    it("accepts every catalog release and refuses the rest with the reason", () => {
        for (const r of EMR_RELEASES) expect([r.label, releaseLabelProblem(r.label)]).toEqual([r.label, undefined]);
        expect(releaseLabelProblem("emr-7.15.0")?.problem).toMatch(
            /^is newer than the newest release of its line .*\(emr-7\.14\.0, as of 2026-12-05\)$/,
        );
        expect(releaseLabelProblem("emr-spark-9.0.0")?.fix).toBe(
            "Use emr-spark-8.1.0 or older, or add the release to spark/emr-releases.ts once EMR offers it",
        );
        expect(releaseLabelProblem("emr-7.13.1")).toEqual({
            problem: "is not a release EMR offers (EMR release catalog as of 2026-12-05)",
            fix: 'Did you mean "emr-7.13.0"? The releases are listed in spark/emr-releases.ts',
        });
        expect(releaseLabelProblem("emr-spark-7.0.0")?.problem).toBe("emr-spark-7.x does not exist: the emr-spark line starts at 8.0.0");
        expect(releaseLabelProblem("emr-5.36.2")?.problem).toMatch(/^EMR 5\.x is older than the 7\.x releases/);
    });
});

describe("names derived from a component's name", () => {
    const problems = (name: string, derived: Parameters<typeof checkDerivedNames>[2]) => {
        const v = new Validator("C", name);
        checkDerivedNames(v, name, derived);
        return v.messages;
    };
    const roles = [
        { what: "the short role", suffix: "-a", limit: IAM_ROLE_NAME },
        { what: "the long role", suffix: "-longer-role", limit: IAM_ROLE_NAME },
        { what: "the schedule", suffix: "-schedule", limit: SCHEDULE_NAME },
    ];

    it("reports the tightest limit once, with the length that fits them all", () => {
        const name = "n".repeat(45);
        expect(problems(name, roles)).toEqual([
            `C "${name}": name = "${name}": the long role's name would be 65 characters with Pulumi's random suffix; IAM allows 64. Shorten the name to 44 characters or fewer.`,
        ]);
        expect(problems("n".repeat(44), roles)).toEqual([]);
    });

    it("reports a character a service refuses once per service", () => {
        const found = problems("a.b", [...roles, { what: "the function", suffix: "-fn", limit: LAMBDA_FUNCTION_NAME }]);
        expect(found).toEqual([
            'C "a.b": name = "a.b": Lambda allows letters, digits, _ and - only in names, and the function\'s is derived from this one. Rename the component without the other characters.',
        ]);
    });
});

describe("a mapping or false", () => {
    const schema = strict({ scaling: v.optional(orFalse(strict({ max: v.optional(v.number()) }))) });
    const problems = (value: unknown) => checkShape(schema, { scaling: value }).problems.map((p) => `${p.field}: ${p.problem}`);

    it("reports the mapping's own problems, and the union's for anything else", () => {
        expect(problems(false)).toEqual([]);
        expect(problems({ max: 3 })).toEqual([]);
        expect(problems({ max: "3" })).toEqual(["scaling.max: is a string, write a number"]);
        expect(problems({ maxx: 3 })).toEqual(['scaling.maxx: "maxx" is not a known field']);
        expect(problems("auto")).toEqual(["scaling: is a string, not a mapping (key: value) or false"]);
        expect(problems([1])).toEqual(["scaling: is a list where a map is expected"]);
    });
});

describe("the contracts a Spark component takes", () => {
    const storage = {
        bucketName: "b",
        bucketArn: "arn",
        kmsKeyArn: "k",
        areas: ["raw", "logs"],
        checkpointArea: "checkpoints",
        logArea: "logs",
        keyPrefix: () => "",
        uri: () => "",
        grant: () => [],
    };

    it("recognise a storage and a cluster by the members the components use", () => {
        expect(isStorage(storage)).toBe(true);
        expect(isStorage({ ...storage, grant: undefined })).toBe(false);
        expect(isStorage("lake")).toBe(false);
        expect(isSparkClusterTarget({ clusterId: "j", clusterArn: "a", instanceRoleName: "r", storage })).toBe(true);
        expect(isSparkClusterTarget({ clusterId: "j", clusterArn: "a", instanceRoleName: "r" })).toBe(false);
        expect(isSparkClusterTarget(storage)).toBe(false);
    });
});
