import * as pulumi from "@pulumi/pulumi";
import { AreaLifecycle, LandingZone, LandingZoneArgs } from "../../landing-zone";
import { ArchitectureTopic, KafkaClusterOverrides, LandingZoneOverrides } from "./base-args";
import {
    KafkaCluster,
    KafkaClusterArgs,
    KafkaTopics,
    KafkaTopicsArgs,
    MskServerlessCluster,
    MskServerlessClusterArgs,
    TopicShape,
} from "../../kafka";
import { MskFlavour } from "../../core/contracts";
import { Validator } from "../../core/errors";
import { mskServerlessClusterSettings } from "../../kafka/msk-serverless-cluster-validate";
import { isExpressInstanceType } from "../../kafka/express-brokers";
import { NetworkPlacement } from "../../platform";
import { ArchitectureDefaults, DAY_MS } from "./profile";
import { MSK_BROKER_SUBNETS, privateSubnets } from "./placement";
import { KafkaConnection, Storage } from "../../core/contracts";
import { landingZoneSettings } from "../../landing-zone/landing-zone-validate";
import { kafkaClusterSettings } from "../../kafka/cluster-validate";
import { kafkaTopicsSettings } from "../../kafka/topics-validate";
import { PartChecks, partFields, plannedConnection, plannedStorage } from "./parts-check";

export interface LakeAndLogArgs {
    defaults: ArchitectureDefaults;
    network: NetworkPlacement;
    /** Zones the architecture needs, merged under the user's own. */
    zones: Record<string, AreaLifecycle>;
    landingZone?: LandingZoneOverrides;
    kafka?: KafkaClusterOverrides;
    /** Security groups of producers and consumers outside the architecture. */
    kafkaClientSecurityGroupIds?: pulumi.Input<string>[];
    topics: Record<string, ArchitectureTopic>;
    previousTopics?: Record<string, TopicShape>;
    /** AWS services (Firehose) read the cluster over multi-VPC connectivity. */
    multiVpcConnectivity: boolean;
    tags: Record<string, string>;
}

/** The Kafka cluster an architecture runs: provisioned (Standard or Express brokers) or Serverless. */
export type ArchitectureKafka = KafkaCluster | MskServerlessCluster;

export interface LakeAndLog {
    lake: LandingZone;
    kafka: ArchitectureKafka;
    topics: KafkaTopics;
}

/** The keys of the Kafka overrides an MSK Serverless cluster takes (besides `flavour`). */
const SERVERLESS_OVERRIDES = ["clusterName", "clientCidrBlocks", "clientSecurityGroupIds", "protect"];

/** The kind of MSK cluster an architecture runs: the user's choice, else the profile's. */
export function kafkaFlavourOf(args: Pick<LakeAndLogArgs, "kafka" | "defaults">): MskFlavour {
    return args.kafka?.flavour ?? args.defaults.kafkaFlavour;
}

/** The LandingZone args an architecture passes: its zones, the profile's protection, the user's overrides. */
function lakeArgs(args: LakeAndLogArgs): LandingZoneArgs {
    return { protect: args.defaults.protect, ...args.landingZone, zones: { ...args.zones, ...args.landingZone?.zones }, tags: args.tags };
}

/**
 * The KafkaCluster args an architecture passes: the profile's sizes (for Express brokers, the
 * profile's Express type and no storage or broker-log settings, which Express has none of), the
 * user's overrides, the network's subnets.
 */
function kafkaArgs(args: LakeAndLogArgs): KafkaClusterArgs {
    const d = args.defaults;
    const { flavour, ...overrides } = args.kafka ?? {};
    const express = (flavour ?? d.kafkaFlavour) === "express";
    return {
        ...(express
            ? { instanceType: d.expressBrokerInstanceType }
            : {
                  instanceType: d.brokerInstanceType,
                  volumeSizeGiB: d.brokerVolumeGiB,
                  maxVolumeSizeGiB: d.brokerMaxVolumeGiB,
                  logRetentionDays: d.logRetentionDays,
              }),
        enhancedMonitoring: d.kafkaMonitoring,
        protect: d.protect,
        multiVpcConnectivity: args.multiVpcConnectivity,
        clientSecurityGroupIds: args.kafkaClientSecurityGroupIds,
        ...overrides,
        vpcId: args.network.vpcId,
        // MSK takes brokers in 2 or 3 zones (Express in 3).
        subnetIds: privateSubnets(args.network, MSK_BROKER_SUBNETS),
        tags: args.tags,
    };
}

/** The MskServerlessCluster args an architecture passes: its subnets and clients, the profile's protection, the user's overrides. */
function serverlessKafkaArgs(args: LakeAndLogArgs): MskServerlessClusterArgs {
    const overrides = args.kafka ?? {};
    return {
        protect: args.defaults.protect,
        ...(args.kafkaClientSecurityGroupIds ? { clientSecurityGroupIds: args.kafkaClientSecurityGroupIds } : {}),
        ...Object.fromEntries(SERVERLESS_OVERRIDES.filter((k) => k in overrides).map((k) => [k, overrides[k as keyof typeof overrides]])),
        vpcId: args.network.vpcId,
        subnetIds: privateSubnets(args.network, MSK_BROKER_SUBNETS),
        tags: args.tags,
    };
}

/** Overrides of provisioned brokers given with the Serverless flavour, which has no brokers to size or configure. */
function checkServerlessOverrides(name: string, args: LakeAndLogArgs): void {
    const v = new Validator("MskServerlessCluster", `${name}-kafka`);
    for (const [key, value] of Object.entries(args.kafka ?? {})) {
        if (key === "flavour" || SERVERLESS_OVERRIDES.includes(key)) continue;
        v.fail(
            key,
            value,
            "MSK Serverless has no brokers, storage or broker configuration to set",
            `Remove it, or use flavour "standard" or "express"; with "serverless" set only ${SERVERLESS_OVERRIDES.join(", ")}`,
        );
    }
    // MSK Serverless has no topic API: `pulumi up` creates the topics over Kafka, from wherever it
    // runs, and the cluster's endpoints admit nothing until a range or security group is allowed.
    const clientCidrs = args.kafka?.clientCidrBlocks ?? [];
    v.check(
        clientCidrs.length > 0 || (args.kafkaClientSecurityGroupIds ?? []).length > 0,
        "clientCidrBlocks",
        undefined,
        "is required with MSK Serverless: `pulumi up` creates the topics over the Kafka protocol, and the cluster admits no client until a range or security group is allowed",
        "Set kafka.clientCidrBlocks to the range `pulumi up` runs from (e.g. the VPC's CIDR for a deployment runner inside it), or kafkaClientSecurityGroupIds to the runner's security group",
    );
    v.throwIfInvalid();
}

/**
 * Checks the Kafka cluster's args for the flavour the architecture runs, and returns its broker
 * count when it has brokers: a Serverless cluster's own declaration, or a provisioned one's whose
 * instance type is of the flavour's kind (Express or Standard).
 */
function checkKafka(name: string, args: LakeAndLogArgs): { brokerCount?: number } {
    const flavour = kafkaFlavourOf(args);
    if (flavour === "serverless") {
        checkServerlessOverrides(name, args);
        mskServerlessClusterSettings(`${name}-kafka`, serverlessKafkaArgs(args));
        return {};
    }
    const kafka = kafkaArgs(args);
    const instanceType = kafka.instanceType ?? "kafka.m7g.large";
    const express = isExpressInstanceType(instanceType);
    if (express !== (flavour === "express")) {
        const v = new Validator("KafkaCluster", `${name}-kafka`);
        v.fail(
            "instanceType",
            instanceType,
            `is ${express ? "an Express" : "a Standard"} broker type, and kafka.flavour is "${flavour}"`,
            express ? 'Set kafka.flavour: "express", or use a kafka.m7g.* type' : "Use an express.m7g.* type, or remove kafka.flavour",
        );
        v.throwIfInvalid();
    }
    return kafkaClusterSettings(`${name}-kafka`, kafka);
}

/** The KafkaTopics args an architecture passes: its topics, sized and protected by the profile. */
function topicsArgs(args: LakeAndLogArgs, connection: KafkaConnection): KafkaTopicsArgs {
    const d = args.defaults;
    return {
        connection,
        defaults: { partitions: d.topicPartitions, retentionMs: d.topicRetentionDays * DAY_MS, protect: d.protect },
        // A compacted topic keeps every key's last record: the profile's time retention is not for it
        // (an explicit undefined hides the shared default).
        topics:
            args.topics &&
            Object.fromEntries(
                Object.entries(args.topics).map(([topic, spec]) => [
                    topic,
                    spec?.cleanupPolicy === "compact" && !("retentionMs" in spec) ? { ...spec, retentionMs: undefined } : spec,
                ]),
            ),
        previous: args.previousTopics,
    };
}

/** What the parts built after the lake and log see of them before they exist. */
export interface PlannedLakeAndLog {
    storage: Storage;
    connection: KafkaConnection;
}

/**
 * Checks the landing zone's, the Kafka cluster's and the topics' args as the architecture will pass
 * them, before any is created, recording their problems on `checks` at the architecture's fields
 * (`landingZone.protet`, `kafka.instanceType`, `topics.events.partitions`). `topicsField` is where
 * the architecture's user declares the topics. Returns what later parts are checked against.
 */
export function checkLakeAndLog(checks: PartChecks, name: string, args: LakeAndLogArgs, topicsField = "topics"): PlannedLakeAndLog {
    const lake = checks.run(partFields("landingZone", args.landingZone, { tags: "tags" }), () =>
        landingZoneSettings(`${name}-lake`, lakeArgs(args)),
    );
    const kafka = checks.run(
        partFields("kafka", args.kafka, {
            vpcId: "network.vpcId",
            subnetIds: "network.privateSubnetIds",
            clientSecurityGroupIds: "kafkaClientSecurityGroupIds",
            tags: "tags",
        }),
        () => checkKafka(name, args),
    );
    const storage = plannedStorage(`${name}-lake`, lake ? Object.keys(lake.areas) : Object.keys(args.zones));
    const connection = plannedConnection(kafka?.brokerCount, kafkaFlavourOf(args));
    checks.run(partFields("", {}, { topics: topicsField, previous: "previousTopics", defaults: "profile", connection: "kafka" }), () =>
        kafkaTopicsSettings(`${name}-topics`, topicsArgs(args, connection)),
    );
    return { storage, connection };
}

/**
 * What every architecture starts from: the landing zone (the lake) and the Kafka cluster with its
 * topics (the log), sized and protected by the profile, each overridable.
 */
export function createLakeAndLog(name: string, args: LakeAndLogArgs, parent: pulumi.Resource): LakeAndLog {
    const lake = new LandingZone(`${name}-lake`, lakeArgs(args), { parent });
    const kafka: ArchitectureKafka =
        kafkaFlavourOf(args) === "serverless"
            ? new MskServerlessCluster(`${name}-kafka`, serverlessKafkaArgs(args), { parent })
            : new KafkaCluster(`${name}-kafka`, kafkaArgs(args), { parent });
    const topics = new KafkaTopics(`${name}-topics`, topicsArgs(args, kafka.connection), { parent });
    return { lake, kafka, topics };
}
