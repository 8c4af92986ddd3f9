import * as pulumi from "@pulumi/pulumi";
import { KafkaAuthMode, SaslMechanism } from "../core/contracts";

/** A Kafka cluster you already run (Confluent Platform, Strimzi, self-hosted, an MSK cluster made elsewhere). */
export interface ExternalKafkaArgs {
    /**
     * Comma-separated `host:port` list for the auth mode below. Required. When a plain string,
     * each entry is checked for a port.
     */
    bootstrapServers: pulumi.Input<string>;
    /** How clients authenticate: `iam` (MSK only), `scram`, `tls` (mutual TLS), or `plaintext` (local only). Required. */
    authMode: KafkaAuthMode;
    /** Number of brokers, when known: topics then check their replication factor against it. Default: unknown. */
    brokerCount?: number;
    /** For MSK: the cluster ARN. Required with `iam`; with it, topics are managed through the MSK API. Default: none. */
    clusterArn?: pulumi.Input<string>;
    /** For MSK: the cluster name. Default: none. */
    clusterName?: pulumi.Input<string>;
    /**
     * For `scram`: the user and password (wrap the password in `pulumi.secret`), and the SASL
     * mechanism: SCRAM-SHA-512 (default), SCRAM-SHA-256, or PLAIN for Confluent Cloud API keys.
     * Required with `scram`.
     */
    scram?: { username: pulumi.Input<string>; password: pulumi.Input<string>; mechanism?: SaslMechanism };
    /** For `tls`: PEM client certificate and key, and the CA bundle if the brokers' CA is private. Required with `tls`. */
    tls?: { clientCert: pulumi.Input<string>; clientKey: pulumi.Input<string>; caCert?: pulumi.Input<string> };
}
