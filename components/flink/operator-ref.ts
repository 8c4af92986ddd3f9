import * as pulumi from "@pulumi/pulumi";
import { KubernetesTarget } from "../core/contracts";
import { v } from "../core/schema";
import { contract, kubernetesTarget } from "../core/schema/contracts";

/**
 * What a FlinkJob needs to know about the operator that runs it. {@link FlinkOperator} implements
 * it; for an operator installed some other way, build one by hand:
 * `{ target, version: "1.15.0", jobNamespaces: ["flink"], readyResources: [] }`.
 */
export interface FlinkOperatorRef {
    /** The cluster the operator runs in; jobs go to the same cluster. */
    readonly target: KubernetesTarget;
    /** The operator release (`1.15.0`): decides which `spec.flinkVersion` values the CRD accepts. */
    readonly version: string;
    /** Namespaces the operator watches; a job must be in one of them or the operator never sees it. */
    readonly jobNamespaces: readonly string[];
    /** Resources a job must wait for (the operator's Helm release), so a job is never created before its CRD and webhook. */
    readonly readyResources: readonly pulumi.Resource[];
}

/** The schema of a {@link FlinkOperatorRef} arg: the ref itself passes through (a FlinkOperator stays one). */
export const flinkOperatorRef: v.CustomSchema<FlinkOperatorRef, undefined> = contract<FlinkOperatorRef>({
    what: "a FlinkOperatorRef",
    fix: 'Pass the FlinkOperator, or { target, version: "1.15.0", jobNamespaces: ["flink"], readyResources: [] } for an operator installed some other way',
    members: {
        target: { kind: kubernetesTarget, what: "the cluster the operator runs in" },
        version: { kind: "string", what: "the operator release" },
        jobNamespaces: { kind: "strings", what: "the namespaces the operator watches" },
        readyResources: { kind: "list", what: "the resources a job waits for" },
    },
});
