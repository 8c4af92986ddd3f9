/**
 * The AWS names the platform components derive from their own name, checked against AWS's limits
 * so a name that would be refused mid-deployment is refused before anything is created. A length
 * problem says how long the component's name may be, not the derived name.
 */
import {
    AUTO_NAME_SUFFIX_LENGTH,
    IAM_ROLE_NAME_MAX,
    LOG_GROUP_NAME_MAX,
    LimitProblem,
    iamRoleNameProblem,
    logGroupNameProblem,
} from "../core/aws-limits";

/** A limit a derived name breaks, and which name it is. */
export interface NameProblem extends LimitProblem {
    /** The derived resource name, e.g. "the EKS cluster's name". */
    where: string;
}

// EKS's CreateCluster model: 1-100 characters, alphanumeric first, then letters, digits, - and _.
const EKS_CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]*$/;
const EKS_CLUSTER_NAME_MAX = 100;

/** An EKS cluster name that Pulumi extends by its random suffix. */
export function eksClusterNameProblem(prefix: string): LimitProblem | undefined {
    if (!EKS_CLUSTER_NAME.test(prefix)) {
        return {
            problem: "EKS cluster names start with a letter or digit and allow letters, digits, - and _ only",
            fix: "Remove the other characters",
        };
    }
    if (prefix.length + AUTO_NAME_SUFFIX_LENGTH > EKS_CLUSTER_NAME_MAX) {
        return {
            problem: `the EKS cluster name would be ${prefix.length + AUTO_NAME_SUFFIX_LENGTH} characters; EKS allows ${EKS_CLUSTER_NAME_MAX}`,
            fix: `Shorten it to ${EKS_CLUSTER_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH} characters or fewer`,
        };
    }
    return undefined;
}

/**
 * The problem of one auto-named resource `<name><suffix>-<random>` whose name AWS limits to `max`
 * characters; a length problem's fix gives the longest component name that fits.
 */
function derived(
    name: string,
    suffix: string,
    max: number,
    where: string,
    check: (prefix: string) => LimitProblem | undefined,
): NameProblem[] {
    const found = check(`${name}${suffix}`);
    if (!found) return [];
    const longest = max - AUTO_NAME_SUFFIX_LENGTH - suffix.length;
    // Length alone is the problem when the name cut to the longest that fits passes.
    const tooLong = name.length > longest && check(`${name.slice(0, longest)}${suffix}`) === undefined;
    return [{ problem: found.problem, fix: tooLong ? `Shorten the name to ${longest} characters or fewer` : found.fix, where }];
}

/**
 * A created cluster's names: @pulumi/eks names the EKS cluster `<name>-eks-eksCluster-<random>`
 * and its service role `<name>-eks-eksRole-role-<random>`, the longest of the cluster's IAM roles
 * (the node and EBS CSI roles are shorter and follow the same IAM rules).
 */
export function clusterNameProblems(name: string): NameProblem[] {
    return [
        ...derived(name, "-eks-eksCluster", EKS_CLUSTER_NAME_MAX, "the EKS cluster's name", eksClusterNameProblem),
        ...derived(name, "-eks-eksRole-role", IAM_ROLE_NAME_MAX, "the EKS service role's name", (n) => iamRoleNameProblem(n, true)),
    ];
}

/** A created VPC with flow logs: the delivery role `<name>-flow-logs-role-<random>` and log group `<name>-flow-logs-<random>`. */
export function flowLogNameProblems(name: string): NameProblem[] {
    return [
        ...derived(name, "-flow-logs-role", IAM_ROLE_NAME_MAX, "the flow-log role's name", (n) => iamRoleNameProblem(n, true)),
        ...derived(name, "-flow-logs", LOG_GROUP_NAME_MAX, "the flow-log group's name", (n) => logGroupNameProblem(n, true)),
    ];
}
