import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { requirePeer } from "../core/optional-peers";
import { KubernetesTarget } from "../core/contracts";
import { dependsOnAll } from "../core/depends-on";
import { k8sLabels } from "../core/tags";
import { FlinkOperatorArgs, PodSecurityLevel } from "./operator-args";
import { FlinkOperatorRef } from "./operator-ref";
import { OPERATOR_COMPONENT, flinkOperatorSettings } from "./operator-validate";
import { certManagerValues, operatorValues } from "./operator-values";
import { operatorChartUrl } from "./versions";
import { childNameClaim, clashRegistry } from "../core/clashes";

const CERT_MANAGER_NAMESPACE = "cert-manager";

function podSecurityLabels(enforce: PodSecurityLevel): Record<string, string> {
    return {
        "pod-security.kubernetes.io/enforce": enforce,
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/audit": "restricted",
    };
}

/**
 * The Apache Flink Kubernetes Operator, installed with its Helm chart from the Apache archive
 * (the URL outlives the next release) with the image tag equal to the chart version. It watches
 * only the job namespaces it is given, exposes Prometheus metrics, elects a leader when it runs
 * more than one replica, and gets cert-manager for its admission webhook unless told otherwise.
 *
 * Helm installs the operator's CRDs on first install only: see the README for upgrading them.
 */
export class FlinkOperator extends pulumi.ComponentResource implements FlinkOperatorRef {
    /** {@inheritDoc FlinkOperatorRef.target} */
    readonly target: KubernetesTarget;
    /** The installed operator release. */
    readonly version: string;
    /** Namespace of the operator. */
    readonly namespace: string;
    /** Namespaces the operator watches. */
    readonly jobNamespaces: readonly string[];
    /** Whether the admission webhook runs. */
    readonly webhookEnabled: boolean;
    /** The operator's Helm release. */
    readonly release: k8s.helm.v3.Release;
    /** The cert-manager release, when installed here. */
    readonly certManagerRelease?: k8s.helm.v3.Release;
    /** {@inheritDoc FlinkOperatorRef.readyResources} */
    readonly readyResources: readonly pulumi.Resource[];

    constructor(name: string, args: FlinkOperatorArgs, opts?: pulumi.ComponentResourceOptions) {
        // A missing peer SDK is told first: without it no KubernetesTarget can be built.
        const k8s = requirePeer("@pulumi/kubernetes", `${OPERATOR_COMPONENT} "${name}"`);
        // Checked before super(): a rejected operator registers nothing, not even itself.
        const s = flinkOperatorSettings(name, args);
        clashRegistry().claimAll([
            {
                kind: "operator-install",
                identity: "flink-kubernetes-operator",
                who: { component: OPERATOR_COMPONENT, name, field: "target" },
                scope: s.target,
            },
            childNameClaim(OPERATOR_COMPONENT, name, opts?.parent),
        ]);
        super(`spectrum:index:${OPERATOR_COMPONENT}`, name, {}, opts);

        this.target = s.target;
        this.version = s.version;
        this.namespace = s.namespace;
        this.jobNamespaces = [...s.jobNamespaces];
        this.webhookEnabled = s.certManager !== "none";
        // Pulumi does not pass a component's dependsOn to its children (say, the cluster's nodes).
        const k8sOpts = { parent: this, provider: s.target.provider, dependsOn: opts?.dependsOn };
        const labels = k8sLabels("flink-kubernetes-operator", "flink-operator", s.labels);

        const operatorNamespace = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: s.namespace, labels: { ...labels, ...podSecurityLabels("restricted") } } },
            k8sOpts,
        );
        // Helm creates the job service account and RBAC in these, so they must exist first. Jobs may
        // share the operator's namespace, which is created above (a second Namespace object of the
        // same name would fail at apply).
        const jobNamespaces = s.createJobNamespaces
            ? s.jobNamespaces
                  .filter((ns) => ns !== s.namespace)
                  .map(
                      (ns) =>
                          new k8s.core.v1.Namespace(
                              `${name}-job-namespace-${ns}`,
                              {
                                  metadata: {
                                      name: ns,
                                      labels: { ...k8sLabels(ns, "flink-jobs", s.labels), ...podSecurityLabels(s.jobNamespacePodSecurity) },
                                  },
                              },
                              k8sOpts,
                          ),
                  )
            : [];

        if (s.certManager === "install") {
            // The jetstack chart runs every pod (controller, webhook, cainjector, startupapicheck)
            // non-root with RuntimeDefault seccomp, no privilege escalation and no capabilities.
            const certManagerNamespace = new k8s.core.v1.Namespace(
                `${name}-cert-manager-namespace`,
                {
                    metadata: {
                        name: CERT_MANAGER_NAMESPACE,
                        labels: { ...k8sLabels("cert-manager", "cert-manager", s.labels), ...podSecurityLabels("restricted") },
                    },
                },
                k8sOpts,
            );
            this.certManagerRelease = new k8s.helm.v3.Release(
                `${name}-cert-manager`,
                {
                    name: "cert-manager",
                    chart: "cert-manager",
                    version: s.certManagerVersion,
                    repositoryOpts: { repo: "https://charts.jetstack.io" },
                    namespace: certManagerNamespace.metadata.name,
                    values: certManagerValues(),
                },
                k8sOpts,
            );
        }

        this.release = new k8s.helm.v3.Release(
            `${name}-release`,
            {
                name: "flink-kubernetes-operator",
                chart: operatorChartUrl(s.version),
                namespace: operatorNamespace.metadata.name,
                values: operatorValues(s, labels),
            },
            // cert-manager must be serving before the chart creates its Issuer and Certificate.
            {
                ...k8sOpts,
                dependsOn: dependsOnAll(opts?.dependsOn, ...jobNamespaces, ...(this.certManagerRelease ? [this.certManagerRelease] : [])),
            },
        );
        this.readyResources = [this.release];

        this.registerOutputs({
            version: this.version,
            namespace: this.namespace,
            jobNamespaces: this.jobNamespaces,
            webhookEnabled: this.webhookEnabled,
        });
    }
}
