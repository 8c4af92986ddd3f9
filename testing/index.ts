/**
 * `pulumi-spectrum/testing`: runs a Pulumi program under the SDK's mocks and returns the resource
 * graph it would create, for tests of your own stacks and for the offline plan.
 *
 * @packageDocumentation
 */
export { runProgram, runStack, DuplicateResourceError } from "./engine";
export type { Program, RunOptions, StackRunOptions } from "./engine";
export { ResourceGraph } from "./graph";
export type { PlannedResource, PlanJson, ResourceOptionsSeen, ResourceRef } from "./graph";
export { plausibleOutputs } from "./outputs";
export type { MockEnvironment } from "./outputs";
export { loadStackConfig, StackFileError } from "./stack-config";
export type { StackConfig } from "./stack-config";
export { policyStatements } from "./policy";
export type { ParsedStatement } from "./policy";
export { validationProblems } from "./validation";
