export * from "./shared/recommend-processor";
export { ShapeRecommendation, ShapeRequirements, recommendShape } from "./shared/recommend-shape";
export * from "./shared/profile";
export * from "./hybrid/hybrid";
export { HybridArchitectureArgs } from "./hybrid/hybrid-args";
export {
    ArchitectureBaseArgs,
    ArchitectureKafka,
    ArchitectureTopic,
    KafkaClusterOverrides,
    LandingZoneOverrides,
} from "./shared/lake-and-log";
export { SparkRuntimeOverrides, ServerlessApplicationOverrides } from "./shared/spark-runtime";
export { IngestOverrides, BatchOverrides, HOURLY_SCHEDULE } from "./shared/batch-layer";
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
} from "./lambda/lambda-args";
export { SpeedLayer } from "./lambda/speed-flavour";
export { ServingLayer } from "./lambda/serving";
export { speedNeedsKubernetes } from "./lambda/speed-processor";
