/**
 * AWS's own limits on the names and tags spectrum derives from component names, so a name that
 * would be refused mid-deploy is refused before anything is created. Each check returns what is
 * wrong and how to fix it, or undefined when the value is fine.
 *
 * Sources (checked 2026-12): S3 "Bucket naming rules"; IAM "IAM and AWS STS quotas" (role names
 * 64 characters, [\w+=,.@-]); KMS CreateAlias (alias/ + [a-zA-Z0-9/_-], not alias/aws/, at most
 * 256); "Tagging AWS resources" (keys 1-128 characters, values up to 256, the aws: prefix reserved);
 * CloudWatch Logs CreateLogGroup (1-512 characters of [.-_/#A-Za-z0-9]).
 */

/** What a limit check found wrong, in the uniform message's two halves. */
export interface LimitProblem {
    problem: string;
    fix: string;
}

/** The random suffix Pulumi adds to an auto-named resource: a dash and seven hex characters. */
export const AUTO_NAME_SUFFIX_LENGTH = 8;

export const S3_BUCKET_NAME_MAX = 63;
export const IAM_ROLE_NAME_MAX = 64;
export const KMS_ALIAS_MAX = 256;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A bucket name S3 accepts; `auto` when Pulumi adds its random suffix to `name`. */
export function bucketNameProblem(name: string, auto = false): LimitProblem | undefined {
    const max = auto ? S3_BUCKET_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH : S3_BUCKET_NAME_MAX;
    if (name.includes("_")) return { problem: "S3 bucket names cannot contain _", fix: "Use - instead of _" };
    if (/[A-Z]/.test(name)) return { problem: "S3 bucket names are lowercase", fix: "Use lowercase letters" };
    if (name.length > max) {
        return {
            problem: `the bucket name would be ${name.length + (auto ? AUTO_NAME_SUFFIX_LENGTH : 0)} characters; S3 allows ${S3_BUCKET_NAME_MAX}${auto ? " including Pulumi's 8-character random suffix" : ""}`,
            fix: `Shorten it to ${max} characters or fewer`,
        };
    }
    if (name.length < 3 || !BUCKET_NAME.test(name) || name.includes("..") || IP_ADDRESS.test(name)) {
        return {
            problem:
                "S3 bucket names are 3-63 lowercase letters, digits, dots and dashes, start and end with a letter or digit, and are not IP addresses",
            fix: "Rename it",
        };
    }
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name) || /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)) {
        return { problem: "S3 reserves this prefix or suffix for its own names", fix: "Rename it" };
    }
    return undefined;
}

/** An IAM role name (or `namePrefix` when `auto`, which Pulumi extends by its random suffix). */
export function iamRoleNameProblem(name: string, auto = false): LimitProblem | undefined {
    const max = auto ? IAM_ROLE_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH : IAM_ROLE_NAME_MAX;
    if (!/^[\w+=,.@-]+$/.test(name))
        return { problem: "IAM role names allow letters, digits and +=,.@_- only", fix: "Remove the other characters" };
    if (name.length > max) {
        return {
            problem: `the role name would be ${name.length + (auto ? AUTO_NAME_SUFFIX_LENGTH : 0)} characters; IAM allows ${IAM_ROLE_NAME_MAX}`,
            fix: `Shorten it to ${max} characters or fewer`,
        };
    }
    return undefined;
}

/** A KMS alias name, `alias/...`. */
export function kmsAliasProblem(alias: string): LimitProblem | undefined {
    if (!alias.startsWith("alias/")) return { problem: "a KMS alias starts with alias/", fix: `Write "alias/${alias}"` };
    if (alias.startsWith("alias/aws/")) return { problem: "alias/aws/ is reserved for AWS managed keys", fix: "Choose another alias" };
    if (!/^alias\/[A-Za-z0-9/_-]+$/.test(alias))
        return { problem: "KMS aliases allow letters, digits and /_- only", fix: "Remove the other characters" };
    if (alias.length > KMS_ALIAS_MAX) return { problem: `KMS aliases are at most ${KMS_ALIAS_MAX} characters`, fix: "Shorten it" };
    return undefined;
}

/** A tag key and value every AWS service accepts. */
export function tagProblem(key: string, value: string): LimitProblem | undefined {
    if (/^aws:/i.test(key)) return { problem: "AWS reserves tag keys starting with aws:", fix: "Use another prefix, e.g. your company's" };
    if (key.length < 1 || key.length > TAG_KEY_MAX) return { problem: `tag keys are 1-${TAG_KEY_MAX} characters`, fix: "Shorten the key" };
    if (typeof value !== "string") return { problem: "tag values are strings", fix: "Quote the value" };
    if (value.length > TAG_VALUE_MAX) return { problem: `tag values are at most ${TAG_VALUE_MAX} characters`, fix: "Shorten the value" };
    // The characters every tagging service accepts (some accept more, none fewer).
    const allowed = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
    if (!allowed.test(key) || !allowed.test(value)) {
        return { problem: "tags allow letters, digits, spaces and _.:/=+-@ only", fix: "Remove the other characters" };
    }
    return undefined;
}

export const LOG_GROUP_NAME_MAX = 512;

/** A CloudWatch Logs log group name (or `namePrefix` when `auto`, which Pulumi extends by its random suffix). */
export function logGroupNameProblem(name: string, auto = false): LimitProblem | undefined {
    const max = auto ? LOG_GROUP_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH : LOG_GROUP_NAME_MAX;
    if (!/^[.\-_/#A-Za-z0-9]+$/.test(name)) {
        return { problem: "CloudWatch log group names allow letters, digits and ._-/# only", fix: "Remove the other characters" };
    }
    if (name.length > max)
        return { problem: `log group names are at most ${LOG_GROUP_NAME_MAX} characters`, fix: `Shorten it to ${max} characters or fewer` };
    return undefined;
}
