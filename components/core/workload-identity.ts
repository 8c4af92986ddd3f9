import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { KubernetesTarget } from "./contracts";
import { PolicyStatement, mergeStatements, policyDocument } from "./iam";

/**
 * How a pod gets AWS credentials. IRSA is the default because the S3 filesystem plugins and older
 * AWS SDKs inside job images support it; EKS Pod Identity needs newer SDKs in the image.
 */
export type WorkloadIdentityMode = "irsa" | "pod-identity";

export interface WorkloadRoleArgs {
    target: KubernetesTarget;
    mode: WorkloadIdentityMode;
    namespace: string;
    serviceAccount: string;
    statements: PolicyStatement[];
    tags: Record<string, string>;
}

export interface WorkloadRole {
    role: aws.iam.Role;
    policy: aws.iam.RolePolicy;
    /** The association that hands the role to the service account (Pod Identity only). */
    podIdentity?: aws.eks.PodIdentityAssociation;
    /** Annotations the Kubernetes service account needs (IRSA's role ARN), empty for Pod Identity. */
    serviceAccountAnnotations: pulumi.Output<Record<string, string>>;
    /**
     * What pods must wait for: a pod started before its policy or Pod Identity association exists
     * gets no (or too few) credentials until it restarts.
     */
    ready: pulumi.Resource[];
}

/** Strips the scheme so the issuer can be used in IAM condition keys. */
function issuerHost(url: string): string {
    return url.replace(/^https?:\/\//, "");
}

/** A trust policy letting exactly one Kubernetes service account assume a role through the cluster's OIDC provider (IRSA). */
export function irsaTrustPolicy(
    oidcProviderArn: pulumi.Input<string>,
    oidcProviderUrl: pulumi.Input<string>,
    namespace: string,
    serviceAccount: string,
): pulumi.Output<string> {
    return pulumi.all([oidcProviderArn, oidcProviderUrl]).apply(([arn, url]) => {
        const issuer = issuerHost(url ?? "");
        return JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Federated: arn },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: {
                        StringEquals: {
                            [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
                            [`${issuer}:aud`]: "sts.amazonaws.com",
                        },
                    },
                },
            ],
        });
    });
}

/**
 * An IAM role that exactly one Kubernetes service account may assume, with an inline policy of the
 * given statements. Callers validate that the target carries what the mode needs.
 */
export function workloadRole(name: string, args: WorkloadRoleArgs, parent: pulumi.Resource): WorkloadRole {
    const assumeRolePolicy =
        args.mode === "irsa"
            ? irsaTrustPolicy(
                  args.target.oidcProviderArn as pulumi.Input<string>,
                  args.target.oidcProviderUrl as pulumi.Input<string>,
                  args.namespace,
                  args.serviceAccount,
              )
            : policyDocument([
                  { Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] },
              ]);

    const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy, tags: args.tags }, { parent });
    const policy = new aws.iam.RolePolicy(
        `${name}-policy`,
        { role: role.name, policy: policyDocument(mergeStatements(args.statements)) },
        { parent },
    );
    const podIdentity =
        args.mode !== "pod-identity"
            ? undefined
            : new aws.eks.PodIdentityAssociation(
                  `${name}-pod-identity`,
                  {
                      clusterName: args.target.clusterName as pulumi.Input<string>,
                      namespace: args.namespace,
                      serviceAccount: args.serviceAccount,
                      roleArn: role.arn,
                      tags: args.tags,
                  },
                  { parent },
              );
    const serviceAccountAnnotations =
        args.mode === "irsa"
            ? role.arn.apply((arn): Record<string, string> => ({ "eks.amazonaws.com/role-arn": arn }))
            : role.arn.apply((): Record<string, string> => ({}));
    return { role, policy, podIdentity, serviceAccountAnnotations, ready: [role, policy, ...(podIdentity ? [podIdentity] : [])] };
}

/** The problem with a target for a mode, or undefined when the target carries what the mode needs. */
export function workloadIdentityProblem(target: KubernetesTarget, mode: WorkloadIdentityMode): string | undefined {
    if (mode === "irsa" && (!target.oidcProviderArn || !target.oidcProviderUrl)) {
        return "IRSA needs the cluster's OIDC provider ARN and URL (oidcProviderArn, oidcProviderUrl) on the KubernetesTarget";
    }
    if (mode === "pod-identity" && !target.clusterName) {
        return "EKS Pod Identity needs the cluster name (clusterName) on the KubernetesTarget";
    }
    return undefined;
}
