import { MockCallArgs, MockResourceArgs } from "@pulumi/pulumi/runtime";

/** The account and region the mock engine pretends to run in. */
export interface MockEnvironment {
    /** The AWS account id in ARNs and caller-identity answers. */
    accountId: string;
    /** The AWS region in ARNs, endpoints and region answers. */
    region: string;
}

export const defaultEnvironment: MockEnvironment = { accountId: "123456789012", region: "us-east-1" };

/** A short, stable suffix, standing in for Pulumi's random auto-name suffix. */
export function stableSuffix(text: string): string {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return (h >>> 0).toString(16).padStart(8, "0").slice(0, 7);
}

type State = Record<string, unknown>;

function str(v: unknown): string | undefined {
    return typeof v === "string" && v.length > 0 ? v : undefined;
}

/** `aws:s3/bucket:Bucket` -> `s3`; `aws:ec2/securityGroup:SecurityGroup` -> `ec2`. */
function awsService(type: string): string {
    return type.split(":")[1]?.split("/")[0] ?? "aws";
}

/** `aws:s3/bucket:Bucket` -> `bucket`. */
function awsKind(type: string): string {
    const resource = type.split(":")[2] ?? "resource";
    return resource.charAt(0).toLowerCase() + resource.slice(1);
}

/** Outputs for AWS resources whose shape consumers rely on (ARNs, names, endpoints). */
function awsOutputs(args: MockResourceArgs, physical: string, env: MockEnvironment): { id: string; state: State } {
    const { accountId, region } = env;
    const inputs = args.inputs as State;
    const service = awsService(args.type);
    const base: State = { arn: `arn:aws:${service}:${region}:${accountId}:${awsKind(args.type)}/${physical}`, region };
    switch (args.type) {
        case "aws:s3/bucket:Bucket": {
            const bucket = str(inputs.bucket) ?? physical.toLowerCase();
            return {
                id: bucket,
                state: {
                    bucket,
                    arn: `arn:aws:s3:::${bucket}`,
                    bucketDomainName: `${bucket}.s3.amazonaws.com`,
                    bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`,
                    region,
                },
            };
        }
        case "aws:kms/key:Key": {
            const keyId = `${stableSuffix(physical)}-0000-4000-8000-${stableSuffix(physical + "k").padEnd(12, "0")}`;
            return { id: keyId, state: { keyId, arn: `arn:aws:kms:${region}:${accountId}:key/${keyId}` } };
        }
        case "aws:kms/alias:Alias": {
            const name = str(inputs.name) ?? `alias/${physical}`;
            return { id: name, state: { name, arn: `arn:aws:kms:${region}:${accountId}:${name}` } };
        }
        case "aws:iam/role:Role":
        case "aws:iam/policy:Policy":
        case "aws:iam/instanceProfile:InstanceProfile":
        case "aws:iam/user:User": {
            const name = str(inputs.name) ?? physical;
            const kind = {
                "aws:iam/role:Role": "role",
                "aws:iam/policy:Policy": "policy",
                "aws:iam/instanceProfile:InstanceProfile": "instance-profile",
                "aws:iam/user:User": "user",
            }[args.type];
            return {
                id: name,
                state: {
                    name,
                    arn: `arn:aws:iam::${accountId}:${kind}/${str(inputs.path)?.replace(/^\/|\/$/g, "") ? `${str(inputs.path)?.replace(/^\/|\/$/g, "")}/` : ""}${name}`,
                    uniqueId: `AROA${stableSuffix(name).toUpperCase()}`,
                },
            };
        }
        case "aws:msk/cluster:Cluster": {
            const clusterName = str(inputs.clusterName) ?? physical;
            const brokers = (port: number) =>
                [1, 2, 3].map((n) => `b-${n}.${clusterName}.abc123.c2.kafka.${region}.amazonaws.com:${port}`).join(",");
            return {
                id: `arn:aws:kafka:${region}:${accountId}:cluster/${clusterName}/0000-${stableSuffix(clusterName)}`,
                state: {
                    clusterName,
                    arn: `arn:aws:kafka:${region}:${accountId}:cluster/${clusterName}/0000-${stableSuffix(clusterName)}`,
                    clusterUuid: `0000-${stableSuffix(clusterName)}`,
                    bootstrapBrokers: brokers(9092),
                    bootstrapBrokersTls: brokers(9094),
                    bootstrapBrokersSaslScram: brokers(9096),
                    bootstrapBrokersSaslIam: brokers(9098),
                    currentVersion: "K3AEGXETSR30VB",
                },
            };
        }
        case "aws:msk/serverlessCluster:ServerlessCluster": {
            // Serverless clusters answer on one bootstrap name; their ARNs end in -s<n>.
            const clusterName = str(inputs.clusterName) ?? physical;
            const uuid = `0000-${stableSuffix(clusterName)}-s1`;
            const arn = `arn:aws:kafka:${region}:${accountId}:cluster/${clusterName}/${uuid}`;
            return {
                id: arn,
                state: {
                    clusterName,
                    arn,
                    clusterUuid: uuid,
                    bootstrapBrokersSaslIam: `boot-${stableSuffix(clusterName)}.c1.kafka-serverless.${region}.amazonaws.com:9098`,
                },
            };
        }
        case "aws:emrserverless/application:Application": {
            const id = `00${stableSuffix(physical)}${stableSuffix(`${physical}/app`)}`.slice(0, 16);
            return {
                id,
                state: { name: str(inputs.name) ?? physical, arn: `arn:aws:emr-serverless:${region}:${accountId}:/applications/${id}` },
            };
        }
        case "aws:msk/configuration:Configuration":
            return {
                id: `arn:aws:kafka:${region}:${accountId}:configuration/${physical}/0000`,
                state: {
                    arn: `arn:aws:kafka:${region}:${accountId}:configuration/${physical}/0000`,
                    latestRevision: 1,
                    name: str(inputs.name) ?? physical,
                },
            };
        case "aws:msk/topic:Topic": {
            // MSK derives topic ARNs from the cluster ARN: .../topic/<cluster>/<uuid>/<topic>.
            const name = str(inputs.name) ?? physical;
            const clusterArn = str(inputs.clusterArn);
            const arn = clusterArn
                ? `${clusterArn.replace(":cluster/", ":topic/")}/${name}`
                : `arn:aws:kafka:${region}:${accountId}:topic/${physical}`;
            return { id: `${clusterArn ?? ""},${name}`, state: { arn, name } };
        }
        case "aws:sfn/stateMachine:StateMachine": {
            const name = str(inputs.name) ?? physical;
            const arn = `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;
            return { id: arn, state: { name, arn } };
        }
        case "aws:sns/topic:Topic": {
            const name = str(inputs.name) ?? physical;
            const arn = `arn:aws:sns:${region}:${accountId}:${name}`;
            return { id: arn, state: { name, arn } };
        }
        case "aws:cloudwatch/logGroup:LogGroup": {
            const name = str(inputs.name) ?? physical;
            return { id: name, state: { name, arn: `arn:aws:logs:${region}:${accountId}:log-group:${name}` } };
        }
        case "aws:emr/cluster:Cluster":
            return {
                id: `j-${stableSuffix(physical).toUpperCase()}`,
                state: {
                    ...base,
                    name: str(inputs.name) ?? physical,
                    clusterState: "WAITING",
                    masterPublicDns: `ip-10-0-0-1.${region}.compute.internal`,
                },
            };
        case "aws:ec2/securityGroup:SecurityGroup":
            return { id: `sg-${stableSuffix(physical)}`, state: { ...base, name: str(inputs.name) ?? physical } };
        case "aws:ec2/launchTemplate:LaunchTemplate":
            return {
                id: `lt-${stableSuffix(physical)}`,
                state: { ...base, name: str(inputs.name) ?? physical, latestVersion: 1, defaultVersion: 1 },
            };
        case "aws:athena/workgroup:Workgroup": {
            // Workgroups are named explicitly; the ARN carries the name.
            const name = str(inputs.name) ?? physical;
            return { id: name, state: { name, arn: `arn:aws:athena:${region}:${accountId}:workgroup/${name}` } };
        }
        case "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": {
            const name = str(inputs.name) ?? physical;
            const arn = `arn:aws:firehose:${region}:${accountId}:deliverystream/${name}`;
            return { id: arn, state: { name, arn } };
        }
        default:
            return { id: `${physical}-id`, state: { ...base, name: str(inputs.name) ?? physical } };
    }
}

/** Outputs for Kubernetes objects: names are not auto-generated by mocks, so fill them in. */
function k8sOutputs(args: MockResourceArgs, physical: string): { id: string; state: State } {
    const inputs = args.inputs as State;
    const metadata = (inputs.metadata ?? {}) as State;
    const name = str(metadata.name) ?? physical;
    const namespace = str(metadata.namespace);
    return {
        id: namespace ? `${namespace}/${name}` : name,
        state: { metadata: { ...metadata, name, ...(namespace ? { namespace } : {}) } },
    };
}

/** Outputs for the remote components the foundation uses (awsx VPC, EKS cluster). */
function remoteComponentOutputs(args: MockResourceArgs, physical: string, env: MockEnvironment): State | undefined {
    if (args.type === "awsx:ec2:Vpc") {
        // As awsx does: the named zones, else the first `numberOfAvailabilityZones` (default 3).
        const inputs = args.inputs as State;
        const named = Array.isArray(inputs.availabilityZoneNames) ? (inputs.availabilityZoneNames as string[]) : undefined;
        const count = typeof inputs.numberOfAvailabilityZones === "number" ? inputs.numberOfAvailabilityZones : 3;
        const azs =
            named ??
            "abcdef"
                .slice(0, count)
                .split("")
                .map((z) => `${env.region}${z}`);
        return {
            vpcId: `vpc-${stableSuffix(physical)}`,
            privateSubnetIds: azs.map((az) => `subnet-priv-${az}`),
            publicSubnetIds: azs.map((az) => `subnet-pub-${az}`),
            isolatedSubnetIds: [],
        };
    }
    if (args.type === "eks:index:Cluster") {
        // @pulumi/eks auto-names the inner aws.eks.Cluster `<name>-eksCluster-<suffix>` unless `name` is set.
        const clusterName = str((args.inputs as State).name) ?? `${args.name}-eksCluster-${stableSuffix(physical)}`;
        const issuer = `https://oidc.eks.${env.region}.amazonaws.com/id/${stableSuffix(clusterName).toUpperCase()}`;
        const kubeconfig = {
            apiVersion: "v1",
            kind: "Config",
            clusters: [
                {
                    name: clusterName,
                    cluster: { server: `https://${stableSuffix(clusterName)}.eks.amazonaws.com`, "certificate-authority-data": "" },
                },
            ],
            contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
            "current-context": clusterName,
            users: [
                {
                    name: clusterName,
                    user: {
                        exec: {
                            apiVersion: "client.authentication.k8s.io/v1beta1",
                            command: "aws",
                            args: ["eks", "get-token", "--cluster-name", clusterName, "--output", "json"],
                        },
                    },
                },
            ],
        };
        return {
            kubeconfig,
            kubeconfigJson: JSON.stringify(kubeconfig),
            clusterSecurityGroupId: `sg-${stableSuffix(clusterName + "cluster")}`,
            nodeSecurityGroupId: `sg-${stableSuffix(clusterName + "node")}`,
            oidcProviderArn: `arn:aws:iam::${env.accountId}:oidc-provider/${issuer.replace("https://", "")}`,
            oidcProviderUrl: issuer,
            oidcIssuer: issuer.replace("https://", ""),
            // `eksCluster` is an aws.eks.Cluster resource in the real engine; offline it is its state.
            eksCluster: {
                name: clusterName,
                arn: `arn:aws:eks:${env.region}:${env.accountId}:cluster/${clusterName}`,
                endpoint: `https://${stableSuffix(clusterName).toUpperCase()}.gr7.${env.region}.eks.amazonaws.com`,
                identities: [{ oidcs: [{ issuer }] }],
            },
        };
    }
    return undefined;
}

/**
 * Plausible outputs for any resource: the inputs echoed back, plus the computed properties
 * consumers read (ids, ARNs, names, endpoints). Must never throw: a throwing mock kills the worker.
 */
export function plausibleOutputs(
    args: MockResourceArgs,
    urn: string,
    env: MockEnvironment,
): { id: string | undefined; state: Record<string, unknown> } {
    const inputs = (args.inputs ?? {}) as State;
    // Physical names follow Pulumi's auto-naming: logical name plus a suffix.
    const physical = `${args.name}-${stableSuffix(urn)}`.slice(0, 63);
    if (!args.custom) {
        return { id: undefined, state: { ...inputs, ...(remoteComponentOutputs(args, physical, env) ?? {}) } };
    }
    const pkg = args.type.split(":")[0];
    const computed =
        pkg === "aws"
            ? awsOutputs(args, physical, env)
            : pkg === "kubernetes"
              ? k8sOutputs(args, physical)
              : { id: `${physical}-id`, state: {} };
    return { id: args.id || computed.id, state: { ...inputs, ...computed.state } };
}

/** Answers for the provider functions (invokes) programs commonly call: account, region, partition, AZs. */
export function plausibleCallResult(args: MockCallArgs, env: MockEnvironment): Record<string, unknown> {
    switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                accountId: env.accountId,
                arn: `arn:aws:iam::${env.accountId}:user/spectrum`,
                userId: "AIDASPECTRUM",
                id: env.accountId,
            };
        case "aws:index/getRegion:getRegion":
            return { name: env.region, region: env.region, id: env.region, endpoint: `ec2.${env.region}.amazonaws.com` };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws", reverseDnsPrefix: "com.amazonaws" };
        case "aws:ec2/getSubnet:getSubnet": {
            // A /24 per subnet id inside 10.0.0.0/16, stable across runs.
            const id = typeof args.inputs.id === "string" ? args.inputs.id : "subnet-unknown";
            const third = parseInt(stableSuffix(id), 16) % 256;
            return { id, cidrBlock: `10.0.${third}.0/24`, vpcId: "vpc-mock", availabilityZone: `${env.region}a` };
        }
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return {
                names: ["a", "b", "c"].map((z) => `${env.region}${z}`),
                zoneIds: ["use1-az1", "use1-az2", "use1-az4"],
                id: env.region,
            };
        default:
            return {};
    }
}
