import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Storage } from "../core/contracts";
import { Validator } from "../core/errors";
import { dataProtection } from "../core/protection";
import { awsTags } from "../core/tags";
import { awsContext } from "./aws-context";
import { ClusterShapeArgs, ResolvedShape, checkNetwork, checkShape, resolveShape } from "./cluster-shape";
import { clusterFleet, taskFleetArgs } from "./fleets";
import { clusterFoundation } from "./foundation";
import { StorageGrant, StorageLocation, checkLocation } from "./locations";
import { checkComponentName } from "./naming";
import { EMR_MANAGED_POLICY_TAG, EmrNetworkArgs } from "./network";
import { computeLimits } from "./scaling";

const COMPONENT = "EmrSparkCluster";

/** What a Spark job needs from the long-running cluster it is submitted to. */
export interface SparkClusterTarget {
    /** The cluster id (`j-...`). */
    readonly clusterId: pulumi.Output<string>;
    /** The cluster ARN, for IAM policies scoped to this cluster. */
    readonly clusterArn: pulumi.Output<string>;
    /** Name of the nodes' instance role: jobs attach their landing-zone grants to it. */
    readonly instanceRoleName: pulumi.Output<string>;
    /** The landing zone the cluster works on. */
    readonly storage: Storage;
}

/** Arguments of {@link EmrSparkCluster}: the landing zone, the network, the cluster's shape and its protection. */
export interface EmrSparkClusterArgs extends ClusterShapeArgs {
    /** The landing zone: logs go to its log area, the nodes' S3 access is scoped to it. Required. */
    storage: Storage;
    /** The private subnets the cluster runs in. Required. */
    network: EmrNetworkArgs;
    /**
     * Landing-zone access every job on this cluster shares (jobs add their own grants). The log
     * location is always writable. Default: none.
     */
    grants?: StorageGrant[];
    /** Three primary nodes, so the cluster survives the loss of one. Default: false. */
    highAvailability?: boolean;
    /**
     * Steps that may run at once. Each streaming job holds a slot for as long as it runs, so
     * leave room for them and for batch steps. Default: 10.
     */
    stepConcurrencyLevel?: number;
    /** EMR termination protection. Default: the value of `protect`. */
    terminationProtection?: boolean;
    /**
     * Protect the cluster from `pulumi destroy` and from replacement (a replaced cluster loses its
     * running streaming jobs and HDFS). Set to `false` only for throwaway dev stacks. Default: true.
     */
    protect?: boolean;
    /** Tags added to every AWS resource. Default: none (spectrum's own tags are always added). */
    tags?: Record<string, string>;
}

interface Settings {
    shape: ResolvedShape;
    grants: StorageGrant[];
    highAvailability: boolean;
    stepConcurrencyLevel: number;
    protect: boolean;
    terminationProtection: boolean;
    logLocation: StorageLocation;
    tags: Record<string, string>;
}

function resolve(name: string, args: EmrSparkClusterArgs): Settings {
    const highAvailability = args.highAvailability ?? false;
    const protect = args.protect ?? true;
    return {
        shape: resolveShape(args, highAvailability),
        grants: args.grants ?? [],
        highAvailability,
        stepConcurrencyLevel: args.stepConcurrencyLevel ?? 10,
        protect,
        terminationProtection: args.terminationProtection ?? protect,
        logLocation: { area: args.storage.logArea, path: `emr/${name}` },
        tags: awsTags(COMPONENT, args.tags),
    };
}

function validate(name: string, args: EmrSparkClusterArgs, s: Settings): void {
    const v = new Validator(COMPONENT, name);
    checkComponentName(v, name);
    checkNetwork(v, args.network);
    checkShape(v, s.shape, s.highAvailability);
    s.grants.forEach((g, i) => checkLocation(v, args.storage, `grants[${i}]`, g));
    v.check(
        Number.isInteger(s.stepConcurrencyLevel) && s.stepConcurrencyLevel >= 1 && s.stepConcurrencyLevel <= 256,
        "stepConcurrencyLevel",
        s.stepConcurrencyLevel,
        "EMR runs 1 to 256 steps at once",
        "Use a whole number in that range, with a slot per streaming job",
    );
    v.throwIfInvalid();
}

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
        super("spectrum:index:EmrSparkCluster", name, {}, opts);
        const s = resolve(name, args);
        validate(name, args, s);
        this.storage = args.storage;
        const ctx = awsContext(this);
        const foundation = clusterFoundation(
            name,
            {
                ctx,
                owner: { component: COMPONENT, name },
                storage: args.storage,
                network: args.network,
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
                    subnetIds: args.network.subnetIds,
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
