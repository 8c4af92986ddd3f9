import * as pulumi from "@pulumi/pulumi";
import { withoutUndefined } from "../../core/without-undefined";
import * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import { childNameClaim, clashRegistry } from "../../core/clashes";
import { LandingZone } from "../../landing-zone";
import { KafkaStreamsApp, KafkaTopics, TopicShape } from "../../kafka";
import { FlinkJob, FlinkOperator } from "../../flink";
import { ArchitectureKafka, createLakeAndLog } from "../shared/lake-and-log";
import { KAPPA_COMPONENT, KappaArchitectureArgs, KappaProcessor, KappaSettings, KappaVersionSettings } from "./kappa-args";
import { KappaVersionNames } from "./version-names";
import { planKappaArchitecture } from "./kappa-validate";
import { kappaOperatorArgs } from "./version-check";
import { outputTopicSpecs, previousShapes } from "./topic-specs";
import { KAPPA_LABELS, KappaJobContext, flinkVersionJob, streamsNamespace, streamsVersionApp } from "./version-jobs";
import { KappaLiveOutputs, livePointer } from "./live-pointer";
import { READ_COMMITTED } from "./exactly-once";

export type {
    KappaProcessor,
    KappaStartFrom,
    KappaInputTopic,
    KappaOutputTopic,
    KappaLandingOutput,
    KappaJobVersion,
    KappaFlinkOverrides,
    KappaStreamsOverrides,
    KappaArchitectureArgs,
} from "./kappa-args";
export type { KappaVersionNames } from "./version-names";
export type { KappaLiveOutputs } from "./live-pointer";

/** One running version of the job and what it owns. */
export interface KappaVersion {
    /** Its group, transactional-id prefix, workload name, output topics and landing location. */
    names: KappaVersionNames;
    /** The Flink job (processor `flink`). */
    job?: FlinkJob;
    /** The Kafka Streams app (processor `kafka-streams`). */
    app?: KafkaStreamsApp;
    /** Its output topics, when the architecture declares any. */
    outputs?: KafkaTopics;
    /** `s3://` prefix of its results in the landing zone, when it writes there. */
    landingUri?: pulumi.Output<string>;
    /** Its IAM role. */
    roleArn?: pulumi.Output<string>;
}

/**
 * One streaming path for everything: Kafka topics are the log of record, kept for the replay
 * horizon (on broker disks, or in MSK's remote tier with tiered storage), and a stream processor
 * (Flink by default, Kafka Streams as an option) turns them into output topics and/or files in
 * the landing zone. Reprocessing is replaying the log: each declared version of the job runs beside
 * the others with its own consumer group, state and versioned outputs; `live` names the version
 * consumers read, published as an SSM parameter, so a cut-over is one changed setting.
 */
export class KappaArchitecture extends pulumi.ComponentResource {
    /** The landing zone: job state, and the results of versions that write files. */
    readonly lake: LandingZone;
    /** The MSK cluster whose topics are the log of record. */
    readonly kafka: ArchitectureKafka;
    /** The input topics (the log of record). */
    readonly inputTopics: KafkaTopics;
    /** The Flink operator (processor `flink`). */
    readonly operator?: FlinkOperator;
    /** The processor that runs. */
    readonly processor: KappaProcessor;
    /** Why, when `processor: "auto"` chose it. */
    readonly processorReasons: string[];
    /** Every version, keyed by version name. */
    readonly versions: Readonly<Record<string, KappaVersion>>;
    /** The version consumers read. */
    readonly liveVersion: string;
    /** What consumers read: the live version's outputs (also in the live parameter). */
    readonly liveOutputs: pulumi.Output<KappaLiveOutputs>;
    /** The SSM parameter holding `liveOutputs` as JSON. */
    readonly liveParameter: aws.ssm.Parameter;
    /** Shapes of every topic (inputs and every version's outputs), keyed by topic name: export it and feed it back as `previousTopics`. */
    readonly topicShapes: Readonly<Record<string, TopicShape>>;

    constructor(name: string, args: KappaArchitectureArgs, opts?: pulumi.ComponentResourceOptions) {
        // A key written as undefined counts as absent: it must not replace the architecture's default.
        args = withoutUndefined(args);
        // Everything that can be checked without a resource is checked before the first one:
        // the architecture's args and every part's, as they will be passed.
        const { settings: s, lakeAndLog, tags } = planKappaArchitecture(name, args);
        const processor = s.processor as KappaProcessor;
        clashRegistry().claimAll([childNameClaim(KAPPA_COMPONENT, name, opts?.parent)]);
        super(`spectrum:index:${KAPPA_COMPONENT}`, name, {}, opts);
        const { lake, kafka, topics } = createLakeAndLog(name, lakeAndLog, this);
        this.lake = lake;
        this.kafka = kafka;
        this.inputTopics = topics;
        this.processor = processor;
        this.processorReasons = s.recommendation?.reasons ?? [];

        const ctx: KappaJobContext = {
            settings: s,
            storage: lake,
            connection: kafka.connection,
            target: args.target,
            inputs: topics,
            labels: { ...KAPPA_LABELS },
            storageClassName: args.storageClassName,
            tags,
        };
        if (processor === "flink") {
            this.operator = new FlinkOperator(`${name}-flink`, kappaOperatorArgs(s, args.target), { parent: this });
        }
        const namespace = processor === "kafka-streams" && s.streams.createNamespace ? streamsNamespace(name, ctx, this) : undefined;

        const versions: Record<string, KappaVersion> = {};
        const shapes: Record<string, TopicShape> = { ...topics.shapes };
        for (const ver of s.versions) {
            const version = this.createVersion(name, args, ctx, ver, namespace);
            versions[ver.version] = version;
            Object.assign(shapes, version.outputs?.shapes ?? {});
        }
        this.versions = versions;
        this.topicShapes = shapes;

        this.liveVersion = s.live;
        const live = versions[s.live];
        this.liveOutputs = pulumi.output({
            version: s.live,
            topics: live.names.outputTopics,
            ...(live.landingUri ? { landingUri: live.landingUri } : {}),
            isolationLevel: READ_COMMITTED,
            bootstrapServers: kafka.bootstrapServers,
        });
        this.liveParameter = livePointer(
            name,
            {
                parameterName: args.liveParameterName ?? `/spectrum/${pulumi.getProject()}/${pulumi.getStack()}/${name}/live`,
                live: this.liveOutputs,
                tags,
            },
            this,
        );

        this.registerOutputs({
            processor,
            liveVersion: this.liveVersion,
            liveOutputs: this.liveOutputs,
            liveParameterName: this.liveParameter.name,
            topicShapes: this.topicShapes,
        });
    }

    /** One version: its output topics, then its job. */
    private createVersion(
        name: string,
        args: KappaArchitectureArgs,
        ctx: KappaJobContext,
        ver: KappaVersionSettings,
        namespace: k8s.core.v1.Namespace | undefined,
    ): KappaVersion {
        const s: KappaSettings = ctx.settings;
        const specs = outputTopicSpecs(s, ver);
        const outputs =
            Object.keys(specs).length > 0
                ? new KafkaTopics(
                      `${name}-outputs-${ver.version}`,
                      { connection: ctx.connection, topics: specs, previous: previousShapes(args.previousTopics, Object.keys(specs)) },
                      { parent: this },
                  )
                : undefined;
        const landingUri = ver.names.landing ? ctx.storage.uri(ver.names.landing.area, ver.names.landing.path) : undefined;
        if (s.processor === "flink") {
            const job = flinkVersionJob(`${name}-${ver.version}`, ctx, this.operator as FlinkOperator, ver, outputs, this);
            return { names: ver.names, job, outputs, landingUri, roleArn: job.roleArn };
        }
        const app = streamsVersionApp(`${name}-${ver.version}`, ctx, ver, outputs, namespace, this);
        return { names: ver.names, app, outputs, landingUri, roleArn: app.roleArn };
    }
}
