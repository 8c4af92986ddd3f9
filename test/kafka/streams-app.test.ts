import * as crypto from "crypto";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { KafkaConnection, KubernetesTarget } from "../../components/core";
import { KafkaCluster, KafkaStreamsApp, KafkaTopics, externalKafka } from "../../components/kafka";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";
import { parseProperties } from "./helpers";

const T = {
    sts: "kubernetes:apps/v1:StatefulSet",
    svc: "kubernetes:core/v1:Service",
    sa: "kubernetes:core/v1:ServiceAccount",
    cm: "kubernetes:core/v1:ConfigMap",
    secret: "kubernetes:core/v1:Secret",
    pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    scaled: "kubernetes:keda.sh/v1alpha1:ScaledObject",
    triggerAuth: "kubernetes:keda.sh/v1alpha1:TriggerAuthentication",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    acl: "kafka:index/acl:Acl",
    kafkaProvider: "pulumi:providers:kafka",
};
const OIDC = "oidc.eks.us-east-1.amazonaws.com/id/ABC123";
const CERT = "-----BEGIN CERTIFICATE-----\nCERT\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----";
const CA = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----";

function eksTarget(): KubernetesTarget {
    return {
        provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
        clusterName: "platform",
        oidcProviderArn: `arn:aws:iam::123456789012:oidc-provider/${OIDC}`,
        oidcProviderUrl: `https://${OIDC}`,
    };
}

type Obj = Record<string, unknown>;
const spec = (r: PlannedResource) => r.inputs.spec as Obj;
const podSpec = (sts: PlannedResource) => (spec(sts).template as Obj).spec as Obj;
const container = (sts: PlannedResource) => (podSpec(sts).containers as Obj[])[0];
const envOf = (sts: PlannedResource) => Object.fromEntries((container(sts).env as Obj[]).map((e) => [e.name, e.value ?? e.valueFrom]));

describe("KafkaStreamsApp on MSK with IAM and KEDA", () => {
    let graph: ResourceGraph;
    let sts: PlannedResource;
    let clusterArn: string;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const cluster = new KafkaCluster("msk", { vpcId: "vpc-1", subnetIds: ["a", "b", "c"] });
            const topics = new KafkaTopics("topics", {
                connection: cluster.connection,
                topics: {
                    orders: { partitions: 12 },
                    customers: { partitions: 12, cleanupPolicy: "compact" },
                    "orders-enriched": { partitions: 12 },
                },
            });
            new KafkaStreamsApp("enricher", {
                connection: cluster.connection,
                target: eksTarget(),
                namespace: "streams",
                image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/enricher:1.4.2",
                applicationId: "orders-enricher",
                inputTopics: [topics.topics.orders, topics.topics.customers],
                outputTopics: [topics.topics["orders-enriched"]],
                threads: 2,
                autoscaling: { maxReplicas: 6 },
            });
            return { arn: cluster.arn };
        });
        sts = graph.one(T.sts);
        clusterArn = graph.outputs.arn as string;
    });

    it("runs a StatefulSet with parallel pod management behind a headless Service, on the target's provider", () => {
        const s = spec(sts);
        expect(s.podManagementPolicy).toBe("Parallel");
        expect(s.replicas).toBe(2);
        const svc = graph.one(T.svc);
        expect(spec(svc).clusterIP).toBe("None");
        expect(s.serviceName).toBe((svc.inputs.metadata as Obj).name);
        expect((sts.inputs.metadata as Obj).namespace).toBe("streams");
        const provider = graph.one("pulumi:providers:kubernetes").urn;
        for (const r of graph.resources.filter((x) => x.type.startsWith("kubernetes:"))) expect(r.provider).toBe(provider);
        expect(spec(graph.one(T.pdb))).toEqual({ maxUnavailable: 1, selector: { matchLabels: (s.selector as Obj).matchLabels } });
    });

    it("gives every pod a retained volume at state.dir", () => {
        const s = spec(sts);
        expect(s.volumeClaimTemplates).toEqual([
            {
                metadata: { name: "state", labels: expect.any(Object) },
                spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
            },
        ]);
        expect(s.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Retain", whenScaled: "Retain" });
        const props = parseProperties((graph.one(T.cm).inputs.data as Obj)["streams.properties"] as string);
        expect(container(sts).volumeMounts).toContainEqual({ name: "state", mountPath: props["state.dir"] });
    });

    it("passes the Streams config in a ConfigMap: exactly-once, RF 3, a standby, threads, IAM auth", () => {
        const props = parseProperties((graph.one(T.cm).inputs.data as Obj)["streams.properties"] as string);
        expect(props).toEqual({
            "application.id": "orders-enricher",
            "bootstrap.servers": expect.stringMatching(/:9098(,|$)/),
            "processing.guarantee": "exactly_once_v2",
            "replication.factor": "3",
            "topic.min.insync.replicas": "2",
            "num.standby.replicas": "1",
            "num.stream.threads": "2",
            "state.dir": "/var/lib/kafka-streams",
            "security.protocol": "SASL_SSL",
            "sasl.mechanism": "AWS_MSK_IAM",
            "sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
            "sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
        });
        const env = envOf(sts);
        expect(env.KAFKA_STREAMS_CONFIG_FILES).toBe("/etc/kafka-streams/config/streams.properties");
        expect(env.POD_NAME).toEqual({ fieldRef: { fieldPath: "metadata.name" } });
        expect(env.KAFKA_STREAMS_GROUP_INSTANCE_ID).toBe("$(POD_NAME)");
        expect(env.AWS_REGION).toBe("us-east-1");
        const text = (graph.one(T.cm).inputs.data as Obj)["streams.properties"] as string;
        const annotations = (spec(sts).template as { metadata: { annotations: Obj } }).metadata.annotations;
        expect(annotations["spectrum.dev/config-checksum"]).toBe(crypto.createHash("sha256").update(text).digest("hex"));
    });

    it("runs a restricted, non-root pod with a read-only root filesystem, resources, and a grace period above the close timeout", () => {
        const pod = podSpec(sts);
        expect(pod.securityContext).toEqual({
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            fsGroupChangePolicy: "OnRootMismatch",
            seccompProfile: { type: "RuntimeDefault" },
        });
        expect(container(sts).securityContext).toEqual({
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            privileged: false,
            capabilities: { drop: ["ALL"] },
        });
        expect(container(sts).resources).toEqual({ requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "2", memory: "2Gi" } });
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.terminationGracePeriodSeconds).toBe(90);
        expect(envOf(sts).KAFKA_STREAMS_CLOSE_TIMEOUT_MS).toBe("60000");
        expect(container(sts).image).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/enricher:1.4.2");
        expect(container(sts).volumeMounts).toContainEqual({ name: "tmp", mountPath: "/tmp" });
    });

    it("probes: a long startup probe for state restore, liveness on the liveness path, readiness on the readiness path", () => {
        const c = container(sts);
        expect(c.startupProbe).toEqual({
            httpGet: { path: "/health/liveness", port: "http" },
            periodSeconds: 10,
            timeoutSeconds: 5,
            failureThreshold: 180,
        });
        expect(c.livenessProbe).toEqual({
            httpGet: { path: "/health/liveness", port: "http" },
            periodSeconds: 10,
            timeoutSeconds: 5,
            failureThreshold: 6,
        });
        expect(c.readinessProbe).toEqual({
            httpGet: { path: "/health/readiness", port: "http" },
            periodSeconds: 10,
            timeoutSeconds: 5,
            failureThreshold: 3,
        });
        expect(c.ports).toEqual([{ name: "http", containerPort: 8080, protocol: "TCP" }]);
    });

    it("annotates the service account for IRSA with a role only that service account may assume", () => {
        const role = graph.ofType(T.role).find((r) => r.name === "enricher-role") as PlannedResource;
        const sa = graph.one(T.sa);
        expect((sa.inputs.metadata as Obj).annotations).toEqual({
            "eks.amazonaws.com/role-arn": expect.stringContaining(":role/enricher-role"),
        });
        expect(policyStatements(role)[0].Condition).toEqual({
            StringEquals: { [`${OIDC}:sub`]: "system:serviceaccount:streams:enricher", [`${OIDC}:aud`]: "sts.amazonaws.com" },
        });
    });

    it("grants IAM on exactly the declared topics, the group and the transactional ids, no wildcard beyond the app's prefix", () => {
        const policy = graph.ofType(T.rolePolicy).find((r) => r.name === "enricher-policy") as PlannedResource;
        const statements = policyStatements(policy);
        const base = clusterArn.replace(":cluster/", ":KIND/");
        const arn = (kind: string, n: string) => `${base.replace("KIND", kind)}/${n}`;
        const resources = statements.flatMap((st) => st.Resource as string[]).sort();
        expect(resources).toEqual(
            [
                clusterArn,
                arn("topic", "orders"),
                arn("topic", "customers"),
                arn("topic", "orders-enriched"),
                arn("topic", "orders-enricher-*"),
                arn("group", "orders-enricher"),
                arn("transactional-id", "orders-enricher-*"),
            ].sort(),
        );
        for (const r of resources.filter((x) => x.includes("*"))) expect(r.endsWith("/orders-enricher-*")).toBe(true);
        const actionsOn = (r: string) =>
            statements.filter((st) => (st.Resource as string[]).includes(r)).flatMap((st) => st.Action as string[]);
        expect(actionsOn(arn("topic", "orders"))).toEqual(["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]);
        expect(actionsOn(arn("topic", "orders-enriched"))).toEqual(["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]);
        expect(actionsOn(arn("group", "orders-enricher"))).toEqual(["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"]);
        expect(actionsOn(arn("transactional-id", "orders-enricher-*"))).toEqual([
            "kafka-cluster:DescribeTransactionalId",
            "kafka-cluster:AlterTransactionalId",
        ]);
        expect(actionsOn(arn("topic", "orders-enricher-*"))).toContain("kafka-cluster:DeleteTopic");
        expect(graph.ofType(T.acl)).toHaveLength(0);
        expect(graph.ofType(T.kafkaProvider)).toHaveLength(0);
    });

    it("scales on the group's lag with KEDA, never below one replica, with a describe-only role KEDA's operator assumes", () => {
        const scaled = graph.one(T.scaled);
        const s = spec(scaled);
        expect(s).toMatchObject({
            scaleTargetRef: { apiVersion: "apps/v1", kind: "StatefulSet", name: "enricher" },
            minReplicaCount: 2,
            maxReplicaCount: 6,
        });
        const trigger = (s.triggers as Obj[])[0];
        expect(trigger.type).toBe("kafka");
        expect(trigger.metadata).toMatchObject({
            consumerGroup: "orders-enricher",
            sasl: "oauthbearer",
            saslTokenProvider: "aws_msk_iam",
            tls: "enable",
            awsRegion: "us-east-1",
            offsetResetPolicy: "earliest",
        });
        const auth = graph.one(T.triggerAuth);
        expect(trigger.authenticationRef).toEqual({ name: (auth.inputs.metadata as Obj).name });
        const kedaRole = graph.ofType(T.role).find((r) => r.name === "enricher-keda-role") as PlannedResource;
        expect(spec(auth)).toEqual({ podIdentity: { provider: "aws", roleArn: expect.stringContaining(":role/enricher-keda-role") } });
        expect(policyStatements(kedaRole)[0].Condition?.StringEquals[`${OIDC}:sub`]).toBe("system:serviceaccount:keda:keda-operator");
        const kedaPolicy = graph.ofType(T.rolePolicy).find((r) => r.name === "enricher-keda-policy") as PlannedResource;
        const actions = policyStatements(kedaPolicy).flatMap((st) => st.Action as string[]);
        expect(new Set(actions)).toEqual(
            new Set([
                "kafka-cluster:Connect",
                "kafka-cluster:DescribeCluster",
                "kafka-cluster:DescribeTopic",
                "kafka-cluster:DescribeGroup",
            ]),
        );
        expect(sts.options.ignoreChanges).toEqual(["spec.replicas"]);
    });

    it("only scales out, once the lag has stayed high for the window: a static member that stops would leave its partitions unassigned", () => {
        const s = spec(graph.one(T.scaled));
        // KEDA's cooldownPeriod governs scaling to zero only, which never happens here: not emitted.
        expect(s.cooldownPeriod).toBeUndefined();
        expect(s.advanced).toEqual({
            horizontalPodAutoscalerConfig: {
                behavior: { scaleUp: { stabilizationWindowSeconds: 300 }, scaleDown: { selectPolicy: "Disabled" } },
            },
        });
        // Pods still carry their static member ids: no lag-driven scale-in means no member leaves on lag.
        const env = (sts.inputs.spec as { template: { spec: { containers: Array<{ env: Obj[] }> } } }).template.spec.containers[0].env;
        expect(env).toContainEqual({ name: "KAFKA_STREAMS_GROUP_INSTANCE_ID", value: "$(POD_NAME)" });
    });
});

describe("KafkaStreamsApp on a SCRAM cluster you bring", () => {
    let graph: ResourceGraph;
    let sts: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const admin = externalKafka("kafka-admin", {
                bootstrapServers: "k1.internal:9096,k2.internal:9096,k3.internal:9096",
                authMode: "scram",
                brokerCount: 3,
                scram: { username: "admin", password: pulumi.secret("admin-pw") },
            });
            const app: KafkaConnection = { ...admin, scram: { username: "orders-app", password: pulumi.secret('p"w\\1') } };
            new KafkaStreamsApp("counter", {
                connection: app,
                aclConnection: admin,
                target: eksTarget(),
                image: "registry.internal:5000/counter@sha256:" + "a".repeat(64),
                inputTopics: ["clicks"],
                outputTopics: ["click-counts"],
                processingGuarantee: "at_least_once",
                autoscaling: { minReplicas: 1, maxReplicas: 3 },
            });
        });
        sts = graph.one(T.sts);
    });

    it("keeps the password out of the ConfigMap and mounts it from a Secret the app loads second", () => {
        const props = parseProperties((graph.one(T.cm).inputs.data as Obj)["streams.properties"] as string);
        expect(props).toMatchObject({
            "security.protocol": "SASL_SSL",
            "sasl.mechanism": "SCRAM-SHA-512",
            "processing.guarantee": "at_least_once",
        });
        expect(JSON.stringify(graph.one(T.cm).inputs)).not.toContain('p\\"w');
        const secret = graph.ofType(T.secret).find((r) => r.name === "counter-credentials") as PlannedResource;
        const jaas = parseProperties((secret.inputs.stringData as Obj)["client.properties"] as string)["sasl.jaas.config"];
        expect(jaas).toBe('org.apache.kafka.common.security.scram.ScramLoginModule required username="orders-app" password="p\\"w\\\\1";');
        expect(envOf(sts).KAFKA_STREAMS_CONFIG_FILES).toBe(
            "/etc/kafka-streams/config/streams.properties,/etc/kafka-streams/credentials/client.properties",
        );
        expect(container(sts).volumeMounts).toContainEqual({
            name: "credentials",
            mountPath: "/etc/kafka-streams/credentials",
            readOnly: true,
        });
        expect(graph.ofType(T.role)).toHaveLength(0);
    });

    it("creates Kafka ACLs for the same topics, group and internal prefix, as the admin, and no transactional ids without exactly-once", () => {
        const acls = graph
            .ofType(T.acl)
            .map(
                (a) =>
                    `${a.inputs.aclResourceType}|${a.inputs.aclResourceName}|${a.inputs.resourcePatternTypeFilter}|${a.inputs.aclOperation}`,
            );
        expect(acls.sort()).toEqual(
            [
                "Topic|clicks|Literal|Read",
                "Topic|clicks|Literal|Describe",
                "Topic|click-counts|Literal|Write",
                "Topic|click-counts|Literal|Describe",
                "Topic|counter-|Prefixed|Create",
                "Topic|counter-|Prefixed|Read",
                "Topic|counter-|Prefixed|Write",
                "Topic|counter-|Prefixed|Delete",
                "Topic|counter-|Prefixed|Describe",
                "Topic|counter-|Prefixed|DescribeConfigs",
                "Group|counter|Literal|Read",
                "Group|counter|Literal|Describe",
            ].sort(),
        );
        const provider = graph.one(T.kafkaProvider);
        expect(provider.inputs).toMatchObject({ saslUsername: "admin", saslPassword: "admin-pw", tlsEnabled: "true" });
        for (const a of graph.ofType(T.acl)) {
            expect(a.provider).toBe(provider.urn);
            expect(a.inputs).toMatchObject({ aclPrincipal: "User:orders-app", aclHost: "*", aclPermissionType: "Allow" });
        }
    });

    it("lets KEDA read lag with the app's SCRAM credentials from a Secret", () => {
        const secret = graph.ofType(T.secret).find((r) => r.name === "counter-keda-credentials") as PlannedResource;
        expect(secret.inputs.stringData).toEqual({ tls: "enable", sasl: "scram_sha512", username: "orders-app", password: 'p"w\\1' });
        const auth = spec(graph.one(T.triggerAuth)).secretTargetRef as Obj[];
        expect(auth.map((r) => r.parameter).sort()).toEqual(["password", "sasl", "tls", "username"]);
        expect(spec(graph.one(T.scaled)).minReplicaCount).toBe(1);
    });
});

describe("KafkaStreamsApp, stateless over mutual TLS, unprotected", () => {
    it("uses no volume claims, a PEM keystore from a Secret, the given principal, and deletes PVCs with the StatefulSet", async () => {
        const graph = await runProgram(() => {
            const tls = externalKafka("tls", {
                bootstrapServers: "k1.internal:9093",
                authMode: "tls",
                tls: { clientCert: CERT, clientKey: KEY, caCert: CA },
            });
            new KafkaStreamsApp("router", {
                connection: tls,
                target: eksTarget(),
                image: "router:2.0",
                inputTopics: ["in"],
                outputTopics: ["out"],
                stateful: false,
                aclPrincipal: "User:CN=router",
                protect: false,
                replicas: 1,
            });
        });
        const sts = graph.one(T.sts);
        expect(spec(sts).volumeClaimTemplates).toEqual([]);
        expect(podSpec(sts).volumes).toContainEqual({ name: "state", emptyDir: {} });
        expect(spec(sts).persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Delete", whenScaled: "Retain" });
        const props = parseProperties((graph.one(T.cm).inputs.data as Obj)["streams.properties"] as string);
        expect(props).toMatchObject({
            "security.protocol": "SSL",
            "ssl.keystore.type": "PEM",
            "ssl.keystore.location": "/etc/kafka-streams/credentials/keystore.pem",
            "ssl.truststore.location": "/etc/kafka-streams/credentials/ca.pem",
            "num.standby.replicas": "0",
        });
        expect(graph.one(T.secret).inputs.stringData).toEqual({ "keystore.pem": `${KEY}\n${CERT}\n`, "ca.pem": `${CA}\n` });
        expect(new Set(graph.ofType(T.acl).map((a) => a.inputs.aclPrincipal))).toEqual(new Set(["User:CN=router"]));
        expect(graph.ofType(T.acl).some((a) => a.inputs.aclResourceType === "TransactionalID")).toBe(true);
        expect(graph.ofType(T.scaled)).toHaveLength(0);
        expect(sts.options.ignoreChanges).toEqual([]);
    });
});
