import * as pulumi from "@pulumi/pulumi";
import { LandingZone } from "../../components/landing-zone";
import { MskFirehoseIngest } from "../../components/ingest";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";
import { ACCOUNT, CLUSTER_ARN, actions, mskIamConnection, resources, topicArn, types } from "./fixtures";

type Config = Record<string, unknown>;

const TOPICS = ["orders", "payments.v1"];

describe("MskFirehoseIngest (defaults)", () => {
    let graph: ResourceGraph;
    let bucketArn: string;
    let keyArn: string;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const lz = new LandingZone("lz", { protect: false });
            const ingest = new MskFirehoseIngest("ingest", {
                connection: mskIamConnection(),
                topics: TOPICS,
                storage: lz,
                tags: { team: "data" },
            });
            return { locations: ingest.locations, errors: ingest.errorLocation, bucket: lz.bucketName };
        });
        bucketArn = graph.one(types.bucket, "lz-data").outputs.arn as string;
        keyArn = graph.one(types.key).outputs.arn as string;
    });

    const stream = (topic: string) => graph.one(types.stream, `ingest-${topic}`);
    const s3 = (topic: string) => stream(topic).inputs.extendedS3Configuration as Config;
    const source = (topic: string) => stream(topic).inputs.mskSourceConfiguration as Config;
    const rolePolicy = (topic: string) => graph.one(types.rolePolicy, `ingest-${topic}-policy`);

    it("creates one Firehose stream, role and log stream per topic, all children of the component", () => {
        const component = graph.one(types.component, "ingest");
        expect(
            graph
                .ofType(types.stream)
                .map((r) => r.name)
                .sort(),
        ).toEqual(["ingest-orders", "ingest-payments.v1"]);
        expect(graph.ofType(types.role)).toHaveLength(2);
        expect(
            graph
                .ofType(types.logStream)
                .map((r) => r.inputs.name)
                .sort(),
        ).toEqual(TOPICS);
        for (const r of graph.childrenOf(component)) expect(r.parent).toBe(component.urn);
        expect(graph.childrenOf(component)).toHaveLength(1 + 1 + TOPICS.length * 4);
        for (const topic of TOPICS) {
            expect(stream(topic).inputs.destination).toBe("extended_s3");
            expect(stream(topic).inputs.tags).toEqual({ team: "data", "spectrum:component": "MskFirehoseIngest" });
        }
    });

    it.each(TOPICS)(
        "reads topic %s from the MSK cluster over PRIVATE connectivity, with its own role, from the earliest offset",
        (topic) => {
            const src = source(topic);
            expect(src.mskClusterArn).toBe(CLUSTER_ARN);
            expect(src.topicName).toBe(topic);
            const role = graph.one(types.role, `ingest-${topic}-role`);
            expect(src.authenticationConfiguration).toEqual({ connectivity: "PRIVATE", roleArn: role.outputs.arn });
            expect(src.readFromTimestamp).toBe("1970-01-01T00:00:00Z");
            expect(s3(topic).roleArn).toBe(role.outputs.arn);
        },
    );

    it.each(TOPICS)("writes topic %s under raw/<topic>/dt=<arrival date>/, errors under raw/_errors/<topic>/<error type>/", (topic) => {
        const cfg = s3(topic);
        expect(cfg.bucketArn).toBe(bucketArn);
        expect(cfg.prefix).toBe(`raw/${topic}/dt=!{timestamp:yyyy-MM-dd}/`);
        expect(cfg.errorOutputPrefix).toBe(`raw/_errors/${topic}/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/`);
        expect(cfg.customTimeZone).toBe("UTC");
        expect(cfg.dynamicPartitioningConfiguration).toBeUndefined();
        expect(cfg.processingConfiguration).toBeUndefined();
    });

    it("compresses with GZIP, bounds latency with the buffering defaults, encrypts with the landing zone's key", () => {
        for (const topic of TOPICS) {
            const cfg = s3(topic);
            expect(cfg.compressionFormat).toBe("GZIP");
            expect([cfg.bufferingInterval, cfg.bufferingSize]).toEqual([300, 64]);
            expect(cfg.kmsKeyArn).toBe(keyArn);
            expect(stream(topic).propertyDependencies.extendedS3Configuration).toEqual(expect.arrayContaining([graph.one(types.key).urn]));
        }
    });

    it("logs delivery errors to CloudWatch, one log stream per topic in a retained log group", () => {
        const group = graph.one(types.logGroup);
        expect(group.inputs.retentionInDays).toBe(30);
        expect(group.inputs.namePrefix).toBe("/aws/kinesisfirehose/ingest-");
        for (const topic of TOPICS) {
            const log = graph.one(types.logStream, `ingest-${topic}-log`);
            expect(log.inputs.logGroupName).toBe(group.outputs.name);
            expect(s3(topic).cloudwatchLoggingOptions).toEqual({ enabled: true, logGroupName: group.outputs.name, logStreamName: topic });
        }
    });

    it("lets only Firehose in this account assume the roles", () => {
        for (const topic of TOPICS) {
            const [trust] = policyStatements(graph.one(types.role, `ingest-${topic}-role`));
            expect(trust).toEqual({
                Effect: "Allow",
                Principal: { Service: "firehose.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": ACCOUNT } },
            });
        }
    });

    it("grants each role exactly its topic on the cluster, and the MSK reads Firehose needs", () => {
        const statements = policyStatements(rolePolicy("orders"));
        const kafkaResources = statements.filter((s) => actions(s).some((a) => a.startsWith("kafka"))).flatMap(resources);
        expect(new Set(kafkaResources)).toEqual(
            new Set([CLUSTER_ARN, topicArn("orders"), `${CLUSTER_ARN.replace(":cluster/", ":group/")}/*`, "*"]),
        );
        const on = (arn: string) =>
            statements
                .filter((s) => resources(s).includes(arn))
                .flatMap(actions)
                .sort();
        expect(on(topicArn("orders"))).toEqual([
            "kafka-cluster:DescribeTopic",
            "kafka-cluster:DescribeTopicDynamicConfiguration",
            "kafka-cluster:ReadData",
        ]);
        expect(on(CLUSTER_ARN)).toEqual([
            "kafka-cluster:Connect",
            "kafka-cluster:DescribeCluster",
            "kafka:DescribeCluster",
            "kafka:DescribeClusterV2",
        ]);
        // The one action without resource-level permissions: it returns broker host names only.
        expect(on("*")).toEqual(["kafka:GetBootstrapBrokers"]);
        expect(on(`${CLUSTER_ARN.replace(":cluster/", ":group/")}/*`)).toEqual(["kafka-cluster:DescribeGroup"]);
        const allActions = statements.flatMap(actions);
        for (const forbidden of [
            "kafka-cluster:WriteData",
            "kafka-cluster:AlterGroup",
            "kafka-cluster:CreateTopic",
            "kafka-cluster:DeleteTopic",
        ])
            expect(allActions).not.toContain(forbidden);
        expect(kafkaResources.some((r) => r.endsWith("/payments.v1"))).toBe(false);
    });

    it("grants each role writes to exactly its data and error prefixes, the key through S3, and its own log stream", () => {
        const statements = policyStatements(rolePolicy("orders"));
        const objectResources = statements.filter((s) => actions(s).includes("s3:PutObject")).flatMap(resources);
        expect(objectResources.sort()).toEqual([`${bucketArn}/raw/_errors/orders/*`, `${bucketArn}/raw/orders/*`]);
        const listed = statements
            .filter((s) => actions(s).includes("s3:ListBucket"))
            .flatMap((s) => s.Condition?.StringLike?.["s3:prefix"] ?? []);
        expect([...listed].sort()).toEqual(["raw/_errors/orders", "raw/_errors/orders/*", "raw/orders", "raw/orders/*"]);
        const kms = statements.filter((s) => actions(s).some((a) => a.startsWith("kms:")));
        expect(kms).toHaveLength(1);
        expect(resources(kms[0])).toEqual([keyArn]);
        expect(kms[0].Condition?.StringLike?.["kms:ViaService"]).toBe("s3.*.amazonaws.com");
        const group = graph.one(types.logGroup).outputs.arn as string;
        const logs = statements.filter((s) => actions(s).some((a) => a.startsWith("logs:")));
        expect(logs).toEqual([{ Effect: "Allow", Action: ["logs:PutLogEvents"], Resource: [`${group}:log-stream:orders`] }]);
        const everything = statements.flatMap(resources);
        // Only GetBootstrapBrokers is granted on "*" (it has no resource-level permissions).
        expect(statements.filter((s) => resources(s).includes("*")).flatMap(actions)).toEqual(["kafka:GetBootstrapBrokers"]);
        for (const s of statements) expect(new Set(resources(s)).size).toBe(resources(s).length);
        expect(everything.some((r) => r.includes("payments"))).toBe(false);
    });

    it("attaches the MSK cluster policy that lets the Firehose service connect privately and read brokers, nothing more", () => {
        const policy = graph.one(types.clusterPolicy, "ingest-cluster-policy");
        expect(policy.inputs.clusterArn).toBe(CLUSTER_ARN);
        expect(policyStatements(policy)).toEqual([
            {
                Sid: "FirehoseMskPrivateConnectivity",
                Effect: "Allow",
                Principal: { Service: "firehose.amazonaws.com" },
                Action: ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"],
                Resource: [CLUSTER_ARN],
            },
        ]);
    });

    it("creates each stream only after its role policy and the cluster policy", () => {
        for (const topic of TOPICS) {
            expect(graph.dependsOn(stream(topic), rolePolicy(topic), { transitive: false })).toBe(true);
            expect(graph.dependsOn(stream(topic), graph.one(types.clusterPolicy), { transitive: false })).toBe(true);
        }
    });

    it("tells consumers where each topic lands", () => {
        const bucket = graph.outputs.bucket as string;
        expect(graph.outputs.locations).toEqual({ orders: `s3://${bucket}/raw/orders/`, "payments.v1": `s3://${bucket}/raw/payments.v1/` });
        expect(graph.outputs.errors).toBe(`s3://${bucket}/raw/_errors/`);
    });
});

describe("MskFirehoseIngest (event time, hourly, cluster policy owned elsewhere, cluster ARN from an output)", () => {
    let graph: ResourceGraph;
    let orders: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const lz = new LandingZone("lz", { protect: false, zones: { landing: {}, curated: {} } });
            new MskFirehoseIngest("clicks", {
                connection: mskIamConnection({ clusterArn: pulumi.output(CLUSTER_ARN) }),
                topics: ["orders"],
                storage: lz,
                zone: "landing",
                errorPath: "_failed",
                partitionBy: "hour",
                eventTime: { field: ".meta.ts", format: "epoch-millis" },
                bufferingIntervalSeconds: 60,
                bufferingSizeMiB: 128,
                startPosition: "stream-creation",
                manageClusterPolicy: false,
                logRetentionDays: 7,
            });
        });
        orders = graph.one(types.stream, "clicks-orders");
    });

    it("partitions by the record's own time field with inline jq, and makes JSON Lines", () => {
        const cfg = orders.inputs.extendedS3Configuration as Config;
        expect(cfg.prefix).toBe("landing/orders/dt=!{partitionKeyFromQuery:event_date}/hr=!{partitionKeyFromQuery:event_hour}/");
        expect(cfg.dynamicPartitioningConfiguration).toEqual({ enabled: true });
        expect(cfg.processingConfiguration).toEqual({
            enabled: true,
            processors: [
                {
                    type: "MetadataExtraction",
                    parameters: [
                        { parameterName: "JsonParsingEngine", parameterValue: "JQ-1.6" },
                        {
                            parameterName: "MetadataExtractionQuery",
                            parameterValue:
                                '{event_date:(((.meta.ts / 1000) | floor) | strftime("%Y-%m-%d")),event_hour:(((.meta.ts / 1000) | floor) | strftime("%H"))}',
                        },
                    ],
                },
                { type: "AppendDelimiterToRecord" },
            ],
        });
    });

    it("keeps errors on arrival time under the chosen zone and error folder, with the chosen buffering", () => {
        const cfg = orders.inputs.extendedS3Configuration as Config;
        expect(cfg.errorOutputPrefix).toBe("landing/_failed/orders/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/");
        expect([cfg.bufferingInterval, cfg.bufferingSize]).toEqual([60, 128]);
        expect(graph.one(types.logGroup).inputs.retentionInDays).toBe(7);
        const written = policyStatements(graph.one(types.rolePolicy, "clicks-orders-policy"))
            .filter((s) => actions(s).includes("s3:PutObject"))
            .flatMap(resources)
            .map((r) => r.replace(/^arn:aws:s3:::[^/]+\//, ""))
            .sort();
        expect(written).toEqual(["landing/_failed/orders/*", "landing/orders/*"]);
    });

    it("resolves topic ARNs from a cluster ARN that is an output", () => {
        const statements = policyStatements(graph.one(types.rolePolicy, "clicks-orders-policy"));
        const read = statements.filter((s) => actions(s).includes("kafka-cluster:ReadData")).flatMap(resources);
        expect(read).toEqual([topicArn("orders")]);
        expect((orders.inputs.mskSourceConfiguration as Config).mskClusterArn).toBe(CLUSTER_ARN);
    });

    it("starts at stream creation and leaves the cluster policy to its owner", () => {
        expect((orders.inputs.mskSourceConfiguration as Config).readFromTimestamp).toBeUndefined();
        expect(graph.ofType(types.clusterPolicy)).toHaveLength(0);
    });
});
