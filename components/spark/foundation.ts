import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Storage } from "../core/contracts";
import { PolicyStatement } from "../core/iam";
import { PrincipalRequester } from "../core/service-principals";
import { AwsContext } from "./aws-context";
import { ResolvedShape } from "./cluster-shape";
import { StorageGrant, StorageLocation, grantStatements } from "./locations";
import { EmrNetworkArgs, EmrSecurityGroups, emrSecurityGroups } from "./network";
import { EmrRoles, createRoles, givenRoles } from "./roles";
import { s3ObjectArn, securityConfigurationJson } from "./security";

/** Everything around a cluster: network, roles, keys and its security configuration. */
export interface ClusterFoundation {
    securityGroups: EmrSecurityGroups;
    securityConfiguration: aws.emr.SecurityConfiguration;
    roles: EmrRoles;
    localDiskKmsKeyArn: pulumi.Output<string>;
    /** `s3://` URI EMR writes the cluster's logs under. */
    logUri: pulumi.Output<string>;
}

export interface FoundationArgs {
    ctx: AwsContext;
    /** The component the foundation belongs to. */
    owner: PrincipalRequester;
    storage: Storage;
    network: EmrNetworkArgs;
    shape: ResolvedShape;
    /** The landing-zone access of the instance role. */
    grants: StorageGrant[];
    /** Where EMR writes the cluster's logs; the instance role gets write access to it. */
    logLocation: StorageLocation;
    tags: Record<string, string>;
}

/** Key-user actions on a KMS key, without administration. */
const KEY_USE = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

export function clusterFoundation(name: string, args: FoundationArgs, parent: pulumi.Resource): ClusterFoundation {
    const { ctx, storage, shape } = args;
    const opts = { parent };
    const securityGroups = emrSecurityGroups(name, args.network, args.tags, parent);

    // Local disks hold shuffle and spill data only while the cluster runs: a short deletion window
    // is enough, and a key per cluster keeps its use visible in CloudTrail.
    const localDiskKmsKeyArn = shape.localDiskKmsKeyArn
        ? pulumi.output(shape.localDiskKmsKeyArn)
        : new aws.kms.Key(
              `${name}-disk-key`,
              {
                  description: `spectrum ${name}: EMR local disk and EBS encryption`,
                  enableKeyRotation: true,
                  deletionWindowInDays: 7,
                  tags: args.tags,
              },
              opts,
          ).arn;

    const instanceStatements: PolicyStatement[] = [
        ...grantStatements(storage, [...args.grants, { access: "write", ...args.logLocation }]),
        // Nodes encrypt their local disks with the key (LUKS), outside of any AWS service.
        { Effect: "Allow", Action: KEY_USE, Resource: [localDiskKmsKeyArn] },
        // EMR's regional bucket of node tools and libraries that nodes fetch while they boot.
        {
            Effect: "Allow",
            Action: ["s3:GetObject"],
            Resource: [pulumi.interpolate`arn:${ctx.partition}:s3:::${ctx.region}.elasticmapreduce/*`],
        },
        ...(shape.inTransit
            ? [
                  {
                      Effect: "Allow" as const,
                      Action: ["s3:GetObject"],
                      Resource: [s3ObjectArn(ctx.partition, shape.inTransit.certificatesUri)],
                  },
              ]
            : []),
    ];
    const serviceStatements: PolicyStatement[] = [
        // EMR attaches encrypted EBS volumes on the cluster's behalf: EC2 needs a grant on the key.
        { Effect: "Allow", Action: KEY_USE, Resource: [localDiskKmsKeyArn] },
        {
            Effect: "Allow",
            Action: ["kms:CreateGrant"],
            Resource: [localDiskKmsKeyArn],
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
    ];
    const roles = shape.roles
        ? givenRoles(shape.roles)
        : createRoles(name, { ctx, owner: args.owner, instanceStatements, serviceStatements, tags: args.tags }, parent);

    const securityConfiguration = new aws.emr.SecurityConfiguration(
        `${name}-security`,
        {
            namePrefix: `${name}-`,
            configuration: securityConfigurationJson({ s3KmsKeyArn: storage.kmsKeyArn, localDiskKmsKeyArn, inTransit: shape.inTransit }),
        },
        opts,
    );
    const logUri = storage.uri(args.logLocation.area, args.logLocation.path);
    return { securityGroups, securityConfiguration, roles, localDiskKmsKeyArn, logUri };
}
