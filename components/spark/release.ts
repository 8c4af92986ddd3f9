import { Validator } from "../core/errors";
import { closestMatch } from "../core/schema/did-you-mean";
import { EMR_RELEASES, EMR_RELEASES_AS_OF, EmrReleaseLine, emrRelease } from "./emr-releases";

/**
 * The EMR release clusters get unless told otherwise: the newest 7.x release (Spark 3.5, Amazon
 * Linux 2023, Java 17). Bump it deliberately: a new label replaces a long-running cluster.
 */
export const DEFAULT_EMR_RELEASE = "emr-7.14.0";

/** `emr-<major>.<minor>.<patch>`: the classic line, 7.x and later. */
const CLASSIC_LABEL = /^emr-(\d+)\.(\d+)\.(\d+)$/;
/** `emr-spark-<major>.<minor>.<patch>`: the Spark-only line EMR started with 8.0.0 (Spark 4, Scala 2.13). */
const SPARK_LINE_LABEL = /^emr-spark-(\d+)\.(\d+)\.(\d+)$/;
/** Oldest classic major the security configuration and Spark defaults here are written for. */
const MIN_MAJOR = 7;
/** Oldest `emr-spark-` major (its first release). */
const MIN_SPARK_LINE_MAJOR = 8;

/** The line a well-formed label belongs to, or undefined for anything else. */
export function releaseLineOf(label: string): EmrReleaseLine | undefined {
    if (SPARK_LINE_LABEL.test(label)) return "emr-spark-8";
    return CLASSIC_LABEL.test(label) ? "emr-7" : undefined;
}

/** `[major, minor, patch]` of a well-formed label of either line. */
function versionOf(label: string): number[] | undefined {
    const match = SPARK_LINE_LABEL.exec(label) ?? CLASSIC_LABEL.exec(label);
    return match ? match.slice(1, 4).map(Number) : undefined;
}

function newer(a: number[], b: number[]): boolean {
    for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return false;
}

/**
 * What is wrong with a release label, in the uniform message's two halves, or undefined when it is
 * an `emr-7.x.y` or `emr-spark-8.x.y` release of the catalog in `emr-releases.ts`. Fixes suggest
 * `suggested` (EMR Serverless's default lags EMR on EC2's).
 */
export function releaseLabelProblem(label: string, suggested = DEFAULT_EMR_RELEASE): { problem: string; fix: string } | undefined {
    const spark = SPARK_LINE_LABEL.exec(label);
    const classic = CLASSIC_LABEL.exec(label);
    if (spark && Number(spark[1]) < MIN_SPARK_LINE_MAJOR) {
        return {
            problem: `emr-spark-${spark[1]}.x does not exist: the emr-spark line starts at 8.0.0`,
            fix: `Use an emr-spark-8.x release such as "emr-spark-8.1.0", or a 7.x release such as "${suggested}"`,
        };
    }
    if (!spark && !classic) {
        return {
            problem: "is not an EMR release label",
            fix: `Use the form emr-x.y.z or emr-spark-x.y.z, e.g. "${suggested}" or "emr-spark-8.1.0"`,
        };
    }
    if (classic && Number(classic[1]) < MIN_MAJOR) {
        return {
            problem: `EMR ${classic[1]}.x is older than the ${MIN_MAJOR}.x releases these components are built for (Spark 3.5, IMDSv2 and gp3 defaults)`,
            fix: `Use a ${MIN_MAJOR}.x release such as "${suggested}", or an emr-spark-8.x release (Spark 4)`,
        };
    }
    if (emrRelease(label) !== undefined) return undefined;
    const line = releaseLineOf(label);
    const newest = EMR_RELEASES.find((r) => r.line === line);
    const version = versionOf(label);
    const newestVersion = newest && versionOf(newest.label);
    if (newest && version && newestVersion && newer(version, newestVersion)) {
        return {
            problem: `is newer than the newest release of its line in the EMR release catalog (${newest.label}, as of ${EMR_RELEASES_AS_OF})`,
            fix: `Use ${newest.label} or older, or add the release to spark/emr-releases.ts once EMR offers it`,
        };
    }
    const close = closestMatch(
        label,
        EMR_RELEASES.map((r) => r.label),
    );
    return {
        problem: `is not a release EMR offers (EMR release catalog as of ${EMR_RELEASES_AS_OF})`,
        fix: `${close ? `Did you mean "${close}"? ` : ""}The releases are listed in spark/emr-releases.ts`,
    };
}

/** Records a problem with a release label, if any, on a validator. */
export function checkReleaseLabel(v: Validator, field: string, label: string): void {
    const found = releaseLabelProblem(label);
    if (found) v.fail(field, label, found.problem, found.fix);
}
