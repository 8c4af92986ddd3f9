import { MskFlavour } from "../../core/contracts";
import { EXPRESS_INGRESS_MIB_S } from "../../kafka/express-brokers";
import { SERVERLESS_MAX_PARTITIONS, SERVERLESS_THROUGHPUT_MIB_S } from "../../kafka/msk-serverless-limits";
import { SparkRuntime } from "../../spark/spark-batch-job-args";

/** What the shape of the Kafka cluster and the Spark runtime follow from (all optional). */
export interface ShapeRequirements {
    /** Kafka ingress at peak, all topics together, MiB/s. Default: unknown (small). */
    peakIngressMiBps?: number;
    /** Partitions over all topics. Default: unknown (a few per topic). */
    partitions?: number;
    /** Traffic comes in bursts, or the cluster idles much of the day, rather than flowing steadily. Default: false. */
    spikyTraffic?: boolean;
    /** The Spark jobs need what only a cluster gives: chosen instance types, Spot, bootstrap actions, HDFS. Default: false. */
    sparkNeedsClusterControl?: boolean;
}

/** The kind of MSK cluster and the Spark runtime that fit a workload, and why. */
export interface ShapeRecommendation {
    /** `kafka.flavour`. */
    kafkaFlavour: MskFlavour;
    /** `spark.runtime`, for the Spark processors only. */
    sparkRuntime?: SparkRuntime;
    /** Why, Kafka first. */
    reasons: string[];
}

/**
 * Ingress three Standard `kafka.m7g.large` brokers (MSK's minimum, three zones) carry: a third of
 * three Express brokers of that size, by AWS's "up to three times more throughput per broker" for
 * Express (AWS News Blog, "Introducing Express brokers for Amazon MSK", 2024-11-07: 154 MBps per
 * Standard m7g.16xlarge against 500 for Express). Checked 2026-12.
 */
export const THREE_STANDARD_LARGE_INGRESS_MIB_S = EXPRESS_INGRESS_MIB_S["express.m7g.large"];

/**
 * The Kafka flavour and Spark runtime for a workload. Kafka: Standard brokers unless the workload
 * needs what another flavour gives, since three small Standard brokers are the cheapest cluster that
 * works (MSK Serverless's cluster hours alone cost more, an Express broker twice a Standard one);
 * Serverless for bursty or idle traffic within its quotas; Express once throughput, not the
 * three-broker minimum, sizes the cluster. Spark: EMR Serverless unless the jobs need a cluster.
 */
export function recommendShape(req: ShapeRequirements, processor: string, stateful: boolean): ShapeRecommendation {
    const reasons: string[] = [];
    const peak = req.peakIngressMiBps;
    const partitions = req.partitions;
    let kafkaFlavour: MskFlavour = "standard";
    const fitsServerless =
        (peak === undefined || peak <= SERVERLESS_THROUGHPUT_MIB_S.clusterIn) &&
        (partitions === undefined || partitions <= SERVERLESS_MAX_PARTITIONS);
    if (processor === "kafka-streams" && stateful) {
        reasons.push(
            "Kafka: Standard brokers, because Kafka Streams sets segment.bytes on the changelog and repartition topics of a stateful app, which Express brokers and MSK Serverless refuse",
        );
    } else if (peak !== undefined && peak > THREE_STANDARD_LARGE_INGRESS_MIB_S) {
        kafkaFlavour = "express";
        reasons.push(
            `Kafka: Express brokers, because ${peak} MiB/s at peak is more than three Standard m7g.large brokers carry (about ${THREE_STANDARD_LARGE_INGRESS_MIB_S} MiB/s): an Express broker carries about three times a Standard one of its size for twice the price, and MSK manages its storage (no disks to size or grow)`,
        );
    } else if (req.spikyTraffic && fitsServerless) {
        kafkaFlavour = "serverless";
        reasons.push(
            `Kafka: MSK Serverless, because the traffic is bursty and fits its quotas (${SERVERLESS_THROUGHPUT_MIB_S.clusterIn} MiB/s in, ${SERVERLESS_MAX_PARTITIONS} partitions): no brokers to size for the peaks, IAM clients only; its cluster hours alone ($0.75/h in us-east-1) cost more than three small Standard brokers, so it pays off in operations, not money`,
        );
    } else {
        reasons.push(
            req.spikyTraffic
                ? `Kafka: Standard brokers, because the load exceeds MSK Serverless's quotas (${SERVERLESS_THROUGHPUT_MIB_S.clusterIn} MiB/s in, ${SERVERLESS_MAX_PARTITIONS} partitions) and three Standard brokers carry it`
                : "Kafka: Standard brokers, the cheapest cluster that works at this load: three kafka.m7g.large brokers with their disks cost less than MSK Serverless's cluster hours alone",
        );
    }
    if (processor !== "spark-batch" && processor !== "spark-streaming") return { kafkaFlavour, reasons };
    if (req.sparkNeedsClusterControl) {
        reasons.push("Spark: EMR on EC2, because the jobs need what only a cluster gives (instance types, Spot, bootstrap actions)");
        return { kafkaFlavour, sparkRuntime: "emr-ec2", reasons };
    }
    reasons.push(
        processor === "spark-batch"
            ? "Spark: EMR Serverless, because each run is billed for the seconds its workers run and boots no cluster (an hourly job costs about 20% less than a transient EMR cluster in the dev estimate)"
            : "Spark: EMR Serverless, in streaming mode with its retry policy: no cluster to size or patch; choose EMR on EC2 for Spot or chosen instance types",
    );
    return { kafkaFlavour, sparkRuntime: "emr-serverless", reasons };
}
