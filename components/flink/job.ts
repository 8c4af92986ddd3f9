import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { requirePeer } from "../core/optional-peers";
import { Storage } from "../core/contracts";
import { dependsOnAll } from "../core/depends-on";
import { PolicyStatement } from "../core/iam";
import { kafkaIamStatements } from "../core/kafka-access";
import { dataProtection } from "../core/protection";
import { awsTags, k8sLabels } from "../core/tags";
import { workloadRole } from "../core/workload-identity";
import { buildFlinkConfig, mergeFlinkConfig } from "./flink-config";
import { FlinkJobArgs, FlinkJobSettings } from "./job-args";
import { COMPONENT, flinkJobSettings } from "./job-validate";
import { foreignSavepointPath, stateLocations } from "./state-locations";
import { podTemplate } from "./pod-template";
import { FlinkDeployment } from "./crd/flink-deployment";
import { FlinkStateGuard } from "./state-guard";
import { childNameClaim, clashRegistry } from "../core/clashes";

/**
 * One Flink application on Kubernetes: a `FlinkDeployment` in application mode run by the Flink
 * Kubernetes Operator, with its state (RocksDB, incremental exactly-once checkpoints, savepoints,
 * HA metadata) under its own prefix of the landing zone's checkpoint area, an IAM role that may
 * touch only that prefix plus what the job declares, and restricted pods.
 *
 * The FlinkDeployment is protected, and a change that would replace it or move its state fails
 * the preview with a recipe for migrating through a savepoint (see the README).
 */
export class FlinkJob extends pulumi.ComponentResource {
    /** Name of the FlinkDeployment (also the service account's). */
    readonly deploymentName: string;
    /** Namespace of the FlinkDeployment. */
    readonly namespace: string;
    /** `s3://` prefix holding all of the job's state. */
    readonly stateUri: pulumi.Output<string>;
    /** Where checkpoints go. */
    readonly checkpointsUri: pulumi.Output<string>;
    /** Where savepoints go (periodic, on upgrade, on deletion). */
    readonly savepointsUri: pulumi.Output<string>;
    /** ARN of the job's IAM role. */
    readonly roleArn: pulumi.Output<string>;
    /** The FlinkDeployment custom resource. */
    readonly deployment: k8s.apiextensions.CustomResource;

    constructor(name: string, args: FlinkJobArgs, opts?: pulumi.ComponentResourceOptions) {
        // A missing peer SDK is told first: without it no KubernetesTarget can be built.
        const k8s = requirePeer("@pulumi/kubernetes", `${COMPONENT} "${name}"`);
        // Checked before super(): a rejected job registers nothing, not even itself.
        const s = flinkJobSettings(name, args);
        const state = stateLocations(s.storage, s);
        // Validation guarantees the storage accepts the state prefix; the narrowing is for the compiler.
        if (!state) throw new Error(`${COMPONENT} "${name}": unreachable`);
        const storage = s.storage;
        const target = s.operator.target;
        const area = storage.checkpointArea;
        clashRegistry().claimAll([
            {
                kind: "flink-deployment-name",
                identity: `${s.namespace}/${s.deploymentName}`,
                who: { component: COMPONENT, name, field: "deploymentName" },
                scope: target,
            },
            {
                kind: "flink-state-prefix",
                identity: storage.keyPrefix(area, s.statePath),
                who: { component: COMPONENT, name, field: "statePath" },
                scope: storage,
            },
            childNameClaim(COMPONENT, name, opts?.parent),
        ]);
        super(`spectrum:index:${COMPONENT}`, name, {}, opts);
        const parts = buildFlinkConfig(s, s.version, state);

        this.deploymentName = s.deploymentName;
        this.namespace = s.namespace;
        this.stateUri = storage.uri(area, s.statePath);
        this.checkpointsUri = pulumi.output(state.checkpoints);
        this.savepointsUri = pulumi.output(state.savepoints);

        const labels = k8sLabels(s.deploymentName, "flink-job", s.labels);
        const k8sOpts = { parent: this, provider: target.provider };
        // Pulumi does not pass a component's dependsOn to its children: what the caller orders the
        // job after (its topics, say) joins the operator's readiness on every Kubernetes object.
        const ready = [...s.operator.readyResources];
        const waitFor = (...more: pulumi.Resource[]) => dependsOnAll(opts?.dependsOn, ...ready, ...more);

        const identity = workloadRole(
            name,
            {
                target,
                mode: s.identity,
                namespace: s.namespace,
                serviceAccount: s.deploymentName,
                statements: this.statements(storage, s),
                tags: awsTags(COMPONENT, s.tags),
            },
            this,
        );
        this.roleArn = identity.role.arn;

        const metadata = { name: s.deploymentName, namespace: s.namespace, labels };
        const serviceAccount = new k8s.core.v1.ServiceAccount(
            `${name}-service-account`,
            { metadata: { ...metadata, annotations: identity.serviceAccountAnnotations } },
            { ...k8sOpts, dependsOn: waitFor(...identity.ready) },
        );
        // What the JobManager needs in its namespace: TaskManager pods, HA ConfigMaps, and its own Deployment (owner references).
        const rbacRole = new k8s.rbac.v1.Role(
            `${name}-rbac-role`,
            {
                metadata,
                rules: [
                    {
                        apiGroups: [""],
                        resources: ["pods", "configmaps"],
                        verbs: ["get", "list", "watch", "create", "update", "patch", "delete"],
                    },
                    {
                        apiGroups: ["apps"],
                        resources: ["deployments", "deployments/finalizers"],
                        verbs: ["get", "list", "watch", "create", "update", "patch", "delete"],
                    },
                ],
            },
            { ...k8sOpts, dependsOn: waitFor() },
        );
        const rbacBinding = new k8s.rbac.v1.RoleBinding(
            `${name}-rbac-binding`,
            {
                metadata,
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: rbacRole.metadata.name },
                subjects: [{ kind: "ServiceAccount", name: serviceAccount.metadata.name, namespace: s.namespace }],
            },
            k8sOpts,
        );

        const guard = new FlinkStateGuard(
            `${name}-state-guard`,
            {
                component: name,
                namespace: s.namespace,
                deploymentName: s.deploymentName,
                stateBucket: storage.bucketName,
                stateKeyPrefix: storage.keyPrefix(area, s.statePath),
                initialSavepointPath: s.initialSavepointPath ?? "",
                allowStateReset: s.allowStateReset,
            },
            { parent: this },
        );

        const env = { ...s.env, ...(s.kafka ? { KAFKA_BOOTSTRAP_SERVERS: s.kafka.connection.bootstrapServers } : {}) };
        const deployment: FlinkDeployment = {
            apiVersion: "flink.apache.org/v1beta1",
            kind: "FlinkDeployment",
            metadata,
            spec: {
                image: s.image,
                imagePullPolicy: "IfNotPresent",
                flinkVersion: s.version.crd,
                mode: "native",
                serviceAccount: s.deploymentName,
                flinkConfiguration: mergeFlinkConfig(parts, s.flinkConfiguration),
                podTemplate: podTemplate({ version: s.version, s3Plugin: s.s3Plugin, metricsPort: s.metricsPort, labels, env }),
                jobManager: { replicas: s.jobManager.replicas, resource: { cpu: s.jobManager.cpu, memory: s.jobManager.memory } },
                taskManager: {
                    resource: { cpu: s.taskManager.cpu, memory: s.taskManager.memory },
                    ...(s.taskManager.replicas !== undefined ? { replicas: s.taskManager.replicas } : {}),
                },
                job: {
                    jarURI: s.jarUri,
                    ...(s.entryClass ? { entryClass: s.entryClass } : {}),
                    args: s.args,
                    parallelism: s.parallelism,
                    upgradeMode: s.upgradeMode,
                    state: s.state,
                    ...(s.initialSavepointPath ? { initialSavepointPath: s.initialSavepointPath } : {}),
                    ...(s.allowNonRestoredState ? { allowNonRestoredState: true } : {}),
                    ...(s.savepointTriggerNonce !== undefined ? { savepointTriggerNonce: s.savepointTriggerNonce } : {}),
                },
            },
        };
        this.deployment = new k8s.apiextensions.CustomResource(
            `${name}-deployment`,
            { ...deployment },
            {
                ...k8sOpts,
                ...dataProtection(s.protect),
                // Never delete the running job before its replacement exists.
                deleteBeforeReplace: false,
                dependsOn: waitFor(serviceAccount, rbacBinding, ...identity.ready, guard),
            },
        );

        this.registerOutputs({
            deploymentName: this.deploymentName,
            namespace: this.namespace,
            stateUri: this.stateUri,
            checkpointsUri: this.checkpointsUri,
            savepointsUri: this.savepointsUri,
            roleArn: this.roleArn,
        });
    }

    /** The role's statements: the job's own state prefix, a foreign savepoint it starts from, declared storage and Kafka. */
    private statements(storage: Storage, s: FlinkJobSettings): PolicyStatement[] {
        const area = storage.checkpointArea;
        const foreign = foreignSavepointPath(storage, s);
        const kafka = s.kafka;
        return [
            ...storage.grant("write", area, s.statePath),
            ...(foreign ? storage.grant("read", area, foreign) : []),
            ...s.storageAccess.flatMap((g) => storage.grant(g.access, g.area, g.path)),
            ...(kafka && kafka.connection.authMode === "iam" && kafka.connection.clusterArn
                ? kafkaIamStatements(kafka.connection.clusterArn, kafka.access)
                : []),
        ];
    }
}
