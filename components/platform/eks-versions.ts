/**
 * One Kubernetes minor version as Amazon EKS offers it. Dates are UTC days (`YYYY-MM-DD`).
 */
export interface EksVersion {
    /** The minor version, as `PlatformCluster.kubernetesVersion` takes it. */
    version: string;
    /** The day EKS made it available. */
    released: string;
    /**
     * Last day of standard support (14 months after release). A cluster with support type
     * `STANDARD` is upgraded by EKS to the next minor after it; with `EXTENDED`, it stays and the
     * control plane is billed at the extended rate (6x the standard hourly price).
     */
    endOfStandardSupport: string;
    /** Last day of extended support (12 months more): then EKS upgrades the control plane anyway, and no new cluster can use it. */
    endOfExtendedSupport: string;
}

/**
 * The versions EKS creates clusters with, newest first, as of {@link EKS_VERSIONS_AS_OF}.
 * Versions whose extended support had ended by then are left out: EKS creates no cluster with them.
 *
 * Sources: the EKS user guide's Kubernetes release calendar
 * (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html) for 1.32-1.35; 1.36 reached
 * EKS on 2026-06-02 with standard support until 2027-08-02 (EKS announcement as relayed by
 * devopsdreams.blogspot.com, 2026-08; the user guide's platform-versions page names 1.36 as the
 * current minor), its end of extended support following the 12-month rule. 1.31 left extended
 * support on 2026-11-26. Update this list (newest first) when EKS releases a minor; the default
 * version follows the first entry.
 */
export const EKS_VERSIONS: readonly EksVersion[] = [
    { version: "1.36", released: "2026-06-02", endOfStandardSupport: "2027-08-02", endOfExtendedSupport: "2028-08-02" },
    { version: "1.35", released: "2026-01-27", endOfStandardSupport: "2027-03-27", endOfExtendedSupport: "2028-03-27" },
    { version: "1.34", released: "2025-10-02", endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
    { version: "1.33", released: "2025-05-29", endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
    { version: "1.32", released: "2025-01-23", endOfStandardSupport: "2026-03-23", endOfExtendedSupport: "2027-03-23" },
];

/** The day the catalog was last checked against EKS. */
export const EKS_VERSIONS_AS_OF = "2026-12-05";

/** The catalog entry of a minor version, or undefined when EKS does not (or no longer) offer it. */
export function eksVersion(version: string): EksVersion | undefined {
    return EKS_VERSIONS.find((v) => v.version === version);
}

/** The newest minor EKS offers: what new clusters get unless told otherwise. */
export function newestEksVersion(): EksVersion {
    return EKS_VERSIONS[0];
}

/** The minor number of `1.<minor>`, or undefined for anything else. */
export function minorOf(version: string): number | undefined {
    const match = /^1\.(\d+)$/.exec(version);
    return match ? Number(match[1]) : undefined;
}

/**
 * What is wrong with a `1.<minor>` version for a new cluster, or undefined when EKS offers it: older
 * than the catalog (extended support over, EKS creates no such cluster), newer (not released as of
 * the catalog's date), or missing from it.
 */
export function kubernetesVersionProblem(version: string): { problem: string; fix: string } | undefined {
    if (eksVersion(version) !== undefined) return undefined;
    const newest = newestEksVersion().version;
    const oldest = EKS_VERSIONS[EKS_VERSIONS.length - 1].version;
    const minor = minorOf(version) ?? 0;
    if (minor < (minorOf(oldest) ?? 0)) {
        return {
            problem: `EKS no longer creates clusters older than ${oldest} (their extended support has ended; EKS version catalog as of ${EKS_VERSIONS_AS_OF})`,
            fix: `Use a version EKS supports, e.g. the default "${newest}"`,
        };
    }
    if (minor > (minorOf(newest) ?? 0)) {
        return {
            problem: `EKS offers no version newer than ${newest} (EKS version catalog as of ${EKS_VERSIONS_AS_OF})`,
            fix: `Use ${newest} or older, or add the new version to platform/eks-versions.ts once EKS offers it`,
        };
    }
    return {
        problem: `is not a version EKS offers (EKS version catalog as of ${EKS_VERSIONS_AS_OF})`,
        fix: `Use one of ${EKS_VERSIONS.map((e) => e.version).join(", ")}`,
    };
}

/** Where a version stands on a day: in standard support, in extended support (billed extra), or past both. */
export type SupportPhase = "standard" | "extended" | "ended";

/** The support phase of a catalog version on a day (`YYYY-MM-DD`, compared as UTC days). */
export function supportPhase(v: EksVersion, day: string): SupportPhase {
    if (day <= v.endOfStandardSupport) return "standard";
    if (day <= v.endOfExtendedSupport) return "extended";
    return "ended";
}

/**
 * What a cluster on `version` should know on `day`, or undefined when nothing needs doing: a
 * version past standard support is either upgraded by EKS behind the program's back (`STANDARD`)
 * or billed at the extended rate (`EXTENDED`); a version newer than the catalog may not exist yet.
 */
export function versionNotice(version: string, supportType: string, day: string): string | undefined {
    const entry = eksVersion(version);
    const newest = newestEksVersion();
    if (entry === undefined) {
        const minor = minorOf(version);
        const newestMinor = minorOf(newest.version) ?? 0;
        return minor !== undefined && minor > newestMinor
            ? `Kubernetes ${version} is newer than the EKS version catalog (${newest.version}, as of ${EKS_VERSIONS_AS_OF}): check that EKS offers it in this region, and add it to EKS_VERSIONS`
            : undefined;
    }
    switch (supportPhase(entry, day)) {
        case "standard":
            return undefined;
        case "extended":
            return supportType === "EXTENDED"
                ? `Kubernetes ${version} left standard support on ${entry.endOfStandardSupport}: the control plane is billed at the extended-support rate (6x) until you upgrade`
                : `Kubernetes ${version} left standard support on ${entry.endOfStandardSupport}: with supportType STANDARD, EKS upgrades the control plane to the next minor on its own. Raise kubernetesVersion to match (see the upgrade runbook)`;
        case "ended":
            return `Kubernetes ${version} left extended support on ${entry.endOfExtendedSupport}: EKS has upgraded or will upgrade the control plane on its own. Raise kubernetesVersion (see the upgrade runbook)`;
    }
}
