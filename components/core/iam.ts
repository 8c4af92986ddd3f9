import * as pulumi from "@pulumi/pulumi";

/** A condition block: operator -> condition key -> value(s), as IAM writes it. */
export type PolicyCondition = Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;

/**
 * One IAM policy statement. Components hand these to each other (the landing zone's grants, Kafka
 * topic access) so that whoever owns the role decides where they are attached.
 */
export interface PolicyStatement {
    /** Statement id. Default: none. */
    Sid?: string;
    /** Whether the statement allows or denies. */
    Effect: "Allow" | "Deny";
    /** Only in resource policies (bucket, key, topic policies); identity policies have none. */
    Principal?: "*" | { Service?: string | string[]; AWS?: pulumi.Input<string> | pulumi.Input<string>[] };
    /** The actions, e.g. `s3:GetObject`. */
    Action: string[];
    /** The resource ARNs (or patterns) the actions apply to. */
    Resource: pulumi.Input<string>[];
    /** When the statement applies. Default: always. */
    Condition?: PolicyCondition;
}

/** A trust-policy statement (who may assume a role). */
export interface TrustStatement {
    /** Trust statements only allow. */
    Effect: "Allow";
    /** Who may assume the role: an AWS service, a federated identity provider (IRSA) or an AWS principal. */
    Principal: { Service?: pulumi.Input<string> | pulumi.Input<string>[]; Federated?: pulumi.Input<string>; AWS?: pulumi.Input<string> };
    /** `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity`, ... */
    Action: string | string[];
    /** When the statement applies (e.g. the service account a web identity must be). Default: always. */
    Condition?: PolicyCondition;
}

/**
 * Renders statements as an IAM policy document (JSON), resolving any outputs inside them. Once
 * resolved, repeated resources in a statement and repeated statements are dropped: grants from
 * several sources often name the same bucket or key, and IAM's policy size limit is small.
 */
export function policyDocument(statements: PolicyStatement[] | TrustStatement[]): pulumi.Output<string> {
    return pulumi.output(statements as Array<PolicyStatement | TrustStatement>).apply((resolved) => {
        const seen = new Set<string>();
        const unique = resolved
            .map((s) => ("Resource" in s && Array.isArray(s.Resource) ? { ...s, Resource: [...new Set(s.Resource)] } : s))
            .filter((s) => {
                const key = JSON.stringify(s);
                if (seen.has(key)) return false;
                seen.add(key);
                return true;
            });
        return JSON.stringify({ Version: "2012-10-17", Statement: unique });
    });
}

/** A trust policy for an AWS service principal, optionally pinned to the calling account. */
export function serviceTrustPolicy(
    service: pulumi.Input<string> | pulumi.Input<string>[],
    condition?: PolicyCondition,
): pulumi.Output<string> {
    return policyDocument([
        { Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) },
    ]);
}

/**
 * Merges statements that differ only in their resources, so a role that gets the same grant on
 * several prefixes stays under IAM's policy size limit. Order of first appearance is kept.
 */
export function mergeStatements(statements: PolicyStatement[]): PolicyStatement[] {
    const merged = new Map<string, PolicyStatement>();
    for (const s of statements) {
        // Statements with conditions or outputs in their conditions stay separate: merging them
        // could widen a condition.
        if (s.Condition) {
            merged.set(`${merged.size}:cond`, s);
            continue;
        }
        const key = `${s.Effect}|${[...s.Action].sort().join(",")}`;
        const existing = merged.get(key);
        if (existing) existing.Resource = [...existing.Resource, ...s.Resource];
        else merged.set(key, { ...s, Resource: [...s.Resource], Action: [...s.Action] });
    }
    return [...merged.values()];
}
