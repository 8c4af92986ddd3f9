import { Validator } from "../../core/errors";
import { awsTags } from "../../core/tags";
import { checkProfile } from "../shared/profile-check";
import { EMR_FLEET_SUBNETS, checkNetwork, privateSubnets } from "../shared/placement";
import { ARTIFACTS_ZONE, BatchLayerSpec, CURATED_ZONE, RAW_ZONE, checkBatchLayer, checkBatchTopics } from "../shared/batch-layer";
import { LakeAndLogArgs, checkLakeAndLog } from "../shared/lake-and-log";
import { PartChecks } from "../shared/parts-check";
import { SparkApplicationArgs, checkSparkRuntime, plannedServerless } from "../shared/spark-runtime";
import { HYBRID_COMPONENT, HybridArchitectureArgs, HybridSettings, hybridArchitectureArgs, resolveHybridSettings } from "./hybrid-args";

/** Checks the architecture's own rules across fields; throws one error listing every problem. */
export function validateHybridArchitecture(name: string, args: HybridArchitectureArgs, s: HybridSettings): void {
    const v = new Validator(HYBRID_COMPONENT, name);
    checkProfile(v, args.profile);
    checkNetwork(v, args.network);
    checkBatchTopics(v, s.topics, args.batch?.application === undefined);
    v.throwIfInvalid();
}

/** What the architecture builds its parts from, once every part's args have passed. */
export interface HybridPlan {
    settings: HybridSettings;
    lakeAndLog: LakeAndLogArgs;
    batch: BatchLayerSpec;
    spark: SparkApplicationArgs;
}

/**
 * Checks everything before the first resource: the args against their declaration, the
 * architecture's own rules, then the args of every part as they will be passed (landing zone,
 * Kafka cluster, topics, ingest, batch job), each problem at the field the user wrote. Throws one
 * SpectrumValidationError listing every problem; returns what the parts are built from.
 */
export function planHybridArchitecture(name: string, args: HybridArchitectureArgs): HybridPlan {
    const checks = new PartChecks(HYBRID_COMPONENT, name);
    checks.shape(hybridArchitectureArgs, args);
    const settings = checks.resolve(() => resolveHybridSettings(args));
    checks.own(() => validateHybridArchitecture(name, args, settings));
    checks.throwIfInvalid();
    const tags = awsTags(HYBRID_COMPONENT, args.tags, "hybrid");
    const lakeAndLog: LakeAndLogArgs = {
        defaults: settings.defaults,
        network: args.network,
        zones: { [RAW_ZONE]: {}, [CURATED_ZONE]: {}, [ARTIFACTS_ZONE]: {} },
        landingZone: args.landingZone,
        kafka: args.kafka,
        kafkaClientSecurityGroupIds: args.kafkaClientSecurityGroupIds,
        topics: settings.topics,
        previousTopics: args.previousTopics,
        multiVpcConnectivity: true,
        tags,
    };
    const batch: BatchLayerSpec = {
        defaults: settings.defaults,
        topics: settings.topicNames,
        vpcId: args.network.vpcId,
        subnetIds: privateSubnets(args.network, EMR_FLEET_SUBNETS),
        ingest: args.ingest,
        batch: args.batch,
        tags,
    };
    const spark: SparkApplicationArgs = { defaults: settings.defaults, network: args.network, spark: args.spark, tags };
    checks.own(() => checkSparkRuntime(HYBRID_COMPONENT, name, spark));
    checks.throwIfInvalid();
    const planned = checkLakeAndLog(checks, name, lakeAndLog);
    checkBatchLayer(checks, name, { ...batch, serverless: plannedServerless(spark, planned.storage) }, planned);
    checks.throwIfInvalid();
    return { settings, lakeAndLog, batch, spark };
}
