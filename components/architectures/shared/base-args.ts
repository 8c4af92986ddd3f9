/**
 * The declarations every architecture shares: its profile and network, the overrides of its lake
 * and log, its topics, and the ingest and batch overrides of the hybrid and Lambda batch layers.
 * Each override is the part's own declaration less what the architecture supplies, so it is
 * checked exactly as the part checks it (an unknown key gets a "did you mean").
 */
import { v, strict, map, input, explain, awsTagMap, overridesOf, closestMatch } from "../../core/schema";
import { landingZoneShape } from "../../landing-zone/landing-zone-args";
import { kafkaClusterShape } from "../../kafka/cluster-args";
import { topicEntry, topicShape } from "../../kafka/topic-args";
import { mskFirehoseIngestShape } from "../../ingest/msk-firehose-ingest-args";
import { SparkRuntime, sparkBatchJobShape } from "../../spark/spark-batch-job-args";
import { emrServerlessApplicationShape } from "../../spark/emr-serverless-application-args";
import { MSK_FLAVOURS } from "../../core/schema/contracts";
import { platformClusterShape } from "../../platform/cluster-args";
import { ARCHITECTURE_PROFILES } from "./profile";

/** `dev` or `prod`, with what each means in the fix. */
export const architectureProfile = v.picklist(ARCHITECTURE_PROFILES, (issue) => {
    const close = typeof issue.input === "string" ? closestMatch(issue.input, ARCHITECTURE_PROFILES) : undefined;
    return explain(
        "not a profile",
        `${close ? `Did you mean "${close}"? ` : ""}Use one of ${ARCHITECTURE_PROFILES.join(", ")}: dev is small and unprotected, prod is highly available and protected`,
    );
});

/** Landing-zone settings an architecture lets its user override: LandingZone's args less `tags`. */
export const landingZoneOverrides = strict(overridesOf(landingZoneShape, ["tags"]));
/** Landing-zone settings an architecture lets its user override. */
export type LandingZoneOverrides = v.InferInput<typeof landingZoneOverrides>;

/** The declaration of the kind of MSK cluster an architecture runs, beside the KafkaCluster overrides. */
export const kafkaFlavourShape = {
    /** The kind of MSK cluster: `standard` (Standard brokers), `express` (Express brokers, sized by the profile's Express type) or `serverless` (an `MskServerlessCluster`, which takes only `clusterName`, `clientCidrBlocks`, `clientSecurityGroupIds` and `protect` of these). Default: the profile's (`standard`). */
    flavour: v.optional(v.picklist(MSK_FLAVOURS)),
};
/** Kafka cluster settings an architecture lets its user override: KafkaCluster's args less the network and `tags`, and the `flavour`. */
export const kafkaClusterOverrides = strict({ ...overridesOf(kafkaClusterShape, ["vpcId", "subnetIds", "tags"]), ...kafkaFlavourShape });
/** Kafka cluster settings an architecture lets its user override. */
export type KafkaClusterOverrides = v.InferInput<typeof kafkaClusterOverrides>;

/** A topic an architecture declares: KafkaTopics' topic declaration. */
export const architectureTopic = topicEntry;
/** A topic an architecture declares. */
export type ArchitectureTopic = v.InferInput<typeof architectureTopic>;

/** Ingest settings an architecture lets its user override: MskFirehoseIngest's args less what the batch layer supplies. */
export const ingestOverrides = strict(overridesOf(mskFirehoseIngestShape, ["connection", "topics", "storage", "zone", "tags"]));
/** Ingest settings an architecture lets its user override. */
export type IngestOverrides = v.InferInput<typeof ingestOverrides>;

/** Batch-job settings an architecture lets its user override: SparkBatchJob's args less what the batch layer supplies (`cluster` and `idleTimeoutMinutes` apply to the `emr-ec2` runtime only). */
export const batchOverrides = strict(overridesOf(sparkBatchJobShape, ["storage", "network", "serverless", "inputs", "outputs", "tags"]));

/** EMR Serverless application settings an architecture lets its user override: EmrServerlessApplication's args less the landing zone, network and tags. */
export const serverlessApplicationOverrides = strict(overridesOf(emrServerlessApplicationShape, ["storage", "network", "tags"]));
/** EMR Serverless application settings an architecture lets its user override. */
export type ServerlessApplicationOverrides = v.InferInput<typeof serverlessApplicationOverrides>;

/** The declaration of where an architecture's Spark jobs run, and how. */
export const sparkRuntimeOverridesShape = {
    /**
     * `emr-ec2` (transient clusters for batch, a long-running cluster for Structured Streaming) or
     * `emr-serverless` (one EMR Serverless application for batch, another for streaming). Default:
     * the profile's (dev `emr-serverless`, prod `emr-ec2`).
     */
    runtime: v.optional(v.picklist(["emr-ec2", "emr-serverless"] as const satisfies readonly SparkRuntime[])),
    /** The EMR Serverless applications' settings (release, capacity, idle timeout, ...). Default: the profile's capacity ceiling, Graviton workers. */
    serverless: v.optional(serverlessApplicationOverrides),
};
/** The schema of {@link sparkRuntimeOverridesShape}. */
export const sparkRuntimeOverrides: v.StrictObjectSchema<typeof sparkRuntimeOverridesShape, undefined> = strict(sparkRuntimeOverridesShape);
/** Where an architecture's Spark jobs run, and how. */
export type SparkRuntimeOverrides = v.InferInput<typeof sparkRuntimeOverrides>;
/** Batch-job settings an architecture lets its user override; by default it runs the bundled hourly script. */
export type BatchOverrides = v.InferInput<typeof batchOverrides>;

/** The network an architecture runs in: a `PlatformNetwork`, or a placement of your own. */
export const architectureNetwork = platformClusterShape.network.wrapped;

/** The declaration of what every architecture takes: its profile and network, and overrides of its lake and log. */
export const architectureBaseShape = {
    /** `dev`: smallest that works, nothing protected (throwaway). `prod`: highly available, bigger, everything protected. Default: none (required). */
    profile: architectureProfile,
    /** VPC and private subnets (at least 2 AZs) to run in: a `PlatformNetwork`, or your own. Default: none (required). */
    network: architectureNetwork,
    /** The deployed topic shapes (the stack's `kafkaTopics` output, keyed by topic name), so shrinking or replacing a topic fails at preview. Default: unknown. */
    previousTopics: v.optional(map(v.string(), topicShape)),
    /** Security groups that may reach the brokers: Kubernetes nodes running jobs, and producers and consumers outside. Default: none. */
    kafkaClientSecurityGroupIds: v.optional(v.array(input(v.string()))),
    /** Landing-zone overrides (zones, lifecycle, protect). Default: the profile's, with the zones the architecture needs. */
    landingZone: v.optional(landingZoneOverrides),
    /** Kafka cluster overrides (`flavour`, brokers, storage, `tieredStorage`, version, ...). Default: the profile's. */
    kafka: v.optional(kafkaClusterOverrides),
    /** Tags added to every AWS resource. Default: none (`spectrum:architecture: <architecture>` is always added). */
    tags: v.optional(awsTagMap()),
};
/** The schema of {@link architectureBaseShape}. */
export const architectureBaseArgs: v.StrictObjectSchema<typeof architectureBaseShape, undefined> = strict(architectureBaseShape);
/** What every architecture takes: its profile and network, and overrides of its lake and log. */
export type ArchitectureBaseArgs = v.InferInput<typeof architectureBaseArgs>;
