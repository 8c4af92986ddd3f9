export * from "./shared/recommend-processor";
export { ShapeRecommendation, ShapeRequirements, recommendShape } from "./shared/recommend-shape";
export * from "./shared/profile";
export * from "./hybrid/hybrid";
export { HybridArchitectureArgs, hybridArchitectureArgs, hybridArchitectureShape } from "./hybrid/hybrid-args";
export {
    kappaArchitectureArgs,
    kappaArchitectureShape,
    kappaFlink,
    kappaInputTopic,
    kappaJobVersion,
    kappaLandingOutput,
    kappaOutputTopic,
    kappaStreams,
    kappaFlinkShape,
    kappaInputTopicShape,
    kappaJobVersionShape,
    kappaLandingOutputShape,
    kappaOutputTopicShape,
    kappaStreamsShape,
} from "./kappa/kappa-args";
export {
    ArchitectureBaseArgs,
    ArchitectureTopic,
    KafkaClusterOverrides,
    LandingZoneOverrides,
    IngestOverrides,
    BatchOverrides,
    architectureBaseArgs,
    architectureBaseShape,
    architectureTopic,
    landingZoneOverrides,
    kafkaClusterOverrides,
    ingestOverrides,
    batchOverrides,
    SparkRuntimeOverrides,
    ServerlessApplicationOverrides,
    sparkRuntimeOverrides,
    sparkRuntimeOverridesShape,
    serverlessApplicationOverrides,
    kafkaFlavourShape,
} from "./shared/base-args";
export { ArchitectureKafka } from "./shared/lake-and-log";
export { HOURLY_SCHEDULE } from "./shared/batch-layer";
export * from "./kappa/kappa";
export { LambdaArchitecture, LambdaViewLocations } from "./lambda/lambda";
export {
    LambdaArchitectureArgs,
    LambdaViewArgs,
    ViewColumn,
    SpeedLayerArgs,
    FlinkSpeedArgs,
    SparkStreamingSpeedArgs,
    KafkaStreamsSpeedArgs,
    ServingLayerArgs,
    lambdaArchitectureArgs,
    lambdaArchitectureShape,
    lambdaView,
    viewColumn,
    speedLayer,
    flinkSpeed,
    sparkStreamingSpeed,
    kafkaStreamsSpeed,
    servingLayer,
    flinkSpeedShape,
    kafkaStreamsSpeedShape,
    lambdaViewShape,
    servingLayerShape,
    sparkStreamingSpeedShape,
    speedLayerShape,
    viewColumnShape,
} from "./lambda/lambda-args";
export { SpeedLayer } from "./lambda/speed-flavour";
export { ServingLayer } from "./lambda/serving";
export { speedNeedsKubernetes } from "./lambda/speed-processor";
