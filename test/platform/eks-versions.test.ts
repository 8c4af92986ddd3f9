import { DEFAULT_KUBERNETES_VERSION } from "../../components/platform/cluster-args";
import { PROFILE_DEFAULTS } from "../../components/platform/profile";
import { EKS_VERSIONS, eksVersion, minorOf, supportPhase, versionNotice } from "../../components/platform/eks-versions";

/** `YYYY-MM-DD` plus whole months (EKS counts its support windows in months from the release day). */
function plusMonths(day: string, months: number): string {
    const [y, m, d] = day.split("-").map(Number);
    const total = y * 12 + (m - 1) + months;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

describe("EKS version catalog", () => {
    it("lists consecutive minors newest first, each with 14 months of standard and 12 of extended support", () => {
        const minors = EKS_VERSIONS.map((v) => minorOf(v.version));
        expect(minors).toEqual([36, 35, 34, 33, 32]);
        for (const v of EKS_VERSIONS) {
            expect(v.endOfStandardSupport).toBe(plusMonths(v.released, 14));
            expect(v.endOfExtendedSupport).toBe(plusMonths(v.endOfStandardSupport, 12));
        }
    });

    it("defaults new clusters to the newest minor EKS offers, 1.36, and every profile to STANDARD support", () => {
        expect(DEFAULT_KUBERNETES_VERSION).toBe("1.36");
        expect(eksVersion("1.36")).toMatchObject({ released: "2026-06-02", endOfStandardSupport: "2027-08-02" });
        expect(PROFILE_DEFAULTS.dev.supportType).toBe("STANDARD");
        expect(PROFILE_DEFAULTS.prod.supportType).toBe("STANDARD");
    });

    it("tells standard from extended support and from the end of both", () => {
        const v = eksVersion("1.34");
        expect(v).toBeDefined();
        if (!v) return;
        expect(supportPhase(v, "2026-12-02")).toBe("standard");
        expect(supportPhase(v, "2026-12-03")).toBe("extended");
        expect(supportPhase(v, "2027-12-03")).toBe("ended");
    });

    it("says what a version past standard support costs or does, and flags versions newer than the catalog", () => {
        expect(versionNotice("1.36", "STANDARD", "2026-12-05")).toBeUndefined();
        expect(versionNotice("1.33", "STANDARD", "2026-12-05")).toBe(
            "Kubernetes 1.33 left standard support on 2026-07-29: with supportType STANDARD, EKS upgrades the control plane to the next minor on its own. Raise kubernetesVersion to match (see the upgrade runbook)",
        );
        expect(versionNotice("1.33", "EXTENDED", "2026-12-05")).toBe(
            "Kubernetes 1.33 left standard support on 2026-07-29: the control plane is billed at the extended-support rate (6x) until you upgrade",
        );
        expect(versionNotice("1.32", "EXTENDED", "2027-04-01")).toContain("left extended support on 2027-03-23");
        expect(versionNotice("1.37", "STANDARD", "2026-12-05")).toBe(
            "Kubernetes 1.37 is newer than the EKS version catalog (1.36, as of 2026-12-05): check that EKS offers it in this region, and add it to EKS_VERSIONS",
        );
    });
});
