import * as k8s from "@pulumi/kubernetes";
import { FlinkOperator, FlinkOperatorArgs } from "../../components/flink";
import { SpectrumValidationError } from "../../components/core";
import { PlannedResource, ResourceGraph, runProgram } from "../../testing";
import { clusterTarget, thrownMessage, types } from "./fixtures";

interface OperatorValues {
    image: { repository: string; tag: string };
    replicas: number;
    strategy: { type: string };
    watchNamespaces: string[];
    webhook: { create: boolean };
    metrics: { port: number };
    defaultConfiguration: Record<string, unknown>;
    podSecurityContext: Record<string, unknown>;
    operatorSecurityContext: Record<string, unknown>;
    webhookSecurityContext: Record<string, unknown>;
    operatorPod: { annotations: Record<string, string>; resources: { requests: Record<string, string>; limits: Record<string, string> } };
}

const valuesOf = (release: PlannedResource) => release.inputs.values as OperatorValues;
const configLines = (release: PlannedResource) => String(valuesOf(release).defaultConfiguration["flink-conf.yaml"]).trim().split("\n");

describe("FlinkOperator", () => {
    let graph: ResourceGraph;
    let release: PlannedResource;
    let certManager: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const target = clusterTarget();
            // One operator per cluster: the variants below are compared in one program, so each gets a
            // target of its own (the clash registry tells clusters apart by their KubernetesTarget).
            const another = () => ({ ...target });
            new FlinkOperator("flink", { target });
            // Something the caller orders the operator after (the cluster's nodes, say).
            const nodes = new k8s.core.v1.ConfigMap("nodes", { metadata: { name: "nodes" } }, { provider: target.provider });
            new FlinkOperator(
                "ha",
                {
                    target: another(),
                    replicas: 2,
                    namespace: "flink-ha",
                    jobNamespaces: ["team-a", "team-b"],
                    createJobNamespaces: false,
                    certManager: "present",
                    config: { "kubernetes.operator.reconcile.interval": "30 s" },
                },
                { dependsOn: [nodes] },
            );
            new FlinkOperator("plain", {
                target: another(),
                namespace: "flink-plain",
                jobNamespaces: ["plain-jobs"],
                certManager: "none",
                jobNamespacePodSecurity: "baseline",
            });
            new FlinkOperator("shared", {
                target: another(),
                namespace: "flink-shared",
                jobNamespaces: ["flink-shared", "shared-jobs"],
                certManager: "none",
            });
        });
        release = graph.one(types.release, "flink-release");
        certManager = graph.one(types.release, "flink-cert-manager");
    });

    it("installs the chart from the Apache archive at the pinned version, image tag equal to the chart version", () => {
        expect(release.inputs.chart).toBe(
            "https://archive.apache.org/dist/flink/flink-kubernetes-operator-1.15.0/flink-kubernetes-operator-1.15.0-helm.tgz",
        );
        expect(release.inputs.namespace).toBe("flink-operator");
        expect(valuesOf(release).image).toEqual({
            repository: "apache/flink-kubernetes-operator",
            tag: "1.15.0",
            pullPolicy: "IfNotPresent",
        });
    });

    it("watches exactly the job namespaces, which it creates with the restricted Pod Security Standard before the chart", () => {
        expect(valuesOf(release).watchNamespaces).toEqual(["flink"]);
        const jobNamespace = graph.one(types.namespace, "flink-job-namespace-flink");
        expect(jobNamespace.inputs.metadata).toMatchObject({
            name: "flink",
            labels: { "pod-security.kubernetes.io/enforce": "restricted" },
        });
        expect(graph.dependsOn(release, jobNamespace)).toBe(true);
        const operatorNamespace = graph.one(types.namespace, "flink-namespace");
        expect(operatorNamespace.inputs.metadata).toMatchObject({
            name: "flink-operator",
            labels: { "pod-security.kubernetes.io/enforce": "restricted" },
        });
        expect(release.propertyDependencies.namespace).toContain(operatorNamespace.urn);
    });

    it("installs cert-manager (pinned, with its CRDs) before the operator and turns the webhook on", () => {
        expect(certManager.inputs).toMatchObject({
            chart: "cert-manager",
            version: "v1.21.1",
            repositoryOpts: { repo: "https://charts.jetstack.io" },
            namespace: "cert-manager",
            values: { crds: { enabled: true, keep: true } },
        });
        expect(graph.dependsOn(release, certManager)).toBe(true);
        expect(valuesOf(release).webhook).toEqual({ create: true });
        // Its pods meet the restricted profile, so its namespace enforces it like every other one here.
        expect(graph.one(types.namespace, "flink-cert-manager-namespace").inputs.metadata).toMatchObject({
            name: "cert-manager",
            labels: { "pod-security.kubernetes.io/enforce": "restricted" },
        });
    });

    it("exposes Prometheus metrics on the operator and runs it non-root with no privileges", () => {
        const values = valuesOf(release);
        expect(values.metrics).toEqual({ port: 9999 });
        expect(configLines(release)).toEqual([
            "kubernetes.operator.metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
            "kubernetes.operator.metrics.reporter.prom.port: 9999",
        ]);
        expect(values.operatorPod.annotations).toEqual({ "prometheus.io/scrape": "true", "prometheus.io/port": "9999" });
        expect(values.podSecurityContext).toEqual({
            runAsUser: 9999,
            runAsGroup: 9999,
            runAsNonRoot: true,
            seccompProfile: { type: "RuntimeDefault" },
        });
        for (const ctx of [values.operatorSecurityContext, values.webhookSecurityContext]) {
            expect(ctx).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, runAsNonRoot: true });
        }
        expect(values.operatorPod.resources).toEqual({ requests: { cpu: "250m", memory: "1Gi" }, limits: { memory: "1Gi" } });
    });

    it("runs one replica with the Recreate strategy and no leader election by default", () => {
        expect(valuesOf(release).replicas).toBe(1);
        expect(valuesOf(release).strategy).toEqual({ type: "Recreate" });
        expect(configLines(release).some((l) => l.includes("leader-election"))).toBe(false);
    });

    it("turns on leader election and rolling updates with more than one replica, keeping the user's extra config", () => {
        const ha = graph.one(types.release, "ha-release");
        expect(valuesOf(ha).replicas).toBe(2);
        expect(valuesOf(ha).strategy).toEqual({ type: "RollingUpdate" });
        expect(configLines(ha)).toEqual(
            expect.arrayContaining([
                "kubernetes.operator.leader-election.enabled: true",
                "kubernetes.operator.leader-election.lease-name: flink-operator-lease",
                "kubernetes.operator.reconcile.interval: 30 s",
            ]),
        );
        expect(valuesOf(ha).watchNamespaces).toEqual(["team-a", "team-b"]);
    });

    it("passes the component's own dependsOn to its namespace and release (Pulumi does not)", () => {
        const nodes = graph.one("kubernetes:core/v1:ConfigMap", "nodes");
        expect(graph.dependsOn(graph.one(types.namespace, "ha-namespace"), nodes, { transitive: false })).toBe(true);
        expect(graph.dependsOn(graph.one(types.release, "ha-release"), nodes, { transitive: false })).toBe(true);
    });

    it("keeps the webhook without installing cert-manager when it is present, and drops it when told to", () => {
        expect(graph.find(types.release, "ha-cert-manager")).toBeUndefined();
        expect(valuesOf(graph.one(types.release, "ha-release")).webhook).toEqual({ create: true });
        expect(graph.find(types.release, "plain-cert-manager")).toBeUndefined();
        expect(valuesOf(graph.one(types.release, "plain-release")).webhook).toEqual({ create: false });
    });

    it("creates job namespaces only when asked, with the chosen Pod Security level", () => {
        expect(graph.find(types.namespace, "ha-job-namespace-team-a")).toBeUndefined();
        expect(graph.one(types.namespace, "plain-job-namespace-plain-jobs").inputs.metadata).toMatchObject({
            labels: { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted" },
        });
    });

    it("creates a namespace the jobs share with the operator only once", () => {
        const names = graph
            .childrenOf(graph.one(types.operator, "shared"))
            .filter((r) => r.type === types.namespace)
            .map((r) => (r.inputs.metadata as { name: string }).name);
        expect(names.sort()).toEqual(["flink-shared", "shared-jobs"]);
        expect(valuesOf(graph.one(types.release, "shared-release")).watchNamespaces).toEqual(["flink-shared", "shared-jobs"]);
    });

    it("puts every Kubernetes object on the target's provider, under the component", () => {
        const provider = graph.one("pulumi:providers:kubernetes").urn;
        const component = graph.one(types.operator, "flink");
        for (const r of graph.childrenOf(component)) {
            expect(r.provider).toBe(provider);
        }
        expect(
            graph
                .childrenOf(component)
                .map((r) => r.name)
                .sort(),
        ).toEqual(["flink-cert-manager", "flink-cert-manager-namespace", "flink-job-namespace-flink", "flink-namespace", "flink-release"]);
    });
});

describe("FlinkOperator validation", () => {
    const cases: Array<[string, Partial<FlinkOperatorArgs>, string[]]> = [
        ["version", { version: "latest" }, ['version = "latest"', "not an operator release version", 'Use a release such as "1.15.0"']],
        ["no job namespaces", { jobNamespaces: [] }, ["jobNamespaces = []", "cluster-wide RBAC", "List the namespaces"]],
        [
            "bad namespace",
            { jobNamespaces: ["Flink_Jobs"] },
            ['jobNamespaces[0] = "Flink_Jobs"', "not a valid namespace name", "lowercase"],
        ],
        ["duplicate namespace", { jobNamespaces: ["a", "a"] }, ['jobNamespaces[1] = "a"', "twice", "List each namespace once"]],
        ["replicas", { replicas: 0 }, ["replicas = 0", "positive integer", "Use 1, or 2"]],
        ["metrics port", { metricsPort: 9443 }, ["metricsPort = 9443", "webhook", "Use the default 9999"]],
        [
            "cert-manager version",
            { certManagerVersion: "v1.14.4" },
            ['certManagerVersion = "v1.14.4"', "crds.enabled", 'Use e.g. "v1.21.1"'],
        ],
        [
            "owned config key",
            { config: { "kubernetes.operator.metrics.reporter.prom.port": "1234" } },
            ['config["kubernetes.operator.metrics.reporter.prom.port"] = "1234"', "sets this key itself", "metricsPort"],
        ],
    ];

    let messages: Record<string, string>;
    beforeAll(async () => {
        messages = {};
        await runProgram(() => {
            const target = clusterTarget();
            for (const [label, args] of cases) {
                messages[label] = thrownMessage(() => new FlinkOperator(`bad-${label.replace(/ /g, "-")}`, { target, ...args }));
            }
        });
    });

    it.each(cases)("rejects %s, naming the component, field, value and fix", (label, _args, parts) => {
        expect(messages[label]).toContain(`FlinkOperator "bad-${label.replace(/ /g, "-")}"`);
        for (const part of parts) expect(messages[label]).toContain(part);
    });

    it("throws the library's validation error type", async () => {
        await expect(runProgram(() => new FlinkOperator("x", { target: clusterTarget(), replicas: -1 }))).rejects.toThrow(
            SpectrumValidationError,
        );
    });
});
