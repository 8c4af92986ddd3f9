import * as pulumi from "@pulumi/pulumi";
import { clientIngressRules } from "./client-ingress";
import * as aws from "@pulumi/aws";
import { KafkaConnection } from "../core/contracts";
import { dataProtection } from "../core/protection";
import { awsTags } from "../core/tags";
import { childNameClaim, clashRegistry } from "../core/clashes";
import {
    COMPONENT,
    MSK_SERVERLESS_CLIENT_PORT,
    MskServerlessClusterArgs,
    MskServerlessClusterSettings,
} from "./msk-serverless-cluster-args";
import { mskServerlessClusterSettings } from "./msk-serverless-cluster-validate";

/**
 * Amazon MSK Serverless: Kafka with no brokers to size, paid by the hour, the partition and the byte.
 * IAM client authentication only, TLS in transit, data encrypted at rest by MSK (Serverless takes
 * no customer-managed key), reachable only from the VPC subnets it is placed in, through a security
 * group open only to the clients named. Its `connection` is what topics, Firehose ingest and
 * applications take, exactly like `KafkaCluster`'s.
 *
 * MSK Serverless has no topic API: `KafkaTopic(s)` on this connection create topics over the Kafka
 * protocol with IAM, which needs a network path from wherever `pulumi up` runs into the VPC (see the
 * Kafka README). Topics follow Serverless's rules (replication 3, a few settable configs, at most
 * 2,400 partitions per cluster), checked before anything is created.
 */
export class MskServerlessCluster extends pulumi.ComponentResource {
    /** What clients need to reach this cluster: pass it to KafkaTopic(s), MskFirehoseIngest, jobs. */
    readonly connection: KafkaConnection;
    /** The cluster ARN. */
    readonly arn: pulumi.Output<string>;
    /** The MSK cluster name. */
    readonly clusterName: pulumi.Output<string>;
    /** Bootstrap servers for IAM clients (port 9098). */
    readonly bootstrapServers: pulumi.Output<string>;
    /** The cluster's security group. */
    readonly securityGroupId: pulumi.Output<string>;
    /** The MSK Serverless cluster resource. */
    readonly cluster: aws.msk.ServerlessCluster;

    constructor(name: string, args: MskServerlessClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected cluster registers nothing, not even itself.
        const s: MskServerlessClusterSettings = mskServerlessClusterSettings(name, args);
        clashRegistry().claimAll([childNameClaim(COMPONENT, name, opts?.parent)]);
        super(`spectrum:index:${COMPONENT}`, name, {}, opts);
        const tags = awsTags(COMPONENT, s.tags);

        const securityGroup = new aws.ec2.SecurityGroup(
            `${name}-clients`,
            {
                vpcId: s.vpcId,
                description: `spectrum MskServerlessCluster ${name}: Kafka clients to the cluster only`,
                revokeRulesOnDelete: true,
                tags,
            },
            { parent: this },
        );
        const port = MSK_SERVERLESS_CLIENT_PORT;
        clientIngressRules(
            name,
            {
                securityGroupId: securityGroup.id,
                port,
                auth: "IAM",
                clientSecurityGroupIds: s.clientSecurityGroupIds,
                clientCidrBlocks: s.clientCidrBlocks,
                tags,
            },
            this,
        );

        this.cluster = new aws.msk.ServerlessCluster(
            `${name}-cluster`,
            {
                clusterName: s.clusterName,
                clientAuthentication: { sasl: { iam: { enabled: true } } },
                vpcConfigs: [{ subnetIds: s.subnetIds, securityGroupIds: [securityGroup.id] }],
                tags,
            },
            // The cluster holds every topic's data: a replacement would start it empty.
            { parent: this, ...dataProtection(s.protect) },
        );

        this.arn = this.cluster.arn;
        this.clusterName = this.cluster.clusterName;
        this.bootstrapServers = this.cluster.bootstrapBrokersSaslIam;
        this.securityGroupId = securityGroup.id;
        this.connection = {
            bootstrapServers: this.bootstrapServers,
            authMode: "iam",
            clusterArn: this.cluster.arn,
            clusterName: this.cluster.clusterName,
            mskFlavour: "serverless",
        };
        this.registerOutputs({
            arn: this.arn,
            clusterName: this.clusterName,
            bootstrapServers: this.bootstrapServers,
            securityGroupId: this.securityGroupId,
        });
    }
}
