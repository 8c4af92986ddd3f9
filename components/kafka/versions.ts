/**
 * Kafka versions as Amazon MSK names them: `3.9.x`, `3.9.x.kraft`, `4.1.x.kraft`, `3.6.0`. The
 * `.kraft` suffix picks KRaft metadata mode (from 3.7); 4.x exists only in KRaft mode.
 */
export interface MskKafkaVersion {
    major: number;
    minor: number;
    kraft: boolean;
}

/**
 * The default: KRaft mode (no ZooKeeper to run or secure), >= 3.6 so the MSK topic API manages
 * topics, >= 3.8 so IAM access control covers the transaction markers exactly-once needs, and
 * tiered storage is available.
 */
export const DEFAULT_MSK_KAFKA_VERSION = "3.9.x.kraft";

/** The oldest version the MSK topic API (and so `KafkaTopic` on MSK) supports. */
export const MIN_TOPIC_API_VERSION = { major: 3, minor: 6 };

const VERSION = /^(\d+)\.(\d+)\.(\d+|x)(\.kraft)?$/;

/** Parses an MSK version string, or returns undefined when it has not that shape. */
export function parseMskKafkaVersion(version: string): MskKafkaVersion | undefined {
    const m = VERSION.exec(version);
    if (!m) return undefined;
    return { major: Number(m[1]), minor: Number(m[2]), kraft: m[4] !== undefined };
}

/** Whether `v` is at least `major.minor`. */
export function atLeast(v: MskKafkaVersion, min: { major: number; minor: number }): boolean {
    return v.major > min.major || (v.major === min.major && v.minor >= min.minor);
}
