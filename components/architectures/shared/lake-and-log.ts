import * as pulumi from "@pulumi/pulumi";
import { AreaLifecycle, LandingZone, LandingZoneArgs } from "../../landing-zone";
import { KafkaCluster, KafkaClusterArgs, KafkaTopics, TopicShape, TopicSpec } from "../../kafka";
import { NetworkPlacement } from "../../platform";
import { ArchitectureDefaults, ArchitectureProfile, DAY_MS } from "./profile";
import { MSK_BROKER_SUBNETS, privateSubnets } from "./placement";
import { SpectrumValidationError } from "../../core/errors";
import { landingZoneSettings } from "../../landing-zone/landing-zone-validate";
import { kafkaClusterSettings } from "../../kafka/cluster-validate";

/** Landing-zone settings an architecture lets its user override. */
export type LandingZoneOverrides = Omit<LandingZoneArgs, "tags">;
/** Kafka cluster settings an architecture lets its user override. */
export type KafkaClusterOverrides = Omit<KafkaClusterArgs, "vpcId" | "subnetIds" | "tags">;
/** A topic an architecture declares. */
export type ArchitectureTopic = Omit<TopicSpec, "previous">;

/** What every architecture takes: its profile and network, and overrides of its lake and log. */
export interface ArchitectureBaseArgs {
    /** `dev`: smallest that works, nothing protected (throwaway). `prod`: highly available, bigger, everything protected. Required. */
    profile: ArchitectureProfile;
    /** VPC and private subnets (at least 2 AZs) to run in: a `PlatformNetwork`, or your own. Required. */
    network: NetworkPlacement;
    /** The deployed topic shapes (the stack's `kafkaTopics` output, keyed by topic name), so shrinking or replacing a topic fails at preview. Default: unknown. */
    previousTopics?: Record<string, TopicShape>;
    /** Security groups that may reach the brokers: Kubernetes nodes running jobs, and producers and consumers outside. Default: none. */
    kafkaClientSecurityGroupIds?: pulumi.Input<string>[];
    /** Landing-zone overrides (zones, lifecycle, protect). Default: the profile's, with the zones the architecture needs. */
    landingZone?: LandingZoneOverrides;
    /** Kafka cluster overrides (brokers, storage, `tieredStorage`, version, ...). Default: the profile's. */
    kafka?: KafkaClusterOverrides;
    /** Tags added to every AWS resource. Default: none (`spectrum:architecture: <architecture>` is always added). */
    tags?: Record<string, string>;
}

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

/**
 * Checks the landing zone's and the Kafka cluster's args together, before either is created, and
 * throws one SpectrumValidationError with the problems of both: an invalid Kafka override is
 * reported before the landing zone's resources are registered, together with any lake problem.
 */
export function checkLakeAndLog(name: string, args: LakeAndLogArgs): void {
    const problems: string[] = [];
    const collect = (check: () => void) => {
        try {
            check();
        } catch (error) {
            if (!(error instanceof SpectrumValidationError)) throw error;
            problems.push(...error.problems);
        }
    };
    collect(() => landingZoneSettings(`${name}-lake`, lakeArgs(args)));
    collect(() => kafkaClusterSettings(`${name}-kafka`, kafkaArgs(args)));
    if (problems.length > 0) throw new SpectrumValidationError(problems);
}

/**
 * What every architecture starts from: the landing zone (the lake) and the Kafka cluster with its
 * topics (the log), sized and protected by the profile, each overridable.
 */
export function createLakeAndLog(name: string, args: LakeAndLogArgs, parent: pulumi.Resource): LakeAndLog {
    const d = args.defaults;
    const lake = new LandingZone(`${name}-lake`, lakeArgs(args), { parent });
    const kafka = new KafkaCluster(`${name}-kafka`, kafkaArgs(args), { parent });
    const topics = new KafkaTopics(
        `${name}-topics`,
        {
            connection: kafka.connection,
            defaults: { partitions: d.topicPartitions, retentionMs: d.topicRetentionDays * DAY_MS, protect: d.protect },
            topics: args.topics,
            previous: args.previousTopics,
        },
        { parent },
    );
    return { lake, kafka, topics };
}
