import { Validator } from "../../core/errors";
import { MskFlavour } from "../../core/contracts";
import { EmrServerlessCapacity, SparkRuntime } from "../../spark";

/**
 * How big and how redundant an architecture is. `dev` is the smallest shape that still works end
 * to end and is meant to be thrown away (nothing protected); `prod` is highly available everywhere
 * and protects every data-bearing resource. Every value can be overridden per component.
 */
export type ArchitectureProfile = "dev" | "prod";

export const ARCHITECTURE_PROFILES: readonly ArchitectureProfile[] = ["dev", "prod"];

/** What a profile decides for the components an architecture composes. */
export interface ArchitectureDefaults {
    /** Protection of data-bearing resources (buckets, keys, clusters, topics, job state). */
    protect: boolean;
    /**
     * The kind of MSK cluster. dev: Standard brokers, the cheapest shape that works: three
     * `kafka.m7g.large` brokers with their disks cost less than MSK Serverless's cluster hours alone,
     * and an Express broker costs twice a Standard one of the same size (see the architectures'
     * README). prod: Standard too, since another flavour is another cluster: a changed default would
     * replace deployed clusters, and their data, on upgrade. Express or Serverless is a choice.
     */
    kafkaFlavour: MskFlavour;
    /** MSK broker instance type (Graviton), Standard brokers. */
    brokerInstanceType: string;
    /** MSK broker instance type when the flavour is Express. */
    expressBrokerInstanceType: string;
    /** EBS volume per broker at creation, and the storage-autoscaling ceiling, GiB. */
    brokerVolumeGiB: number;
    brokerMaxVolumeGiB: number;
    /** MSK enhanced monitoring level. */
    kafkaMonitoring: "DEFAULT" | "PER_BROKER";
    /** Days of logs kept in CloudWatch (brokers, Firehose errors). */
    logRetentionDays: number;
    /** Partitions of each topic: the ceiling of consumer parallelism. */
    topicPartitions: number;
    /** How long topics keep records, in days: the replay horizon of the log. */
    topicRetentionDays: number;
    /** Firehose buffering: seconds and MiB before a file is written. */
    ingestBufferSeconds: number;
    ingestBufferMiB: number;
    /** EMR task-fleet capacity ceiling (units) for batch jobs. */
    batchMaxCapacity: number;
    /**
     * Where Spark jobs run. dev: EMR Serverless, the cheapest shape that works: it bills the
     * seconds a run holds workers and boots no cluster per run (an hourly dev batch costs about 20%
     * less than a transient cluster, see the architectures' README). prod: EMR on EC2, which deployed
     * prod stacks run (switching replaces every job's resources) and which keeps instance types,
     * Spot and cluster configuration in the user's hands. EMR Serverless in prod is a choice.
     */
    sparkRuntime: SparkRuntime;
    /** EMR Serverless cost ceiling of an application (all its jobs at once). */
    serverlessMaxCapacity: EmrServerlessCapacity;
    /** Flink operator replicas; more than one adds a standby through leader election. */
    flinkOperatorReplicas: number;
    /** JobManagers per Flink job; more than one adds standbys (Kubernetes HA). */
    flinkJobManagerReplicas: number;
    /** Parallelism of a stream job: Flink subtasks, or Kafka Streams pods. */
    streamParallelism: number;
}

export const ARCHITECTURE_DEFAULTS: Readonly<Record<ArchitectureProfile, Readonly<ArchitectureDefaults>>> = {
    dev: {
        protect: false,
        kafkaFlavour: "standard",
        brokerInstanceType: "kafka.m7g.large",
        expressBrokerInstanceType: "express.m7g.large",
        brokerVolumeGiB: 100,
        brokerMaxVolumeGiB: 250,
        kafkaMonitoring: "DEFAULT",
        logRetentionDays: 7,
        topicPartitions: 3,
        topicRetentionDays: 3,
        ingestBufferSeconds: 300,
        ingestBufferMiB: 64,
        batchMaxCapacity: 4,
        sparkRuntime: "emr-serverless",
        serverlessMaxCapacity: { cpu: 16, memoryGb: 64 },
        flinkOperatorReplicas: 1,
        flinkJobManagerReplicas: 1,
        streamParallelism: 1,
    },
    prod: {
        protect: true,
        kafkaFlavour: "standard",
        brokerInstanceType: "kafka.m7g.xlarge",
        expressBrokerInstanceType: "express.m7g.large",
        brokerVolumeGiB: 1000,
        brokerMaxVolumeGiB: 4000,
        kafkaMonitoring: "PER_BROKER",
        logRetentionDays: 30,
        topicPartitions: 12,
        topicRetentionDays: 7,
        ingestBufferSeconds: 300,
        ingestBufferMiB: 128,
        batchMaxCapacity: 20,
        sparkRuntime: "emr-ec2",
        serverlessMaxCapacity: { cpu: 96, memoryGb: 384 },
        flinkOperatorReplicas: 2,
        flinkJobManagerReplicas: 2,
        streamParallelism: 3,
    },
};

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Checks the profile (stack config is untyped) and returns its defaults. */
export function profileDefaults(v: Validator, profile: unknown): ArchitectureDefaults {
    const ok = ARCHITECTURE_PROFILES.includes(profile as ArchitectureProfile);
    v.check(
        ok,
        "profile",
        profile,
        "not a profile",
        `Use one of ${ARCHITECTURE_PROFILES.join(", ")}: dev is small and unprotected, prod is highly available and protected`,
    );
    return ARCHITECTURE_DEFAULTS[ok ? (profile as ArchitectureProfile) : "dev"];
}
