import * as k8s from "@pulumi/kubernetes";
import { FlinkJob, FlinkOperator } from "../../components/flink";
import { LandingZone } from "../../components/landing-zone";
import { KafkaConnection } from "../../components/core";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";

type ParsedStatement = ReturnType<typeof policyStatements>[number];
import { OIDC_ARN, clusterTarget, deploymentOf, existingOperator, specOf, types } from "./fixtures";

const EXAMPLE_JAR = "local:///opt/flink/examples/streaming/StateMachineExample.jar";
const CLUSTER_ARN = "arn:aws:kafka:us-east-1:123456789012:cluster/events/6d8b0c2e-1111-2222-3333-444455556666-2";

const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe("FlinkJob", () => {
    let graph: ResourceGraph;
    let bucket: string;
    let orders: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const target = clusterTarget();
            const zone = new LandingZone("lz", {});
            const operator = new FlinkOperator("flink", { target });
            new FlinkJob("orders", { operator, storage: zone, flinkVersion: "1.20.3", jarUri: EXAMPLE_JAR });
            const kafka: KafkaConnection = {
                bootstrapServers: "b-1.events:9098,b-2.events:9098",
                authMode: "iam",
                clusterArn: CLUSTER_ARN,
            };
            // Something the caller orders the job after (its topics, say).
            const upstream = new k8s.core.v1.ConfigMap(
                "upstream",
                { metadata: { name: "upstream", namespace: "streaming" } },
                { provider: target.provider },
            );
            new FlinkJob(
                "enricher",
                {
                    operator: existingOperator(target, ["flink", "streaming"]),
                    storage: zone,
                    namespace: "streaming",
                    deploymentName: "orders-enricher",
                    flinkVersion: "2.1.1",
                    jarUri: "s3://artifacts/enricher-1.0.jar",
                    entryClass: "com.example.Enricher",
                    args: ["--mode", "prod"],
                    parallelism: 4,
                    taskSlots: 4,
                    jobManager: { replicas: 2, memory: "2g" },
                    taskManager: { cpu: 2, memory: "4Gi", replicas: 1 },
                    upgradeMode: "last-state",
                    checkpointIntervalSeconds: 30,
                    savepointIntervalHours: 0,
                    autoscaler: { utilizationTarget: 0.6, maxParallelism: 120 },
                    writesFilesToS3: true,
                    storageAccess: [
                        { access: "read", area: "raw", path: "orders" },
                        { access: "write", area: "curated", path: "orders-enriched" },
                    ],
                    kafka: {
                        connection: kafka,
                        access: {
                            readTopics: ["orders"],
                            writeTopics: ["orders-enriched"],
                            consumerGroups: ["orders-enricher"],
                            transactionalIds: ["orders-enricher-*"],
                        },
                    },
                    env: { APP_ENV: "prod" },
                    flinkConfiguration: { "execution.checkpointing.timeout": "5 min", "state.backend.rocksdb.localdir": "/data/rocksdb" },
                    protect: false,
                },
                { dependsOn: [upstream] },
            );
            new FlinkJob("pods", {
                operator: existingOperator(target),
                storage: zone,
                flinkVersion: "1.19.2",
                jarUri: EXAMPLE_JAR,
                identity: "pod-identity",
                upgradeMode: "stateless",
                highAvailability: false,
            });
            return { bucket: zone.bucketName };
        });
        bucket = graph.outputs.bucket as string;
        orders = deploymentOf(graph, "orders");
    });

    describe("the FlinkDeployment", () => {
        it("is an application-mode FlinkDeployment named after the job, in the operator's job namespace", () => {
            expect(orders.inputs.apiVersion).toBe("flink.apache.org/v1beta1");
            expect(orders.inputs.kind).toBe("FlinkDeployment");
            expect(orders.inputs.metadata).toMatchObject({
                name: "orders",
                namespace: "flink",
                labels: { "app.kubernetes.io/name": "orders" },
            });
            const spec = specOf(orders);
            expect(spec).toMatchObject({ flinkVersion: "v1_20", image: "flink:1.20.3-java17", mode: "native", serviceAccount: "orders" });
            expect(spec.job).toEqual({ jarURI: EXAMPLE_JAR, args: [], parallelism: 2, upgradeMode: "savepoint", state: "running" });
            expect(spec.jobManager).toEqual({ replicas: 1, resource: { cpu: 0.5, memory: "1600m" } });
            expect(spec.taskManager).toEqual({ resource: { cpu: 1, memory: "2048m" } });
        });

        it("keeps RocksDB state with incremental exactly-once checkpoints under the job's own prefix, in Flink 1.20 spelling", () => {
            const prefix = `s3://${bucket}/checkpoints/flink/orders`;
            expect(specOf(orders).flinkConfiguration).toMatchObject({
                "state.backend.type": "rocksdb",
                "execution.checkpointing.incremental": "true",
                "execution.checkpointing.interval": "60 s",
                "execution.checkpointing.mode": "EXACTLY_ONCE",
                "execution.checkpointing.externalized-checkpoint-retention": "RETAIN_ON_CANCELLATION",
                "execution.checkpointing.dir": `${prefix}/checkpoints/`,
                "execution.checkpointing.savepoint-dir": `${prefix}/savepoints/`,
                "execution.checkpointing.num-retained": "3",
                "high-availability.type": "kubernetes",
                "high-availability.storageDir": `${prefix}/ha/`,
                "pipeline.max-parallelism": "720",
            });
        });

        it("takes a savepoint on deletion and every 6 hours, and upgrades through savepoints", () => {
            expect(specOf(orders).flinkConfiguration).toMatchObject({
                "kubernetes.operator.job.savepoint-on-deletion": "true",
                "kubernetes.operator.periodic.savepoint.interval": "6 h",
            });
            expect(specOf(orders).job.upgradeMode).toBe("savepoint");
        });

        it("enables the Presto S3 plugin whose jar matches the Flink version exactly, on the main container", () => {
            const main = specOf(orders).podTemplate.spec.containers[0];
            expect(main.name).toBe("flink-main-container");
            expect(main.env).toEqual([{ name: "ENABLE_BUILT_IN_PLUGINS", value: "flink-s3-fs-presto-1.20.3.jar" }]);
        });

        it("runs pods under the restricted profile, kept from node-autoscaler eviction, scraped by Prometheus", () => {
            const template = specOf(orders).podTemplate;
            expect(template.apiVersion).toBe("v1");
            expect(template.kind).toBe("Pod");
            expect(template.spec.securityContext).toEqual({
                runAsNonRoot: true,
                runAsUser: 9999,
                runAsGroup: 9999,
                fsGroup: 9999,
                seccompProfile: { type: "RuntimeDefault" },
            });
            expect(template.spec.containers[0].securityContext).toMatchObject({
                allowPrivilegeEscalation: false,
                capabilities: { drop: ["ALL"] },
                runAsNonRoot: true,
            });
            expect(template.metadata.annotations).toMatchObject({
                "cluster-autoscaler.kubernetes.io/safe-to-evict": "false",
                "karpenter.sh/do-not-disrupt": "true",
                "prometheus.io/scrape": "true",
                "prometheus.io/port": "9249",
            });
            expect(specOf(orders).flinkConfiguration["metrics.reporter.prom.port"]).toBe("9249");
        });

        it("is protected and never deleted before its replacement exists", () => {
            expect(orders.options).toMatchObject({ protect: true, retainOnDelete: true, deleteBeforeReplace: false });
            expect(deploymentOf(graph, "enricher").options).toMatchObject({ protect: false, retainOnDelete: false });
        });
    });

    describe("ordering", () => {
        it("goes cert-manager -> operator -> job, and waits for its identity, RBAC and state guard", () => {
            const certManager = graph.one(types.release, "flink-cert-manager");
            const operator = graph.one(types.release, "flink-release");
            expect(graph.dependsOn(operator, certManager)).toBe(true);
            expect(graph.dependsOn(orders, operator)).toBe(true);
            expect(graph.dependsOn(orders, certManager)).toBe(true);
            for (const [type, name] of [
                [types.serviceAccount, "orders-service-account"],
                [types.roleBinding, "orders-rbac-binding"],
                [types.iamRole, "orders-role"],
                [types.iamPolicy, "orders-policy"],
                [types.guard, "orders-state-guard"],
            ]) {
                expect(graph.dependsOn(orders, graph.one(type, name), { transitive: false })).toBe(true);
            }
        });

        it("creates the service account only once the operator (and its namespaces) exist", () => {
            expect(
                graph.dependsOn(graph.one(types.serviceAccount, "orders-service-account"), graph.one(types.release, "flink-release")),
            ).toBe(true);
        });

        it("passes the component's own dependsOn to its Kubernetes objects (Pulumi does not)", () => {
            const upstream = graph.one("kubernetes:core/v1:ConfigMap", "upstream");
            for (const [type, name] of [
                [types.flinkDeployment, "enricher-deployment"],
                [types.serviceAccount, "enricher-service-account"],
                [types.role, "enricher-rbac-role"],
            ]) {
                expect(graph.dependsOn(graph.one(type, name), upstream, { transitive: false })).toBe(true);
            }
        });
    });

    describe("identity and access", () => {
        let statements: ParsedStatement[];
        beforeAll(() => {
            statements = policyStatements(graph.one(types.iamPolicy, "orders-policy"));
        });

        it("lets exactly the job's service account assume its role through IRSA", () => {
            const trust = policyStatements(graph.one(types.iamRole, "orders-role"));
            expect(trust).toHaveLength(1);
            expect(trust[0]).toMatchObject({
                Effect: "Allow",
                Action: "sts:AssumeRoleWithWebIdentity",
                Principal: { Federated: OIDC_ARN },
            });
            const conditions = trust[0].Condition?.StringEquals ?? {};
            expect(Object.values(conditions)).toEqual(expect.arrayContaining(["system:serviceaccount:flink:orders", "sts.amazonaws.com"]));
            const sa = graph.one(types.serviceAccount, "orders-service-account");
            expect(sa.inputs.metadata).toMatchObject({
                name: "orders",
                namespace: "flink",
                annotations: { "eks.amazonaws.com/role-arn": expect.stringContaining(":role/orders-role") },
            });
        });

        it("scopes S3 access to the job's own state prefix and nothing else", () => {
            const objectResources = statements
                .filter((s) => asArray(s.Action).includes("s3:PutObject"))
                .flatMap((s) => asArray(s.Resource));
            expect(objectResources).toEqual([`arn:aws:s3:::${bucket}/checkpoints/flink/orders/*`]);
            const listing = statements.find((s) => asArray(s.Action).includes("s3:ListBucket"));
            expect(listing?.Condition?.StringLike?.["s3:prefix"]).toEqual(["checkpoints/flink/orders", "checkpoints/flink/orders/*"]);
            for (const s of statements) {
                // Never a wildcard resource, never every object of the bucket.
                for (const r of asArray(s.Resource)) expect(r).not.toMatch(/^\*$|^arn:aws:s3:::[^/]+\/\*$/);
                expect(asArray(s.Action).every((a) => !a.endsWith(":*"))).toBe(true);
            }
            expect(statements.some((s) => asArray(s.Action).some((a) => a.startsWith("kafka")))).toBe(false);
        });

        it("adds the declared landing-zone locations and exactly the declared Kafka resources for IAM auth", () => {
            const enricher = policyStatements(graph.one(types.iamPolicy, "enricher-policy"));
            const resources = enricher.flatMap((s) => asArray(s.Resource));
            expect(resources).toEqual(
                expect.arrayContaining([
                    `arn:aws:s3:::${bucket}/checkpoints/streaming/orders-enricher/*`,
                    `arn:aws:s3:::${bucket}/raw/orders/*`,
                    `arn:aws:s3:::${bucket}/curated/orders-enriched/*`,
                    CLUSTER_ARN,
                    CLUSTER_ARN.replace(":cluster/", ":topic/") + "/orders",
                    CLUSTER_ARN.replace(":cluster/", ":topic/") + "/orders-enriched",
                    CLUSTER_ARN.replace(":cluster/", ":group/") + "/orders-enricher",
                    CLUSTER_ARN.replace(":cluster/", ":transactional-id/") + "/orders-enricher-*",
                ]),
            );
            const writes = enricher.filter((s) => asArray(s.Action).includes("s3:PutObject")).flatMap((s) => asArray(s.Resource));
            expect(writes.sort()).toEqual(
                [
                    `arn:aws:s3:::${bucket}/checkpoints/streaming/orders-enricher/*`,
                    `arn:aws:s3:::${bucket}/curated/orders-enriched/*`,
                ].sort(),
            );
            const env = specOf(deploymentOf(graph, "enricher")).podTemplate.spec.containers[0].env;
            expect(env).toContainEqual({ name: "KAFKA_BOOTSTRAP_SERVERS", value: "b-1.events:9098,b-2.events:9098" });
            expect(env).toContainEqual({ name: "APP_ENV", value: "prod" });
        });

        it("uses an EKS Pod Identity association instead of an annotation when asked", () => {
            const association = graph.one(types.podIdentity, "pods-pod-identity");
            expect(association.inputs).toMatchObject({ clusterName: "dev-cluster", namespace: "flink", serviceAccount: "pods" });
            const sa = graph.one(types.serviceAccount, "pods-service-account");
            expect((sa.inputs.metadata as { annotations?: Record<string, string> }).annotations ?? {}).toEqual({});
            expect(policyStatements(graph.one(types.iamRole, "pods-role"))[0]).toMatchObject({
                Principal: { Service: "pods.eks.amazonaws.com" },
            });
            // Pods started before the association exists get no credentials until they restart.
            expect(graph.dependsOn(deploymentOf(graph, "pods"), association, { transitive: false })).toBe(true);
            expect(graph.dependsOn(sa, association, { transitive: false })).toBe(true);
        });

        it("grants the JobManager what native Kubernetes and HA need in its namespace only", () => {
            const role = graph.one(types.role, "orders-rbac-role");
            expect(role.inputs.metadata).toMatchObject({ name: "orders", namespace: "flink" });
            expect(role.inputs.rules).toEqual([
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
            ]);
            const binding = graph.one(types.roleBinding, "orders-rbac-binding");
            expect(binding.inputs).toMatchObject({
                roleRef: { kind: "Role", name: "orders" },
                subjects: [{ kind: "ServiceAccount", name: "orders", namespace: "flink" }],
            });
        });
    });

    describe("a tuned job (Flink 2.1, autoscaler, Hadoop plugin, last-state)", () => {
        let spec: ReturnType<typeof specOf>;
        beforeAll(() => {
            spec = specOf(deploymentOf(graph, "enricher"));
        });

        it("passes the job's typed args through", () => {
            expect(deploymentOf(graph, "enricher").inputs.metadata).toMatchObject({ name: "orders-enricher", namespace: "streaming" });
            expect(spec.flinkVersion).toBe("v2_1");
            expect(spec.job).toEqual({
                jarURI: "s3://artifacts/enricher-1.0.jar",
                entryClass: "com.example.Enricher",
                args: ["--mode", "prod"],
                parallelism: 4,
                upgradeMode: "last-state",
                state: "running",
            });
            expect(spec.jobManager).toEqual({ replicas: 2, resource: { cpu: 0.5, memory: "2g" } });
            expect(spec.taskManager).toEqual({ replicas: 1, resource: { cpu: 2, memory: "4Gi" } });
        });

        it("turns on the autoscaler with current keys, the adaptive scheduler and a composite max parallelism", () => {
            expect(spec.flinkConfiguration).toMatchObject({
                "job.autoscaler.enabled": "true",
                "job.autoscaler.utilization.target": "0.6",
                "job.autoscaler.vertex.max-parallelism": "120",
                "job.autoscaler.vertex.min-parallelism": "1",
                "jobmanager.scheduler": "adaptive",
                "pipeline.max-parallelism": "720",
            });
            expect(Object.keys(spec.flinkConfiguration).some((k) => k.startsWith("kubernetes.operator.job.autoscaler"))).toBe(false);
        });

        it("loads the Hadoop S3 plugin for file sinks, with the web-identity provider IRSA needs", () => {
            expect(spec.podTemplate.spec.containers[0].env[0]).toEqual({
                name: "ENABLE_BUILT_IN_PLUGINS",
                value: "flink-s3-fs-hadoop-2.1.1.jar",
            });
            expect(spec.flinkConfiguration["fs.s3a.aws.credentials.provider"]).toBe(
                "com.amazonaws.auth.WebIdentityTokenCredentialsProvider",
            );
        });

        it("lets the user tune defaults and add keys, but keeps periodic savepoints off when asked", () => {
            expect(spec.flinkConfiguration["execution.checkpointing.timeout"]).toBe("5 min");
            expect(spec.flinkConfiguration["state.backend.rocksdb.localdir"]).toBe("/data/rocksdb");
            expect(spec.flinkConfiguration["execution.checkpointing.interval"]).toBe("30 s");
            expect(spec.flinkConfiguration["execution.checkpointing.min-pause"]).toBe("15 s");
            expect(spec.flinkConfiguration["kubernetes.operator.periodic.savepoint.interval"]).toBeUndefined();
            expect(spec.flinkConfiguration["kubernetes.operator.job.savepoint-on-deletion"]).toBe("true");
        });
    });

    it("drops HA and savepoints for a stateless job without HA", () => {
        const config = specOf(deploymentOf(graph, "pods")).flinkConfiguration;
        expect(config["high-availability.type"]).toBeUndefined();
        expect(config["kubernetes.operator.job.savepoint-on-deletion"]).toBeUndefined();
        expect(config["state.checkpoints.dir"]).toContain("/checkpoints/flink/pods/checkpoints/");
    });

    it("names every child after the job and parents it to the component", () => {
        const component = graph.one(types.job, "orders");
        expect(
            graph
                .childrenOf(component)
                .map((r) => `${r.type.split(":").pop()}/${r.name}`)
                .sort(),
        ).toEqual([
            "FlinkDeployment/orders-deployment",
            "FlinkStateGuard/orders-state-guard",
            "Role/orders-rbac-role",
            "Role/orders-role",
            "RoleBinding/orders-rbac-binding",
            "RolePolicy/orders-policy",
            "ServiceAccount/orders-service-account",
        ]);
        const provider = graph.one("pulumi:providers:kubernetes").urn;
        for (const r of graph.childrenOf(component).filter((c) => c.type.startsWith("kubernetes:"))) expect(r.provider).toBe(provider);
    });
});
