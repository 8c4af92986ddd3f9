import { ArchitectureDefaults } from "../shared/profile";
import { defaultsOf } from "../shared/profile-check";
import { ArchitectureBaseArgs, ArchitectureTopic } from "../shared/lake-and-log";
import { BatchOverrides, IngestOverrides, batchTopicNames } from "../shared/batch-layer";
import { SparkRuntimeOverrides } from "../shared/spark-runtime";

export const HYBRID_COMPONENT = "HybridArchitecture";

/** Arguments of {@link HybridArchitecture}: the base arguments, the topics, and ingest and batch overrides. */
export interface HybridArchitectureArgs extends ArchitectureBaseArgs {
    /** Topics that stream into the landing zone, keyed by topic name. Default: `{ "events": {} }`. */
    topics?: Record<string, ArchitectureTopic>;
    /** Ingest overrides (buffering, event-time partitioning, ...). Default: hourly folders, the profile's buffering. */
    ingest?: IngestOverrides;
    /** Batch-job overrides (application, schedule, cluster shape, ...). Default: the bundled hourly raw-to-curated script at 15 past each hour. */
    batch?: BatchOverrides;
    /** Where the batch job runs: `runtime` `emr-ec2` or `emr-serverless`, and the EMR Serverless application's settings. Default: the profile's (dev `emr-serverless`, prod `emr-ec2`). */
    spark?: SparkRuntimeOverrides;
}

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
