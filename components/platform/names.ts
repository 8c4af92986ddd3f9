/**
 * The AWS names the platform components derive from their own name, checked against AWS's limits
 * so a name that would be refused mid-deployment is refused before anything is created.
 */
import { LimitProblem, iamRoleNameProblem, logGroupNameProblem } from "../core/aws-limits";

/** A limit a derived name breaks, and which name it is. */
export interface NameProblem extends LimitProblem {
    /** The derived resource name, e.g. "the EKS cluster's name". */
    where: string;
}

// EKS's CreateCluster model: 1-100 characters, alphanumeric first, then letters, digits, - and _.
const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]*$/;
const EKS_CLUSTER_NAME_MAX = 100;
const AUTO_NAME_SUFFIX = 8;

/** An EKS cluster name that Pulumi extends by its random suffix. */
export function eksClusterNameProblem(prefix: string): LimitProblem | undefined {
    if (!EKS_CLUSTER_NAME.test(prefix)) {
        return {
            problem: "EKS cluster names start with a letter or digit and allow letters, digits, - and _ only",
            fix: "Remove the other characters",
        };
    }
    if (prefix.length + AUTO_NAME_SUFFIX > EKS_CLUSTER_NAME_MAX) {
        return {
            problem: `the EKS cluster name would be ${prefix.length + AUTO_NAME_SUFFIX} characters; EKS allows ${EKS_CLUSTER_NAME_MAX}`,
            fix: `Shorten it to ${EKS_CLUSTER_NAME_MAX - AUTO_NAME_SUFFIX} characters or fewer`,
        };
    }
    return undefined;
}

function found(where: string, problem: LimitProblem | undefined): NameProblem[] {
    return problem ? [{ ...problem, where }] : [];
}

/**
 * A created cluster's names: @pulumi/eks names the EKS cluster `<name>-eks-eksCluster-<random>`
 * and its service role `<name>-eks-eksRole-role-<random>`, the longest of the cluster's IAM roles
 * (the node and EBS CSI roles are shorter and follow the same IAM rules).
 */
export function clusterNameProblems(name: string): NameProblem[] {
    return [
        ...found("the EKS cluster's name", eksClusterNameProblem(`${name}-eks-eksCluster`)),
        ...found("the EKS service role's name", iamRoleNameProblem(`${name}-eks-eksRole-role`, true)),
    ];
}

/** A created VPC with flow logs: the delivery role `<name>-flow-logs-role-<random>` and log group `<name>-flow-logs-<random>`. */
export function flowLogNameProblems(name: string): NameProblem[] {
    return [
        ...found("the flow-log role's name", iamRoleNameProblem(`${name}-flow-logs-role`, true)),
        ...found("the flow-log group's name", logGroupNameProblem(`${name}-flow-logs`, true)),
    ];
}
