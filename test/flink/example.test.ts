import { existingClusterCalls as calls } from "../existing-clusters";
import { ResourceGraph, policyStatements, runProgram } from "../../testing";
import { OIDC_ARN, deploymentOf, specOf, types } from "./fixtures";

// The example's module is its program (`export =`), as Pulumi runs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to import an `export =` module
import program = require("../../examples/flink-job");

describe("examples/flink-job", () => {
    let graph: ResourceGraph;

    beforeAll(async () => {
        graph = await runProgram(program, {
            project: "spectrum-flink-job",
            config: { "spectrum-flink-job:clusterName": "dev-cluster", "spectrum-flink-job:protect": "false" },
            calls,
        });
    });

    it("installs the operator with cert-manager and runs the bundled example job against the existing cluster", () => {
        expect(graph.one(types.release, "flink-release").inputs.chart).toContain("flink-kubernetes-operator-1.15.0-helm.tgz");
        expect(graph.one(types.release, "flink-cert-manager")).toBeDefined();
        const spec = specOf(deploymentOf(graph, "state-machine"));
        expect(spec.job.jarURI).toBe("local:///opt/flink/examples/streaming/StateMachineExample.jar");
        expect(spec.image).toBe("flink:1.20.3-java17");
        expect(spec.flinkVersion).toBe("v1_20");
        const provider = graph.one("pulumi:providers:kubernetes");
        expect(JSON.parse(provider.inputs.kubeconfig as string).users[0].user.exec.args).toEqual([
            "eks",
            "get-token",
            "--cluster-name",
            "dev-cluster",
            "--output",
            "json",
        ]);
        expect(deploymentOf(graph, "state-machine").provider).toBe(provider.urn);
    });

    it("trusts the cluster's OIDC provider for the job's role, and honours protect: false", () => {
        expect(policyStatements(graph.one(types.iamRole, "state-machine-role"))[0].Principal).toEqual({ Federated: OIDC_ARN });
        expect(deploymentOf(graph, "state-machine").options.protect).toBe(false);
        expect(graph.outputs.watch).toBe("kubectl -n flink get flinkdeployment state-machine -w");
        expect(graph.outputs.stateUri).toMatch(/^s3:\/\/lake-data-[0-9a-f]+\/checkpoints\/flink\/state-machine\/$/);
    });
});
