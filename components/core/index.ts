export * from "./errors";
export * from "./tags";
export * from "./protection";
export * from "./iam";
export * from "./contracts";
export * from "./workload-identity";
export * from "./kafka-access";
export * from "./depends-on";
