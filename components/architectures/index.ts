export * from "./recommend-processor";
export * from "./profile";
export * from "./hybrid";
export { ArchitectureTopic, KafkaClusterOverrides, LandingZoneOverrides } from "./lake-and-log";
export { IngestOverrides, BatchOverrides, HOURLY_SCHEDULE } from "./batch-layer";
export * from "./kappa";
