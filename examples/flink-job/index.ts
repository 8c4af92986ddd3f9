import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { FlinkJob, FlinkOperator, KubernetesTarget, LandingZone } from "pulumi-spectrum";

/**
 * The Flink Kubernetes Operator on an EKS cluster you already run, and the operator's bundled
 * example streaming job (a state machine over generated events, shipped inside the Flink image)
 * running with exactly-once checkpoints and savepoints in a landing zone.
 *
 * Config: `clusterName` (required), `flinkVersion` (default 1.20.3), `protect` (default true;
 * false for throwaway stacks).
 */
export = async () => {
    const config = new pulumi.Config();
    const clusterName = config.require("clusterName");
    const flinkVersion = config.get("flinkVersion") ?? "1.20.3";
    const protect = config.getBoolean("protect") ?? true;

    // The cluster is looked up, not managed here: its OIDC issuer gives IRSA, and kubectl's
    // usual `aws eks get-token` gives the provider its credentials.
    const cluster = aws.eks.getClusterOutput({ name: clusterName });
    const issuer = cluster.identities.apply((ids) => ids[0].oidcs[0].issuer);
    const oidcProvider = aws.iam.getOpenIdConnectProviderOutput({ url: issuer });
    const kubeconfig = pulumi.jsonStringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [
            {
                name: clusterName,
                cluster: {
                    server: cluster.endpoint,
                    "certificate-authority-data": cluster.certificateAuthorities.apply((cas) => cas[0].data),
                },
            },
        ],
        contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
        "current-context": clusterName,
        users: [
            {
                name: clusterName,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", clusterName, "--output", "json"],
                    },
                },
            },
        ],
    });
    const target: KubernetesTarget = {
        provider: new k8s.Provider("cluster", { kubeconfig }),
        clusterName,
        oidcProviderArn: oidcProvider.arn,
        oidcProviderUrl: issuer,
    };

    const zone = new LandingZone("lake", { protect });
    // cert-manager, the operator watching the `flink` namespace, leader election for a standby.
    const operator = new FlinkOperator("flink", { target, replicas: 2 });

    const job = new FlinkJob("state-machine", {
        operator,
        storage: zone,
        flinkVersion,
        jarUri: "local:///opt/flink/examples/streaming/StateMachineExample.jar",
        parallelism: 2,
        protect,
    });

    return {
        operatorNamespace: operator.namespace,
        jobNamespace: job.namespace,
        deployment: job.deploymentName,
        stateUri: job.stateUri,
        savepointsUri: job.savepointsUri,
        jobRoleArn: job.roleArn,
        watch: pulumi.interpolate`kubectl -n ${job.namespace} get flinkdeployment ${job.deploymentName} -w`,
    };
};
