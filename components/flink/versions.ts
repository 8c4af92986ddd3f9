/**
 * Versions spectrum pins and the Flink versions a FlinkJob may run. The operator's CRD carries an
 * enum of Flink versions (`v1_13` ... `v2_2` in operator 1.15.0); the API server rejects anything
 * else, so we check it before `pulumi up` does.
 */

/** The Flink Kubernetes Operator release installed by default (the latest release). */
export const DEFAULT_OPERATOR_VERSION = "1.15.0";

/** cert-manager chart version installed for the operator's admission webhook. */
export const DEFAULT_CERT_MANAGER_VERSION = "v1.19.2";

/** Apache release artifacts move from the downloads site to the archive once superseded; the archive keeps every release. */
export function operatorChartUrl(version: string): string {
    return `https://archive.apache.org/dist/flink/flink-kubernetes-operator-${version}/flink-kubernetes-operator-${version}-helm.tgz`;
}

/** The operator image published for every release, tagged with the release version (the chart's own default tag is a commit id). */
export const DEFAULT_OPERATOR_IMAGE_REPOSITORY = "apache/flink-kubernetes-operator";

/** The Flink minor versions the pinned operator's CRD accepts, as `spec.flinkVersion` spells them. */
export type FlinkVersionEnum = "v1_13" | "v1_14" | "v1_15" | "v1_16" | "v1_17" | "v1_18" | "v1_19" | "v1_20" | "v2_0" | "v2_1" | "v2_2";

/** `spec.flinkVersion` values accepted by each operator release we know the CRD of. */
export const OPERATOR_FLINK_VERSIONS: Readonly<Record<string, readonly FlinkVersionEnum[]>> = {
    "1.15.0": ["v1_13", "v1_14", "v1_15", "v1_16", "v1_17", "v1_18", "v1_19", "v1_20", "v2_0", "v2_1", "v2_2"],
};

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
