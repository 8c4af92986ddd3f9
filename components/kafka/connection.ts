import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { KafkaAuthMode, KafkaConnection, SaslMechanism } from "../core/contracts";

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

const AUTH_MODES: KafkaAuthMode[] = ["iam", "scram", "tls", "plaintext"];
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const MSK_CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/;

/**
 * A {@link KafkaConnection} for a cluster spectrum does not create. Checks that the auth mode has
 * what it needs, and marks the credentials secret, so everything downstream (topics, ACLs,
 * Streams apps) treats them as such.
 *
 * @example
 * const kafka = externalKafka("events", {
 *     bootstrapServers: "b-1.kafka.internal:9096,b-2.kafka.internal:9096,b-3.kafka.internal:9096",
 *     authMode: "scram",
 *     brokerCount: 3,
 *     scram: { username: "platform-admin", password: config.requireSecret("kafkaPassword") },
 * });
 */
export function externalKafka(name: string, args: ExternalKafkaArgs): KafkaConnection {
    const v = new Validator("externalKafka", name);
    v.check(AUTH_MODES.includes(args.authMode), "authMode", args.authMode, "not a Kafka auth mode", `Use one of ${AUTH_MODES.join(", ")}`);
    if (typeof args.bootstrapServers === "string") {
        const entries = args.bootstrapServers.split(",").map((e) => e.trim());
        for (const entry of entries) {
            v.check(
                HOST_PORT.test(entry),
                "bootstrapServers",
                entry,
                "each entry must be host:port",
                'Write them like "b-1.example.com:9096,b-2.example.com:9096"',
            );
        }
    }
    if (args.brokerCount !== undefined) {
        v.check(
            Number.isInteger(args.brokerCount) && args.brokerCount >= 1,
            "brokerCount",
            args.brokerCount,
            "must be a whole number, at least 1",
            "Give the number of brokers, or omit it",
        );
    }
    if (typeof args.clusterArn === "string") {
        v.check(
            MSK_CLUSTER_ARN.test(args.clusterArn),
            "clusterArn",
            args.clusterArn,
            "not an MSK cluster ARN",
            "Use arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>",
        );
    }
    if (args.authMode === "iam") {
        v.check(
            args.clusterArn !== undefined,
            "clusterArn",
            args.clusterArn,
            "IAM auth is MSK's: policies and topics key on the cluster ARN",
            "Pass the MSK cluster ARN",
        );
    }
    if (args.authMode === "scram") {
        v.check(
            !!args.scram?.username && !!args.scram?.password,
            "scram",
            args.scram ? "incomplete" : undefined,
            "SCRAM needs a username and password",
            "Pass scram: { username, password: pulumi.secret(...) }",
        );
    } else {
        v.check(
            args.scram === undefined,
            "scram",
            "set",
            `credentials for SCRAM, but authMode is "${args.authMode}"`,
            'Remove scram, or set authMode: "scram"',
        );
    }
    if (args.authMode === "tls") {
        v.check(
            !!args.tls?.clientCert && !!args.tls?.clientKey,
            "tls",
            args.tls ? "incomplete" : undefined,
            "mutual TLS needs a client certificate and key",
            "Pass tls: { clientCert, clientKey: pulumi.secret(...), caCert? } in PEM",
        );
    } else {
        v.check(
            args.tls === undefined,
            "tls",
            "set",
            `a client certificate, but authMode is "${args.authMode}"`,
            'Remove tls, or set authMode: "tls"',
        );
    }
    v.throwIfInvalid();
    if (args.authMode === "plaintext") {
        pulumi.log.warn(`externalKafka "${name}": plaintext sends data and offers no authentication; use it for a local cluster only.`);
    }
    return {
        bootstrapServers: args.bootstrapServers,
        authMode: args.authMode,
        ...(args.brokerCount !== undefined ? { brokerCount: args.brokerCount } : {}),
        ...(args.clusterArn !== undefined ? { clusterArn: args.clusterArn } : {}),
        ...(args.clusterName !== undefined ? { clusterName: args.clusterName } : {}),
        ...(args.scram ? { scram: { ...args.scram, password: pulumi.secret(args.scram.password) } } : {}),
        ...(args.tls ? { tls: { ...args.tls, clientKey: pulumi.secret(args.tls.clientKey) } } : {}),
    };
}

/** The AWS region in an MSK cluster ARN. */
export function mskRegion(clusterArn: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(clusterArn).apply((arn) => arn.split(":")[3] ?? "");
}
