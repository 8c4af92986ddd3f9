import * as path from "path";
import * as k8s from "@pulumi/kubernetes";
import { MockResourceArgs } from "@pulumi/pulumi/runtime";
import { FlinkJob } from "../../../components/flink";
import { LandingZone } from "../../../components/landing-zone";
import { loadStackConfig, runProgram, runStack, ResourceGraph } from "../../../testing";
import rootProgram from "../../../index";
import { planTargets } from "../../plan-targets";
import { existingClusterCalls as calls } from "../../existing-clusters";
import { OIDC_ARN, OIDC_URL } from "../../existing-clusters";

const root = path.join(__dirname, "..", "..", "..");

/** Something to plan: a stack, an example, or a variant that turns on what no stack file does. */
export interface EngineTarget {
    /** File-name-safe label: `stack-kappa`, `example-spark-batch`, `variant-flink-2.1.1`. */
    label: string;
    /** What it is, for the summary. */
    description: string;
    run(hooks: { outputs: (args: MockResourceArgs) => undefined }): Promise<ResourceGraph>;
}

/** Every stack in stacks/ and every example, planned with its own stack file (the same targets the IAM tests check). */
function stacksAndExamples(): EngineTarget[] {
    return planTargets().map((t) => ({
        label: t.label.replace(/^stacks\/Pulumi\.(.+)\.yaml$/, "stack-$1").replace(/^examples\//, "example-"),
        description: t.label,
        run: (hooks) => runStack(t.program, t.stackFile, { calls, ...hooks }),
    }));
}

/** The Kappa dev stack with Kafka Streams as its processor: the Streams properties no stack file emits. */
function kappaStreams(): EngineTarget {
    const stackFile = path.join(root, "stacks", "Pulumi.kappa.yaml");
    return {
        label: "variant-kappa-streams",
        description: "stacks/Pulumi.kappa.yaml with spectrum:kappa.processor kafka-streams",
        run: (hooks) => {
            const config = loadStackConfig(stackFile, "spectrum");
            const kappa = JSON.parse(config.values["spectrum:kappa"] as string) as Record<string, unknown>;
            kappa.processor = "kafka-streams";
            kappa.landingOutput = undefined;
            kappa.versions = [{ version: "v1", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/enricher:1.0.0" }];
            return runProgram(rootProgram, {
                ...hooks,
                project: "spectrum",
                stack: config.stack,
                config: { ...config.values, "spectrum:kappa": JSON.stringify(kappa) },
                secretKeys: config.secretKeys,
            });
        },
    };
}

/**
 * A FlinkJob with everything that adds configuration keys turned on (HA, savepoint upgrades,
 * periodic savepoints, the autoscaler, the Hadoop S3 plugin with IRSA), for one exact Flink version.
 */
function flinkJobAt(version: string): EngineTarget {
    return {
        label: `variant-flink-${version}`,
        description: `FlinkJob on Flink ${version} with HA, savepoints, autoscaler and the Hadoop S3 plugin`,
        run: (hooks) =>
            runProgram(() => {
                const target = {
                    provider: new k8s.Provider("cluster", { kubeconfig: "{}" }),
                    clusterName: "dev-cluster",
                    oidcProviderArn: OIDC_ARN,
                    oidcProviderUrl: OIDC_URL,
                };
                const zone = new LandingZone("lz", { protect: false });
                new FlinkJob("job", {
                    operator: { target, version: "1.15.0", jobNamespaces: ["flink"], readyResources: [] },
                    storage: zone,
                    flinkVersion: version,
                    jarUri: "local:///opt/flink/examples/streaming/StateMachineExample.jar",
                    jobManager: { replicas: 2 },
                    upgradeMode: "savepoint",
                    autoscaler: { utilizationTarget: 0.6, maxParallelism: 120 },
                    writesFilesToS3: true,
                });
            }, hooks),
    };
}

/** Every target, in a stable order. */
export function engineTargets(flinkVersions: readonly string[]): EngineTarget[] {
    return [...stacksAndExamples(), kappaStreams(), ...flinkVersions.map(flinkJobAt)];
}
