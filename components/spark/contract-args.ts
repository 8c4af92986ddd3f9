/**
 * The declarations of what Spark components take from other components: the landing zone (the
 * `Storage` contract), the long-running cluster a streaming job runs on and the EMR Serverless
 * application a job runs on instead. All are objects with
 * methods and Outputs, so they are checked for the members the components use, not field by field;
 * a missing one is a validation error naming the field, not a crash on `undefined`.
 */
import * as pulumi from "@pulumi/pulumi";
import { isRecord } from "../core/is-record";
import { Storage } from "../core/contracts";
import { v, explain } from "../core/schema";

/** What a Spark job needs from the long-running cluster it is submitted to. */
export interface SparkClusterTarget {
    /** The cluster id (`j-...`). */
    readonly clusterId: pulumi.Output<string>;
    /** The cluster ARN, for IAM policies scoped to this cluster. */
    readonly clusterArn: pulumi.Output<string>;
    /** Name of the nodes' instance role: jobs attach their landing-zone grants to it. */
    readonly instanceRoleName: pulumi.Output<string>;
    /** The landing zone the cluster works on. */
    readonly storage: Storage;
}

/** What a Spark job needs from the EMR Serverless application it runs on (an `EmrServerlessApplication`'s `target`). */
export interface EmrServerlessTarget {
    /** The application id. */
    readonly applicationId: pulumi.Output<string>;
    /** The application ARN, for IAM policies scoped to it and its job runs. */
    readonly applicationArn: pulumi.Output<string>;
    /** The landing zone its jobs work on and log to. */
    readonly storage: Storage;
    /** The application's security group: give it to Kafka clusters its jobs read. */
    readonly securityGroupId: pulumi.Output<string>;
    /** The EMR release of the application, for jobs that pick connectors built for its Spark. */
    readonly releaseLabel: string;
}

function has(value: Readonly<Record<string, unknown>>, key: string): boolean {
    return value[key] !== undefined;
}

/** Whether a value implements the `Storage` contract (a `LandingZone`, or a platform repo's own). */
export function isStorage(value: unknown): value is Storage {
    if (!isRecord(value) || pulumi.Output.isInstance(value)) return false;
    const s = value;
    return (
        ["bucketName", "bucketArn", "kmsKeyArn"].every((key) => has(value, key)) &&
        Array.isArray(s.areas) &&
        typeof s.checkpointArea === "string" &&
        typeof s.logArea === "string" &&
        [s.keyPrefix, s.uri, s.grant].every((f) => typeof f === "function")
    );
}

/** Whether a value is a {@link SparkClusterTarget} (an `EmrSparkCluster`, or one you describe). */
export function isSparkClusterTarget(value: unknown): value is SparkClusterTarget {
    if (!isRecord(value) || pulumi.Output.isInstance(value)) return false;
    return ["clusterId", "clusterArn", "instanceRoleName"].every((key) => has(value, key)) && isStorage(value.storage);
}

/** The landing zone a Spark component works on. */
export const storageArg: v.CustomSchema<Storage, v.ErrorMessage<v.CustomIssue> | undefined> = v.custom<Storage>(
    isStorage,
    explain(
        "is not a landing zone",
        "Pass a LandingZone, or an object implementing the Storage contract (bucketName, bucketArn, kmsKeyArn, areas, checkpointArea, logArea, keyPrefix, uri, grant)",
    ),
);

/** The long-running cluster a streaming job runs on. */
export const sparkClusterTargetArg: v.CustomSchema<SparkClusterTarget, v.ErrorMessage<v.CustomIssue> | undefined> =
    v.custom<SparkClusterTarget>(
        isSparkClusterTarget,
        explain(
            "is not a Spark cluster",
            "Pass an EmrSparkCluster, or an object with its clusterId, clusterArn, instanceRoleName and storage (a landing zone)",
        ),
    );

/** Whether a value is an {@link EmrServerlessTarget} (an `EmrServerlessApplication`'s `target`, or one you describe). */
export function isEmrServerlessTarget(value: unknown): value is EmrServerlessTarget {
    if (!isRecord(value) || pulumi.Output.isInstance(value)) return false;
    const t = value;
    return (
        ["applicationId", "applicationArn", "securityGroupId"].every((key) => has(value, key)) &&
        typeof t.releaseLabel === "string" &&
        isStorage(t.storage)
    );
}

/** The EMR Serverless application a job runs on instead of EMR on EC2. */
export const emrServerlessTargetArg: v.CustomSchema<EmrServerlessTarget, v.ErrorMessage<v.CustomIssue> | undefined> =
    v.custom<EmrServerlessTarget>(
        isEmrServerlessTarget,
        explain(
            "is not an EMR Serverless application's target",
            "Pass an EmrServerlessApplication's target, or an object with its applicationId, applicationArn, securityGroupId, releaseLabel and storage (a landing zone)",
        ),
    );
