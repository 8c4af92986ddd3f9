import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { PolicyStatement, mergeStatements, policyDocument, serviceTrustPolicy } from "../core/iam";
import { AwsContext } from "./aws-context";
import { EmrServerlessTarget } from "./emr-serverless-application-args";
import { StorageGrant, grantStatements } from "./locations";
import { EMR_SERVERLESS_PRINCIPAL } from "./serverless-iam";

export interface RuntimeRoleArgs {
    ctx: AwsContext;
    target: EmrServerlessTarget;
    /** The job's landing-zone access: its code, inputs, outputs, logs (and checkpoints). */
    grants: StorageGrant[];
    /** Further statements (Kafka topics, ...). */
    statements?: PolicyStatement[];
    tags: Record<string, string>;
}

/** A job's runtime role on EMR Serverless, and what must exist before a run can use it. */
export interface RuntimeRole {
    role: aws.iam.Role;
    /** The role's inline policy: runs must wait for it. */
    access: aws.iam.RolePolicy;
}

/**
 * The role a job's runs assume on EMR Serverless: trusted by EMR Serverless only for this account's
 * runs on this one application (confused-deputy guard), allowed exactly the job's landing-zone
 * grants, as the instance roles of EMR on EC2 are, and the job's further statements (Kafka topics).
 */
export function runtimeRole(name: string, args: RuntimeRoleArgs, parent: pulumi.Resource): RuntimeRole {
    const opts = { parent };
    const statements: PolicyStatement[] = [...grantStatements(args.target.storage, args.grants), ...(args.statements ?? [])];
    const role = new aws.iam.Role(
        `${name}-runtime-role`,
        {
            description: `spectrum ${name}: the job's runs on EMR Serverless`,
            assumeRolePolicy: serviceTrustPolicy(EMR_SERVERLESS_PRINCIPAL, {
                StringEquals: { "aws:SourceAccount": args.ctx.accountId },
                ArnLike: { "aws:SourceArn": args.target.applicationArn },
            }),
            tags: args.tags,
        },
        opts,
    );
    const access = new aws.iam.RolePolicy(
        `${name}-runtime-access`,
        { role: role.name, policy: policyDocument(mergeStatements(statements)) },
        opts,
    );
    return { role, access };
}
