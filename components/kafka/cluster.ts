import * as pulumi from "@pulumi/pulumi";
import { clientIngressRules } from "./client-ingress";
import * as aws from "@pulumi/aws";
import { KafkaConnection } from "../core/contracts";
import { dataProtection } from "../core/protection";
import { awsTags } from "../core/tags";
import { KafkaClusterArgs, KafkaClusterSettings, MSK_CLIENT_PORT } from "./cluster-args";
import { COMPONENT, kafkaClusterSettings } from "./cluster-validate";
import { brokerProperties, renderServerProperties } from "./broker-config";
import { expressBrokerProperties } from "./express-config";
import { multiVpcPortRange } from "./multi-vpc";
import { childNameClaim, clashRegistry } from "../core/clashes";

const LOG_GROUP_PREFIX = "/spectrum/msk/";

/**
 * Amazon MSK (provisioned) that cannot lose an acknowledged write to a single broker failure:
 * Graviton brokers over 2-3 Availability Zones, EBS storage that grows on its own, a
 * customer-managed key at rest, TLS-only in transit, IAM (or SCRAM) client authentication, a
 * security group open only to the clients named, broker logs in CloudWatch. Its `connection` is
 * what topics and applications take.
 *
 * With an Express instance type (`express.m7g.*`) the brokers are MSK Express brokers over three
 * Availability Zones: MSK manages their storage (no EBS volume, no autoscaling, no tiered storage)
 * and fixes replication at 3 copies with 2 in sync, no broker logs are delivered, and the
 * configuration holds only the keys Express accepts.
 */
export class KafkaCluster extends pulumi.ComponentResource {
    /** What clients need to reach this cluster: pass it to KafkaTopic, KafkaStreamsApp, Flink jobs. */
    readonly connection: KafkaConnection;
    /** The cluster ARN. */
    readonly arn: pulumi.Output<string>;
    /** The MSK cluster name. */
    readonly clusterName: pulumi.Output<string>;
    /** Bootstrap servers for the cluster's auth mode. */
    readonly bootstrapServers: pulumi.Output<string>;
    /** The brokers' security group. */
    readonly securityGroupId: pulumi.Output<string>;
    /** The KMS key data at rest is encrypted with. */
    readonly kmsKeyArn: pulumi.Output<string>;
    /** The MSK configuration holding the broker properties. */
    readonly configurationArn: pulumi.Output<string>;
    /** The CloudWatch log group broker logs go to; undefined for Express brokers, which deliver none. */
    readonly logGroupName?: pulumi.Output<string>;
    /** The MSK cluster resource. */
    readonly cluster: aws.msk.Cluster;

    constructor(name: string, args: KafkaClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected cluster registers nothing, not even itself.
        const s: KafkaClusterSettings = kafkaClusterSettings(name, args);
        clashRegistry().claimAll([childNameClaim(COMPONENT, name, opts?.parent)]);
        super("spectrum:index:KafkaCluster", name, {}, opts);
        const tags = awsTags("KafkaCluster", s.tags);
        const keep = { parent: this, ...dataProtection(s.protect) };

        const ownKey = s.kmsKeyArn === undefined ? this.createKey(name, s, tags) : undefined;
        const kmsKeyArn = ownKey ? ownKey.arn : pulumi.output(s.kmsKeyArn as pulumi.Input<string>);

        // Broker logs: encrypted with our key when we own it (its policy admits CloudWatch Logs for
        // this prefix only); a key you bring is left alone and the group uses CloudWatch's own.
        // MSK delivers no broker logs for Express brokers (it refuses the setting).
        const logGroup = s.express
            ? undefined
            : new aws.cloudwatch.LogGroup(
                  `${name}-broker-logs`,
                  { namePrefix: `${LOG_GROUP_PREFIX}${name}-`, retentionInDays: s.logRetentionDays, kmsKeyId: ownKey?.arn, tags },
                  { parent: this },
              );

        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-brokers`,
            {
                vpcId: s.vpcId,
                description: `spectrum KafkaCluster ${name}: Kafka clients to brokers only`,
                revokeRulesOnDelete: true,
                tags,
            },
            { parent: this },
        );
        const port = MSK_CLIENT_PORT[s.auth];
        clientIngressRules(
            name,
            {
                securityGroupId: securityGroup.id,
                port,
                auth: s.auth,
                clientSecurityGroupIds: s.clientSecurityGroupIds,
                clientCidrBlocks: s.clientCidrBlocks,
                tags,
            },
            this,
        );

        if (s.multiVpcConnectivity) {
            // PrivateLink clients (Firehose) arrive from MSK's interfaces in the brokers' own subnets,
            // on one port per broker (see multi-vpc.ts): admit those subnets on those ports only.
            const ports = multiVpcPortRange(s.brokerCount);
            s.subnetIds.forEach((subnetId, i) => {
                new aws.vpc.SecurityGroupIngressRule(
                    `${name}-multi-vpc-${i}`,
                    {
                        securityGroupId: securityGroup.id,
                        cidrIpv4: aws.ec2.getSubnetOutput({ id: subnetId }, { parent: this }).cidrBlock,
                        ipProtocol: "tcp",
                        ...ports,
                        description: "Kafka (IAM) over multi-VPC private connectivity, from MSK's interfaces in a broker subnet",
                        tags,
                    },
                    { parent: this },
                );
            });
        }

        const configuration = new aws.msk.Configuration(
            `${name}-config`,
            {
                kafkaVersions: [s.kafkaVersion],
                description: `spectrum KafkaCluster ${name}: durable broker defaults`,
                serverProperties: renderServerProperties(
                    s.express ? expressBrokerProperties(s.serverProperties) : brokerProperties(s.serverProperties),
                ),
            },
            { parent: this },
        );

        this.cluster = new aws.msk.Cluster(
            `${name}-cluster`,
            {
                clusterName: s.clusterName,
                kafkaVersion: s.kafkaVersion,
                numberOfBrokerNodes: s.brokerCount,
                brokerNodeGroupInfo: {
                    clientSubnets: s.subnetIds,
                    instanceType: s.instanceType,
                    securityGroups: [securityGroup.id],
                    ...(s.express ? {} : { storageInfo: { ebsStorageInfo: { volumeSize: s.volumeSizeGiB } } }),
                    connectivityInfo: {
                        publicAccess: { type: "DISABLED" },
                        ...(s.multiVpcConnectivity ? { vpcConnectivity: { clientAuthentication: { sasl: { iam: true } } } } : {}),
                    },
                },
                clientAuthentication: { sasl: { iam: s.auth === "iam", scram: s.auth === "scram" }, unauthenticated: false },
                encryptionInfo: { encryptionAtRestKmsKeyArn: kmsKeyArn, encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
                configurationInfo: { arn: configuration.arn, revision: configuration.latestRevision },
                enhancedMonitoring: s.enhancedMonitoring,
                openMonitoring: {
                    prometheus: { jmxExporter: { enabledInBroker: s.openMonitoring }, nodeExporter: { enabledInBroker: s.openMonitoring } },
                },
                ...(logGroup ? { loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: logGroup.name } } } } : {}),
                ...(s.express ? {} : { storageMode: s.tieredStorage ? "TIERED" : "LOCAL" }),
                tags,
            },
            // Storage autoscaling grows the volumes behind Pulumi's back; never shrink them back.
            s.express ? keep : { ...keep, ignoreChanges: ["brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize"] },
        );
        if (!s.express) this.scaleStorage(name, s, tags);

        if (s.auth === "scram" && s.scramSecretArns.length > 0) {
            new aws.msk.ScramSecretAssociation(
                `${name}-scram-secrets`,
                { clusterArn: this.cluster.arn, secretArnLists: s.scramSecretArns },
                { parent: this },
            );
        }

        this.arn = this.cluster.arn;
        this.clusterName = this.cluster.clusterName;
        this.bootstrapServers = s.auth === "iam" ? this.cluster.bootstrapBrokersSaslIam : this.cluster.bootstrapBrokersSaslScram;
        this.securityGroupId = securityGroup.id;
        this.kmsKeyArn = kmsKeyArn;
        this.configurationArn = configuration.arn;
        this.logGroupName = logGroup?.name;
        this.connection = {
            bootstrapServers: this.bootstrapServers,
            authMode: s.auth,
            brokerCount: s.brokerCount,
            clusterArn: this.cluster.arn,
            clusterName: this.cluster.clusterName,
            mskFlavour: s.express ? "express" : "standard",
        };
        this.registerOutputs({
            arn: this.arn,
            clusterName: this.clusterName,
            bootstrapServers: this.bootstrapServers,
            securityGroupId: this.securityGroupId,
            kmsKeyArn: this.kmsKeyArn,
            configurationArn: this.configurationArn,
            logGroupName: this.logGroupName,
        });
    }

    /** Storage autoscaling of Standard brokers' EBS volumes: grows them at the target use, never shrinks them. */
    private scaleStorage(name: string, s: KafkaClusterSettings, tags: Record<string, string>): void {
        const scalable = new aws.appautoscaling.Target(
            `${name}-storage`,
            {
                serviceNamespace: "kafka",
                scalableDimension: "kafka:broker-storage:VolumeSize",
                resourceId: this.cluster.arn,
                minCapacity: s.volumeSizeGiB,
                maxCapacity: s.maxVolumeSizeGiB,
                tags,
            },
            { parent: this },
        );
        new aws.appautoscaling.Policy(
            `${name}-storage`,
            {
                policyType: "TargetTrackingScaling",
                serviceNamespace: scalable.serviceNamespace,
                scalableDimension: scalable.scalableDimension,
                resourceId: scalable.resourceId,
                targetTrackingScalingPolicyConfiguration: {
                    predefinedMetricSpecification: { predefinedMetricType: "KafkaBrokerStorageUtilization" },
                    targetValue: s.storageUtilizationTarget,
                    // MSK cannot shrink EBS volumes.
                    disableScaleIn: true,
                },
            },
            { parent: this },
        );
    }

    /** A rotating customer-managed key whose policy also lets CloudWatch Logs encrypt this cluster's broker logs. */
    private createKey(name: string, s: KafkaClusterSettings, tags: Record<string, string>): aws.kms.Key {
        const opts = { parent: this };
        const account = aws.getCallerIdentityOutput({}, opts).accountId;
        const region = aws.getRegionOutput({}, opts).region;
        const partition = aws.getPartitionOutput({}, opts).partition;
        const policy = pulumi.all([account, region, partition]).apply(([acct, reg, part]) =>
            JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Principal: { AWS: `arn:${part}:iam::${acct}:root` }, Action: "kms:*", Resource: "*" },
                    {
                        Effect: "Allow",
                        Principal: { Service: `logs.${reg}.amazonaws.com` },
                        // No kms:Describe*: DescribeKey requests carry no encryption context, so under
                        // this condition it could never be granted (CloudWatch Logs does not need it).
                        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
                        Resource: "*",
                        Condition: {
                            ArnLike: {
                                "kms:EncryptionContext:aws:logs:arn": `arn:${part}:logs:${reg}:${acct}:log-group:${LOG_GROUP_PREFIX}${name}-*`,
                            },
                        },
                    },
                ],
            }),
        );
        return new aws.kms.Key(
            `${name}-key`,
            {
                description: `spectrum KafkaCluster ${name}: encrypts broker storage and broker logs`,
                enableKeyRotation: true,
                deletionWindowInDays: s.protect ? 30 : 7,
                policy,
                tags,
            },
            { parent: this, ...dataProtection(s.protect) },
        );
    }
}
