export { EmrSparkCluster } from "./emr-spark-cluster";
export { EmrSparkClusterArgs, SparkClusterTarget } from "./emr-spark-cluster-args";
export { ClusterShapeArgs } from "./cluster-shape";
export { FleetArgs, FleetRole } from "./fleets";
export { ScalingArgs } from "./scaling";
export { EmrNetworkArgs, EMR_MANAGED_POLICY_TAG } from "./network";
export { EmrRolesArgs } from "./roles";
export { InTransitEncryptionArgs } from "./security";
export { EmrConfiguration, SPARK_DEFAULTS } from "./spark-config";
export { StorageLocation, StorageGrant, StorageFile } from "./locations";
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
export { SparkBatchJob } from "./spark-batch-job";
export { SparkBatchJobArgs, SparkRuntime, JOB_TAG_KEY } from "./spark-batch-job-args";
export { EmrServerlessApplication } from "./emr-serverless-application";
export {
    EmrServerlessApplicationArgs,
    EmrServerlessArchitecture,
    EmrServerlessCapacity,
    EmrServerlessWorkers,
    EmrServerlessTarget,
    emrServerlessApplicationArgs,
    emrServerlessApplicationShape,
    emrServerlessCapacity,
    emrServerlessCapacityShape,
    emrServerlessWorkers,
    emrServerlessWorkersShape,
} from "./emr-serverless-application-args";
export { DEFAULT_EMR_SERVERLESS_RELEASE, SERVERLESS_SPARK_DEFAULTS } from "./emr-serverless-limits";
export { SparkApplicationArgs, SPECTRUM_CONF_PREFIX } from "./spark-step";
export { LOGICAL_TIME_CONF } from "./batch-definition";
export { SparkStreamingJob } from "./spark-streaming-job";
export { SparkStreamingJobArgs, RestartArgs, CHECKPOINT_CONF, TRIGGER_CONF } from "./spark-streaming-job-args";
