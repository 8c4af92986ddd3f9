/** The public API: everything a platform repo imports from `pulumi-spectrum`. */
export * from "./core";
export * from "./landing-zone";
export * from "./kafka";
export * from "./flink";
export * from "./spark";
export * from "./ingest";
export * from "./platform";
export * from "./architectures";
