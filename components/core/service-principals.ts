import * as pulumi from "@pulumi/pulumi";
import { SpectrumValidationError } from "./errors";

/**
 * The AWS services whose principal name depends on the partition, among those spectrum's roles
 * trust or pass roles to. Most services are `<service>.amazonaws.com` everywhere; EC2 and EMR kept
 * their China names.
 */
export type PartitionedService = "ec2" | "elasticmapreduce";

/**
 * Domain of the EC2 and EMR service principals per partition, as of 2026-12. A role must name the
 * partition's principal both where it trusts the service and in `iam:PassedToService` when it is
 * passed to it: a `StringEquals` on the commercial name never matches in China.
 *
 * Sources:
 * - `aws`, `aws-us-gov`: `ec2.amazonaws.com`, `elasticmapreduce.amazonaws.com` (the EMR and EC2
 *   role guides; GovCloud uses the commercial principal names).
 * - `aws-cn`: `ec2.amazonaws.com.cn` (EKS refuses a node role that trusts only
 *   `ec2.amazonaws.com` there: "required service principals [ec2.amazonaws.com.cn] were not
 *   found", awslabs/cdk-eks-blueprints#558; aws-cdk#24709, 2023-03; terraform-provider-aws#47141,
 *   2026-03) and `elasticmapreduce.amazonaws.com.cn` (aws-cdk#20014, 2022-04; aws-cdk#31767,
 *   2024-10: clusters stop launching when the service role trusts the commercial name). AWS's own
 *   EMR managed policies match `ec2.amazonaws.com*` with `StringLike` for the same reason.
 *
 * Other partitions (the ISO ones, the European Sovereign Cloud) are left out until their names are
 * confirmed: a role built there fails with a message pointing here instead of silently trusting a
 * principal that does not exist.
 */
export const SERVICE_PRINCIPAL_DOMAINS: Readonly<Record<string, string>> = {
    aws: "amazonaws.com",
    "aws-us-gov": "amazonaws.com",
    "aws-cn": "amazonaws.com.cn",
};

/** The service's principal in a partition, or undefined for a partition not in the catalog. */
export function servicePrincipalIn(partition: string, service: PartitionedService): string | undefined {
    const domain = SERVICE_PRINCIPAL_DOMAINS[partition];
    return domain === undefined ? undefined : `${service}.${domain}`;
}

/** Who asks, so that a partition outside the catalog fails with the component's own message. */
export interface PrincipalRequester {
    component: string;
    name: string;
}

/** The service's principal in a partition; a partition outside the catalog fails with the uniform message. */
export function requireServicePrincipal(partition: string, service: PartitionedService, requester: PrincipalRequester): string {
    const principal = servicePrincipalIn(partition, service);
    if (principal === undefined) {
        throw new SpectrumValidationError([
            `${requester.component} "${requester.name}": partition = ${JSON.stringify(partition)}: the ${service} service principal of this partition is not known here. ` +
                `Deploy to ${Object.keys(SERVICE_PRINCIPAL_DOMAINS).join(", ")}, or add the partition to SERVICE_PRINCIPAL_DOMAINS (components/core/service-principals.ts).`,
        ]);
    }
    return principal;
}

/**
 * The service's principal in the partition the component deploys to, checked when the partition
 * resolves: a role is never registered with a principal guessed for an unknown partition.
 */
export function servicePrincipal(
    service: PartitionedService,
    partition: pulumi.Input<string>,
    requester: PrincipalRequester,
): pulumi.Output<string> {
    return pulumi.output(partition).apply((p) => requireServicePrincipal(p, service, requester));
}
