import { GRAVITON_INSTANCE_FAMILIES, nodeInstanceTypeProblem } from "../../components/platform/node-instance-types";
import { kubernetesVersionProblem } from "../../components/platform/eks-versions";
import { clusterNameProblems, eksClusterNameProblem, flowLogNameProblems } from "../../components/platform/names";
import { vpcCidrProblem } from "../../components/platform/checks";
import { PROFILE_DEFAULTS } from "../../components/platform/profile";

describe("the Graviton instance type catalog", () => {
    it("holds the profiles' defaults and every generation from Graviton2 to Graviton5", () => {
        for (const profile of Object.values(PROFILE_DEFAULTS))
            for (const type of profile.nodeInstanceTypes) expect(nodeInstanceTypeProblem(type)).toBeUndefined();
        for (const type of ["m6g.medium", "c7gn.16xlarge", "r8g.metal-24xl", "m9g.48xlarge", "t4g.nano", "im4gn.large"])
            expect(nodeInstanceTypeProblem(type)).toBeUndefined();
    });

    it("names only Graviton families, each size once", () => {
        for (const [family, sizes] of Object.entries(GRAVITON_INSTANCE_FAMILIES)) {
            expect(family).toMatch(/^[a-z]+\d+g[a-z]*$/);
            expect(new Set(sizes).size).toBe(sizes.length);
        }
    });

    it("tells a missing size, an unknown family and an x86 type apart", () => {
        expect(nodeInstanceTypeProblem("m7g.metal-24xl")?.problem).toBe('m7g has no size "metal-24xl" (Graviton catalog as of 2026-12-05)');
        expect(nodeInstanceTypeProblem("m7g.metal-24xl")?.fix).toMatch(/^Use one of m7g\.medium, m7g\.large, .*m7g\.metal$/);
        expect(nodeInstanceTypeProblem("x9g.large")?.problem).toContain("is not an EC2 instance type");
        expect(nodeInstanceTypeProblem("m7i.large")?.problem).toContain("not a Graviton (arm64) instance type");
        expect(nodeInstanceTypeProblem("a1.large")?.problem).toContain("not a Graviton (arm64) instance type");
        expect(nodeInstanceTypeProblem("m7g")).toEqual({
            problem: "names a family, not an instance type",
            fix: "Add a size, e.g. m7g.large",
        });
    });
});

describe("Kubernetes versions against the EKS catalog", () => {
    it("accepts each catalog version and explains the others", () => {
        for (const version of ["1.32", "1.33", "1.34", "1.35", "1.36"]) expect(kubernetesVersionProblem(version)).toBeUndefined();
        expect(kubernetesVersionProblem("1.31")?.problem).toContain("EKS no longer creates clusters older than 1.32");
        expect(kubernetesVersionProblem("1.37")?.problem).toContain("EKS offers no version newer than 1.36");
        expect(kubernetesVersionProblem("1.034")).toEqual({
            problem: "is not a version EKS offers (EKS version catalog as of 2026-12-05)",
            fix: "Use one of 1.36, 1.35, 1.34, 1.33, 1.32",
        });
    });
});

describe("names derived from a platform component's name", () => {
    it("fit the EKS cluster name and the longest IAM role of a cluster up to 39 characters", () => {
        expect(clusterNameProblems("c".repeat(39))).toEqual([]);
        expect(clusterNameProblems("c".repeat(40))).toEqual([
            {
                problem: "the role name would be 65 characters; IAM allows 64",
                fix: "Shorten the name to 39 characters or fewer",
                where: "the EKS service role's name",
            },
        ]);
    });

    it("keep a character problem's own fix, even for a name that is also too long", () => {
        const [found] = clusterNameProblems(`${"c".repeat(60)}.x`);
        expect(found).toMatchObject({ where: "the EKS cluster's name", fix: "Remove the other characters" });
        expect(eksClusterNameProblem("-platform-eks-eksCluster")?.problem).toContain("start with a letter or digit");
        expect(eksClusterNameProblem("c".repeat(93))?.fix).toBe("Shorten it to 92 characters or fewer");
    });

    it("fit the flow-log role up to 41 characters, and the log group's alphabet", () => {
        expect(flowLogNameProblems("n".repeat(41))).toEqual([]);
        expect(flowLogNameProblems("n".repeat(42)).map((p) => p.fix)).toEqual(["Shorten the name to 41 characters or fewer"]);
        expect(flowLogNameProblems("net@1").map((p) => p.where)).toEqual(["the flow-log group's name"]);
    });
});

describe("a new VPC's CIDR block", () => {
    it.each([
        ["10.0.0.0/16", undefined],
        ["172.16.0.0/22", undefined],
        ["10.0.0.0", "not an IPv4 CIDR block"],
        ["10.0.0.256/16", "not an IPv4 CIDR block"],
        ["10.0.0.0/15", "the prefix must be /16 to /22"],
        ["10.0.0.0/23", "the prefix must be /16 to /22"],
        ["10.0.4.0/21", "the address has bits set past the prefix"],
    ])("%s", (cidr, problem) => {
        expect(vpcCidrProblem(cidr)?.problem?.replace(/ \(.*$/, "")).toBe(problem);
    });
});
