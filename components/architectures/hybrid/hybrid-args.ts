import { v, strict, map } from "../../core/schema";
import { ArchitectureDefaults } from "../shared/profile";
import { defaultsOf } from "../shared/profile-check";
import {
    ArchitectureTopic,
    architectureBaseShape,
    architectureTopic,
    batchOverrides,
    ingestOverrides,
    sparkRuntimeOverrides,
} from "../shared/base-args";
import { batchTopicNames } from "../shared/batch-layer";

export const HYBRID_COMPONENT = "HybridArchitecture";

/** The declaration of {@link HybridArchitecture}'s args: the base arguments, the topics, and ingest and batch overrides. */
export const hybridArchitectureShape = {
    ...architectureBaseShape,
    /** Topics that stream into the landing zone, keyed by topic name. Default: `{ "events": {} }`. */
    topics: v.optional(map(v.string(), architectureTopic)),
    /** Ingest overrides (buffering, event-time partitioning, ...): MskFirehoseIngest's args less what the architecture supplies. Default: hourly folders, the profile's buffering. */
    ingest: v.optional(ingestOverrides),
    /** Batch-job overrides (application, schedule, cluster shape, ...): SparkBatchJob's args less what the architecture supplies. Default: the bundled hourly raw-to-curated script at 15 past each hour. */
    batch: v.optional(batchOverrides),
    /** Where the batch job runs: `runtime` `emr-ec2` or `emr-serverless`, and the EMR Serverless application's settings. Default: the profile's (dev `emr-serverless`, prod `emr-ec2`). */
    spark: v.optional(sparkRuntimeOverrides),
};
/** The schema of {@link hybridArchitectureShape}. */
export const hybridArchitectureArgs: v.StrictObjectSchema<typeof hybridArchitectureShape, undefined> = strict(hybridArchitectureShape);
/** Arguments of {@link HybridArchitecture}: the base arguments, the topics, and ingest and batch overrides. */
export type HybridArchitectureArgs = v.InferInput<typeof hybridArchitectureArgs>;

/** Every default resolved; the architecture reads only this. */
export interface HybridSettings {
    defaults: ArchitectureDefaults;
    topics: Record<string, ArchitectureTopic>;
    /** The topic names ingested and transformed, in declaration order. */
    topicNames: string[];
}

/** Applies the profile's and the architecture's defaults, once. */
export function resolveHybridSettings(args: HybridArchitectureArgs): HybridSettings {
    const topics = args.topics ?? { events: {} };
    return { defaults: defaultsOf(args.profile), topics, topicNames: batchTopicNames(topics) };
}
