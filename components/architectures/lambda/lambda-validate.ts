import { Validator } from "../../core/errors";
import { checkNetwork } from "../shared/placement";
import { ARTIFACTS_ZONE, BatchLayerSpec, CURATED_ZONE, RAW_ZONE, checkBatchLayer, checkBatchTopics } from "../shared/batch-layer";
import { awsTags } from "../../core/tags";
import { EMR_FLEET_SUBNETS, privateSubnets } from "../shared/placement";
import { LakeAndLogArgs, checkLakeAndLog } from "../shared/lake-and-log";
import { PartChecks } from "../shared/parts-check";
import { SparkApplicationArgs, checkSparkRuntime, plannedServerless } from "../shared/spark-runtime";
import { speedTopicName } from "./speed-streams";
import { checkSpeedLayer } from "./speed-check";
import { checkProfile } from "../shared/profile-check";
import { ArchitectureTopic } from "../shared/base-args";
import {
    DEFAULT_EMR_RELEASE,
    DEFAULT_EMR_SERVERLESS_RELEASE,
    EMR_RELEASES_AS_OF,
    emrRelease,
    kafkaPackageMismatch,
    releaseLineOf,
    sparkKafkaPackage,
} from "../../spark";
import {
    LambdaArchitectureArgs,
    LambdaSettings,
    SparkStreamingSpeedArgs,
    ViewColumn,
    lambdaArchitectureArgs,
    resolveLambdaSettings,
} from "./lambda-args";
import { athenaName } from "./athena-names";
import { LAMBDA_COMPONENT, RESERVED_COLUMNS, RESULTS_ZONE, SPEED_TOPIC_SUFFIX, SPEED_ZONE } from "./names";
import { checkSpeedProcessor } from "./speed-processor";

const ATHENA_NAME = /^[a-z_][a-z0-9_]{0,127}$/;
const WORKGROUP_NAME = /^[A-Za-z0-9._-]{1,128}$/;
const GROUP_NAME = /^[A-Za-z0-9._-]{1,200}$/;
const PRIMITIVE_TYPE =
    /^(string|varchar\(\d+\)|char\(\d+\)|tinyint|smallint|int|integer|bigint|float|double|boolean|timestamp|date|binary|decimal(\(\d+\s*(,\s*\d+)?\))?)$/;
const COMPLEX_TYPE = /^(array|map|struct)<.+>$/;
const MIN_CUTOFF_BYTES = 10 * 1024 * 1024;
const HISTORY_START = /^(\d{4}-\d{2}-\d{2}|NOW(-\d+(YEARS|MONTHS|WEEKS|DAYS))?)$/;

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

/** Checks every argument before anything is registered; throws one error listing every problem. */
export function validateLambdaArchitecture(name: string, args: LambdaArchitectureArgs, s: LambdaSettings): void {
    const v = new Validator(LAMBDA_COMPONENT, name);
    checkProfile(v, args.profile);
    checkNetwork(v, args.network);

    const topicNames = s.topicNames;
    checkBatchTopics(v, s.topics, args.batch?.application === undefined);
    checkDurability(v, args, s.topics);

    const viewArgs = args.views ?? {};
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
    checkSpeedProcessor(v, speed.processor, speed.requirements);
    // Settings of a processor that does not run would be ignored: with a processor named, they are refused.
    const settingsKey = { flink: "flink", "spark-streaming": "sparkStreaming", "kafka-streams": "kafkaStreams" } as const;
    if (typeof speed.processor === "string" && speed.processor in settingsKey) {
        for (const [other, key] of Object.entries(settingsKey)) {
            if (other === speed.processor || speed[key] === undefined) continue;
            v.fail(
                `speed.${key}`,
                speed[key],
                `configures the ${other} speed job, and speed.processor is "${speed.processor}": it would be ignored`,
                `Remove it, or set speed.processor to "${other}" (or "auto" with requirements)`,
            );
        }
    }
    const processor = s.processor;
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
    if (processor === "spark-streaming") checkSparkSpeedPackages(v, args, s);
    const consumerGroup = s.consumerGroup;
    v.check(
        GROUP_NAME.test(consumerGroup),
        "speed.consumerGroup",
        consumerGroup,
        "Kafka group ids here are letters, digits, ., _ and -",
        'Set speed.consumerGroup, e.g. "lambda-speed"',
    );
    const speedRetentionDays = s.speedRetentionDays;
    v.check(
        isWholeAtLeast(speedRetentionDays, 1),
        "speed.retentionDays",
        speedRetentionDays,
        "must be a whole number of days, at least 1",
        "Use e.g. 7: longer than the batch layer may fall behind",
    );

    const databaseName = s.databaseName;
    v.check(
        ATHENA_NAME.test(databaseName),
        "serving.databaseName",
        databaseName,
        "Athena database names are lowercase letters, digits and _",
        'Set serving.databaseName, e.g. "lambda_prod"',
    );
    const workgroupName = s.workgroupName;
    v.check(
        WORKGROUP_NAME.test(workgroupName),
        "serving.workgroupName",
        workgroupName,
        "Athena workgroup names are 1 to 128 letters, digits, ., _ and -",
        'Set serving.workgroupName, e.g. "lambda-prod"',
    );
    const bytesScannedCutoffPerQuery = s.bytesScannedCutoffPerQuery;
    v.check(
        isWholeAtLeast(bytesScannedCutoffPerQuery, MIN_CUTOFF_BYTES),
        "serving.bytesScannedCutoffPerQuery",
        bytesScannedCutoffPerQuery,
        "Athena's per-query cutoff is a whole number of bytes, at least 10 MiB (10485760)",
        "Use e.g. 10737418240 (10 GiB)",
    );
    const resultRetentionDays = s.resultRetentionDays;
    v.check(
        isWholeAtLeast(resultRetentionDays, 1),
        "serving.resultRetentionDays",
        resultRetentionDays,
        "must be a whole number of days, at least 1",
        "Use e.g. 30",
    );
    const batchHistoryStart = s.batchHistoryStart;
    v.check(
        HISTORY_START.test(batchHistoryStart),
        "serving.batchHistoryStart",
        batchHistoryStart,
        "is not a partition projection date",
        "Use yyyy-MM-dd (e.g. 2024-01-01) or NOW-<n>YEARS",
    );
    v.throwIfInvalid();
}

/**
 * The Spark speed job's Kafka source must be built for the cluster's Spark and Scala: derived from
 * the EMR release catalog, or given in `packages` for a release outside it. (A malformed label is
 * reported by the cluster's own checks.)
 */
function checkSparkSpeedPackages(v: Validator, args: LambdaArchitectureArgs, s: LambdaSettings): void {
    const spark: SparkStreamingSpeedArgs | undefined = args.speed?.sparkStreaming;
    const serverless = s.sparkRuntime === "emr-serverless";
    if (serverless && spark?.cluster !== undefined)
        v.fail(
            "speed.sparkStreaming.cluster",
            spark.cluster,
            "a streaming cluster's shape applies to the emr-ec2 runtime only, and the Spark runtime is emr-serverless",
            'Remove it (size the application with spark.serverless), or set spark.runtime: "emr-ec2"',
        );
    const label = serverless
        ? (args.spark?.serverless?.releaseLabel ?? DEFAULT_EMR_SERVERLESS_RELEASE)
        : (spark?.cluster?.releaseLabel ?? DEFAULT_EMR_RELEASE);
    const labelField = serverless ? "spark.serverless.releaseLabel" : "speed.sparkStreaming.cluster.releaseLabel";
    const release = emrRelease(label);
    const packages = spark?.packages;
    if (packages === undefined) {
        v.check(
            release !== undefined || releaseLineOf(label) === undefined,
            labelField,
            label,
            `the EMR release catalog (as of ${EMR_RELEASES_AS_OF}) has no Spark version for it, so the Kafka source to download is unknown`,
            "Use a release listed in EMR_RELEASES, or set speed.sparkStreaming.packages (the spark-sql-kafka-0-10 build of that release's Spark and Scala, and aws-msk-iam-auth)",
        );
        return;
    }
    packages.forEach((coordinate, i) => {
        // spark.jars.packages takes Maven coordinates group:artifact:version; Spark refuses anything else at submit.
        v.check(
            /^[^:\s]+:[^:\s]+:[^:\s]+$/.test(coordinate),
            `speed.sparkStreaming.packages[${i}]`,
            coordinate,
            "is not a Maven coordinate group:artifact:version, and Spark refuses it at submit",
            'Write e.g. "software.amazon.msk:aws-msk-iam-auth:2.2.0"',
        );
    });
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

/** What the architecture builds its parts from, once every part's args have passed. */
export interface LambdaPlan {
    settings: LambdaSettings;
    lakeAndLog: LakeAndLogArgs;
    batch: BatchLayerSpec;
    spark: SparkApplicationArgs;
    tags: Record<string, string>;
}

/**
 * Checks everything before the first resource: the args against their declaration, the
 * architecture's own rules, then the args of every part as they will be passed (landing zone,
 * Kafka cluster, topics, ingest, batch job), each problem at the field the user wrote. Throws one
 * SpectrumValidationError listing every problem; returns what the parts are built from.
 */
export function planLambdaArchitecture(name: string, args: LambdaArchitectureArgs): LambdaPlan {
    const checks = new PartChecks(LAMBDA_COMPONENT, name);
    checks.shape(lambdaArchitectureArgs, args);
    const s = checks.resolve(() => resolveLambdaSettings(name, args));
    checks.own(() => validateLambdaArchitecture(name, args, s));
    checks.throwIfInvalid();
    const tags = awsTags(LAMBDA_COMPONENT, args.tags, "lambda");
    // A Kafka Streams speed job writes its views to topics of their own.
    const speedTopics: Record<string, ArchitectureTopic> =
        s.processor === "kafka-streams" ? Object.fromEntries(s.topicNames.map((t) => [speedTopicName(t), {}])) : {};
    const lakeAndLog: LakeAndLogArgs = {
        defaults: s.defaults,
        network: args.network,
        zones: {
            [RAW_ZONE]: {},
            [CURATED_ZONE]: {},
            [ARTIFACTS_ZONE]: {},
            // Real-time views matter only until the batch views cover the same hours.
            [SPEED_ZONE]: { expireAfterDays: s.speedRetentionDays },
            [RESULTS_ZONE]: { expireAfterDays: s.resultRetentionDays },
        },
        landingZone: args.landingZone,
        kafka: args.kafka,
        kafkaClientSecurityGroupIds: args.kafkaClientSecurityGroupIds,
        topics: { ...s.topics, ...speedTopics },
        previousTopics: args.previousTopics,
        multiVpcConnectivity: true,
        tags,
    };
    const batch: BatchLayerSpec = {
        defaults: s.defaults,
        topics: s.topicNames,
        vpcId: args.network.vpcId,
        subnetIds: privateSubnets(args.network, EMR_FLEET_SUBNETS),
        ingest: args.ingest,
        batch: { alarmTopicArn: args.alarmTopicArn, ...args.batch },
        // The batch views' Parquet columns get the types their tables declare.
        columns: Object.fromEntries(s.views.map((view) => [view.topic, view.columns])),
        tags,
    };
    const spark: SparkApplicationArgs = { defaults: s.defaults, network: args.network, spark: args.spark, tags };
    checks.own(() => checkSparkRuntime(LAMBDA_COMPONENT, name, spark));
    checks.throwIfInvalid();
    const planned = checkLakeAndLog(checks, name, lakeAndLog);
    checkBatchLayer(checks, name, { ...batch, serverless: plannedServerless(spark, planned.storage) }, planned);
    checkSpeedLayer(
        checks,
        name,
        {
            settings: s,
            speed: args.speed ?? {},
            network: args.network,
            kubernetes: args.kubernetes,
            serverless: plannedServerless(spark, planned.storage),
            alarmTopicArn: args.alarmTopicArn,
            tags,
        },
        planned,
    );
    checks.throwIfInvalid();
    return { settings: s, lakeAndLog, batch, spark, tags };
}
