export { v, strict, map, input, integer, explain, InputSchema } from "./declare";
export { checkShape, parseArgs, checkWhenResolved, withoutLaterChecks, ShapeCheck, LaterValue } from "./check";
export { Problem, describeIssue, fieldPath } from "./problems";
export { editDistance, closestMatch, didYouMean } from "./did-you-mean";
export { awsTagMap } from "./aws-tags";
export { k8sQuantity, k8sLabelMap } from "./kubernetes";
export { overridesOf, OverridesShape, OptionalEntry } from "./overrides";
