import * as pulumi from "@pulumi/pulumi";
import { AreaLifecycle, LandingZone, LandingZoneArgs } from "../../landing-zone";
import { ArchitectureTopic, KafkaClusterOverrides, LandingZoneOverrides } from "./base-args";
import { KafkaCluster, KafkaClusterArgs, KafkaTopics, KafkaTopicsArgs, TopicShape } from "../../kafka";
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

export interface LakeAndLog {
    lake: LandingZone;
    kafka: KafkaCluster;
    topics: KafkaTopics;
}

/** The LandingZone args an architecture passes: its zones, the profile's protection, the user's overrides. */
function lakeArgs(args: LakeAndLogArgs): LandingZoneArgs {
    return { protect: args.defaults.protect, ...args.landingZone, zones: { ...args.zones, ...args.landingZone?.zones }, tags: args.tags };
}

/** The KafkaCluster args an architecture passes: the profile's sizes, the user's overrides, the network's subnets. */
function kafkaArgs(args: LakeAndLogArgs): KafkaClusterArgs {
    const d = args.defaults;
    return {
        instanceType: d.brokerInstanceType,
        volumeSizeGiB: d.brokerVolumeGiB,
        maxVolumeSizeGiB: d.brokerMaxVolumeGiB,
        enhancedMonitoring: d.kafkaMonitoring,
        logRetentionDays: d.logRetentionDays,
        protect: d.protect,
        multiVpcConnectivity: args.multiVpcConnectivity,
        clientSecurityGroupIds: args.kafkaClientSecurityGroupIds,
        ...args.kafka,
        vpcId: args.network.vpcId,
        // MSK takes brokers in 2 or 3 zones.
        subnetIds: privateSubnets(args.network, MSK_BROKER_SUBNETS),
        tags: args.tags,
    };
}

/** The KafkaTopics args an architecture passes: its topics, sized and protected by the profile. */
function topicsArgs(args: LakeAndLogArgs, connection: KafkaConnection): KafkaTopicsArgs {
    const d = args.defaults;
    return {
        connection,
        defaults: { partitions: d.topicPartitions, retentionMs: d.topicRetentionDays * DAY_MS, protect: d.protect },
        topics: args.topics,
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
        () => kafkaClusterSettings(`${name}-kafka`, kafkaArgs(args)),
    );
    const storage = plannedStorage(`${name}-lake`, lake ? Object.keys(lake.areas) : Object.keys(args.zones));
    const connection = plannedConnection(kafka?.brokerCount);
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
    const kafka = new KafkaCluster(`${name}-kafka`, kafkaArgs(args), { parent });
    const topics = new KafkaTopics(`${name}-topics`, topicsArgs(args, kafka.connection), { parent });
    return { lake, kafka, topics };
}
