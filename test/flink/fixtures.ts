import * as k8s from "@pulumi/kubernetes";
import { KubernetesTarget } from "../../components/core";
import { FlinkOperatorRef } from "../../components/flink";
import { PlannedResource, ResourceGraph } from "../../testing";

import { OIDC_ARN, OIDC_URL } from "../existing-clusters";

export { OIDC_ARN, OIDC_URL };

export const types = {
    operator: "spectrum:index:FlinkOperator",
    job: "spectrum:index:FlinkJob",
    release: "kubernetes:helm.sh/v3:Release",
    namespace: "kubernetes:core/v1:Namespace",
    serviceAccount: "kubernetes:core/v1:ServiceAccount",
    role: "kubernetes:rbac.authorization.k8s.io/v1:Role",
    roleBinding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
    flinkDeployment: "kubernetes:flink.apache.org/v1beta1:FlinkDeployment",
    iamRole: "aws:iam/role:Role",
    iamPolicy: "aws:iam/rolePolicy:RolePolicy",
    podIdentity: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    guard: "pulumi-nodejs:dynamic:FlinkStateGuard",
};

/** A cluster with everything both identity modes need. */
export function clusterTarget(overrides: Partial<Omit<KubernetesTarget, "provider">> = {}): KubernetesTarget {
    return {
        provider: new k8s.Provider("cluster", { kubeconfig: "{}" }),
        clusterName: "dev-cluster",
        oidcProviderArn: OIDC_ARN,
        oidcProviderUrl: OIDC_URL,
        ...overrides,
    };
}

/** An operator installed elsewhere, for job tests that don't need the chart. */
export function existingOperator(target: KubernetesTarget, jobNamespaces: string[] = ["flink"]): FlinkOperatorRef {
    return { target, version: "1.15.0", jobNamespaces, readyResources: [] };
}

/** The FlinkDeployment of the job with this component name. */
export function deploymentOf(graph: ResourceGraph, job: string): PlannedResource {
    return graph.one(types.flinkDeployment, `${job}-deployment`);
}

export interface DeploymentSpec {
    image: string;
    imagePullPolicy: string;
    flinkVersion: string;
    mode: string;
    serviceAccount: string;
    flinkConfiguration: Record<string, string>;
    podTemplate: {
        apiVersion: string;
        kind: string;
        metadata: { labels: Record<string, string>; annotations: Record<string, string> };
        spec: {
            securityContext: Record<string, unknown>;
            containers: Array<{
                name: string;
                env: Array<{ name: string; value: string }>;
                securityContext: Record<string, unknown>;
                ports: unknown[];
            }>;
        };
    };
    jobManager: { replicas: number; resource: { cpu: number; memory: string } };
    taskManager: { replicas?: number; resource: { cpu: number; memory: string } };
    job: {
        jarURI: string;
        entryClass?: string;
        args: string[];
        parallelism: number;
        upgradeMode: string;
        state: string;
        initialSavepointPath?: string;
        allowNonRestoredState?: boolean;
        savepointTriggerNonce?: number;
    };
}

export function specOf(resource: PlannedResource): DeploymentSpec {
    return resource.inputs.spec as DeploymentSpec;
}

/** Runs `build` and returns the validation message it throws (fails the test when nothing is thrown). */
export function thrownMessage(build: () => unknown): string {
    try {
        build();
    } catch (e) {
        return (e as Error).message;
    }
    throw new Error("expected a validation error, got none");
}
