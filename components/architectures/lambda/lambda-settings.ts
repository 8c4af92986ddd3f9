import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../../core/errors";
import { ArchitectureDefaults, ArchitectureProfile, profileDefaults } from "../shared/profile";
import { checkNetwork } from "../shared/placement";
import { batchTopicNames } from "../shared/batch-layer";
import { ProcessingRequirements, StreamProcessor, recommendProcessor } from "../shared/recommend-processor";
import { ArchitectureTopic } from "../shared/lake-and-log";
import { LambdaArchitectureArgs, SparkStreamingSpeedArgs, ViewColumn } from "./lambda-args";
import { DEFAULT_EMR_RELEASE, EMR_RELEASES_AS_OF, emrRelease, kafkaPackageMismatch, releaseLineOf, sparkKafkaPackage } from "../../spark";

export const LAMBDA_COMPONENT = "LambdaArchitecture";
/** The zone real-time views land in, and the zone Athena writes query results to. */
export const SPEED_ZONE = "speed";
export const RESULTS_ZONE = "results";
/** Output topics of a Kafka Streams speed job: `<input topic><suffix>`. */
export const SPEED_TOPIC_SUFFIX = "-speed";
/** Partition columns every view carries (hourly folders `dt=YYYY-MM-DD/hr=HH/`), and the merge query's layer column. */
export const RESERVED_COLUMNS = ["dt", "hr", "layer"];
/** The Flink version of the speed job unless given. */
export const DEFAULT_SPEED_FLINK_VERSION = "1.20.3";
/** Flink's bundled example, in every stock image: a smoke test that reads no topic. */
export const SMOKE_TEST_JAR = "local:///opt/flink/examples/streaming/StateMachineExample.jar";

const STREAM_PROCESSORS: readonly StreamProcessor[] = ["flink", "spark-streaming", "kafka-streams"];
const GiB = 1024 * 1024 * 1024;
const MIN_CUTOFF_BYTES = 10 * 1024 * 1024;
const CUTOFF_DEFAULTS: Record<ArchitectureProfile, number> = { dev: 10 * GiB, prod: 200 * GiB };

/** One topic's view, resolved. */
export interface ResolvedView {
    /** The input topic. */
    topic: string;
    /** Base name of its tables and merge query. */
    table: string;
    columns: ViewColumn[];
}

export interface LambdaSettings {
    defaults: ArchitectureDefaults;
    profile: ArchitectureProfile;
    topics: Record<string, ArchitectureTopic>;
    /** Input topic names, in declaration order. */
    topicNames: string[];
    views: ResolvedView[];
    processor: StreamProcessor;
    /** Why this processor: the recommendation's reasons, or that it was chosen explicitly. */
    processorReasons: string[];
    consumerGroup: string;
    speedRetentionDays: number;
    databaseName: string;
    workgroupName: string;
    bytesScannedCutoffPerQuery: number;
    resultRetentionDays: number;
    batchHistoryStart: string;
}

/** Lowercase letters, digits and `_`: what Athena accepts unquoted in database, table and column names. */
export function athenaName(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9_]/g, "_");
}

const ATHENA_NAME = /^[a-z_][a-z0-9_]{0,127}$/;
const WORKGROUP_NAME = /^[A-Za-z0-9._-]{1,128}$/;
const GROUP_NAME = /^[A-Za-z0-9._-]{1,200}$/;
const PRIMITIVE_TYPE =
    /^(string|varchar\(\d+\)|char\(\d+\)|tinyint|smallint|int|integer|bigint|float|double|boolean|timestamp|date|binary|decimal(\(\d+\s*(,\s*\d+)?\))?)$/;
const COMPLEX_TYPE = /^(array|map|struct)<.+>$/;
const HISTORY_START = /^(\d{4}-\d{2}-\d{2}|NOW(-\d+(YEARS|MONTHS|WEEKS|DAYS))?)$/;

/**
 * A column type as the Glue catalog must hold it: Athena parses the stored string as a Hive type,
 * which knows `int` but not `integer` and no spaces (`decimal(12, 2)` makes every query over the
 * table fail with HIVE_INVALID_METADATA). Lowercase, without whitespace, `integer` spelled `int`.
 */
export function hiveType(type: string): string {
    return type
        .toLowerCase()
        .replace(/\s+/g, "")
        .replace(/(^|[<,:])integer(?=[>,]|$)/g, "$1int");
}

function balanced(type: string): boolean {
    let depth = 0;
    for (const c of type) {
        depth += c === "<" ? 1 : c === ">" ? -1 : 0;
        if (depth < 0) return false;
    }
    return depth === 0;
}

function isWholeAtLeast(value: unknown, min: number): boolean {
    return typeof value === "number" && Number.isInteger(value) && value >= min;
}

/** The processor: the explicit choice, or the recommendation for the requirements. */
function chooseProcessor(
    v: Validator,
    processor: unknown,
    requirements: ProcessingRequirements | undefined,
): { processor: StreamProcessor; reasons: string[] } {
    if (processor !== "auto") {
        const ok = processor === undefined || STREAM_PROCESSORS.includes(processor as StreamProcessor);
        v.check(
            ok,
            "speed.processor",
            processor,
            "not a stream processor",
            `Use one of ${STREAM_PROCESSORS.join(", ")}, or auto with speed.requirements`,
        );
        return {
            processor: ok && processor !== undefined ? (processor as StreamProcessor) : "flink",
            reasons: [
                processor === undefined ? "the default speed processor (speed.processor unset)" : "chosen explicitly (speed.processor)",
            ],
        };
    }
    if (requirements === undefined || typeof requirements !== "object") {
        v.fail(
            "speed.requirements",
            requirements,
            "processor auto needs the workload's requirements",
            "Give at least speed.requirements.latencyBudgetMs, e.g. 5000",
        );
        return { processor: "flink", reasons: [] };
    }
    const latency = requirements.latencyBudgetMs;
    const latencyOk = typeof latency === "number" && Number.isFinite(latency) && latency > 0;
    v.check(
        latencyOk,
        "speed.requirements.latencyBudgetMs",
        latency,
        "must be a positive number of milliseconds",
        "Give the latency the speed views' readers accept, e.g. 5000",
    );
    const state = requirements.stateSizeGiB;
    const stateOk = state === undefined || (typeof state === "number" && Number.isFinite(state) && state >= 0);
    v.check(
        stateOk,
        "speed.requirements.stateSizeGiB",
        state,
        "must be zero or more",
        "Give the job's working state in GiB, or omit it for a stateless job",
    );
    if (!latencyOk || !stateOk) return { processor: "flink", reasons: [] };
    // The speed layer reads the input topics by construction.
    const recommendation = recommendProcessor({ ...requirements, inputInKafka: true });
    if (recommendation.processor === "spark-batch") {
        v.fail(
            "speed.requirements",
            requirements,
            `they call for batch processing (${recommendation.reasons[0]}), which the batch layer already does: a speed layer needs a stream processor`,
            "Lower latencyBudgetMs below an hour for real-time views, or deploy the hybrid architecture instead",
        );
        return { processor: "flink", reasons: recommendation.reasons };
    }
    return { processor: recommendation.processor, reasons: recommendation.reasons };
}

function checkColumns(v: Validator, topic: string, columns: unknown): void {
    const field = `views["${topic}"].columns`;
    if (!Array.isArray(columns) || columns.length === 0) {
        v.fail(
            field,
            columns,
            "a view needs its columns: Athena reads JSON and Parquet by column name",
            `Declare them, e.g. columns: [{ name: "event_id", type: "string" }]`,
        );
        return;
    }
    const seen = new Set<string>();
    columns.forEach((c: Partial<ViewColumn>, i) => {
        const name = c?.name;
        const type = typeof c?.type === "string" ? c.type.trim().toLowerCase() : c?.type;
        v.check(
            typeof name === "string" && ATHENA_NAME.test(name),
            `${field}[${i}].name`,
            name,
            "Athena column names are lowercase letters, digits and _",
            'Rename the column, e.g. "event_time"',
        );
        if (typeof name === "string") {
            v.check(
                !RESERVED_COLUMNS.includes(name),
                `${field}[${i}].name`,
                name,
                "is reserved: dt and hr are the hourly partition columns, layer is the merge query's",
                "Rename the column",
            );
            v.check(!seen.has(name), `${field}[${i}].name`, name, "is declared twice", "Declare each column once");
            seen.add(name);
        }
        const typeOk = typeof type === "string" && (PRIMITIVE_TYPE.test(type) || (COMPLEX_TYPE.test(type) && balanced(type)));
        v.check(
            typeOk,
            `${field}[${i}].type`,
            c?.type,
            "is not an Athena column type",
            "Use e.g. string, bigint, double, boolean, timestamp, decimal(10,2), array<string> or struct<a:int>",
        );
    });
}

function checkDurability(v: Validator, args: LambdaArchitectureArgs, topics: Record<string, ArchitectureTopic>): void {
    const why = "exactly-once end to end needs every topic replicated 3 times and acknowledged by 2";
    for (const [key, spec] of Object.entries(topics)) {
        const rf = spec.replicationFactor ?? 3;
        const isr = spec.minInsyncReplicas ?? (rf >= 3 ? 2 : 1);
        v.check(rf >= 3, `topics["${key}"].replicationFactor`, rf, why, "Use 3 (the default)");
        v.check(isr >= 2, `topics["${key}"].minInsyncReplicas`, isr, why, "Use 2 (the default)");
        v.check(
            spec.allowWeakerDurability !== true,
            `topics["${key}"].allowWeakerDurability`,
            spec.allowWeakerDurability,
            why,
            "Remove allowWeakerDurability",
        );
    }
    const kafka = args.kafka ?? {};
    v.check(
        kafka.allowWeakerDurability !== true,
        "kafka.allowWeakerDurability",
        kafka.allowWeakerDurability,
        "exactly-once needs the durable broker settings (transaction log replicated 3 times, min ISR 2)",
        "Remove allowWeakerDurability",
    );
    v.check(
        kafka.auth === undefined || kafka.auth === "iam",
        "kafka.auth",
        kafka.auth,
        "Firehose reads MSK only with IAM auth, and the batch layer ingests through it",
        "Remove kafka.auth (IAM is the default)",
    );
    v.check(
        kafka.multiVpcConnectivity !== false,
        "kafka.multiVpcConnectivity",
        kafka.multiVpcConnectivity,
        "Firehose reaches the brokers through multi-VPC private connectivity",
        "Remove kafka.multiVpcConnectivity",
    );
}

/** Resolves every default and checks every argument, throwing one error that lists all problems. */
export function resolveLambdaSettings(name: string, args: LambdaArchitectureArgs): LambdaSettings {
    const v = new Validator(LAMBDA_COMPONENT, name);
    const defaults = profileDefaults(v, args.profile);
    const profile: ArchitectureProfile = args.profile === "prod" ? "prod" : "dev";
    checkNetwork(v, args.network);

    const topics = args.topics ?? { events: {} };
    const topicNames = batchTopicNames(v, topics);
    checkDurability(v, args, topics);

    const viewArgs = args.views ?? {};
    const views: ResolvedView[] = [];
    const tables = new Map<string, string>();
    for (const topic of topicNames) {
        const view = viewArgs[topic];
        if (view === undefined) {
            v.fail(
                "views",
                Object.keys(viewArgs),
                `topic "${topic}" has no view: the serving layer needs its columns`,
                `Add views["${topic}"] = { columns: [...] }`,
            );
            continue;
        }
        checkColumns(v, topic, view.columns);
        const table = view.table ?? athenaName(topic);
        v.check(
            ATHENA_NAME.test(table) && table.length <= 120,
            `views["${topic}"].table`,
            table,
            "Athena table names are lowercase letters, digits and _ (at most 120 here, before the _batch/_speed suffix)",
            'Set views[topic].table, e.g. "clicks"',
        );
        const other = tables.get(table);
        v.check(
            other === undefined,
            `views["${topic}"].table`,
            table,
            `topic "${other}" already uses this table name`,
            "Give one of the views another table",
        );
        tables.set(table, topic);
        views.push({ topic, table, columns: view.columns });
    }
    for (const topic of Object.keys(viewArgs)) {
        v.check(
            topicNames.includes(topic),
            `views["${topic}"]`,
            topic,
            "is not an input topic",
            `Use one of ${topicNames.join(", ")}, or declare the topic`,
        );
    }

    const speed = args.speed ?? {};
    const { processor, reasons } = chooseProcessor(v, speed.processor, speed.requirements);
    if (processor === "flink" || processor === "kafka-streams") {
        v.check(
            args.kubernetes !== undefined,
            "kubernetes",
            args.kubernetes,
            `the ${processor} speed job runs on Kubernetes`,
            "Pass a PlatformCluster's target, or use processor spark-streaming",
        );
    }
    if (processor === "flink") {
        const flink = speed.flink ?? {};
        v.check(
            flink.image === undefined || flink.jarUri !== undefined,
            "speed.flink.jarUri",
            flink.jarUri,
            "your image needs the job jar's location: the smoke-test jar is only in the stock Flink image",
            "Set speed.flink.jarUri, e.g. local:///opt/flink/usrlib/speed-views.jar (see the README's speed job contract)",
        );
    }
    if (processor === "kafka-streams") {
        const image = speed.kafkaStreams?.image;
        v.check(
            typeof image === "string" && image.length > 0,
            "speed.kafkaStreams.image",
            image,
            "the Kafka Streams speed app needs its image (the app is yours: spectrum deploys it)",
            "Set speed.kafkaStreams.image (see the README's speed job contract)",
        );
        for (const topic of topicNames) {
            v.check(
                !topicNames.includes(`${topic}${SPEED_TOPIC_SUFFIX}`),
                "topics",
                topic,
                `its speed output topic "${topic}${SPEED_TOPIC_SUFFIX}" is also an input topic`,
                "Rename the input topic",
            );
        }
    }
    if (processor === "spark-streaming") checkSparkSpeedPackages(v, speed.sparkStreaming);
    const consumerGroup = speed.consumerGroup ?? `${name}-speed`;
    v.check(
        GROUP_NAME.test(consumerGroup),
        "speed.consumerGroup",
        consumerGroup,
        "Kafka group ids here are letters, digits, ., _ and -",
        'Set speed.consumerGroup, e.g. "lambda-speed"',
    );
    const speedRetentionDays = speed.retentionDays ?? 7;
    v.check(
        isWholeAtLeast(speedRetentionDays, 1),
        "speed.retentionDays",
        speedRetentionDays,
        "must be a whole number of days, at least 1",
        "Use e.g. 7: longer than the batch layer may fall behind",
    );

    const serving = args.serving ?? {};
    const databaseName = serving.databaseName ?? athenaName(`${name}_${pulumi.getStack()}`);
    v.check(
        ATHENA_NAME.test(databaseName),
        "serving.databaseName",
        databaseName,
        "Athena database names are lowercase letters, digits and _",
        'Set serving.databaseName, e.g. "lambda_prod"',
    );
    const workgroupName = serving.workgroupName ?? `${name}-${pulumi.getStack()}`;
    v.check(
        WORKGROUP_NAME.test(workgroupName),
        "serving.workgroupName",
        workgroupName,
        "Athena workgroup names are 1 to 128 letters, digits, ., _ and -",
        'Set serving.workgroupName, e.g. "lambda-prod"',
    );
    const bytesScannedCutoffPerQuery = serving.bytesScannedCutoffPerQuery ?? CUTOFF_DEFAULTS[profile];
    v.check(
        isWholeAtLeast(bytesScannedCutoffPerQuery, MIN_CUTOFF_BYTES),
        "serving.bytesScannedCutoffPerQuery",
        bytesScannedCutoffPerQuery,
        "Athena's per-query cutoff is a whole number of bytes, at least 10 MiB (10485760)",
        "Use e.g. 10737418240 (10 GiB)",
    );
    const resultRetentionDays = serving.resultRetentionDays ?? 30;
    v.check(
        isWholeAtLeast(resultRetentionDays, 1),
        "serving.resultRetentionDays",
        resultRetentionDays,
        "must be a whole number of days, at least 1",
        "Use e.g. 30",
    );
    const batchHistoryStart = serving.batchHistoryStart ?? "NOW-3YEARS";
    v.check(
        HISTORY_START.test(batchHistoryStart),
        "serving.batchHistoryStart",
        batchHistoryStart,
        "is not a partition projection date",
        "Use yyyy-MM-dd (e.g. 2024-01-01) or NOW-<n>YEARS",
    );
    v.throwIfInvalid();

    return {
        defaults,
        profile,
        topics,
        topicNames,
        views: views.map((view) => ({ ...view, columns: view.columns.map((c) => ({ ...c, type: hiveType(c.type) })) })),
        processor,
        processorReasons: reasons,
        consumerGroup,
        speedRetentionDays,
        databaseName,
        workgroupName,
        bytesScannedCutoffPerQuery,
        resultRetentionDays,
        batchHistoryStart,
    };
}

/**
 * Whether the speed layer needs a Kubernetes cluster (Flink and Kafka Streams do, Spark runs on
 * EMR), so a stack creates one only when it is used. Unusable settings answer true and are
 * reported by the architecture itself.
 */
export function speedNeedsKubernetes(speed: LambdaArchitectureArgs["speed"]): boolean {
    const v = new Validator(LAMBDA_COMPONENT, "speed");
    return chooseProcessor(v, speed?.processor, speed?.requirements).processor !== "spark-streaming" || !v.ok;
}

/**
 * The Spark speed job's Kafka source must be built for the cluster's Spark and Scala: derived from
 * the EMR release catalog, or given in `packages` for a release outside it. (A malformed label is
 * reported by the cluster's own checks.)
 */
function checkSparkSpeedPackages(v: Validator, spark: SparkStreamingSpeedArgs | undefined): void {
    const label = spark?.cluster?.releaseLabel ?? DEFAULT_EMR_RELEASE;
    const release = emrRelease(label);
    const packages = spark?.packages;
    if (packages === undefined) {
        v.check(
            release !== undefined || releaseLineOf(label) === undefined,
            "speed.sparkStreaming.cluster.releaseLabel",
            label,
            `the EMR release catalog (as of ${EMR_RELEASES_AS_OF}) has no Spark version for it, so the Kafka source to download is unknown`,
            "Use a release listed in EMR_RELEASES, or set speed.sparkStreaming.packages (the spark-sql-kafka-0-10 build of that release's Spark and Scala, and aws-msk-iam-auth)",
        );
        return;
    }
    if (release === undefined) return;
    packages.forEach((coordinate, i) => {
        const mismatch = kafkaPackageMismatch(release, coordinate);
        if (mismatch !== undefined)
            v.fail(
                `speed.sparkStreaming.packages[${i}]`,
                coordinate,
                mismatch,
                `Use "${sparkKafkaPackage(release)}", or leave packages unset to get it`,
            );
    });
}
