import { PlannedResource } from "./graph";

/** A statement of an IAM policy document, as parsed from a planned resource's inputs. */
export interface ParsedStatement {
    /** Statement id, if any. */
    Sid?: string;
    /** `Allow` or `Deny`. */
    Effect: string;
    /** One action or several. */
    Action: string | string[];
    /** One resource ARN or several (absent in trust policies). */
    Resource?: string | string[];
    /** Who may assume the role (trust policies). */
    Principal?: unknown;
    /** Condition operator -> key -> value(s). */
    Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * The statements of the IAM policy document a resource carries (`policy` on role policies, bucket
 * and key policies; `assumeRolePolicy` on roles), parsed. Throws if the input is not a document.
 */
export function policyStatements(
    resource: PlannedResource,
    input: string = resource.type === "aws:iam/role:Role" ? "assumeRolePolicy" : "policy",
): ParsedStatement[] {
    const raw = resource.inputs[input];
    if (typeof raw !== "string") throw new Error(`${resource.urn}: input ${input} is not a JSON policy document`);
    const doc = JSON.parse(raw) as { Statement: ParsedStatement | ParsedStatement[] };
    return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}
