export * from "./recommend-processor";
export * from "./profile";
