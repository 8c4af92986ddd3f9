import * as pulumi from "@pulumi/pulumi";
import { AreaLifecycle, LandingZone, LandingZoneArgs } from "../../landing-zone";
import {
    KafkaCluster,
    KafkaClusterArgs,
    KafkaTopics,
    MskServerlessCluster,
    MskServerlessClusterArgs,
    TopicShape,
    TopicSpec,
} from "../../kafka";
import { MskFlavour } from "../../core/contracts";
import { mskServerlessClusterSettings } from "../../kafka/msk-serverless-cluster-validate";
import { Validator } from "../../core/errors";
import { NetworkPlacement } from "../../platform";
import { ArchitectureDefaults, ArchitectureProfile, DAY_MS } from "./profile";
import { MSK_BROKER_SUBNETS, privateSubnets } from "./placement";
import { SpectrumValidationError } from "../../core/errors";
import { landingZoneSettings } from "../../landing-zone/landing-zone-validate";
import { kafkaClusterSettings } from "../../kafka/cluster-validate";
import { isExpressInstanceType } from "../../kafka/express-brokers";

/** Landing-zone settings an architecture lets its user override. */
export type LandingZoneOverrides = Omit<LandingZoneArgs, "tags">;
/**
 * Kafka cluster settings an architecture lets its user override, and the kind of cluster:
 * `flavour` `standard` (a `KafkaCluster` of Standard brokers), `express` (a `KafkaCluster` of Express
 * brokers, sized by the profile's Express type) or `serverless` (an `MskServerlessCluster`, which
 * takes only `clusterName`, `clientCidrBlocks` and `protect` of these). Default flavour: the profile's (`standard`).
 */
export type KafkaClusterOverrides = Omit<KafkaClusterArgs, "vpcId" | "subnetIds" | "tags"> & {
    /** The kind of MSK cluster: `standard`, `express` or `serverless`. Default: the profile's (`standard`). */
    flavour?: MskFlavour;
};
/** The Kafka cluster an architecture runs: provisioned (Standard or Express brokers) or Serverless. */
export type ArchitectureKafka = KafkaCluster | MskServerlessCluster;
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
    /** Kafka cluster overrides (`flavour`, brokers, storage, `tieredStorage`, version, ...). Default: the profile's. */
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
    v.throwIfInvalid();
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
    collect(() => {
        const flavour = kafkaFlavourOf(args);
        if (flavour !== "standard" && flavour !== "express" && flavour !== "serverless") {
            const v = new Validator("KafkaCluster", `${name}-kafka`);
            v.fail("flavour", flavour, "not a kind of MSK cluster", 'Use "standard", "express" or "serverless"');
            v.throwIfInvalid();
        }
        if (flavour === "serverless") {
            checkServerlessOverrides(name, args);
            mskServerlessClusterSettings(`${name}-kafka`, serverlessKafkaArgs(args));
            return;
        }
        const kafka = kafkaArgs(args);
        const instanceType = kafka.instanceType ?? "kafka.m7g.large";
        const express = isExpressInstanceType(instanceType);
        if (express !== (flavour === "express")) {
            const v = new Validator("KafkaClusterOverrides", `${name}-kafka`);
            v.fail(
                "kafka.instanceType",
                instanceType,
                `is ${express ? "an Express" : "a Standard"} broker type, and kafka.flavour is "${flavour}"`,
                express ? 'Set kafka.flavour: "express", or use a kafka.m7g.* type' : "Use an express.m7g.* type, or remove kafka.flavour",
            );
            v.throwIfInvalid();
        }
        kafkaClusterSettings(`${name}-kafka`, kafka);
    });
    if (problems.length > 0) throw new SpectrumValidationError(problems);
}

/**
 * What every architecture starts from: the landing zone (the lake) and the Kafka cluster with its
 * topics (the log), sized and protected by the profile, each overridable.
 */
export function createLakeAndLog(name: string, args: LakeAndLogArgs, parent: pulumi.Resource): LakeAndLog {
    const d = args.defaults;
    const lake = new LandingZone(`${name}-lake`, lakeArgs(args), { parent });
    const kafka: ArchitectureKafka =
        kafkaFlavourOf(args) === "serverless"
            ? new MskServerlessCluster(`${name}-kafka`, serverlessKafkaArgs(args), { parent })
            : new KafkaCluster(`${name}-kafka`, kafkaArgs(args), { parent });
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
