export * from "./errors";
export * from "./tags";
export * from "./protection";
export * from "./iam";
export * from "./contracts";
export * from "./workload-identity";
export * from "./kafka-access";
export * from "./depends-on";
// The schema layer's helpers; valibot itself (`v`) is imported from "./schema" by declarations, not re-exported.
export {
    strict,
    map,
    input,
    integer,
    explain,
    awsTagMap,
    InputSchema,
    OverridesShape,
    OptionalEntry,
    checkShape,
    parseArgs,
    checkWhenResolved,
    ShapeCheck,
    LaterValue,
    Problem,
    describeIssue,
    fieldPath,
    editDistance,
    closestMatch,
    didYouMean,
} from "./schema";
export * from "./run-scope";
export * from "./clashes";
export * from "./aws-limits";
