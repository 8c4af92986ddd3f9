import * as pulumi from "@pulumi/pulumi";
import type * as kafka from "@pulumi/kafka";
import { KafkaConnection } from "../core/contracts";
import { peerIfInstalled, requirePeer } from "../core/optional-peers";
import { mskRegion } from "./msk-arn";
import { mskFlavourOf } from "./msk-flavour";

/**
 * An explicit `@pulumi/kafka` provider that talks to the brokers with the connection's own auth.
 * Needs a network path from wherever `pulumi up` runs to the brokers. IAM connections come here only
 * for MSK Serverless, which has no topic API: the provider signs in with the AWS credentials of the
 * `pulumi up` process (`aws-iam` SASL), in the cluster's region.
 */
export function kafkaProvider(name: string, connection: KafkaConnection, parent: pulumi.Resource): kafka.Provider {
    const kafka = requirePeer("@pulumi/kafka", `Kafka provider "${name}"`);
    const args: kafka.ProviderArgs = {
        bootstrapServers: pulumi.output(connection.bootstrapServers).apply((s) =>
            s
                .split(",")
                .map((e) => e.trim())
                .filter((e) => e.length > 0),
        ),
        tlsEnabled: connection.authMode !== "plaintext",
        skipTlsVerify: false,
    };
    if (connection.authMode === "scram" && connection.scram) {
        args.saslMechanism = { "SCRAM-SHA-256": "scram-sha256", "SCRAM-SHA-512": "scram-sha512", PLAIN: "plain" }[
            connection.scram.mechanism ?? "SCRAM-SHA-512"
        ];
        args.saslUsername = connection.scram.username;
        args.saslPassword = pulumi.secret(connection.scram.password);
    }
    if (connection.authMode === "iam" && connection.clusterArn !== undefined) {
        args.saslMechanism = "aws-iam";
        args.saslAwsRegion = mskRegion(connection.clusterArn);
    }
    if (connection.authMode === "tls" && connection.tls) {
        args.clientCert = connection.tls.clientCert;
        args.clientKey = pulumi.secret(connection.tls.clientKey);
        if (connection.tls.caCert !== undefined) args.caCert = connection.tls.caCert;
    }
    return new kafka.Provider(name, args, { parent });
}

/**
 * Whether topics on this connection go through the MSK topic API (no network path to the brokers
 * needed). The MSK Developer Guide documents the topic API ("Topic operations", checked 2026-12) for
 * MSK Provisioned clusters, Standard and Express brokers alike; MSK Serverless has none, so its topics
 * go over the Kafka protocol.
 */
export function usesMskTopicApi(connection: KafkaConnection): boolean {
    const flavour = mskFlavourOf(connection);
    return flavour === "standard" || flavour === "express";
}

/** A `@pulumi/kafka` provider the caller passed through `opts.providers`: it wins over one built from the connection. */
export function kafkaProviderFromOpts(opts?: pulumi.ComponentResourceOptions): kafka.Provider | undefined {
    const providers = opts?.providers;
    if (!providers) return undefined;
    const list = Array.isArray(providers) ? providers : Object.values(providers);
    // Without @pulumi/kafka installed, none of them can be one of its providers.
    const kafka = list.length > 0 ? peerIfInstalled("@pulumi/kafka") : undefined;
    return kafka ? list.find((p): p is kafka.Provider => kafka.Provider.isInstance(p)) : undefined;
}
