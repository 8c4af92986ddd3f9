export * from "./recommend-processor";
