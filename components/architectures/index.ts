export * from "./recommend-processor";
export * from "./profile";
export * from "./hybrid";
export { ArchitectureBaseArgs, ArchitectureTopic, KafkaClusterOverrides, LandingZoneOverrides } from "./lake-and-log";
export { IngestOverrides, BatchOverrides, HOURLY_SCHEDULE } from "./batch-layer";
export * from "./kappa";
export { LambdaArchitecture, LambdaViewLocations } from "./lambda";
export {
    LambdaArchitectureArgs,
    LambdaViewArgs,
    ViewColumn,
    SpeedLayerArgs,
    FlinkSpeedArgs,
    SparkStreamingSpeedArgs,
    KafkaStreamsSpeedArgs,
    ServingLayerArgs,
} from "./lambda-args";
export { SpeedLayer } from "./lambda-speed";
export { ServingLayer } from "./lambda-serving";
export { speedNeedsKubernetes } from "./lambda-settings";
