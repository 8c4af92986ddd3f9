import * as k8s from "@pulumi/kubernetes";
import { KubernetesTarget } from "../../components/core";
import { KappaArchitecture, KappaArchitectureArgs } from "../../components/architectures/kappa/kappa";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";

const FD = "kubernetes:flink.apache.org/v1beta1:FlinkDeployment";
const TOPIC = "aws:msk/topic:Topic";
const POLICY = "aws:iam/rolePolicy:RolePolicy";
const PARAM = "aws:ssm/parameter:Parameter";
const STS = "kubernetes:apps/v1:StatefulSet";
const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";

type Overrides = Partial<Omit<KappaArchitectureArgs, "network" | "target">>;

/** The architecture on a plain network and cluster description, as a platform repo would pass its own. */
function kappa(overrides: Overrides) {
    return () => {
        const target: KubernetesTarget = {
            provider: new k8s.Provider("eks", { kubeconfig: "{}" }),
            clusterName: "eks",
            oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC",
            oidcProviderUrl: "https://oidc.eks.us-east-1.amazonaws.com/id/ABC",
        };
        const arch = new KappaArchitecture("kappa", {
            profile: "dev",
            network: { vpcId: "vpc-1", privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"], availabilityZoneCount: 3 },
            target,
            kafkaClientSecurityGroupIds: ["sg-nodes"],
            ...overrides,
        });
        return { liveOutputs: arch.liveOutputs, processor: arch.processor, reasons: arch.processorReasons, shapes: arch.topicShapes };
    };
}

/** Two versions side by side: v1 live, v2 replaying from the earliest offset. */
const replay: Overrides = {
    inputTopics: { orders: {}, customers: { cleanupPolicy: "compact" } },
    outputTopics: { "orders-enriched": {} },
    landingOutput: { path: "orders-enriched" },
    versions: [
        { version: "v1", startFrom: { timestampMs: 1_767_225_600_000 } },
        { version: "v2", jarUri: "local:///opt/flink/usrlib/enricher-2.jar", startFrom: "earliest" },
    ],
    live: "v1",
};

function env(deployment: PlannedResource): Record<string, string> {
    const spec = deployment.inputs.spec as {
        podTemplate: { spec: { containers: Array<{ env: Array<{ name: string; value: string }> }> } };
    };
    return Object.fromEntries(spec.podTemplate.spec.containers[0].env.map((e) => [e.name, e.value]));
}
const flinkConfig = (d: PlannedResource) => (d.inputs.spec as { flinkConfiguration: Record<string, string> }).flinkConfiguration;
const topicConfigs = (t: PlannedResource) => JSON.parse(t.inputs.configs as string) as Record<string, string>;
const topicNamed = (g: ResourceGraph, name: string) => {
    const hits = g.ofType(TOPIC).filter((t) => t.inputs.name === name);
    if (hits.length !== 1) throw new Error(`expected one topic ${name}, found ${hits.length}`);
    return hits[0];
};
/** Every resource ARN a policy grants a set of actions on. */
function grantedOn(policy: PlannedResource, action: string): string[] {
    return policyStatements(policy)
        .filter((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]).includes(action))
        .flatMap((st) => (Array.isArray(st.Resource) ? st.Resource : [st.Resource ?? ""]));
}
const livePointer = (g: ResourceGraph) =>
    JSON.parse(g.one(PARAM).inputs.insecureValue as string) as {
        version: string;
        topics: Record<string, string>;
        landingUri?: string;
        isolationLevel: string;
    };

describe("KappaArchitecture: a replay beside the live version", () => {
    let g: ResourceGraph;
    let cutover: ResourceGraph;
    beforeAll(async () => {
        g = await runProgram(kappa(replay));
        cutover = await runProgram(kappa({ ...replay, live: "v2" }));
    });

    it("composes the lake, the cluster, the log, the operator and one Flink job per version under the architecture", () => {
        const arch = g.one("spectrum:index:KappaArchitecture", "kappa");
        const children = g
            .childrenOf(arch)
            .map((r) => `${r.type.replace("spectrum:index:", "")}/${r.name}`)
            .sort();
        expect(children).toEqual(
            [
                "FlinkJob/kappa-v1",
                "FlinkJob/kappa-v2",
                "FlinkOperator/kappa-flink",
                "KafkaCluster/kappa-kafka",
                "KafkaTopics/kappa-outputs-v1",
                "KafkaTopics/kappa-outputs-v2",
                "KafkaTopics/kappa-topics",
                "LandingZone/kappa-lake",
                `${PARAM}/kappa-live`,
            ].sort(),
        );
        expect(
            g
                .ofType(FD)
                .map((d) => (d.inputs.metadata as { name: string }).name)
                .sort(),
        ).toEqual(["kappa-v1", "kappa-v2"]);
        const brokers = g.one("aws:msk/cluster:Cluster");
        expect((brokers.inputs.tags as Record<string, string>)["spectrum:architecture"]).toBe("kappa");
    });

    it("runs the new version beside the live one, from the earliest offset, with its own group, transactional ids, outputs, state and landing prefix", () => {
        const [v1, v2] = ["kappa-v1-deployment", "kappa-v2-deployment"].map((n) => g.one(FD, n));
        const [e1, e2] = [env(v1), env(v2)];
        for (const [e, ver] of [
            [e1, "v1"],
            [e2, "v2"],
        ] as const) {
            expect(e.KAPPA_VERSION).toBe(ver);
            expect(e.KAPPA_INPUT_TOPICS).toBe("orders,customers");
            expect(e.KAPPA_CONSUMER_GROUP).toBe(`kappa-${ver}`);
            expect(e.KAPPA_TRANSACTIONAL_ID_PREFIX).toBe(`kappa-${ver}`);
            expect(e.KAPPA_OUTPUT_TOPICS).toBe(`orders-enriched.${ver}`);
            expect(e.KAPPA_OUTPUT_URI).toMatch(new RegExp(`^s3://kappa-lake-data-\\w+/curated/orders-enriched/${ver}/$`));
            expect(flinkConfig(ver === "v1" ? v1 : v2)["execution.checkpointing.dir"]).toMatch(
                new RegExp(`/checkpoints/flink/kappa-${ver}/checkpoints/$`),
            );
        }
        expect([e1.KAPPA_START_FROM, e2.KAPPA_START_FROM]).toEqual(["timestamp:1767225600000", "earliest"]);
        expect((v2.inputs.spec as { job: { jarURI: string; state: string } }).job).toMatchObject({
            jarURI: "local:///opt/flink/usrlib/enricher-2.jar",
            state: "running",
        });
        expect((v1.inputs.spec as { job: { jarURI: string } }).job.jarURI).toBe(
            "local:///opt/flink/examples/streaming/StateMachineExample.jar",
        );
        // Each version's outputs are topics of their own, as durable as the inputs.
        for (const name of ["orders-enriched.v1", "orders-enriched.v2"])
            expect(topicNamed(g, name).inputs).toMatchObject({ replicationFactor: 3, partitionCount: 3 });
        // A job starts only once its topics exist (auto-creation is off on the brokers).
        expect(g.dependsOn(v2, topicNamed(g, "orders"))).toBe(true);
        expect(g.dependsOn(v2, topicNamed(g, "orders-enriched.v2"))).toBe(true);
        // ... and once the operator (its CRD and webhook) and the version's own IAM grants exist.
        expect(g.dependsOn(v2, g.one("kubernetes:helm.sh/v3:Release", "kappa-flink-release"))).toBe(true);
        expect(g.dependsOn(v2, g.one(POLICY, "kappa-v2-policy"))).toBe(true);
    });

    it("grants each version exactly its own group, transactional ids, outputs and prefixes, and both the inputs", () => {
        for (const [ver, other] of [
            ["v1", "v2"],
            ["v2", "v1"],
        ]) {
            const policy = g.one(POLICY, `kappa-${ver}-policy`);
            const arn = (kind: string, name: string) =>
                expect.stringMatching(new RegExp(`:${kind}/kappa-kafka-cluster-\\w+/[\\w-]+/${name.replace(/[.*]/g, "\\$&")}$`));
            expect(grantedOn(policy, "kafka-cluster:ReadData")).toEqual([arn("topic", "orders"), arn("topic", "customers")]);
            expect(grantedOn(policy, "kafka-cluster:WriteData")).toEqual([arn("topic", `orders-enriched.${ver}`)]);
            expect(grantedOn(policy, "kafka-cluster:AlterGroup")).toEqual([arn("group", `kappa-${ver}`)]);
            expect(grantedOn(policy, "kafka-cluster:AlterTransactionalId")).toEqual([arn("transactional-id", `kappa-${ver}-*`)]);
            expect(grantedOn(policy, "s3:PutObject")).toEqual([
                expect.stringMatching(new RegExp(`:::kappa-lake-data-\\w+/checkpoints/flink/kappa-${ver}/\\*$`)),
                expect.stringMatching(new RegExp(`:::kappa-lake-data-\\w+/curated/orders-enriched/${ver}/\\*$`)),
            ]);
            const text = policy.inputs.policy as string;
            expect(text).not.toContain(`kappa-${other}`);
            expect(text).not.toContain(`.${other}`);
            expect(text).not.toContain(`/${other}/`);
        }
        // Each role is trusted by its own version's service account only.
        const trust = policyStatements(g.one("aws:iam/role:Role", "kappa-v2-role"));
        expect(JSON.stringify(trust)).toContain("system:serviceaccount:flink:kappa-v2");
    });

    it("keeps exactly-once consistent from topics through checkpoints to the sink's transactions and the readers", () => {
        for (const t of g.ofType(TOPIC)) {
            expect(t.inputs.replicationFactor).toBe(3);
            expect(topicConfigs(t)["min.insync.replicas"]).toBe("2");
        }
        const brokers = g.one("aws:msk/configuration:Configuration").inputs.serverProperties as string;
        for (const line of [
            "transaction.state.log.replication.factor=3",
            "transaction.state.log.min.isr=2",
            "unclean.leader.election.enable=false",
            "auto.create.topics.enable=false",
        ]) {
            expect(brokers.split("\n")).toContain(line);
        }
        for (const d of g.ofType(FD)) {
            const c = flinkConfig(d);
            expect(c["execution.checkpointing.mode"]).toBe("EXACTLY_ONCE");
            const seconds = (key: string) => Number(/^(\d+) s$/.exec(c[key])?.[1]);
            const [interval, timeout, pause] = ["interval", "timeout", "min-pause"].map((k) => seconds(`execution.checkpointing.${k}`));
            expect([interval, timeout, pause]).toEqual([60, 300, 30]);
            // A tolerated failed checkpoint would keep a transaction open past interval + timeout: fail over instead.
            expect(c["execution.checkpointing.tolerable-failed-checkpoints"]).toBe("0");
            const e = env(d);
            // A sink transaction opens at one checkpoint's barrier and commits when the next completes, which starts no
            // sooner than the pause after a checkpoint that may take the whole timeout: the broker must not abort it first.
            expect(Number(e.KAPPA_TRANSACTION_TIMEOUT_MS)).toBeGreaterThan((Math.max(interval, timeout + pause) + timeout) * 1000);
            expect(Number(e.KAPPA_TRANSACTION_TIMEOUT_MS)).toBeLessThanOrEqual(900_000);
            expect(e.KAPPA_ISOLATION_LEVEL).toBe("read_committed");
            expect(e.KAPPA_DELIVERY_GUARANTEE).toBe("exactly-once");
        }
        expect(livePointer(g).isolationLevel).toBe("read_committed");
    });

    it("publishes the live version's outputs in the live pointer", () => {
        expect(livePointer(g)).toMatchObject({
            version: "v1",
            topics: { "orders-enriched": "orders-enriched.v1" },
            landingUri: expect.stringMatching(/\/curated\/orders-enriched\/v1\/$/),
        });
        expect(g.outputs.liveOutputs).toMatchObject({ version: "v1", topics: { "orders-enriched": "orders-enriched.v1" } });
        expect(g.one(PARAM).inputs).toMatchObject({ name: "/spectrum/project/test/kappa/live", type: "String" });
    });

    it("cuts over by flipping live: the pointer and liveOutputs change, nothing else does", () => {
        expect(livePointer(cutover)).toMatchObject({
            version: "v2",
            topics: { "orders-enriched": "orders-enriched.v2" },
            landingUri: expect.stringMatching(/\/v2\/$/),
        });
        expect(cutover.outputs.liveOutputs).toMatchObject({ version: "v2", topics: { "orders-enriched": "orders-enriched.v2" } });
        expect(cutover.resources.map((r) => r.urn).sort()).toEqual(g.resources.map((r) => r.urn).sort());
        const changed = cutover.resources
            .filter((r) => JSON.stringify(r.inputs) !== JSON.stringify(g.byUrn(r.urn).inputs))
            .map((r) => r.name);
        expect(changed).toEqual(["kappa-live"]);
    });

    it("exports every topic's shape by topic name, for previousTopics next time", () => {
        expect(Object.keys(g.outputs.shapes as object).sort()).toEqual(["customers", "orders", "orders-enriched.v1", "orders-enriched.v2"]);
    });
});

describe("KappaArchitecture: dev vs prod", () => {
    let dev: ResourceGraph;
    let prod: ResourceGraph;
    beforeAll(async () => {
        // dev writes files only: no output topics.
        dev = await runProgram(kappa({ outputTopics: {}, landingOutput: {} }));
        prod = await runProgram(
            kappa({
                profile: "prod",
                replayHorizonDays: 30,
                kafka: { tieredStorage: true },
                inputTopics: {
                    orders: {},
                    archive: { retentionDays: -1, localRetentionDays: 2 },
                    ledger: { cleanupPolicy: "compact,delete" },
                },
                versions: [{ version: "v1", retiring: true }, { version: "v2" }],
                live: "v2",
            }),
        );
    });

    it("dev protects nothing; prod protects the lake, the brokers, the topics and the live job's state", () => {
        const guarded = (g: ResourceGraph, topic: string, job: string) =>
            [g.one("aws:s3/bucket:Bucket", "kappa-lake-data"), g.one("aws:msk/cluster:Cluster"), topicNamed(g, topic), g.one(FD, job)].map(
                (r) => r.options.protect,
            );
        expect(guarded(dev, "events", "kappa-v1-deployment")).toEqual([false, false, false, false]);
        expect(guarded(prod, "orders", "kappa-v2-deployment")).toEqual([true, true, true, true]);
        expect(topicNamed(prod, "results.v2").options.protect).toBe(true);
    });

    it("a retiring version loses protection (job and outputs) so removing it deletes them", () => {
        expect(prod.one(FD, "kappa-v1-deployment").options).toMatchObject({ protect: false, retainOnDelete: false });
        expect(topicNamed(prod, "results.v1").options).toMatchObject({ protect: false, retainOnDelete: false });
        // Its job still takes a savepoint when the operator deletes it.
        expect(flinkConfig(prod.one(FD, "kappa-v1-deployment"))["kubernetes.operator.job.savepoint-on-deletion"]).toBe("true");
    });

    it("prod is bigger and highly available: brokers, partitions, operator and JobManager standbys, parallelism", () => {
        const brokers = (g: ResourceGraph) =>
            g.one("aws:msk/cluster:Cluster").inputs as {
                brokerNodeGroupInfo: { instanceType: string; storageInfo: { ebsStorageInfo: { volumeSize: number } } };
                enhancedMonitoring: string;
            };
        expect([
            brokers(dev).brokerNodeGroupInfo.instanceType,
            brokers(dev).brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize,
            brokers(dev).enhancedMonitoring,
        ]).toEqual(["kafka.m7g.large", 100, "DEFAULT"]);
        expect([
            brokers(prod).brokerNodeGroupInfo.instanceType,
            brokers(prod).brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize,
            brokers(prod).enhancedMonitoring,
        ]).toEqual(["kafka.m7g.xlarge", 1000, "PER_BROKER"]);
        expect([topicNamed(dev, "events").inputs.partitionCount, topicNamed(prod, "orders").inputs.partitionCount]).toEqual([3, 12]);
        const spec = (g: ResourceGraph, n: string) =>
            g.one(FD, n).inputs.spec as { jobManager: { replicas: number }; job: { parallelism: number } };
        expect([spec(dev, "kappa-v1-deployment").jobManager.replicas, spec(dev, "kappa-v1-deployment").job.parallelism]).toEqual([1, 1]);
        expect([spec(prod, "kappa-v2-deployment").jobManager.replicas, spec(prod, "kappa-v2-deployment").job.parallelism]).toEqual([2, 3]);
        expect(flinkConfig(prod.one(FD, "kappa-v2-deployment"))["high-availability.type"]).toBe("kubernetes");
        const operatorValues = (g: ResourceGraph) =>
            (g.one("kubernetes:helm.sh/v3:Release", "kappa-flink-release").inputs.values as { replicas: number }).replicas;
        expect([operatorValues(dev), operatorValues(prod)]).toEqual([1, 2]);
    });

    it("a job that writes only files gets no transactional ids: S3 output is exactly-once through checkpoints", () => {
        const policy = dev.one(POLICY, "kappa-v1-policy");
        expect(grantedOn(policy, "kafka-cluster:AlterTransactionalId")).toEqual([]);
        expect(grantedOn(policy, "kafka-cluster:WriteData")).toEqual([]);
        expect(grantedOn(policy, "s3:PutObject")).toContainEqual(expect.stringMatching(/\/curated\/kappa\/v1\/\*$/));
        const e = env(dev.one(FD, "kappa-v1-deployment"));
        expect(e.KAPPA_TRANSACTIONAL_ID_PREFIX).toBeUndefined();
        // No transaction to outlive: an S3 hiccup may fail a checkpoint or three without a restart.
        expect(flinkConfig(dev.one(FD, "kappa-v1-deployment"))["execution.checkpointing.tolerable-failed-checkpoints"]).toBe("3");
        expect(e.KAPPA_OUTPUT_URI).toMatch(/\/curated\/kappa\/v1\/$/);
        expect(dev.ofType(TOPIC).map((t) => t.inputs.name)).toEqual(["events"]);
    });

    it("retention follows the replay horizon: 3 days in dev; 30 days in prod, in the remote tier with a day on broker disks", () => {
        expect(topicConfigs(topicNamed(dev, "events"))["retention.ms"]).toBe(String(3 * 86_400_000));
        expect(topicConfigs(topicNamed(prod, "orders"))).toMatchObject({
            "retention.ms": String(30 * 86_400_000),
            "remote.storage.enable": "true",
            "local.retention.ms": String(86_400_000),
        });
        expect(topicConfigs(topicNamed(prod, "archive"))).toMatchObject({
            "retention.ms": "-1",
            "remote.storage.enable": "true",
            "local.retention.ms": String(2 * 86_400_000),
        });
        expect(prod.one("aws:msk/cluster:Cluster").inputs.storageMode).toBe("TIERED");
        // MSK tiers only delete-policy topics: a compact,delete input keeps the horizon on broker disks.
        expect(topicConfigs(topicNamed(prod, "ledger"))).toEqual({
            "cleanup.policy": "compact,delete",
            "min.insync.replicas": "2",
            "retention.ms": String(30 * 86_400_000),
        });
        // Outputs can be recomputed by a replay: they stay on broker disks with the profile's retention.
        expect(topicConfigs(topicNamed(prod, "results.v2"))).toEqual({
            "cleanup.policy": "delete",
            "min.insync.replicas": "2",
            "retention.ms": String(7 * 86_400_000),
        });
    });
});

describe("KappaArchitecture: Kafka Streams, chosen by recommendProcessor", () => {
    let g: ResourceGraph;
    beforeAll(async () => {
        g = await runProgram(
            kappa({
                processor: "auto",
                requirements: { latencyBudgetMs: 2_000, inputInKafka: true, outputToKafkaOnly: true, stateSizeGiB: 5 },
                versions: [
                    { version: "v1", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/enricher:1.0.0", startFrom: "latest" },
                    {
                        version: "v2",
                        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/enricher:2.0.0",
                        startFrom: "earliest",
                        parallelism: 2,
                    },
                ],
            }),
        );
    });

    it("runs the recommended processor and says why", () => {
        expect(g.outputs.processor).toBe("kafka-streams");
        expect((g.outputs.reasons as string[]).join(" ")).toContain("exactly_once_v2");
        expect(g.ofType(FD)).toHaveLength(0);
        expect(g.find("spectrum:index:FlinkOperator", "kappa-flink")).toBeUndefined();
    });

    it("gives each version its own application.id, exactly_once_v2 and durable internal topics, in a restricted namespace", () => {
        const ns = g.one("kubernetes:core/v1:Namespace", "kappa-streams-namespace");
        expect((ns.inputs.metadata as { labels: Record<string, string> }).labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
        for (const ver of ["v1", "v2"]) {
            const props = (g.one(CONFIG_MAP, `kappa-${ver}-config`).inputs.data as Record<string, string>)["streams.properties"].split(
                "\n",
            );
            expect(props).toEqual(
                expect.arrayContaining([
                    `application.id=kappa-${ver}`,
                    "processing.guarantee=exactly_once_v2",
                    "replication.factor=3",
                    "topic.min.insync.replicas=2",
                    `auto.offset.reset=${ver === "v1" ? "latest" : "earliest"}`,
                ]),
            );
            const sts = g.one(STS, `kappa-${ver}-statefulset`);
            expect((sts.inputs.metadata as { namespace: string }).namespace).toBe("kappa");
            expect(g.dependsOn(sts, ns)).toBe(true);
            expect(g.dependsOn(sts, topicNamed(g, `results.${ver}`))).toBe(true);
            expect(g.dependsOn(sts, topicNamed(g, "events"))).toBe(true);
            expect(g.dependsOn(sts, g.one(POLICY, `kappa-${ver}-policy`))).toBe(true);
        }
        expect((g.one(STS, "kappa-v2-statefulset").inputs.spec as { replicas: number }).replicas).toBe(2);
    });

    it("grants each app only its own outputs, group, internal topics and transactional ids", () => {
        const policy = g.one(POLICY, "kappa-v2-policy");
        expect(grantedOn(policy, "kafka-cluster:WriteData")).toEqual([
            expect.stringMatching(/:topic\/.*\/results\.v2$/),
            expect.stringMatching(/:topic\/.*\/kappa-v2-\*$/),
        ]);
        expect(grantedOn(policy, "kafka-cluster:ReadData")).toEqual([
            expect.stringMatching(/:topic\/.*\/events$/),
            expect.stringMatching(/:topic\/.*\/kappa-v2-\*$/),
        ]);
        expect(grantedOn(policy, "kafka-cluster:AlterGroup")).toEqual([expect.stringMatching(/:group\/.*\/kappa-v2$/)]);
        expect(grantedOn(policy, "kafka-cluster:AlterTransactionalId")).toEqual([
            expect.stringMatching(/:transactional-id\/.*\/kappa-v2-\*$/),
        ]);
        expect(policy.inputs.policy as string).not.toContain("v1");
    });
});
