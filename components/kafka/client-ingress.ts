import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** Who may reach a cluster's Kafka port: security groups of clients, and address ranges. */
export interface ClientIngress {
    /** The cluster's security group. */
    securityGroupId: pulumi.Input<string>;
    /** The port its clients use with its authentication. */
    port: number;
    /** The authentication, as the rules' descriptions name it (`iam`, `IAM`, `scram`, ...). */
    auth: string;
    clientSecurityGroupIds: readonly pulumi.Input<string>[];
    clientCidrBlocks: readonly string[];
    tags: Record<string, string>;
}

/**
 * One ingress rule per client security group and per address range, on the Kafka port alone. The
 * rule names (`<name>-client-sg-<i>`, `<name>-client-cidr-<range>`) are part of each rule's URN.
 */
export function clientIngressRules(name: string, c: ClientIngress, parent: pulumi.Resource): void {
    const rule = (suffix: string, source: { referencedSecurityGroupId: pulumi.Input<string> } | { cidrIpv4: string }, from: string) =>
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-${suffix}`,
            {
                securityGroupId: c.securityGroupId,
                ...source,
                ipProtocol: "tcp",
                fromPort: c.port,
                toPort: c.port,
                description: `Kafka (${c.auth}) from ${from}`,
                tags: c.tags,
            },
            { parent },
        );
    c.clientSecurityGroupIds.forEach((sg, i) => rule(`client-sg-${i}`, { referencedSecurityGroupId: sg }, "a client security group"));
    for (const cidr of c.clientCidrBlocks) rule(`client-cidr-${cidr.replace(/[./]/g, "-")}`, { cidrIpv4: cidr }, cidr);
}
