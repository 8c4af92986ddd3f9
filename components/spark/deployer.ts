import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { policyDocument, serviceTrustPolicy } from "../core/iam";
import { readJobScript } from "../core/job-script";
import { AwsContext } from "./aws-context";

/**
 * The deployer's handler (`jobs/` beside this file): started by `aws.lambda.Invocation` on create,
 * update and delete of a streaming job, it runs the supervisor's `deploy` (or, on delete, `stop`)
 * and waits for it, so a job that cannot be (re)started fails `pulumi up` instead of failing silently.
 */
export const DEPLOYER_FILE = "streaming_job_deployer.py";

export interface DeployerArgs {
    ctx: AwsContext;
    stateMachine: aws.sfn.StateMachine;
    /** Changes whenever the job changes; a change re-runs the deploy. */
    revision: pulumi.Input<string>;
    /** What must exist before the first deploy (the supervisor's and the job's policies). */
    dependsOn: pulumi.Resource[];
    tags: Record<string, string>;
}

/** A stable digest of a job's definition, used as its revision. */
export function revisionOf(text: string): string {
    return crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);
}

export function deployer(name: string, args: DeployerArgs, parent: pulumi.Resource): aws.lambda.Invocation {
    const opts = { parent };
    const { ctx, stateMachine } = args;
    const logs = new aws.cloudwatch.LogGroup(`${name}-deployer-logs`, { retentionInDays: 30, tags: args.tags }, opts);
    const role = new aws.iam.Role(
        `${name}-deployer-role`,
        { assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"), tags: args.tags },
        opts,
    );
    const policy = new aws.iam.RolePolicy(
        `${name}-deployer-access`,
        {
            role: role.name,
            policy: policyDocument([
                { Effect: "Allow", Action: ["states:StartExecution"], Resource: [stateMachine.arn] },
                {
                    Effect: "Allow",
                    Action: ["states:DescribeExecution"],
                    Resource: [
                        pulumi.interpolate`arn:${ctx.partition}:states:${ctx.region}:${ctx.accountId}:execution:${stateMachine.name}:*`,
                    ],
                },
                { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [pulumi.interpolate`${logs.arn}:*`] },
            ]),
        },
        opts,
    );
    const fn = new aws.lambda.Function(
        `${name}-deployer`,
        {
            description: `spectrum ${name}: deploys and stops the streaming job through its supervisor`,
            runtime: aws.lambda.Runtime.Python3d13,
            architectures: ["arm64"],
            handler: "index.handler",
            code: new pulumi.asset.AssetArchive({ "index.py": new pulumi.asset.StringAsset(readJobScript(__dirname, DEPLOYER_FILE)) }),
            role: role.arn,
            timeout: 900,
            memorySize: 128,
            loggingConfig: { logFormat: "Text", logGroup: logs.name },
            tags: args.tags,
        },
        { parent, dependsOn: [policy] },
    );
    return new aws.lambda.Invocation(
        `${name}-deploy`,
        {
            functionName: fn.name,
            // CRUD: invoked on create, on every change of the input, and on delete (to stop the job).
            lifecycleScope: "CRUD",
            input: pulumi.jsonStringify({ stateMachineArn: stateMachine.arn, revision: args.revision }),
        },
        // If the invocation is ever replaced (its function renamed), the old one's delete stops the
        // job: it must run before the new one deploys it again, not after.
        { parent, dependsOn: [policy, ...args.dependsOn], deleteBeforeReplace: true },
    );
}
