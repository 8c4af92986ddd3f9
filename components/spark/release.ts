import { Validator } from "../core/errors";
import { EmrReleaseLine } from "./emr-releases";

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

/** Checks a release label: `emr-7.x.y` or later, or `emr-spark-8.x.y` or later; fixes suggest `suggested`. */
export function checkReleaseLabel(v: Validator, field: string, label: string, suggested = DEFAULT_EMR_RELEASE): void {
    const spark = SPARK_LINE_LABEL.exec(label);
    if (spark) {
        v.check(
            Number(spark[1]) >= MIN_SPARK_LINE_MAJOR,
            field,
            label,
            `emr-spark-${spark[1]}.x does not exist: the emr-spark line starts at 8.0.0`,
            `Use an emr-spark-8.x release such as "emr-spark-8.1.0", or a 7.x release such as "${suggested}"`,
        );
        return;
    }
    const match = CLASSIC_LABEL.exec(label);
    if (!match) {
        v.fail(
            field,
            label,
            "is not an EMR release label",
            `Use the form emr-x.y.z or emr-spark-x.y.z, e.g. "${suggested}" or "emr-spark-8.1.0"`,
        );
        return;
    }
    v.check(
        Number(match[1]) >= MIN_MAJOR,
        field,
        label,
        `EMR ${match[1]}.x is older than the ${MIN_MAJOR}.x releases these components are built for (Spark 3.5, IMDSv2 and gp3 defaults)`,
        `Use a ${MIN_MAJOR}.x release such as "${suggested}", or an emr-spark-8.x release (Spark 4)`,
    );
}
