import { PlannedResource, ResourceGraph } from "../../testing";

/** A statement as written in a policy document (fields may be a string or a list). */
export interface Statement {
    Sid?: string;
    Effect?: string;
    Action?: string | string[];
    NotAction?: string | string[];
    Resource?: string | string[];
    NotResource?: string | string[];
    Principal?: unknown;
    NotPrincipal?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
    Version?: string;
    Id?: string;
    Statement: Statement | Statement[];
}

/**
 * What a document governs. Identity policies are attached to a principal and have no Principal;
 * trust policies say who may assume a role; resource policies (bucket, key, topic, cluster, log
 * policies) name principals and sit on the resource.
 */
export type PolicyKind = "identity" | "trust" | "resource";

/** One policy document found in a planned resource's inputs. */
export interface FoundDocument {
    /** Where it came from: `<plan> <type> <name> .<input path>`, for failure messages. */
    where: string;
    resource: PlannedResource;
    inputPath: string;
    kind: PolicyKind;
    document: PolicyDocument;
}

/** The input paths that must hold a policy document on these types (so a change of shape is caught, not skipped). */
export const KNOWN_POLICY_INPUTS: Record<string, string> = {
    "aws:iam/rolePolicy:RolePolicy": "policy",
    "aws:iam/policy:Policy": "policy",
    "aws:iam/role:Role": "assumeRolePolicy",
    "aws:s3/bucketPolicy:BucketPolicy": "policy",
    "aws:kms/key:Key": "policy",
    "aws:msk/clusterPolicy:ClusterPolicy": "policy",
    "aws:sns/topicPolicy:TopicPolicy": "policy",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "policyDocument",
};

function isDocument(value: unknown): value is PolicyDocument {
    return typeof value === "object" && value !== null && !Array.isArray(value) && "Statement" in value;
}

function parsed(value: string): unknown {
    const text = value.trim();
    if (!text.startsWith("{") || !text.includes("Statement")) return undefined;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** Every policy document under an input value: JSON strings with a Statement, or such objects, at any depth. */
function documentsUnder(value: unknown, at: string, out: Array<[string, PolicyDocument]>): void {
    if (typeof value === "string") {
        const doc = parsed(value);
        if (isDocument(doc)) out.push([at, doc]);
        return;
    }
    if (isDocument(value)) {
        out.push([at, value]);
        return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => documentsUnder(v, `${at}[${i}]`, out));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) documentsUnder(v, at ? `${at}.${k}` : k, out);
}

function kindOf(resource: PlannedResource, inputPath: string, document: PolicyDocument): PolicyKind {
    if (resource.type === "aws:iam/role:Role" && inputPath === "assumeRolePolicy") return "trust";
    if (KNOWN_POLICY_INPUTS[resource.type] === inputPath) return resource.type.startsWith("aws:iam/") ? "identity" : "resource";
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    return statements.some((s) => s.Principal !== undefined || s.NotPrincipal !== undefined) ? "resource" : "identity";
}

/** Every IAM policy document in a plan's inputs, with where it came from and what kind it is. */
export function policyDocuments(label: string, graph: ResourceGraph): FoundDocument[] {
    const found: FoundDocument[] = [];
    for (const resource of graph.resources) {
        if (!resource.custom) continue;
        const docs: Array<[string, PolicyDocument]> = [];
        documentsUnder(resource.inputs, "", docs);
        for (const [inputPath, document] of docs) {
            found.push({
                where: `${label} ${resource.type} "${resource.name}" .${inputPath}`,
                resource,
                inputPath,
                kind: kindOf(resource, inputPath, document),
                document,
            });
        }
    }
    return found;
}

/** The statements of a document, always as a list. */
export function statementsOf(document: PolicyDocument): Statement[] {
    return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

/** A string-or-list field as a list. */
export function listOf(value: string | string[] | undefined): string[] {
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
}
