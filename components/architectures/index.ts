export * from "./shared/recommend-processor";
export * from "./shared/profile";
export * from "./hybrid/hybrid";
export { HybridArchitectureArgs } from "./hybrid/hybrid-args";
export {
    ArchitectureBaseArgs,
    ArchitectureTopic,
    KafkaClusterOverrides,
    LandingZoneOverrides,
    IngestOverrides,
    BatchOverrides,
    architectureBaseArgs,
    architectureBaseShape,
    landingZoneOverrides,
    kafkaClusterOverrides,
    ingestOverrides,
    batchOverrides,
} from "./shared/base-args";
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
} from "./lambda/lambda-args";
export { SpeedLayer } from "./lambda/speed-flavour";
export { ServingLayer } from "./lambda/serving";
export { speedNeedsKubernetes } from "./lambda/speed-processor";
