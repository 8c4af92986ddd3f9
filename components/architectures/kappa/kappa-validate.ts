import { Validator } from "../../core/errors";
import { KappaArchitectureArgs, KappaJobVersion } from "./kappa-args";
import { JOB_NAME, MAX_JOB_NAME, VERSION_NAME } from "./version-names";
import { KAPPA_COMPONENT, KappaSettings, kappaArchitectureArgs, resolveKappaSettings } from "./kappa-args";
import { awsTags } from "../../core/tags";
import { LakeAndLogArgs, checkLakeAndLog } from "../shared/lake-and-log";
import { PartChecks } from "../shared/parts-check";
import { inputTopicSpecs, previousShapes } from "./topic-specs";
import { checkVersions } from "./version-check";
import { TOLERABLE_FAILED_CHECKPOINTS, longestOpenTransactionMs } from "./exactly-once";
import { checkNetwork } from "../shared/placement";
import { checkProfile } from "../shared/profile-check";
import { fixesReplication, flavourLabel } from "../../kafka/msk-flavour";

/** MSK refuses a tiered-storage topic whose `retention.ms` is below 3 days. */
const MSK_TIERED_MIN_RETENTION_DAYS = 3;
const LANDING_PATH = /^[A-Za-z0-9._=-]+(\/[A-Za-z0-9._=-]+)*$/;
const FLINK_ONLY_VERSION_FIELDS = ["jarUri", "entryClass", "args", "flinkVersion"] as const;

const positive = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n) && n > 0;
const positiveInt = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n > 0;
const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** Checks every argument before anything is registered; throws one error listing every problem. */
export function validateKappaArchitecture(name: string, args: KappaArchitectureArgs, s: KappaSettings): void {
    const v = new Validator("KappaArchitecture", name);
    checkProfile(v, args.profile);
    checkNetwork(v, args.network);
    v.check(
        args.target?.provider !== undefined,
        "target",
        undefined,
        "the stream jobs run on Kubernetes and need a cluster",
        "Pass a PlatformCluster's target, or a KubernetesTarget of your own",
    );
    validateProcessor(v, args, s);
    validateStreamsOnFlavour(v, args, s);
    v.check(
        (args.kafka?.auth ?? "iam") === "iam",
        "kafka.auth",
        args.kafka?.auth,
        "each version's access (its own group, transactional ids and outputs) is scoped with MSK IAM policies; with SCRAM the jobs would need credentials and ACLs the architecture does not create",
        'Use auth "iam" (the default)',
    );
    v.check(
        JOB_NAME.test(s.jobName) && s.jobName.length <= MAX_JOB_NAME,
        args.jobName === undefined ? "jobName (from the component name)" : "jobName",
        s.jobName,
        `job names are lowercase letters, digits and "-", start with a letter and have at most ${MAX_JOB_NAME} characters (room for "-<version>" in a 45-character FlinkDeployment name)`,
        'Set jobName, e.g. "orders"',
    );
    v.check(
        positive(s.horizonDays),
        "replayHorizonDays",
        args.replayHorizonDays,
        "must be a positive number of days",
        "Give how far back a new version must be able to replay, e.g. 7",
    );
    validateInputs(v, s);
    validateOutputs(v, args, s);
    validateVersions(v, args, s);
    validateExactlyOnce(v, s);
    validateLatencyBudget(v, args, s);
    v.throwIfInvalid();
}

/**
 * `auto` picks Flink for its event-at-a-time latency, but a Kappa Flink job's results (Kafka
 * transactions, S3 files) reach read_committed consumers only when a checkpoint commits them.
 */
function validateLatencyBudget(v: Validator, args: KappaArchitectureArgs, s: KappaSettings): void {
    const budget = args.requirements?.latencyBudgetMs;
    if (s.requested !== "auto" || s.processor !== "flink" || typeof budget !== "number" || !positiveInt(s.checkpointIntervalSeconds))
        return;
    const visibleAfterMs = s.checkpointIntervalSeconds * 1000;
    v.check(
        budget >= visibleAfterMs,
        "requirements.latencyBudgetMs",
        budget,
        `recommendProcessor chose "flink", but the job's exactly-once results become visible only when a checkpoint commits them, every flink.checkpointIntervalSeconds (${s.checkpointIntervalSeconds} s)`,
        `Allow at least ${visibleAfterMs} ms (shorten flink.checkpointIntervalSeconds for less), or for light Kafka-to-Kafka work set requirements.outputToKafkaOnly so Kafka Streams runs it (its transactions commit every 100 ms)`,
    );
}

function validateProcessor(v: Validator, args: KappaArchitectureArgs, s: KappaSettings): void {
    if (!["flink", "kafka-streams", "auto"].includes(s.requested)) {
        v.fail("processor", args.processor, "not a processor the Kappa architecture runs", 'Use "flink", "kafka-streams" or "auto"');
        return;
    }
    if (s.requested !== "auto") {
        // Settings of the processor that does not run would be ignored: with a processor named, they are refused.
        const other =
            s.requested === "flink"
                ? { processor: "kafka-streams", key: "streams" as const }
                : { processor: "flink", key: "flink" as const };
        if (args[other.key] !== undefined)
            v.fail(
                other.key,
                args[other.key],
                `configures the ${other.processor} job, and processor is "${s.requested}": it would be ignored`,
                `Remove it, or set processor to "${other.processor}" (or "auto" with requirements)`,
            );
        return;
    }
    if (!s.recommendation) {
        v.fail(
            "requirements",
            undefined,
            'processor "auto" decides from the workload\'s requirements, and none were given',
            'Add requirements: { latencyBudgetMs, stateSizeGiB, inputInKafka, ... }, or pick processor "flink" or "kafka-streams"',
        );
        return;
    }
    const r = s.recommendation;
    v.check(
        s.processor !== undefined,
        "processor",
        "auto",
        `recommendProcessor chose "${r.processor}" (${r.reasons.join("; ")}), which a Kappa architecture does not run: it has one streaming path, Flink or Kafka Streams`,
        r.processor === "spark-batch"
            ? 'Bounded or hour-scale work fits the Lambda or hybrid architecture\'s batch layer; to stay with Kappa, set processor "flink" explicitly'
            : 'Set processor "flink" explicitly (event-at-a-time, exactly-once), or use the Lambda architecture\'s Spark speed layer',
    );
}

/**
 * Stateful Kafka Streams versions need internal topics Express brokers and MSK Serverless refuse
 * (KafkaStreamsApp would stop at the first version, after the lake and log are registered): said here,
 * with the architecture's field names, before anything is.
 */
function validateStreamsOnFlavour(v: Validator, args: KappaArchitectureArgs, s: KappaSettings): void {
    const flavour = args.kafka?.flavour ?? s.defaults.kafkaFlavour;
    if (s.processor !== "kafka-streams" || !s.streams.stateful || !fixesReplication(flavour)) return;
    v.fail(
        "streams.stateful",
        true,
        `Kafka Streams sets segment.bytes on the changelog and repartition topics it creates, which ${flavourLabel(flavour)} refuse, so a stateful version cannot start`,
        'Set streams.stateful: false for topologies without state stores or repartitioning, or use kafka.flavour: "standard"',
    );
}

function validateInputs(v: Validator, s: KappaSettings): void {
    const entries = Object.entries(s.inputs);
    v.check(
        entries.length > 0,
        "inputTopics",
        {},
        "a Kappa job needs a log to read",
        "Declare at least one input topic, e.g. inputTopics: { events: {} }",
    );
    for (const [topic, t] of entries) {
        const at = `inputTopics["${topic}"]`;
        const deletes = t.cleanupPolicy !== "compact";
        const r = t.retentionDays;
        if (r !== undefined) {
            v.check(
                r === -1 || positive(r),
                `${at}.retentionDays`,
                r,
                "must be -1 (forever) or a positive number of days",
                `Use at least ${days(s.horizonDays)}`,
            );
        }
        if (deletes && r !== undefined && positive(r) && positive(s.horizonDays)) {
            v.check(
                r >= s.horizonDays,
                `${at}.retentionDays`,
                r,
                `shorter than the replay horizon (${days(s.horizonDays)}): a new version replaying from the earliest offset would miss records the horizon promises`,
                s.tieredStorage
                    ? `Keep at least ${days(s.horizonDays)} (tiered storage holds the old segments in the remote tier; only localRetentionDays stay on broker disks), or shorten replayHorizonDays`
                    : `Keep at least ${days(s.horizonDays)}, or set kafka.tieredStorage: true to keep a long horizon in the cheap remote tier with only localRetentionDays on broker disks, or shorten replayHorizonDays`,
            );
        }
        const tiered = s.tieredStorage && t.cleanupPolicy === "delete";
        if (tiered && r !== undefined && r !== -1 && positive(r)) {
            v.check(
                r >= MSK_TIERED_MIN_RETENTION_DAYS,
                `${at}.retentionDays`,
                r,
                `MSK refuses tiered-storage topics kept less than ${days(MSK_TIERED_MIN_RETENTION_DAYS)}`,
                `Keep at least ${days(MSK_TIERED_MIN_RETENTION_DAYS)}`,
            );
        }
        const local = t.localRetentionDays;
        if (local === undefined) continue;
        if (!s.tieredStorage) {
            v.fail(
                `${at}.localRetentionDays`,
                local,
                "local retention only applies with tiered storage",
                "Set kafka.tieredStorage: true, or remove localRetentionDays (without tiered storage records stay on broker disks for retentionDays)",
            );
            continue;
        }
        v.check(
            t.cleanupPolicy === "delete",
            `${at}.localRetentionDays`,
            local,
            "tiered storage keeps only topics with the delete policy",
            'Remove localRetentionDays, or use cleanupPolicy "delete"',
        );
        v.check(positive(local), `${at}.localRetentionDays`, local, "must be a positive number of days", "Use e.g. 1");
        if (positive(local) && r !== undefined && r !== -1) {
            v.check(
                local < r,
                `${at}.localRetentionDays`,
                local,
                `MSK needs local retention below the total retention (${days(r)})`,
                `Use less than ${r}, e.g. 1`,
            );
        }
    }
}

function validateOutputs(v: Validator, args: KappaArchitectureArgs, s: KappaSettings): void {
    const outputs = Object.keys(s.outputs);
    v.check(
        outputs.length > 0 || s.landing !== undefined,
        "outputTopics",
        args.outputTopics,
        "the job would write nowhere: no output topics and no landingOutput",
        "Declare an output topic, e.g. outputTopics: { results: {} }, or set landingOutput",
    );
    for (const [topic, o] of Object.entries(s.outputs)) {
        if (o.retentionDays !== undefined) {
            v.check(
                o.retentionDays === -1 || positive(o.retentionDays),
                `outputTopics["${topic}"].retentionDays`,
                o.retentionDays,
                "must be -1 (forever) or a positive number of days",
                "Use e.g. 7",
            );
        }
    }
    if (s.landing) {
        v.check(
            s.processor !== "kafka-streams",
            "landingOutput",
            args.landingOutput,
            "Kafka Streams writes only to Kafka topics",
            'Use processor "flink" (it writes files with the S3 FileSink), or write to an output topic and land it with MskFirehoseIngest',
        );
        v.check(
            LANDING_PATH.test(s.landing.path),
            "landingOutput.path",
            s.landing.path,
            'a landing path is segments of letters, digits, ".", "_", "=" and "-" separated by "/", without leading or trailing "/"',
            'Use e.g. "orders" or "views/orders"',
        );
    }
}

function validateVersions(v: Validator, args: KappaArchitectureArgs, s: KappaSettings): void {
    v.check(
        s.versions.length > 0,
        "versions",
        args.versions,
        "no version of the job to run",
        'Declare at least one, e.g. versions: [{ version: "v1" }]',
    );
    const seen = new Set<string>();
    const inputs = new Set(Object.keys(s.inputs));
    s.versions.forEach((ver, i) => {
        const at = `versions[${i}]`;
        const raw: KappaJobVersion = args.versions?.[i] ?? { version: ver.version };
        v.check(
            typeof ver.version === "string" && VERSION_NAME.test(ver.version),
            `${at}.version`,
            ver.version,
            "version names are 1-12 lowercase letters and digits (no \"-\": one version's name prefix must never cover another's)",
            'Use e.g. "v2"',
        );
        v.check(
            !seen.has(ver.version),
            `${at}.version`,
            ver.version,
            "declared twice: each version needs its own job, group and outputs",
            "Give each version its own name",
        );
        seen.add(ver.version);
        v.check(positiveInt(ver.parallelism), `${at}.parallelism`, ver.parallelism, "must be a whole number >= 1", "Use e.g. 2");
        for (const topic of Object.values(ver.names.outputTopics)) {
            v.check(
                !inputs.has(topic),
                `${at}.version`,
                ver.version,
                `its output topic "${topic}" is also declared as an input`,
                "Rename the output topic or the input",
            );
        }
        const start = ver.startFrom;
        if (typeof start === "string") {
            v.check(
                start === "earliest" || start === "latest",
                `${at}.startFrom`,
                start,
                "not a start position",
                'Use "earliest", "latest" or { timestampMs }',
            );
        } else {
            v.check(
                Number.isInteger(start?.timestampMs) && start.timestampMs >= 0,
                `${at}.startFrom.timestampMs`,
                start?.timestampMs,
                "must be milliseconds since the epoch",
                'Use e.g. Date.parse("2026-01-01T00:00:00Z")',
            );
        }
        if (s.processor === "kafka-streams") validateStreamsVersion(v, at, raw, ver.image, start);
    });
    const live = s.versions.find((ver) => ver.version === s.live);
    v.check(
        live !== undefined,
        "live",
        s.live,
        `not a declared version (${s.versions.map((ver) => ver.version).join(", ") || "none"})`,
        "Point live at one of versions",
    );
    v.check(
        !live?.retiring,
        "live",
        s.live,
        "the live version is marked retiring: consumers would read outputs about to be deleted",
        "Flip live to another version first, then mark this one retiring",
    );
}

function validateStreamsVersion(v: Validator, at: string, raw: KappaJobVersion, image: string | undefined, start: unknown): void {
    v.check(
        image !== undefined && image.length > 0,
        `${at}.image`,
        image,
        "Kafka Streams runs your application's image and there is no default",
        "Set image to your Streams app, pinned by tag or digest",
    );
    for (const field of FLINK_ONLY_VERSION_FIELDS) {
        v.check(
            raw[field] === undefined,
            `${at}.${field}`,
            raw[field],
            "only a Flink job uses this",
            'Remove it, or use processor "flink"',
        );
    }
    v.check(
        typeof start === "string",
        `${at}.startFrom`,
        start,
        "a new Kafka Streams application can only start from the earliest or latest offset",
        'Use "earliest", or use processor "flink" (it starts from a timestamp), or position the group with kafka-streams-application-reset --to-datetime before the first start',
    );
}

/** Settings the architecture derives from its own arguments; a second source would let them disagree. */
const OWNED_FLINK_KEYS: Record<string, string> = {
    "execution.checkpointing.timeout": "flink.checkpointTimeoutSeconds",
    "execution.checkpointing.interval": "flink.checkpointIntervalSeconds",
    "execution.checkpointing.min-pause": "flink.checkpointIntervalSeconds (the pause is half of it)",
};
const OWNED_STREAMS_PROPERTIES: Record<string, string> = {
    "auto.offset.reset": "versions[].startFrom",
    "consumer.auto.offset.reset": "versions[].startFrom",
    "main.consumer.auto.offset.reset": "versions[].startFrom",
};

function validateExactlyOnce(v: Validator, s: KappaSettings): void {
    for (const [key, value] of Object.entries(s.streams.properties)) {
        const arg = OWNED_STREAMS_PROPERTIES[key];
        v.check(
            arg === undefined,
            `streams.properties["${key}"]`,
            value,
            "the architecture sets this from another argument",
            `Use ${arg} instead`,
        );
    }
    if (s.processor !== "flink") return;
    for (const [key, value] of Object.entries(s.flink.flinkConfiguration ?? {})) {
        const arg = OWNED_FLINK_KEYS[key];
        v.check(
            arg === undefined,
            `flink.flinkConfiguration["${key}"]`,
            value,
            "the exactly-once timing is checked against the transaction timeout from the typed argument",
            `Use ${arg} instead`,
        );
    }
    v.check(
        positiveInt(s.checkpointIntervalSeconds),
        "flink.checkpointIntervalSeconds",
        s.checkpointIntervalSeconds,
        "must be a whole number of seconds >= 1",
        "Use e.g. 60",
    );
    v.check(
        positiveInt(s.checkpointTimeoutSeconds),
        "flink.checkpointTimeoutSeconds",
        s.checkpointTimeoutSeconds,
        "must be a whole number of seconds >= 1",
        "Use e.g. 300",
    );
    if (Object.keys(s.outputs).length === 0) return;
    const tolerated = s.flink.flinkConfiguration?.[TOLERABLE_FAILED_CHECKPOINTS];
    v.check(
        tolerated === undefined || tolerated === "0",
        `flink.flinkConfiguration["${TOLERABLE_FAILED_CHECKPOINTS}"]`,
        tolerated,
        "a tolerated failed checkpoint keeps the Kafka sink's transaction open for another checkpoint, past transactionTimeoutMs: the broker aborts it and its records are lost without a failure",
        "Remove it: jobs that write output topics restart from the last completed checkpoint on a failed one",
    );
    if (!positiveInt(s.checkpointIntervalSeconds) || !positiveInt(s.checkpointTimeoutSeconds)) return;
    const open = longestOpenTransactionMs(s.checkpointIntervalSeconds, s.checkpointTimeoutSeconds);
    v.check(
        positiveInt(s.transactionTimeoutMs) && s.transactionTimeoutMs > open,
        "transactionTimeoutMs",
        s.transactionTimeoutMs,
        `a sink transaction stays open until the next checkpoint completes: up to the longer of the interval and the checkpoint timeout plus the pause after a checkpoint, plus another checkpoint timeout (${open} ms); the broker would abort it first and the committed output would lose records`,
        `Use more than ${open} (at most ${s.brokerTransactionMaxTimeoutMs}), or shorten flink.checkpointIntervalSeconds or flink.checkpointTimeoutSeconds`,
    );
    v.check(
        s.transactionTimeoutMs <= s.brokerTransactionMaxTimeoutMs,
        "transactionTimeoutMs",
        s.transactionTimeoutMs,
        `above the brokers' transaction.max.timeout.ms (${s.brokerTransactionMaxTimeoutMs}): the producer would be refused when it starts`,
        `Use at most ${s.brokerTransactionMaxTimeoutMs}, or raise kafka.serverProperties["transaction.max.timeout.ms"]`,
    );
}

/** What the architecture builds its parts from, once every part's args have passed. */
export interface KappaPlan {
    settings: KappaSettings;
    lakeAndLog: LakeAndLogArgs;
    tags: Record<string, string>;
}

/**
 * Checks everything before the first resource: the args against their declaration, the
 * architecture's own rules, then the args of every part as they will be passed (landing zone,
 * Kafka cluster, input topics), each problem at the field the user wrote. Throws one
 * SpectrumValidationError listing every problem; returns what the parts are built from.
 */
export function planKappaArchitecture(name: string, args: KappaArchitectureArgs): KappaPlan {
    const checks = new PartChecks(KAPPA_COMPONENT, name);
    checks.shape(kappaArchitectureArgs, args);
    const s = checks.resolve(() => resolveKappaSettings(name, args));
    checks.own(() => validateKappaArchitecture(name, args, s));
    checks.throwIfInvalid();
    const tags = awsTags(KAPPA_COMPONENT, args.tags, "kappa");
    const lakeAndLog: LakeAndLogArgs = {
        defaults: { ...s.defaults, protect: s.protect },
        network: args.network,
        zones: { [s.landing?.area ?? "curated"]: {} },
        landingZone: args.landingZone,
        kafka: args.kafka,
        kafkaClientSecurityGroupIds: args.kafkaClientSecurityGroupIds,
        topics: inputTopicSpecs(s),
        previousTopics: previousShapes(args.previousTopics, Object.keys(s.inputs)),
        multiVpcConnectivity: false,
        tags,
    };
    const planned = checkLakeAndLog(checks, name, lakeAndLog, "inputTopics");
    if (checks.ok) checkVersions(checks, name, args, s, tags, planned);
    checks.throwIfInvalid();
    return { settings: s, lakeAndLog, tags };
}
