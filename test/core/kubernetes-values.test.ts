import {
    isDnsLabel,
    isDnsSubdomain,
    labelKeyProblem,
    labelValueProblem,
    quantityValue,
    resourceQuantityProblem,
} from "../../components/core/kubernetes-values";
import { checkShape, k8sLabelMap, k8sQuantity } from "../../components/core/schema";

describe("Kubernetes quantities", () => {
    it.each([
        ["10Gi", 10 * 2 ** 30],
        ["20G", 20e9],
        ["500m", 0.5],
        ["2", 2],
        ["1.5", 1.5],
        ["1e3", 1000],
        ["128974848", 128974848],
        ["129M", 129e6],
    ])("reads %s as the API server does", (text, value) => {
        expect(quantityValue(text)).toBeCloseTo(value);
    });

    it.each(["2gb", "10 Gi", "Gi", "", "1.2.3", "10gi", "5KiB"])("refuses %j, which the API server cannot parse", (text) => {
        expect(quantityValue(text)).toBeUndefined();
        expect(resourceQuantityProblem(text)?.problem).toBe("is not a Kubernetes quantity");
    });

    it.each(["-1m", "0", "0Gi"])("refuses %j as a resource amount", (text) => {
        expect(resourceQuantityProblem(text)?.problem).toBe("must be more than zero");
    });

    it("checks through the schema, with the message's fix", () => {
        expect(checkShape(k8sQuantity(), "20G").problems).toEqual([]);
        const [problem] = checkShape(k8sQuantity(), "2gb", "memory").problems;
        expect(problem).toMatchObject({ field: "memory", value: "2gb", problem: "is not a Kubernetes quantity" });
        expect(problem.fix).toContain('"10Gi"');
    });
});

describe("Kubernetes names and labels", () => {
    it("tells DNS labels and subdomains", () => {
        expect(isDnsLabel("flink-jobs")).toBe(true);
        expect(isDnsLabel("Flink")).toBe(false);
        expect(isDnsLabel("a".repeat(64))).toBe(false);
        expect(isDnsSubdomain("example.com")).toBe(true);
        expect(isDnsSubdomain("example..com")).toBe(false);
    });

    it("accepts the label keys and values the API server accepts", () => {
        for (const key of ["team", "app.kubernetes.io/name", "example.com/a_b.c-d"]) expect(labelKeyProblem(key)).toBeUndefined();
        for (const value of ["", "data", "A_b.c-9", "x".repeat(63)]) expect(labelValueProblem(value)).toBeUndefined();
    });

    it("refuses the ones it refuses", () => {
        for (const key of ["", "-team", "a/b/c", "Example.com/team", "/team", `x/${"y".repeat(64)}`])
            expect(labelKeyProblem(key)).toBeDefined();
        for (const value of ["-data", "data-", "a b", "x".repeat(64)]) expect(labelValueProblem(value)).toBeDefined();
    });

    it("checks a label map through the schema, naming the bad key or value", () => {
        expect(checkShape(k8sLabelMap(), { team: "data" }).problems).toEqual([]);
        const problems = checkShape(k8sLabelMap(), { "bad key": "x", team: "not ok" }, "labels").problems;
        expect(problems.map((p) => [p.field, p.value])).toEqual([
            ['labels["bad key"]', "bad key"],
            ["labels.team", "not ok"],
        ]);
    });
});
