import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { PolicyStatement, mergeStatements, policyDocument, serviceTrustPolicy } from "../core/iam";
import { PrincipalRequester, servicePrincipal } from "../core/service-principals";
import { AwsContext } from "./aws-context";
import { EmrRolesArgs } from "./cluster-shape-args";

export type { EmrRolesArgs } from "./cluster-shape-args";

/** The roles a cluster runs with, created or given. */
export interface EmrRoles {
    serviceRoleArn: pulumi.Output<string>;
    instanceRoleArn: pulumi.Output<string>;
    /** Name of the instance role, which is also the instance profile's name. */
    instanceRoleName: pulumi.Output<string>;
    /** The created roles; undefined when the roles were given. */
    created?: { serviceRole: aws.iam.Role; instanceRole: aws.iam.Role; instanceProfile: aws.iam.InstanceProfile };
    /** What a cluster must wait for: the roles' policies must be in place before nodes boot. */
    ready: pulumi.Resource[];
}

/** The last segment of a role ARN (roles may have a path). */
export function roleNameOf(arn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(arn).apply((a) => a.split("/").pop() ?? a);
}

export function givenRoles(roles: EmrRolesArgs): EmrRoles {
    return {
        serviceRoleArn: pulumi.output(roles.serviceRoleArn),
        instanceRoleArn: pulumi.output(roles.instanceRoleArn),
        instanceRoleName: roleNameOf(roles.instanceRoleArn),
        ready: [],
    };
}

export interface CreatedRolesArgs {
    ctx: AwsContext;
    /** The component creating the roles (named in the error for a partition outside the principal catalog). */
    owner: PrincipalRequester;
    /** What the cluster's nodes (and so every Spark job on it) may do. */
    instanceStatements: PolicyStatement[];
    /** Extra statements for the service role beyond the managed policy (local-disk key, PassRole is added here). */
    serviceStatements: PolicyStatement[];
    tags: Record<string, string>;
}

/**
 * The EMR service role (the current managed policy `AmazonEMRServicePolicy_v2`, trusted only for
 * this account's clusters in this region) and the EC2 instance role with an instance profile of
 * the same name, as EMR requires.
 */
export function createRoles(name: string, args: CreatedRolesArgs, parent: pulumi.Resource): EmrRoles {
    const opts = { parent };
    const { ctx } = args;
    // EC2 and EMR have other principal names in China: trust and PassRole name the partition's.
    const ec2 = servicePrincipal("ec2", ctx.partition, args.owner);
    const emr = servicePrincipal("elasticmapreduce", ctx.partition, args.owner);
    const instanceRole = new aws.iam.Role(`${name}-instance-role`, { assumeRolePolicy: serviceTrustPolicy(ec2), tags: args.tags }, opts);
    const instanceProfile = new aws.iam.InstanceProfile(
        `${name}-instance-profile`,
        { name: instanceRole.name, role: instanceRole.name, tags: args.tags },
        opts,
    );
    const instanceAccess = new aws.iam.RolePolicy(
        `${name}-instance-access`,
        { role: instanceRole.name, policy: policyDocument(mergeStatements(args.instanceStatements)) },
        opts,
    );

    const serviceRole = new aws.iam.Role(
        `${name}-service-role`,
        {
            // Confused-deputy guard: EMR may assume the role only for this account's clusters here.
            assumeRolePolicy: serviceTrustPolicy(emr, {
                StringEquals: { "aws:SourceAccount": ctx.accountId },
                ArnLike: { "aws:SourceArn": pulumi.interpolate`arn:${ctx.partition}:elasticmapreduce:${ctx.region}:${ctx.accountId}:*` },
            }),
            tags: args.tags,
        },
        opts,
    );
    const managedPolicy = new aws.iam.RolePolicyAttachment(
        `${name}-service-managed-policy`,
        {
            role: serviceRole.name,
            policyArn: pulumi.interpolate`arn:${ctx.partition}:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2`,
        },
        opts,
    );
    const passInstanceRole: PolicyStatement = {
        // The managed policy may pass only EMR_EC2_DefaultRole; ours has another name.
        Effect: "Allow",
        Action: ["iam:PassRole"],
        Resource: [instanceRole.arn],
        Condition: { StringEquals: { "iam:PassedToService": ec2 } },
    };
    const serviceAccess = new aws.iam.RolePolicy(
        `${name}-service-access`,
        { role: serviceRole.name, policy: policyDocument([passInstanceRole, ...args.serviceStatements]) },
        opts,
    );
    return {
        serviceRoleArn: serviceRole.arn,
        instanceRoleArn: instanceRole.arn,
        instanceRoleName: instanceProfile.name,
        created: { serviceRole, instanceRole, instanceProfile },
        ready: [instanceAccess, managedPolicy, serviceAccess],
    };
}
