import { PlannedResource, ResourceGraph } from "../../testing";
import { Problem, closestMatch } from "../../components/core/schema";
import { PlannedTopic, keepsLog, localRetentionMs, plannedTopics } from "../plan-topics";
import { isExpressInstanceType } from "../../components/kafka/express-brokers";
import {
    CAPACITY_CHECK_IDS,
    CapacityCheck,
    brokerStorage,
    brokersAcrossZones,
    expressIngress,
    expressPartitionsPerBroker,
    firehoseThroughput,
    flinkParallelism,
    partitionsPerBroker,
    replicasFitBrokers,
    serverlessIngress,
    serverlessPartitionIngress,
    serverlessPartitions,
    streamsThreads,
} from "./checks";
import { DeclaredLoad, bytesPerSecond } from "./load";

/** A check's verdict in a report: passed, failed, failed but waived, or not run (and why). */
export interface CapacityResult {
    id: string;
    subject: string;
    status: "pass" | "fail" | "waived" | "skipped";
    check?: CapacityCheck;
    /** Why a check was waived or skipped. */
    reason?: string;
}

export interface CapacityReport {
    stack: string;
    region: string;
    load?: DeclaredLoad;
    results: CapacityResult[];
    /** Failed checks that are not waived: the plan fails with them. */
    failures: number;
}

function inputAt(r: PlannedResource, path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), r.inputs);
}

/** Express brokers keep `min.insync.replicas` at 2, whatever a topic or configuration asks. */
const EXPRESS_MIN_ISR = 2;

/** `min.insync.replicas` a cluster's configuration sets for topics without their own. */
function clusterMinIsr(graph: ResourceGraph, cluster: PlannedResource): number {
    const configuration = graph.resources.find((r) => cluster.propertyDependencies.configurationInfo?.includes(r.urn));
    const match = /^\s*min\.insync\.replicas\s*=\s*(\d+)/m.exec(String(configuration?.inputs.serverProperties ?? ""));
    return match ? Number(match[1]) : 1;
}

/** The auto-scaling ceiling of a cluster's broker storage, when an Application Auto Scaling target grows it. */
function storageCeiling(graph: ResourceGraph, cluster: PlannedResource): number | undefined {
    const target = graph
        .ofType("aws:appautoscaling/target:Target")
        .find(
            (t) =>
                t.propertyDependencies.resourceId?.includes(cluster.urn) &&
                t.inputs.scalableDimension === "kafka:broker-storage:VolumeSize",
        );
    return typeof target?.inputs.maxCapacity === "number" ? target.inputs.maxCapacity : undefined;
}

/** Runs every capacity check the plan has the numbers for; those needing load are skipped without a declared load. */
export function capacityReport(graph: ResourceGraph, region: string, load: DeclaredLoad | undefined): CapacityReport {
    const results: CapacityResult[] = [];
    const add = (check: CapacityCheck | undefined) => {
        if (!check) return;
        const reason = load ? waiverOf(load, check.id, check.subject) : undefined;
        results.push({
            id: check.id,
            subject: check.subject,
            check,
            status: check.ok ? "pass" : reason ? "waived" : "fail",
            ...(reason && !check.ok ? { reason } : {}),
        });
    };
    const skip = (id: string, subject: string, reason: string) => results.push({ id, subject, status: "skipped", reason });
    const topics = plannedTopics(graph);
    const loadOf = (t: PlannedTopic) => (load && Object.hasOwn(load.topics, t.name) ? load.topics[t.name] : undefined);

    for (const cluster of graph.ofType("aws:msk/cluster:Cluster")) {
        const brokers = Number(cluster.inputs.numberOfBrokerNodes ?? 0);
        const zones = (inputAt(cluster, "brokerNodeGroupInfo.clientSubnets") as unknown[] | undefined)?.length ?? 0;
        const instanceType = String(inputAt(cluster, "brokerNodeGroupInfo.instanceType"));
        const own = topics.filter((t) => t.clusterUrn === cluster.urn);
        add(brokersAcrossZones({ cluster: cluster.name, brokers, zones }));
        const express = isExpressInstanceType(instanceType);
        const replicas = own.reduce((n, t) => n + t.partitions * t.replicationFactor, 0);
        const partitionArgs = { cluster: cluster.name, instanceType, brokers, partitionReplicas: replicas };
        const perBroker = express ? expressPartitionsPerBroker(partitionArgs) : partitionsPerBroker(partitionArgs);
        if (perBroker) add(perBroker);
        else skip("partitions-per-broker", cluster.name, `MSK publishes no partition guidance for ${instanceType}`);
        const minIsr = express ? EXPRESS_MIN_ISR : clusterMinIsr(graph, cluster);
        for (const t of own) {
            add(
                replicasFitBrokers({
                    topic: t.name,
                    replicationFactor: t.replicationFactor,
                    minInsyncReplicas: express ? EXPRESS_MIN_ISR : Number(t.configs["min.insync.replicas"] ?? minIsr),
                    brokers,
                }),
            );
        }
        if (express) {
            // MSK manages Express storage (no volume to fill); what bounds an Express broker is its ingress.
            if (!load) skip("express-ingress", cluster.name, "no declared load (spectrum:load)");
            else {
                const declared = own.filter((t) => loadOf(t));
                const peak = declared.reduce((sum, t) => sum + bytesPerSecond(loadOf(t)!), 0) * load.peakFactor;
                const check = expressIngress({ cluster: cluster.name, instanceType, brokers, peakBytesPerSecond: peak });
                if (check) add(check);
                else skip("express-ingress", cluster.name, `MSK publishes no ingress guidance for ${instanceType}`);
            }
            continue;
        }
        if (!load) {
            skip("broker-storage", cluster.name, "no declared load (spectrum:load)");
            continue;
        }
        const undeclared = own.filter((t) => !loadOf(t)).map((t) => t.name);
        const storageTopics = own
            .filter((t) => loadOf(t))
            .map((t) => {
                const l = loadOf(t)!;
                const retention = l.retentionHours !== undefined ? l.retentionHours * 3600 : localRetentionMs(t) / 1000;
                return {
                    topic: t.name,
                    bytesPerSecond: bytesPerSecond(l),
                    localRetentionSeconds: retention,
                    replicationFactor: t.replicationFactor,
                };
            });
        const unbounded = storageTopics.filter((t) => !Number.isFinite(t.localRetentionSeconds)).map((t) => t.topic);
        if (unbounded.length > 0) {
            skip(
                "broker-storage",
                cluster.name,
                `${unbounded.join(", ")} keep records forever (compacted or retention -1): declare retentionHours for them`,
            );
            continue;
        }
        const volumeGiB = Number(inputAt(cluster, "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize") ?? 0);
        add(
            brokerStorage({ cluster: cluster.name, brokers, volumeGiB, ceilingGiB: storageCeiling(graph, cluster), topics: storageTopics }),
        );
        if (undeclared.length > 0)
            skip("broker-storage", `${cluster.name} (${undeclared.join(", ")})`, "no declared load for these topics: not counted");
    }

    for (const cluster of graph.ofType("aws:msk/serverlessCluster:ServerlessCluster")) {
        const own = topics.filter((t) => t.clusterUrn === cluster.urn);
        for (const compacted of [false, true]) {
            const partitions = own.filter((t) => !keepsLog(t) === compacted).reduce((n, t) => n + t.partitions, 0);
            if (compacted && partitions === 0) continue;
            add(serverlessPartitions({ cluster: cluster.name, compacted, partitions }));
        }
        if (!load) {
            skip("serverless-ingress", cluster.name, "no declared load (spectrum:load)");
            continue;
        }
        const declared = own.filter((t) => loadOf(t));
        const peakOf = (t: PlannedTopic) => bytesPerSecond(loadOf(t)!) * load.peakFactor;
        add(serverlessIngress({ cluster: cluster.name, peakBytesPerSecond: declared.reduce((sum, t) => sum + peakOf(t), 0) }));
        for (const t of declared)
            add(serverlessPartitionIngress({ topic: t.name, partitions: t.partitions, peakBytesPerSecond: peakOf(t) }));
    }

    for (const deployment of graph.ofType("kubernetes:flink.apache.org/v1beta1:FlinkDeployment")) {
        const parallelism = Number(inputAt(deployment, "spec.job.parallelism") ?? 1);
        const used = topics
            .filter((t) => deployment.dependencies.includes(t.resource.urn))
            .map((t) => ({ name: t.name, partitions: t.partitions }));
        const check = flinkParallelism({ job: deployment.name, parallelism, topics: used });
        if (check) add(check);
        else skip("flink-parallelism", deployment.name, "no Kafka topic in the plan feeds this job");
    }

    for (const app of graph.ofType("kubernetes:apps/v1:StatefulSet")) {
        const labels = (inputAt(app, "metadata.labels") ?? {}) as Record<string, unknown>;
        if (labels["app.kubernetes.io/component"] !== "kafka-streams") continue;
        const check = streamsCheck(graph, app, topics);
        if (check) add(check);
        else skip("streams-threads", app.name, "the plan shows no input topic granted to this app");
    }

    for (const stream of graph.ofType("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")) {
        const topic = inputAt(stream, "mskSourceConfiguration.topicName");
        if (typeof topic !== "string") continue;
        const l = load && Object.hasOwn(load.topics, topic) ? load.topics[topic] : undefined;
        if (!l) {
            skip("firehose-throughput", stream.name, load ? `no declared load for topic ${topic}` : "no declared load (spectrum:load)");
            continue;
        }
        const s3 = (inputAt(stream, "extendedS3Configuration") ?? {}) as Record<string, unknown>;
        add(
            firehoseThroughput({
                stream: stream.name,
                region,
                averageBytesPerSecond: bytesPerSecond(l),
                peakBytesPerSecond: bytesPerSecond(l) * (load?.peakFactor ?? 1),
                bufferingSizeMiB: Number(s3.bufferingSize ?? 5),
                bufferingIntervalSeconds: Number(s3.bufferingInterval ?? 300),
            }),
        );
    }
    return { stack: graph.stack, region, load, results, failures: results.filter((r) => r.status === "fail").length };
}

/** Statements of an IAM policy document as the plan holds it (a JSON string). */
function statementsOf(policy: unknown): Array<{ actions: string[]; resources: string[] }> {
    let doc: unknown = policy;
    if (typeof policy === "string") {
        try {
            doc = JSON.parse(policy);
        } catch {
            return [];
        }
    }
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
    const statements = (doc as { Statement?: unknown } | undefined)?.Statement;
    return (Array.isArray(statements) ? statements : []).map((st: Record<string, unknown>) => ({
        actions: list(st.Action),
        resources: list(st.Resource),
    }));
}

/**
 * The topics a Kafka Streams app reads, by what it is granted (its IAM policy's `ReadData` on topic
 * ARNs, or its Kafka ACLs' literal `Read`): the plan does not otherwise tell its inputs from its
 * outputs. Its internal topics are granted by prefix and left out.
 */
function streamsInputs(graph: ResourceGraph, app: PlannedResource, topics: PlannedTopic[]): PlannedTopic[] {
    const names = new Set<string>();
    for (const r of graph.resources.filter((r) => r.parent === app.parent)) {
        if (r.type === "aws:iam/rolePolicy:RolePolicy" || r.type === "aws:iam/policy:Policy") {
            for (const st of statementsOf(r.inputs.policy)) {
                if (!st.actions.includes("kafka-cluster:ReadData")) continue;
                for (const arn of st.resources) {
                    const topic = /:topic\/[^/]+\/[^/]+\/([^/*]+)$/.exec(arn)?.[1];
                    if (topic) names.add(topic);
                }
            }
        }
        if (
            r.type === "kafka:index/acl:Acl" &&
            r.inputs.aclResourceType === "Topic" &&
            r.inputs.aclOperation === "Read" &&
            r.inputs.resourcePatternTypeFilter === "Literal"
        )
            names.add(String(r.inputs.aclResourceName));
    }
    return topics.filter((t) => names.has(t.name));
}

/**
 * A Kafka Streams app (KafkaStreamsApp's StatefulSet): its stream threads at the most replicas (the
 * KEDA scaler's maximum, else the StatefulSet's) against the partitions of its widest input topic,
 * the tasks of a single sub-topology (waive it for an app whose sub-topologies give more tasks).
 */
function streamsCheck(graph: ResourceGraph, app: PlannedResource, topics: PlannedTopic[]): CapacityCheck | undefined {
    const inputs = streamsInputs(graph, app, topics);
    if (inputs.length === 0) return undefined;
    const properties = graph.resources
        .filter((r) => r.type === "kubernetes:core/v1:ConfigMap" && app.dependencies.includes(r.urn))
        .map((r) => String(((inputAt(r, "data") ?? {}) as Record<string, unknown>)["streams.properties"] ?? ""))
        .join("\n");
    const threads = Number(/^\s*num\.stream\.threads\s*=\s*(\d+)/m.exec(properties)?.[1] ?? 1);
    const name = inputAt(app, "metadata.name");
    const namespace = inputAt(app, "metadata.namespace");
    const scaler = graph
        .ofType("kubernetes:keda.sh/v1alpha1:ScaledObject")
        .find(
            (r) =>
                inputAt(r, "metadata.namespace") === namespace &&
                inputAt(r, "spec.scaleTargetRef.kind") === "StatefulSet" &&
                inputAt(r, "spec.scaleTargetRef.name") === name,
        );
    const maxReplicas = Number(inputAt(scaler ?? app, scaler ? "spec.maxReplicaCount" : "spec.replicas") ?? 1);
    return streamsThreads({ app: app.name, maxReplicas, threads, inputPartitions: Math.max(...inputs.map((t) => t.partitions)) });
}

function waiverOf(load: DeclaredLoad, id: string, subject: string): string | undefined {
    for (const key of [`${id}/${subject}`, id]) if (Object.hasOwn(load.waive, key)) return load.waive[key];
    return undefined;
}

/**
 * What in a declared load names nothing the plan has: a topic no cluster carries (a misspelt name,
 * or Kappa's input name where its versioned output is meant) or a waiver of a check that does not
 * exist. Each would otherwise be ignored, and the check it meant would run without it.
 */
export function loadNameProblems(graph: ResourceGraph, load: DeclaredLoad): Problem[] {
    const problems: Problem[] = [];
    const names = [...new Set(plannedTopics(graph).map((t) => t.name))];
    for (const name of Object.keys(load.topics)) {
        if (names.includes(name)) continue;
        const close = closestMatch(name, names);
        problems.push({
            field: `spectrum:load.topics.${name}`,
            value: load.topics[name],
            problem: "is not a topic of this stack",
            fix: `${close ? `Did you mean "${close}"? ` : ""}Declare the load of one of ${names.join(", ")}`,
        });
    }
    for (const key of Object.keys(load.waive)) {
        const id = key.split("/")[0];
        if (CAPACITY_CHECK_IDS.includes(id)) continue;
        const close = closestMatch(id, CAPACITY_CHECK_IDS);
        problems.push({
            field: `spectrum:load.waive.${key}`,
            value: load.waive[key],
            problem: "waives no capacity check",
            fix: `${close ? `Did you mean "${close}"? ` : ""}Use a check id: ${CAPACITY_CHECK_IDS.join(", ")}`,
        });
    }
    return problems;
}
