/**
 * The public API of `pulumi-spectrum`: every name a platform repo may import, listed one by one.
 * A name missing here is internal and may change in any release; adding or removing one changes the
 * API report in `api/`, which CI compares (see CHANGELOG.md for what counts as a breaking change).
 *
 * Components that need an optional peer SDK (`@pulumi/kubernetes`, `@pulumi/kafka`, `@pulumi/eks`,
 * `@pulumi/awsx`) load it when one of them is constructed, not when this module is imported.
 *
 * @packageDocumentation
 */

// Core: the error every component throws on bad input, IAM helpers, and the contracts components meet through.
export { SpectrumValidationError, policyDocument, kafkaIamStatements } from "./core";
export type {
    PolicyStatement,
    PolicyCondition,
    TrustStatement,
    KafkaAccess,
    Storage,
    StorageAccess,
    KafkaConnection,
    KafkaAuthMode,
    SaslMechanism,
    KubernetesTarget,
    WorkloadIdentityMode,
    InputSchema,
} from "./core";

// The S3 landing zone.
export { LandingZone, landingZoneArgs, landingZoneShape, areaLifecycle, areaLifecycleShape } from "./landing-zone";
export type { LandingZoneArgs, AreaLifecycle } from "./landing-zone";

// Kafka: MSK or a cluster you bring, topics, Kafka Streams apps.
export { KafkaCluster, externalKafka, KafkaTopic, KafkaTopics, KafkaStreamsApp } from "./kafka";
// Their args declarations (schemas and the shapes they are built from: types, checks, defaults, JSON Schema).
export {
    kafkaClusterArgs,
    kafkaClusterShape,
    externalKafkaArgs,
    externalKafkaShape,
    kafkaTopicArgs,
    kafkaTopicShape,
    topicSpec,
    topicSpecShape,
    topicEntry,
    topicDefaults,
    topicShape,
    topicShapeShape,
    compaction,
    compactionShape,
    kafkaProviderSchema,
    kafkaTopicsArgs,
    kafkaTopicsShape,
    kafkaStreamsAppArgs,
    kafkaStreamsAppShape,
    streamsHealth,
    streamsHealthShape,
    streamsAutoscaling,
    streamsAutoscalingShape,
    probe,
    probeShape,
    topicRef,
} from "./kafka";
export type {
    KafkaClusterArgs,
    MskClientAuth,
    MskMonitoringLevel,
    ExternalKafkaArgs,
    KafkaTopicArgs,
    KafkaTopicsArgs,
    TopicSpec,
    TopicShape,
    CleanupPolicy,
    CompactionArgs,
    KafkaStreamsAppArgs,
    StreamsTopicRef,
    ProcessingGuarantee,
    StreamsHealthArgs,
    StreamsAutoscalingArgs,
} from "./kafka";

// Flink on Kubernetes: the operator and stateful jobs.
export {
    FlinkOperator,
    FlinkJob,
    flinkOperatorArgs,
    flinkOperatorShape,
    flinkOperatorResources,
    flinkOperatorResourcesShape,
    flinkJobArgs,
    flinkJobShape,
    flinkProcessResources,
    flinkProcessResourcesShape,
    flinkStorageGrant,
    flinkStorageGrantShape,
    flinkKafkaAccess,
    flinkKafkaAccessShape,
    flinkAutoscalerArgs,
    flinkAutoscalerArgsShape,
} from "./flink";
export type {
    FlinkOperatorArgs,
    FlinkOperatorResources,
    FlinkOperatorRef,
    CertManagerMode,
    PodSecurityLevel,
    FlinkJobArgs,
    FlinkProcessResources,
    FlinkStorageGrant,
    FlinkKafkaAccess,
    FlinkAutoscalerArgs,
    UpgradeMode,
} from "./flink";

// Spark on EMR: a long-running cluster, scheduled batch on transient clusters, Structured Streaming steps.
export {
    EmrSparkCluster,
    SparkBatchJob,
    SparkStreamingJob,
    DEFAULT_EMR_RELEASE,
    SPARK_DEFAULTS,
    EMR_RELEASES,
    EMR_RELEASES_AS_OF,
    EMR_INSTANCE_FAMILIES,
    EMR_INSTANCE_TYPES,
    EMR_INSTANCE_TYPES_AS_OF,
    emrSparkClusterArgs,
    emrSparkClusterShape,
    sparkBatchJobArgs,
    sparkBatchJobShape,
    sparkStreamingJobArgs,
    sparkStreamingJobShape,
    clusterShape,
    clusterShapeShape,
    fleetArgs,
    fleetShape,
    scalingArgs,
    scalingShape,
    emrNetwork,
    emrNetworkShape,
    emrRoles,
    emrRolesShape,
    inTransitEncryption,
    inTransitEncryptionShape,
    emrConfiguration,
    storageLocation,
    storageLocationShape,
    storageGrant,
    storageGrantShape,
    storageFile,
    storageFileShape,
    sparkApplication,
    sparkApplicationShape,
    restartArgs,
    restartShape,
} from "./spark";
export type {
    EmrRelease,
    EmrReleaseLine,
    ScalaBinaryVersion,
    EmrSparkClusterArgs,
    SparkClusterTarget,
    ClusterShapeArgs,
    FleetArgs,
    FleetRole,
    ScalingArgs,
    EmrNetworkArgs,
    EmrRolesArgs,
    InTransitEncryptionArgs,
    EmrConfiguration,
    StorageLocation,
    StorageGrant,
    StorageFile,
    SparkBatchJobArgs,
    SparkApplicationArgs,
    SparkStreamingJobArgs,
    RestartArgs,
} from "./spark";

// Ingest: Amazon Data Firehose from MSK into the landing zone.
export {
    MskFirehoseIngest,
    firehoseClusterPolicyStatement,
    mskFirehoseIngestArgs,
    mskFirehoseIngestShape,
    eventTimePartitioning,
    eventTimePartitioningShape,
} from "./ingest";
export type { MskFirehoseIngestArgs, EventTimePartitioning, EventTimeFormat, PartitionGranularity } from "./ingest";

// Platform foundation: the VPC and the EKS cluster, or yours.
export {
    PlatformNetwork,
    PlatformCluster,
    DEFAULT_KUBERNETES_VERSION,
    DEFAULT_STORAGE_CLASS,
    PROFILE_DEFAULTS,
    platformNetworkArgs,
    platformNetworkShape,
    existingNetwork,
    existingNetworkShape,
    flowLogOptions,
    flowLogOptionsShape,
    platformClusterArgs,
    platformClusterShape,
    existingCluster,
    existingClusterShape,
    nodeGroupSizing,
    nodeGroupSizingShape,
} from "./platform";
export type {
    PlatformNetworkArgs,
    NetworkPlacement,
    ExistingNetwork,
    FlowLogOptions,
    PlatformClusterArgs,
    ExistingCluster,
    NodeGroupSizing,
    ControlPlaneLogType,
    PlatformProfile,
    ProfileDefaults,
    NatGatewayLayout,
    ClusterSupportType,
} from "./platform";

// Architectures: hybrid, Kappa and Lambda, and the processor recommendation.
export { HybridArchitecture, KappaArchitecture, LambdaArchitecture, recommendProcessor } from "./architectures";
export type {
    ArchitectureProfile,
    ArchitectureBaseArgs,
    ArchitectureTopic,
    LandingZoneOverrides,
    KafkaClusterOverrides,
    IngestOverrides,
    BatchOverrides,
    HybridArchitectureArgs,
    KappaArchitectureArgs,
    KappaProcessor,
    KappaStartFrom,
    KappaInputTopic,
    KappaOutputTopic,
    KappaLandingOutput,
    KappaJobVersion,
    KappaFlinkOverrides,
    KappaStreamsOverrides,
    KappaVersion,
    KappaVersionNames,
    KappaLiveOutputs,
    LambdaArchitectureArgs,
    LambdaViewArgs,
    ViewColumn,
    SpeedLayerArgs,
    FlinkSpeedArgs,
    SparkStreamingSpeedArgs,
    KafkaStreamsSpeedArgs,
    ServingLayerArgs,
    LambdaViewLocations,
    SpeedLayer,
    ServingLayer,
    Processor,
    StreamProcessor,
    ProcessingRequirements,
    ProcessorRecommendation,
} from "./architectures";
