import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { PolicyStatement } from "./iam";

/**
 * The narrow typed interfaces components meet through. A platform repo can implement any of them
 * for infrastructure it already has, and every spectrum component accepts that.
 */

/** What a job may do with a part of the landing zone. */
export type StorageAccess = "read" | "write";

/**
 * Shared S3 storage: what {@link LandingZone} exposes. Locations are `(area, path)` pairs where an
 * area is one of the zones (`raw`, `curated`, ...) or the `checkpoints` / `logs` areas.
 */
export interface Storage {
    /** The bucket's name. */
    readonly bucketName: pulumi.Output<string>;
    /** The bucket's ARN. */
    readonly bucketArn: pulumi.Output<string>;
    /** ARN of the KMS key every object is encrypted with. */
    readonly kmsKeyArn: pulumi.Output<string>;
    /** Every area that `uri`, `keyPrefix` and `grant` accept: the zones plus `checkpoints` and `logs`. */
    readonly areas: readonly string[];
    /** The area that holds job state (checkpoints, savepoints, HA metadata). */
    readonly checkpointArea: string;
    /** The area that holds job and cluster logs. */
    readonly logArea: string;
    /** Object key prefix of a location, always ending in `/` (e.g. `raw/events/`). Throws on an unknown area. */
    keyPrefix(area: string, path?: string): string;
    /** `s3://bucket/area/path/` URI of a location. Throws on an unknown area. */
    uri(area: string, path?: string): pulumi.Output<string>;
    /** Least-privilege IAM statements (S3 and KMS) for one location. */
    grant(access: StorageAccess, area: string, path?: string): PolicyStatement[];
}

/** SASL mechanisms for username/password auth over TLS. */
export type SaslMechanism = "SCRAM-SHA-256" | "SCRAM-SHA-512" | "PLAIN";

/** How clients authenticate to Kafka. `scram` covers SASL over TLS with a password (SCRAM or PLAIN). `plaintext` is for local development only. */
export type KafkaAuthMode = "iam" | "scram" | "tls" | "plaintext";

/**
 * The kind of Amazon MSK cluster: provisioned with Standard brokers (EBS storage you size), provisioned
 * with Express brokers (storage MSK manages, many broker settings fixed), or Serverless (no brokers
 * at all). Topics follow the rules of each: only provisioned clusters have the MSK topic API, and
 * Express and Serverless fix the replication factor and `min.insync.replicas`.
 */
export type MskFlavour = "standard" | "express" | "serverless";

/** Everything a client needs to reach a Kafka cluster. Produced by `KafkaCluster`, `MskServerlessCluster` or built by hand. */
export interface KafkaConnection {
    /** Comma-separated `host:port` list for {@link KafkaConnection.authMode}. */
    readonly bootstrapServers: pulumi.Input<string>;
    /** How clients authenticate. */
    readonly authMode: KafkaAuthMode;
    /** Number of brokers, when known: lets topics validate their replication factor. */
    readonly brokerCount?: number;
    /** For Amazon MSK: the cluster ARN (IAM policies and the topic API key on it). */
    readonly clusterArn?: pulumi.Input<string>;
    /** For Amazon MSK: the cluster name. */
    readonly clusterName?: pulumi.Input<string>;
    /** For Amazon MSK: which kind of cluster it is. Default: `"standard"` when `clusterArn` is set. */
    readonly mskFlavour?: MskFlavour;
    /**
     * For SASL over TLS (auth mode `scram`): the username and password clients use (and
     * `@pulumi/kafka` for admin). `mechanism` is SCRAM-SHA-512 unless given; `PLAIN` is for
     * clusters such as Confluent Cloud, whose API key and secret are the username and password.
     */
    readonly scram?: { username: pulumi.Input<string>; password: pulumi.Input<string>; mechanism?: SaslMechanism };
    /** For mutual TLS: PEM client certificate and key (and an optional CA bundle). */
    readonly tls?: { clientCert: pulumi.Input<string>; clientKey: pulumi.Input<string>; caCert?: pulumi.Input<string> };
}

/** Where Kubernetes workloads go, and what workload identity needs. */
export interface KubernetesTarget {
    /** The provider for the cluster. */
    readonly provider: k8s.Provider;
    /** EKS cluster name: needed for EKS Pod Identity associations. */
    readonly clusterName?: pulumi.Input<string>;
    /** IAM OIDC provider ARN of the cluster: needed for IRSA. */
    readonly oidcProviderArn?: pulumi.Input<string>;
    /** IAM OIDC issuer URL of the cluster (with or without `https://`): needed for IRSA. */
    readonly oidcProviderUrl?: pulumi.Input<string>;
}
