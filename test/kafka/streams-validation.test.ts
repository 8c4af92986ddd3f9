import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { KafkaConnection, KubernetesTarget } from "../../components/core";
import { KafkaStreamsApp, KafkaStreamsAppArgs } from "../../components/kafka";
import { runProgram } from "../../testing";
import { imageTag } from "../../components/kafka/streams-app-validate";
import { expectProblem, problemsOf } from "./helpers";

const msk: KafkaConnection = {
    bootstrapServers: "b-1:9098",
    authMode: "iam",
    clusterArn: "arn:aws:kafka:us-east-1:123456789012:cluster/events/abcd-1",
    brokerCount: 3,
};

describe("KafkaStreamsApp validation", () => {
    let target: KubernetesTarget;
    beforeAll(() => {
        pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) });
        target = {
            provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
            oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/x",
            oidcProviderUrl: "https://x",
        };
    });
    const app = (over: Partial<KafkaStreamsAppArgs>) => () =>
        new KafkaStreamsApp("app", { connection: msk, target, image: "app:1.0", inputTopics: ["in"], ...over });

    it("refuses a stateful app on MSK Express brokers and MSK Serverless, which refuse Streams' internal topics", () => {
        for (const mskFlavour of ["express", "serverless"] as const) {
            expectProblem(
                problemsOf(app({ connection: { ...msk, mskFlavour } })),
                'KafkaStreamsApp "app": stateful = true',
                "segment.bytes",
                "Standard brokers",
            );
        }
        expect(() => app({ connection: { ...msk, mskFlavour: "express" }, stateful: false })()).not.toThrow();
    });

    it("refuses images without a tag or digest, and :latest", () => {
        expectProblem(
            problemsOf(app({ image: "registry.internal:5000/app" })),
            'KafkaStreamsApp "app": image = "registry.internal:5000/app"',
            "without a tag or digest",
            "Pin it",
        );
        expectProblem(problemsOf(app({ image: "app:latest" })), 'image = "app:latest"', "`latest` moves", "version tag or a digest");
    });

    it("reads tags past a registry port and digests", async () => {
        expect(imageTag("registry.internal:5000/team/app:2.1")).toBe("2.1");
        expect(imageTag("registry.internal:5000/team/app")).toBeUndefined();
        expect(imageTag(`app:latest@sha256:${"b".repeat(64)}`)).toBe("latest");
        // A digest pins the image whatever the tag says.
        const graph = await runProgram(app({ image: `app:latest@sha256:${"b".repeat(64)}` }));
        expect(graph.ofType("kubernetes:apps/v1:StatefulSet")).toHaveLength(1);
    });

    it("refuses exactly-once with internal topics below 3 replicas, and removed guarantees", () => {
        expectProblem(
            problemsOf(app({ replicationFactor: 2 })),
            "replicationFactor = 2",
            "exactly-once needs",
            'Use 3, or processingGuarantee "at_least_once"',
        );
        expectProblem(
            problemsOf(app({ processingGuarantee: "exactly_once" as "exactly_once_v2" })),
            'processingGuarantee = "exactly_once"',
            "removed in Kafka 4",
            "exactly_once_v2",
        );
        expectProblem(problemsOf(app({ replicationFactor: 4 })), "replicationFactor = 4", "only 3 brokers");
    });

    it("refuses the old cooldownSeconds (it never governed scale-in) and a scale-out window the HPA rejects", () => {
        const problems = problemsOf(
            app({
                autoscaling: { maxReplicas: 3, scaleOutAfterSeconds: 7200, cooldownSeconds: 300 } as unknown as { maxReplicas: number },
            }),
        );
        expectProblem(problems, "autoscaling.scaleOutAfterSeconds = 7200", "0 to 3600");
        expectProblem(
            problems,
            "autoscaling.cooldownSeconds = 300",
            "only governs scaling to zero",
            "scale in by lowering autoscaling.maxReplicas",
        );
    });

    it("refuses autoscaling to zero and a maximum below the minimum", () => {
        expectProblem(
            problemsOf(app({ autoscaling: { minReplicas: 0, maxReplicas: 3 } })),
            "autoscaling.minReplicas = 0",
            "never scale to zero",
            "Use 1 or more",
        );
        expectProblem(
            problemsOf(app({ autoscaling: { minReplicas: 3, maxReplicas: 2 } })),
            "autoscaling.maxReplicas = 2",
            "at least minReplicas (3)",
        );
    });

    it("refuses a grace period not above the close timeout", () => {
        expectProblem(
            problemsOf(app({ closeTimeoutSeconds: 60, terminationGracePeriodSeconds: 60 })),
            "terminationGracePeriodSeconds = 60",
            "must exceed closeTimeoutSeconds (60)",
            "Use 90 or more",
        );
    });

    it("refuses properties set from other arguments, naming the argument to use", () => {
        const problems = problemsOf(app({ properties: { "application.id": "x", "sasl.jaas.config": "y", "state.dir": "/tmp" } }));
        expectProblem(problems, 'properties["application.id"] = "x"', "Use applicationId instead");
        expectProblem(problems, 'properties["sasl.jaas.config"] = "y"', "Use connection instead");
        expectProblem(problems, 'properties["state.dir"] = "/tmp"', "state volume");
    });

    it("refuses names Kubernetes or Kafka reject, missing inputs, and internal topics declared as inputs", () => {
        expectProblem(
            problemsOf(app({ kubernetesName: "Orders_App" })),
            'kubernetesName = "Orders_App"',
            "lowercase letters",
            "Pass kubernetesName",
        );
        expectProblem(problemsOf(app({ inputTopics: [] })), "inputTopics = []", "at least one input topic");
        expectProblem(
            problemsOf(app({ applicationId: "app", inputTopics: ["app-store-changelog"] })),
            '"app-store-changelog"',
            "internal topics",
            "Declare only external topics",
        );
        expectProblem(problemsOf(app({ applicationId: "bad/id" })), 'applicationId = "bad/id"', "Rename it");
    });

    it("refuses standbys on a stateless app and bad storage sizes", () => {
        expectProblem(problemsOf(app({ stateful: false, standbyReplicas: 1 })), "standbyReplicas = 1", "stateless", "stateful: true");
        expectProblem(
            problemsOf(app({ stateStorage: { size: "10GB" } })),
            'stateStorage.size = "10GB"',
            "not a Kubernetes quantity",
            "10Gi",
        );
    });

    it("refuses IAM without what workload identity and KEDA need", () => {
        const bare = { provider: target.provider };
        const problems = problemsOf(app({ target: bare, autoscaling: { maxReplicas: 3 } }));
        expectProblem(problems, 'target = "irsa"', "oidcProviderArn", "choose the other identity mode");
        expectProblem(problems, 'autoscaling = "iam"', "IRSA", "oidcProviderArn and oidcProviderUrl");
        expectProblem(
            problemsOf(app({ connection: { bootstrapServers: "b:9098", authMode: "iam" } })),
            "connection.clusterArn",
            "IAM auth needs the MSK cluster ARN",
        );
    });

    it("refuses SCRAM without credentials and mutual TLS without a principal for the ACLs", () => {
        expectProblem(
            problemsOf(app({ connection: { bootstrapServers: "b:9096", authMode: "scram" } })),
            "connection.scram",
            "username and password",
        );
        expectProblem(
            problemsOf(
                app({
                    connection: {
                        bootstrapServers: "b:9093",
                        authMode: "tls",
                        tls: { clientCert: "-----BEGIN CERTIFICATE-----", clientKey: "-----BEGIN PRIVATE KEY-----" },
                    },
                }),
            ),
            "aclPrincipal = undefined",
            "cannot be derived",
            "User:CN=",
        );
    });
});

describe("KafkaStreamsApp parallelism warnings", () => {
    it("warns (does not refuse) when replicas x threads exceed the input partitions, and when standbys cannot be placed", async () => {
        const warn = jest.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
        try {
            await runProgram(() => {
                const target = {
                    provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
                    oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/x",
                    oidcProviderUrl: "https://x",
                };
                new KafkaStreamsApp("wide", {
                    connection: msk,
                    target,
                    image: "app:1.0",
                    inputTopics: [{ topicName: "in", partitions: 4 }],
                    replicas: 1,
                    threads: 8,
                });
            });
            const messages = warn.mock.calls.map((c) => String(c[0]));
            expect(
                messages.some((m) => m.includes('KafkaStreamsApp "wide": up to 8 stream threads') && m.includes("for 4 input partitions")),
            ).toBe(true);
            expect(messages.some((m) => m.includes("1 standby replicas need more than 1 pods"))).toBe(true);
        } finally {
            warn.mockRestore();
        }
    });
});
