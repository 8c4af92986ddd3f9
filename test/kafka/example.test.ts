import { MSK_ARN, OIDC_ARN, existingClusterCalls as calls } from "../existing-clusters";
import { ResourceGraph, policyStatements, runProgram } from "../../testing";
import { expectProblem } from "./helpers";
import { SpectrumValidationError } from "../../components/core";
// The example's module is its program (`export =`), as Pulumi runs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to import an `export =` module
import program = require("../../examples/kafka-streams");

const baseConfig = {
    "spectrum-kafka-streams:eksClusterName": "dev-cluster",
    "spectrum-kafka-streams:mskClusterName": "dev-events",
    "spectrum-kafka-streams:mskBrokerCount": "3",
    "spectrum-kafka-streams:image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-enricher:1.0.0",
    "spectrum-kafka-streams:protect": "false",
};

describe("examples/kafka-streams", () => {
    let graph: ResourceGraph;

    beforeAll(async () => {
        graph = await runProgram(program, { project: "spectrum-kafka-streams", config: baseConfig, calls });
    });

    it("creates the topics on the existing MSK cluster through the MSK API", () => {
        const topics = graph.ofType("aws:msk/topic:Topic");
        expect(topics.map((t) => t.inputs.name).sort()).toEqual(["customers.v1", "orders-enriched.v1", "orders.v1"]);
        for (const t of topics) expect(t.inputs).toMatchObject({ clusterArn: MSK_ARN, partitionCount: 12, replicationFactor: 3 });
        expect(graph.outputs.kafkaTopics).toMatchObject({ "orders.v1": { name: "orders.v1", partitions: 12, replicationFactor: 3 } });
    });

    it("deploys the Streams app into a restricted namespace it waits for, with an IRSA role on the cluster's OIDC provider", () => {
        const ns = graph.one("kubernetes:core/v1:Namespace");
        const sts = graph.one("kubernetes:apps/v1:StatefulSet");
        expect(sts.dependencies).toContain(ns.urn);
        expect((sts.inputs.metadata as Record<string, unknown>).namespace).toBe("streams");
        const role = graph.one("aws:iam/role:Role", "orders-enricher-role");
        expect(policyStatements(role)[0].Principal).toEqual({ Federated: OIDC_ARN });
        const resources = policyStatements(graph.one("aws:iam/rolePolicy:RolePolicy", "orders-enricher-policy")).flatMap(
            (s) => s.Resource as string[],
        );
        expect(resources).toContain("arn:aws:kafka:us-east-1:123456789012:topic/dev-events/1111-2222-3/orders.v1");
        expect(graph.one("kubernetes:keda.sh/v1alpha1:ScaledObject").inputs.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 6 });
        expect(graph.outputs.watch).toBe("kubectl -n streams get statefulset,scaledobject orders-enricher");
    });

    it("refuses, at preview, shrinking a topic recorded in deployedTopics", async () => {
        const deployed = JSON.stringify({ "orders.v1": { name: "orders.v1", partitions: 24, replicationFactor: 3 } });
        const run = runProgram(program, {
            project: "spectrum-kafka-streams",
            config: { ...baseConfig, "spectrum-kafka-streams:deployedTopics": deployed },
            calls,
        });
        const error = await run.then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(SpectrumValidationError);
        expectProblem(
            [...(error as SpectrumValidationError).problems],
            'KafkaTopics "events": topics["orders.v1"].partitions = 12',
            "has 24 partitions",
            "Keep 24 or more",
        );
    });
});
