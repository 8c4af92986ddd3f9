/**
 * Versions spectrum pins, and catalogs of what exists, so a version that was never released fails
 * before `pulumi up` instead of as an image that cannot be pulled or a chart that cannot be found.
 * The operator's CRD carries an enum of Flink versions (`v1_13` ... `v2_2` in operator 1.15.0);
 * the API server rejects anything else, so we check it before `pulumi up` does.
 *
 * Sources, checked 2026-12-05:
 * - Operator releases and their CRD enums: the `release-*` tags of apache/flink-kubernetes-operator,
 *   `helm/flink-kubernetes-operator/crds/flinkdeployments.flink.apache.org-v1.yml` (spec.flinkVersion
 *   enum) at each tag; 1.13.0 tagged 2025-09-18, 1.14.0 2026-02-03, 1.15.0 2026-05-07 (the latest).
 * - Flink releases: Maven Central, org.apache.flink:flink-core versions (metadata of 2026-10-19).
 * - cert-manager chart releases: the `v*` tags of cert-manager/cert-manager (v1.21.1, 2026-07-29, the
 *   newest). cert-manager supports a minor until the release of the minor two after it (1.19 until
 *   1.21, 2026-07-08).
 * To update: add the new release to its list (and, for an operator, its CRD's Flink versions).
 */

/** The Flink Kubernetes Operator release installed by default (the latest release). */
export const DEFAULT_OPERATOR_VERSION = "1.15.0";

/** cert-manager chart version installed for the operator's admission webhook. */
export const DEFAULT_CERT_MANAGER_VERSION = "v1.21.1";

/** Apache release artifacts move from the downloads site to the archive once superseded; the archive keeps every release. */
export function operatorChartUrl(version: string): string {
    return `https://archive.apache.org/dist/flink/flink-kubernetes-operator-${version}/flink-kubernetes-operator-${version}-helm.tgz`;
}

/** The operator image published for every release, tagged with the release version (the chart's own default tag is a commit id). */
export const DEFAULT_OPERATOR_IMAGE_REPOSITORY = "apache/flink-kubernetes-operator";

/** The Flink minor versions the pinned operator's CRD accepts, as `spec.flinkVersion` spells them. */
export type FlinkVersionEnum = "v1_13" | "v1_14" | "v1_15" | "v1_16" | "v1_17" | "v1_18" | "v1_19" | "v1_20" | "v2_0" | "v2_1" | "v2_2";

const UP_TO_V2_2: readonly FlinkVersionEnum[] = [
    "v1_13",
    "v1_14",
    "v1_15",
    "v1_16",
    "v1_17",
    "v1_18",
    "v1_19",
    "v1_20",
    "v2_0",
    "v2_1",
    "v2_2",
];

/**
 * `spec.flinkVersion` values accepted by each operator release we know the CRD of: the releases
 * FlinkOperator installs (their charts take the same values) and FlinkJob checks jobs against.
 */
export const OPERATOR_FLINK_VERSIONS: Readonly<Record<string, readonly FlinkVersionEnum[]>> = {
    "1.13.0": UP_TO_V2_2,
    "1.14.0": UP_TO_V2_2,
    "1.15.0": UP_TO_V2_2,
};

/** Released Flink versions of the minors FlinkJob supports (each has an official `flink:<version>-java17` image). */
export const FLINK_RELEASES: Readonly<Record<string, readonly string[]>> = {
    "1.18": ["1.18.0", "1.18.1"],
    "1.19": ["1.19.0", "1.19.1", "1.19.2", "1.19.3"],
    "1.20": ["1.20.0", "1.20.1", "1.20.2", "1.20.3", "1.20.4", "1.20.5"],
    "2.0": ["2.0.0", "2.0.1", "2.0.2"],
    "2.1": ["2.1.0", "2.1.1", "2.1.2", "2.1.3"],
    "2.2": ["2.2.0", "2.2.1"],
};

/**
 * cert-manager chart releases from v1.15 on (the first whose chart installs CRDs through
 * `crds.enabled`): each minor with its newest patch, every patch from .0 up to it released.
 */
export const CERT_MANAGER_NEWEST_PATCH: Readonly<Record<string, number>> = {
    "v1.15": 5,
    "v1.16": 5,
    "v1.17": 4,
    "v1.18": 6,
    "v1.19": 6,
    "v1.20": 3,
    "v1.21": 1,
};

/** Whether `version` (`v1.19.2`) is a cert-manager chart release in {@link CERT_MANAGER_NEWEST_PATCH}. */
export function isCertManagerRelease(version: string): boolean {
    const m = /^(v\d+\.\d+)\.(\d+)$/.exec(version);
    const newest = m ? CERT_MANAGER_NEWEST_PATCH[m[1]] : undefined;
    return m !== null && newest !== undefined && Number(m[2]) <= newest;
}

/**
 * Flink minor versions FlinkJob supports: what the pinned operator accepts, minus releases that
 * lack the autoscaler's in-place rescaling and Java 17 images (before 1.18). Key spellings for
 * each are in `config-keys.ts`.
 */
export const SUPPORTED_FLINK_MINORS = ["1.18", "1.19", "1.20", "2.0", "2.1", "2.2"] as const;
export type SupportedFlinkMinor = (typeof SUPPORTED_FLINK_MINORS)[number];

/** A parsed exact Flink version (`1.20.3`). */
export interface FlinkVersion {
    /** The exact version, as the image and plugin jars carry it. */
    readonly full: string;
    readonly major: number;
    readonly minor: number;
    readonly patch: number;
    /** `major.minor`. */
    readonly minorVersion: string;
    /** The CRD's spelling (`v1_20`). */
    readonly crd: FlinkVersionEnum;
}

const EXACT_VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

/** Parses `1.20.3`; undefined when the text is not an exact three-part version. */
export function parseFlinkVersion(text: string): FlinkVersion | undefined {
    const m = EXACT_VERSION.exec(text);
    if (!m) return undefined;
    const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return { full: text, major, minor, patch, minorVersion: `${major}.${minor}`, crd: `v${major}_${minor}` as FlinkVersionEnum };
}

/** True when `v` is at least `major.minor`. */
export function atLeast(v: FlinkVersion, major: number, minor: number): boolean {
    return v.major > major || (v.major === major && v.minor >= minor);
}

/** The official image for a Flink version: Java 17, the runtime every supported version ships. */
export function defaultFlinkImage(version: string): string {
    return `flink:${version}-java17`;
}

/**
 * The Flink version an image tag names, for images whose tag starts with one (`flink:1.20.3-java17`,
 * `registry/flink:2.1.0`). Undefined for tags that carry no version (`my-job:abc123`).
 */
export function imageFlinkVersion(image: string): string | undefined {
    const lastSegment = image.split("/").pop() ?? image;
    const tag = lastSegment.includes(":") ? lastSegment.split(":").pop() : undefined;
    const m = tag ? /^(\d+\.\d+\.\d+)(?:$|[-_])/.exec(tag) : null;
    return m ? m[1] : undefined;
}

/** Which S3 filesystem plugin a job loads. Presto is the one Flink recommends for checkpoints; the FileSink to S3 needs Hadoop. */
export type S3Plugin = "presto" | "hadoop";

/** The built-in plugin jar in `/opt/flink/opt` for a version: the name must match the image's Flink exactly or the container exits. */
export function s3PluginJar(plugin: S3Plugin, version: string): string {
    return `flink-s3-fs-${plugin}-${version}.jar`;
}
