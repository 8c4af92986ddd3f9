import { KafkaAuthMode } from "../../core/contracts";
import type { KappaStartFrom } from "./kappa-args";
import { KappaVersionNames } from "./version-names";

/**
 * Exactly-once from input topic to output topic. The pieces that must agree:
 * - topics: replication factor 3, `min.insync.replicas` 2 (and the brokers' transaction log the
 *   same), so a committed transaction survives a broker;
 * - Flink: exactly-once checkpoints; the Kafka sink writes in transactions committed when a
 *   checkpoint completes, so a transaction stays open from one checkpoint's barrier until the next
 *   checkpoint completes (see `longestOpenTransactionMs`); its timeout must exceed that (or the
 *   broker aborts it and the output loses records) and stay within the brokers'
 *   `transaction.max.timeout.ms` (or the producer is refused at start);
 * - Kafka Streams: `processing.guarantee=exactly_once_v2`;
 * - every consumer of the inputs and outputs: `isolation.level=read_committed`, so aborted or
 *   still-open transactions are never read.
 */
export const READ_COMMITTED = "read_committed";

/** Kafka's default `transaction.max.timeout.ms` (15 minutes); MSK keeps it unless the configuration sets it. */
export const KAFKA_TRANSACTION_MAX_TIMEOUT_MS = 900_000;
/** The sink's transaction timeout: as long as the brokers allow, to survive slow checkpoints and restarts. */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = KAFKA_TRANSACTION_MAX_TIMEOUT_MS;
export const DEFAULT_CHECKPOINT_INTERVAL_SECONDS = 60;
/** Short enough that a transaction outlives two slow checkpoints within the brokers' default 15-minute ceiling (630 s with the 60 s interval), with time left for a restart. */
export const DEFAULT_CHECKPOINT_TIMEOUT_SECONDS = 300;

/** The pause after a completed checkpoint before the next may start: half the interval (set on every Kappa job, so the bound below uses the value that runs). */
export function minPauseSeconds(checkpointIntervalSeconds: number): number {
    return Math.ceil(checkpointIntervalSeconds / 2);
}

/** The brokers' transaction timeout ceiling, from the MSK configuration's extra properties. */
export function brokerTransactionMaxTimeoutMs(serverProperties: Record<string, string> | undefined): number {
    const raw = serverProperties?.["transaction.max.timeout.ms"];
    return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : KAFKA_TRANSACTION_MAX_TIMEOUT_MS;
}

/**
 * A failed checkpoint leaves the sink's open transaction to be committed by a later one, so every
 * tolerated failure adds a checkpoint timeout to its life, past what the transaction timeout
 * covers; the broker then aborts it and the committer drops its records with only a log line.
 * Jobs that write Kafka topics therefore fail over on the first failed checkpoint (Flink's own
 * default), restarting from the last completed one.
 */
export const TOLERABLE_FAILED_CHECKPOINTS = "execution.checkpointing.tolerable-failed-checkpoints";

/**
 * The longest a Flink sink transaction stays open when no failed checkpoint is tolerated. It opens
 * when checkpoint N-1's barrier passes the sink and commits when checkpoint N completes. N starts
 * an interval after N-1 started, but never sooner than the pause after N-1 completed, which may
 * take up to the timeout; N itself may take up to the timeout. So: the longer of the interval and
 * timeout + pause, plus the timeout.
 */
export function longestOpenTransactionMs(checkpointIntervalSeconds: number, checkpointTimeoutSeconds: number): number {
    const nextStart = Math.max(checkpointIntervalSeconds, checkpointTimeoutSeconds + minPauseSeconds(checkpointIntervalSeconds));
    return (nextStart + checkpointTimeoutSeconds) * 1000;
}

/** `KAPPA_START_FROM`: `earliest`, `latest` or `timestamp:<ms>`. */
export function startFromValue(start: KappaStartFrom): string {
    return typeof start === "string" ? start : `timestamp:${start.timestampMs}`;
}

/** What a job's code reads to configure its sources and sinks: the container contract of a Kappa job (see the README). */
export interface KappaJobContract {
    names: KappaVersionNames;
    inputTopics: string[];
    startFrom: KappaStartFrom;
    authMode: KafkaAuthMode;
    /** Flink only: the sink's transaction timeout. */
    transactionTimeoutMs?: number;
}

/** Environment variables every version's containers get (Flink adds `KAFKA_BOOTSTRAP_SERVERS` itself; Streams reads its properties file). */
export function jobEnvironment(c: KappaJobContract): Record<string, string> {
    return {
        KAPPA_VERSION: c.names.version,
        KAPPA_INPUT_TOPICS: c.inputTopics.join(","),
        KAPPA_OUTPUT_TOPICS: Object.values(c.names.outputTopics).join(","),
        KAPPA_CONSUMER_GROUP: c.names.consumerGroup,
        KAPPA_START_FROM: startFromValue(c.startFrom),
        KAPPA_ISOLATION_LEVEL: READ_COMMITTED,
        KAPPA_DELIVERY_GUARANTEE: "exactly-once",
        KAPPA_KAFKA_AUTH: c.authMode,
        ...(c.transactionTimeoutMs !== undefined
            ? { KAPPA_TRANSACTIONAL_ID_PREFIX: c.names.transactionalIdPrefix, KAPPA_TRANSACTION_TIMEOUT_MS: String(c.transactionTimeoutMs) }
            : {}),
    };
}
