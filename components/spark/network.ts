import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { EmrNetworkArgs } from "./cluster-shape-args";

export type { EmrNetworkArgs } from "./cluster-shape-args";

/**
 * The tag `AmazonEMRServicePolicy_v2` looks for: the EMR service role may only launch into,
 * and change, subnets and security groups that carry it, and clusters must be created with it.
 */
export const EMR_MANAGED_POLICY_TAG: Readonly<Record<string, string>> = { "for-use-with-amazon-emr-managed-policies": "true" };

/** The three EMR-managed security groups a cluster in private subnets needs. */
export interface EmrSecurityGroups {
    primary: aws.ec2.SecurityGroup;
    core: aws.ec2.SecurityGroup;
    /** Lets the EMR service reach the primary node (port 9443) inside a private subnet. */
    serviceAccess: aws.ec2.SecurityGroup;
}

/**
 * Security groups with no rules but the ones EMR documents for private subnets; EMR adds and
 * maintains the intra-cluster rules itself. `revokeRulesOnDelete` breaks the reference cycle
 * EMR's rules create between the groups, which otherwise blocks their deletion.
 */
export function emrSecurityGroups(
    name: string,
    network: EmrNetworkArgs,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): EmrSecurityGroups {
    const opts = { parent };
    const groupTags = { ...tags, ...EMR_MANAGED_POLICY_TAG };
    const group = (role: string, description: string) =>
        new aws.ec2.SecurityGroup(
            `${name}-${role}-sg`,
            { vpcId: network.vpcId, description, revokeRulesOnDelete: true, tags: groupTags },
            opts,
        );
    const primary = group("primary", "EMR-managed: primary node");
    const core = group("core", "EMR-managed: core and task nodes");
    const serviceAccess = group("service-access", "EMR-managed: service access to the primary node in a private subnet");

    // Outbound is open, as in EMR's own managed rules (which it would re-add): nodes reach S3, KMS
    // and EMR over HTTPS, and jobs reach their sources (Kafka brokers, databases) on their ports.
    // Nothing can reach the nodes from outside: no inbound rule but EMR's intra-cluster ones.
    for (const [role, sg] of [
        ["primary", primary],
        ["core", core],
    ] as const) {
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-${role}-egress`,
            {
                securityGroupId: sg.id,
                ipProtocol: "-1",
                cidrIpv4: "0.0.0.0/0",
                description: "Outbound to AWS endpoints and job sources",
                tags,
            },
            opts,
        );
    }
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-service-access-from-primary`,
        {
            securityGroupId: serviceAccess.id,
            referencedSecurityGroupId: primary.id,
            ipProtocol: "tcp",
            fromPort: 9443,
            toPort: 9443,
            description: "EMR service access from the primary node",
            tags,
        },
        opts,
    );
    for (const [role, sg] of [
        ["primary", primary],
        ["core", core],
    ] as const) {
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-service-access-to-${role}`,
            {
                securityGroupId: serviceAccess.id,
                referencedSecurityGroupId: sg.id,
                ipProtocol: "tcp",
                fromPort: 8443,
                toPort: 8443,
                description: `EMR service access to the ${role} nodes`,
                tags,
            },
            opts,
        );
    }
    return { primary, core, serviceAccess };
}
