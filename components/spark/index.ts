export { EmrSparkCluster } from "./emr-spark-cluster";
export { EmrSparkClusterArgs, SparkClusterTarget, emrSparkClusterArgs, emrSparkClusterShape } from "./emr-spark-cluster-args";
export { emrSparkClusterSettings } from "./emr-spark-cluster-validate";
export {
    ClusterShapeArgs,
    clusterShape,
    clusterShapeShape,
    FleetArgs,
    fleetArgs,
    fleetShape,
    ScalingArgs,
    scalingArgs,
    scalingShape,
    EmrNetworkArgs,
    emrNetwork,
    emrNetworkShape,
    EmrRolesArgs,
    emrRoles,
    emrRolesShape,
    InTransitEncryptionArgs,
    inTransitEncryption,
    inTransitEncryptionShape,
    EmrConfiguration,
    emrConfiguration,
} from "./cluster-shape-args";
export { FleetRole } from "./fleets";
export { EMR_MANAGED_POLICY_TAG } from "./network";
export { SPARK_DEFAULTS } from "./spark-config";
export {
    StorageLocation,
    storageLocation,
    storageLocationShape,
    StorageGrant,
    storageGrant,
    storageGrantShape,
    StorageFile,
    storageFile,
    storageFileShape,
    SparkApplicationArgs,
    sparkApplication,
    sparkApplicationShape,
} from "./application-args";
export { EmrServerlessTarget, storageArg, sparkClusterTargetArg, emrServerlessTargetArg } from "./contract-args";
export { DEFAULT_EMR_RELEASE, releaseLineOf } from "./release";
export {
    EMR_RELEASES,
    EMR_RELEASES_AS_OF,
    EmrRelease,
    EmrReleaseLine,
    ScalaBinaryVersion,
    emrRelease,
    kafkaPackageMismatch,
    sparkKafkaPackage,
} from "./emr-releases";
export { EMR_INSTANCE_FAMILIES, EMR_INSTANCE_TYPES, EMR_INSTANCE_TYPES_AS_OF } from "./emr-instance-types";
export { SparkBatchJob } from "./spark-batch-job";
export { SparkBatchJobArgs, SparkRuntime, JOB_TAG_KEY, sparkBatchJobArgs, sparkBatchJobShape } from "./spark-batch-job-args";
export { sparkBatchJobSettings } from "./spark-batch-job-validate";
export { SPECTRUM_CONF_PREFIX } from "./spark-step";
export { EmrServerlessApplication } from "./emr-serverless-application";
export {
    EmrServerlessApplicationArgs,
    EmrServerlessArchitecture,
    EmrServerlessCapacity,
    EmrServerlessWorkers,
    emrServerlessApplicationArgs,
    emrServerlessApplicationShape,
    emrServerlessCapacity,
    emrServerlessCapacityShape,
    emrServerlessWorkers,
    emrServerlessWorkersShape,
} from "./emr-serverless-application-args";
export { emrServerlessApplicationSettings } from "./emr-serverless-application-validate";
export { DEFAULT_EMR_SERVERLESS_RELEASE, SERVERLESS_SPARK_DEFAULTS } from "./emr-serverless-limits";
export { LOGICAL_TIME_CONF } from "./batch-definition";
export { SparkStreamingJob } from "./spark-streaming-job";
export {
    SparkStreamingJobArgs,
    RestartArgs,
    restartArgs,
    restartShape,
    sparkStreamingJobArgs,
    sparkStreamingJobShape,
    CHECKPOINT_CONF,
    TRIGGER_CONF,
} from "./spark-streaming-job-args";
export { sparkStreamingJobSettings } from "./spark-streaming-job-validate";
