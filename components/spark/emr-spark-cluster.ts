import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { childNameClaim, clashRegistry } from "../core/clashes";
import { Storage } from "../core/contracts";
import { dataProtection } from "../core/protection";
import { awsContext } from "./aws-context";
import { clusterFleet, taskFleetArgs } from "./fleets";
import { clusterFoundation } from "./foundation";
import { EMR_MANAGED_POLICY_TAG } from "./network";
import { computeLimits } from "./scaling";
import { describeLocation } from "./locations";
import { COMPONENT, EmrSparkClusterArgs, SparkClusterTarget } from "./emr-spark-cluster-args";
import { emrSparkClusterSettings } from "./emr-spark-cluster-validate";

/**
 * A long-running EMR on EC2 cluster for Spark: Structured Streaming jobs and shared batch. Graviton
 * instance fleets (On-Demand primary and core, Spot task nodes), managed scaling, EMR-managed
 * security groups in private subnets, at-rest encryption with the landing zone's key, IMDSv2,
 * logs in the landing zone, termination protection and no idle auto-termination.
 *
 * The cluster takes no steps: jobs are added from outside (see `SparkStreamingJob`), so changing
 * a job never replaces the cluster.
 */
export class EmrSparkCluster extends pulumi.ComponentResource implements SparkClusterTarget {
    /** {@inheritDoc SparkClusterTarget.clusterId} */
    readonly clusterId: pulumi.Output<string>;
    /** {@inheritDoc SparkClusterTarget.clusterArn} */
    readonly clusterArn: pulumi.Output<string>;
    /** {@inheritDoc SparkClusterTarget.instanceRoleName} */
    readonly instanceRoleName: pulumi.Output<string>;
    /** ARN of the nodes' instance role. */
    readonly instanceRoleArn: pulumi.Output<string>;
    /** ARN of the EMR service role. */
    readonly serviceRoleArn: pulumi.Output<string>;
    /** Private DNS name of the primary node (for an SSM tunnel to the Spark UI). */
    readonly primaryDns: pulumi.Output<string>;
    /** `s3://` URI the cluster's logs are written under. */
    readonly logUri: pulumi.Output<string>;
    /** {@inheritDoc SparkClusterTarget.storage} */
    readonly storage: Storage;
    /** The EMR cluster. */
    readonly cluster: aws.emr.Cluster;

    constructor(name: string, args: EmrSparkClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected cluster registers nothing, not even itself.
        const s = emrSparkClusterSettings(name, args);
        const who = { component: COMPONENT, name, field: "name" };
        clashRegistry().claimAll([
            childNameClaim(COMPONENT, name, opts?.parent),
            { kind: "emr-log-prefix", identity: name, key: describeLocation(s.logLocation), who, scope: s.storage },
        ]);
        super("spectrum:index:EmrSparkCluster", name, {}, opts);
        this.storage = s.storage;
        const ctx = awsContext(this);
        const foundation = clusterFoundation(
            name,
            {
                ctx,
                owner: { component: COMPONENT, name },
                storage: s.storage,
                network: s.network,
                shape: s.shape,
                grants: s.grants,
                logLocation: s.logLocation,
                tags: s.tags,
            },
            this,
        );
        const { securityGroups: sg, roles } = foundation;
        const scaled = s.shape.scaling !== undefined;

        this.cluster = new aws.emr.Cluster(
            `${name}-cluster`,
            {
                name,
                releaseLabel: s.shape.releaseLabel,
                applications: ["Spark"],
                serviceRole: roles.serviceRoleArn,
                securityConfiguration: foundation.securityConfiguration.name,
                logUri: foundation.logUri,
                ec2Attributes: {
                    instanceProfile: roles.instanceRoleName,
                    subnetIds: s.network.subnetIds,
                    emrManagedMasterSecurityGroup: sg.primary.id,
                    emrManagedSlaveSecurityGroup: sg.core.id,
                    serviceAccessSecurityGroup: sg.serviceAccess.id,
                },
                masterInstanceFleet: clusterFleet(s.shape.primary),
                coreInstanceFleet: clusterFleet(s.shape.core),
                configurationsJson: JSON.stringify(s.shape.configurations),
                ebsRootVolumeSize: s.shape.ebsRootVolumeGiB,
                keepJobFlowAliveWhenNoSteps: true,
                terminationProtection: s.terminationProtection,
                stepConcurrencyLevel: s.stepConcurrencyLevel,
                scaleDownBehavior: "TERMINATE_AT_TASK_COMPLETION",
                unhealthyNodeReplacement: true,
                tags: { ...s.tags, ...EMR_MANAGED_POLICY_TAG },
            },
            {
                parent: this,
                ...dataProtection(s.protect),
                dependsOn: roles.ready,
                // Steps come from outside and managed scaling moves the core fleet's targets; the
                // provider would otherwise see either as a change that replaces the cluster.
                ignoreChanges: [
                    "steps",
                    ...(scaled ? ["coreInstanceFleet.targetOnDemandCapacity", "coreInstanceFleet.targetSpotCapacity"] : []),
                ],
            },
        );
        const taskFleet = new aws.emr.InstanceFleet(
            `${name}-task-fleet`,
            { clusterId: this.cluster.id, ...taskFleetArgs(s.shape.task) },
            { parent: this, ignoreChanges: scaled ? ["targetOnDemandCapacity", "targetSpotCapacity"] : [] },
        );
        if (s.shape.scaling) {
            new aws.emr.ManagedScalingPolicy(
                `${name}-scaling`,
                { clusterId: this.cluster.id, computeLimits: [computeLimits(s.shape.scaling)] },
                { parent: this, dependsOn: [taskFleet] },
            );
        }

        this.clusterId = this.cluster.id;
        this.clusterArn = pulumi.interpolate`arn:${ctx.partition}:elasticmapreduce:${ctx.region}:${ctx.accountId}:cluster/${this.cluster.id}`;
        this.instanceRoleName = roles.instanceRoleName;
        this.instanceRoleArn = roles.instanceRoleArn;
        this.serviceRoleArn = roles.serviceRoleArn;
        this.primaryDns = this.cluster.masterPublicDns;
        this.logUri = foundation.logUri;
        this.registerOutputs({
            clusterId: this.clusterId,
            clusterArn: this.clusterArn,
            instanceRoleName: this.instanceRoleName,
            primaryDns: this.primaryDns,
            logUri: this.logUri,
        });
    }
}
