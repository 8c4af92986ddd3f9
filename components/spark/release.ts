import { Validator } from "../core/errors";

/**
 * The EMR release clusters get unless told otherwise: the newest 7.x release (Spark 3.5, Amazon
 * Linux 2023, Java 17). Bump it deliberately: a new label replaces a long-running cluster.
 */
export const DEFAULT_EMR_RELEASE = "emr-7.14.0";

const RELEASE_LABEL = /^emr-(\d+)\.(\d+)\.(\d+)$/;
/** Oldest major release the security configuration and Spark defaults here are written for. */
const MIN_MAJOR = 7;

/** Checks a release label: `emr-<major>.<minor>.<patch>`, 7.x or later. */
export function checkReleaseLabel(v: Validator, field: string, label: string): void {
    const match = RELEASE_LABEL.exec(label);
    if (!match) {
        v.fail(field, label, "is not an EMR release label", `Use the form emr-x.y.z, e.g. "${DEFAULT_EMR_RELEASE}"`);
        return;
    }
    v.check(
        Number(match[1]) >= MIN_MAJOR,
        field,
        label,
        `EMR ${match[1]}.x is older than the ${MIN_MAJOR}.x releases these components are built for (Spark 3.5, IMDSv2 and gp3 defaults)`,
        `Use a ${MIN_MAJOR}.x release such as "${DEFAULT_EMR_RELEASE}"`,
    );
}
