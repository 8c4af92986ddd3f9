/**
 * The declarations of how an EMR cluster is built, shared by the long-running `EmrSparkCluster`
 * and the transient clusters of `SparkBatchJob`: where it runs, its fleets and scaling, its
 * release, encryption and roles. Defaults that depend on a fleet's role or on other fields (the
 * Graviton types, the scaling limits from the core fleet) are applied in `cluster-shape.ts`.
 */
import { v, strict, map, input, integer, explain } from "../core/schema";
import { iamRoleArn, kmsKeyArn, subnetId, vpcId } from "./aws-ids";
import { emrInstanceTypeProblem } from "./emr-instance-types";
import { DEFAULT_EMR_RELEASE, releaseLabelProblem } from "./release";
import { orFalse, satisfying } from "./schema-helpers";

/** The declaration of where a cluster runs. */
export const emrNetworkShape = {
    /** The VPC of the subnets. Default: none (required). */
    vpcId: input(vpcId),
    /**
     * Private subnets (no public IP on launch) with a route to S3 (a gateway endpoint or NAT) and
     * to the EMR and KMS endpoints. Each must carry the tag `for-use-with-amazon-emr-managed-policies=true`,
     * or the EMR service role may not use it. With several subnets EMR picks the one with capacity
     * for the fleets. Default: none (required, at least one).
     */
    subnetIds: v.pipe(
        v.array(input(subnetId)),
        v.minLength(1, explain("a cluster needs at least one private subnet", "Pass the private subnet ids of your VPC")),
    ),
};
/** The schema of {@link EmrNetworkArgs}. */
export const emrNetwork: v.StrictObjectSchema<typeof emrNetworkShape, undefined> = strict(emrNetworkShape);
/** Where a cluster runs. */
export type EmrNetworkArgs = v.InferInput<typeof emrNetwork>;

// EMR accepts up to 30 instance types per fleet when an allocation strategy is set (we always set one).
const MAX_TYPES = 30;
const EBS_GIB = explain("must be a whole number of GiB between 1 and 16384", "Use e.g. 64");

/** The declaration of one instance fleet. */
export const fleetShape = {
    /**
     * EC2 instance types EMR chooses from for this fleet; several types of one size give EMR room to
     * find capacity (Spot above all). All fleets of a cluster must share one CPU architecture.
     * Default: Graviton `xlarge` types: primary m7g/m6g/r7g, core m7g/m6g/r7g/r6g, task m7g/m6g/c7g/r7g/r6g.
     */
    instanceTypes: v.optional(
        v.pipe(
            v.array(satisfying(v.string(), emrInstanceTypeProblem)),
            v.minLength(
                1,
                explain(
                    "a fleet needs at least one instance type",
                    "List one or more types, or omit instanceTypes for the Graviton defaults",
                ),
            ),
            v.maxLength(MAX_TYPES, explain(`EMR accepts at most ${MAX_TYPES} instance types per fleet`, `List ${MAX_TYPES} or fewer`)),
            v.check((types) => new Set(types).size === types.length, explain("lists a type twice", "List each type once")),
        ),
    ),
    /**
     * Target capacity in instances (every type counts as one unit). Default: primary 1 (3 with
     * `highAvailability`), core 2, task 0 (managed scaling adds task nodes when work arrives).
     */
    targetCapacity: v.optional(integer(0)),
    /** Size in GiB of the gp3 EBS data volume on each instance (Graviton types have no instance store). Default: primary 32, core and task 64. */
    ebsVolumeGiB: v.optional(v.pipe(v.number(), v.integer(EBS_GIB), v.minValue(1, EBS_GIB), v.maxValue(16384, EBS_GIB))),
};
/** The schema of {@link FleetArgs}. */
export const fleetArgs: v.StrictObjectSchema<typeof fleetShape, undefined> = strict(fleetShape);
/** One instance fleet: which instance types EMR may launch and how many. */
export type FleetArgs = v.InferInput<typeof fleetArgs>;

const INSTANCES = explain("must be a whole number of instances, at least 1", "Use a positive integer");
const instances = v.pipe(v.number(), v.integer(INSTANCES), v.minValue(1, INSTANCES));

/** The declaration of EMR managed scaling limits. */
export const scalingShape = {
    /** Fewest core + task instances. Default: the core fleet's target capacity. */
    minCapacity: v.optional(instances),
    /** Most core + task instances. Default: 10. */
    maxCapacity: v.optional(instances, 10),
    /**
     * Most core instances; keeping core fixed and scaling task nodes avoids moving HDFS blocks and
     * shuffle data when the cluster shrinks. Default: the core fleet's target capacity.
     */
    maxCoreCapacity: v.optional(instances),
    /** Most On-Demand instances among core and task. Default: `maxCoreCapacity` (so task nodes are Spot). */
    maxOnDemandCapacity: v.optional(instances),
};
/** The schema of {@link ScalingArgs}. */
export const scalingArgs: v.StrictObjectSchema<typeof scalingShape, undefined> = strict(scalingShape);
/**
 * EMR managed scaling limits, in instances of the core and task fleets together (the primary
 * fleet never scales). Beyond `maxCoreCapacity`, added capacity goes to the Spot task fleet.
 */
export type ScalingArgs = v.InferInput<typeof scalingArgs>;

const S3_ZIP = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+\.zip$/;

/** The declaration of in-transit encryption. */
export const inTransitEncryptionShape = {
    /**
     * `s3://` URI of a zip of PEM files (`privateKey.pem`, `certificateChain.pem`,
     * `trustedCertificates.pem`) whose certificate covers the nodes' private DNS names
     * (`*.ec2.internal` in us-east-1, `*.<region>.compute.internal` elsewhere). The instance role
     * is given read access to exactly this object. Default: none (required).
     */
    certificatesUri: v.pipe(
        v.string(),
        v.regex(
            S3_ZIP,
            explain(
                "is not the s3:// URI of a zip file",
                "Upload a zip of privateKey.pem, certificateChain.pem and trustedCertificates.pem to S3 and give its s3://bucket/key.zip URI",
            ),
        ),
    ),
};
/** The schema of {@link InTransitEncryptionArgs}. */
export const inTransitEncryption: v.StrictObjectSchema<typeof inTransitEncryptionShape, undefined> = strict(inTransitEncryptionShape);
/** In-transit (TLS) encryption between cluster nodes and for the applications that support it. */
export type InTransitEncryptionArgs = v.InferInput<typeof inTransitEncryption>;

/** The declaration of roles a cluster uses instead of creating its own. */
export const emrRolesShape = {
    /** ARN of the EMR service role (with `AmazonEMRServicePolicy_v2` or equivalent). Default: none (required). */
    serviceRoleArn: input(iamRoleArn),
    /**
     * ARN of the role of the EC2 instance profile. EMR requires the instance profile to have the
     * same name as its role. The role needs the landing-zone grants, write access to the log
     * location and use of the local-disk key; spectrum attaches nothing to it. Default: none (required).
     */
    instanceRoleArn: input(iamRoleArn),
};
/** The schema of {@link EmrRolesArgs}. */
export const emrRoles: v.StrictObjectSchema<typeof emrRolesShape, undefined> = strict(emrRolesShape);
/** Roles you manage yourself, for a cluster to use instead of the ones spectrum creates. */
export type EmrRolesArgs = v.InferInput<typeof emrRoles>;

/**
 * One EMR configuration classification, as both `aws.emr.Cluster.configurationsJson` and the
 * RunJobFlow API take it.
 */
export interface EmrConfiguration {
    /** The classification, e.g. `spark-defaults`, `spark-env`, `yarn-site`. Required. */
    Classification: string;
    /** Properties of the classification. Default: none. */
    Properties?: Record<string, string>;
    /** Nested classifications (e.g. `export` under `spark-env`). Default: none. */
    Configurations?: EmrConfiguration[];
}
/** The schema of {@link EmrConfiguration} (nested classifications included). */
export const emrConfiguration: v.GenericSchema<EmrConfiguration> = v.lazy(() =>
    strict({
        Classification: v.pipe(
            v.string(),
            v.regex(
                /^[a-z0-9][a-z0-9.-]*$/,
                explain("is not an EMR configuration classification", 'Use a classification such as "spark-env" or "yarn-site"'),
            ),
        ),
        Properties: v.optional(map(v.string(), v.string())),
        Configurations: v.optional(v.array(emrConfiguration)),
    }),
);

const ROOT_VOLUME = explain("EMR accepts root volumes of 15 to 100 GiB", "Use a whole number in that range");

/** The declaration of a cluster's shape, shared by long-running and transient clusters. */
export const clusterShapeShape = {
    /** EMR release label: an `emr-7.x.y` or `emr-spark-8.x.y` release of the catalog (`EMR_RELEASES`). Default: `"emr-7.14.0"` (see `DEFAULT_EMR_RELEASE`). */
    releaseLabel: v.optional(satisfying(v.string(), releaseLabelProblem), DEFAULT_EMR_RELEASE),
    /** The primary fleet (On-Demand). Default: `{}` (Graviton types, see `FleetArgs`). */
    primary: v.optional(fleetArgs, {}),
    /** The core fleet (On-Demand; HDFS and YARN application masters). Default: `{}` (Graviton types, see `FleetArgs`). */
    core: v.optional(fleetArgs, {}),
    /** The task fleet (Spot, switching to On-Demand if Spot is unavailable at launch). Default: `{}` (Graviton types, see `FleetArgs`). */
    task: v.optional(fleetArgs, {}),
    /** Managed scaling limits, or `false` for a fixed-size cluster. Default: `{}` (from the core fleet's size to 10 instances, see `ScalingArgs`). */
    scaling: v.optional(orFalse(scalingArgs), {}),
    /** `spark-defaults` properties merged over spectrum's defaults (`SPARK_DEFAULTS`: AQE, dynamic allocation, ...). Default: `{}`. */
    sparkDefaults: v.optional(map(v.string(), v.string()), {}),
    /** Further configuration classifications (`spark-env`, `yarn-site`, ...). Default: `[]`. */
    configurations: v.optional(v.array(emrConfiguration), []),
    /** TLS between nodes, with your certificates. Default: off (at-rest encryption is always on). */
    inTransitEncryption: v.optional(inTransitEncryption),
    /** ARN of the KMS key for local disks and EBS volumes. Default: a key created for this cluster, rotated yearly. */
    localDiskKmsKeyArn: v.optional(input(kmsKeyArn)),
    /** Roles you manage instead of the ones spectrum creates. Default: created, least privilege. */
    roles: v.optional(emrRoles),
    /** Size in GiB of each node's root volume (15-100). Default: EMR's default for the release. */
    ebsRootVolumeGiB: v.optional(v.pipe(v.number(), v.integer(ROOT_VOLUME), v.minValue(15, ROOT_VOLUME), v.maxValue(100, ROOT_VOLUME))),
};
/** The schema of {@link ClusterShapeArgs}. */
export const clusterShape: v.StrictObjectSchema<typeof clusterShapeShape, undefined> = strict(clusterShapeShape);
/** How an EMR cluster is built, shared by long-running and transient clusters. */
export type ClusterShapeArgs = v.InferInput<typeof clusterShape>;
/** A cluster shape with its declared defaults applied (fleet and scaling defaults come in `resolveShape`). */
export type ClusterShapeInput = v.InferOutput<typeof clusterShape>;
