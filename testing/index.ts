export { runProgram, runStack, DuplicateResourceError, Program, RunOptions, StackRunOptions } from "./engine";
export { ResourceGraph, PlannedResource, PlanJson, ResourceOptionsSeen } from "./graph";
export { MockEnvironment, plausibleOutputs } from "./outputs";
export { loadStackConfig, StackConfig } from "./stack-config";
export { policyStatements } from "./policy";
