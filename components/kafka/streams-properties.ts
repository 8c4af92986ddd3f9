import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection } from "../core/contracts";
import { KafkaStreamsSettings } from "./streams-app-args";

/** Where the pod finds its configuration, state and credentials. */
export const PATHS = {
    configDir: "/etc/kafka-streams/config",
    propertiesFile: "/etc/kafka-streams/config/streams.properties",
    credentialsDir: "/etc/kafka-streams/credentials",
    credentialsProperties: "/etc/kafka-streams/credentials/client.properties",
    keystore: "/etc/kafka-streams/credentials/keystore.pem",
    truststore: "/etc/kafka-streams/credentials/ca.pem",
    stateDir: "/var/lib/kafka-streams",
};

/** Java properties escaping for a value (backslashes and line breaks). */
function escapeValue(value: string): string {
    return value.replace(/\\/g, "\\\\").replace(/\r?\n/g, "\\n");
}

/** JAAS quoting for a credential inside `sasl.jaas.config`. */
function jaasQuote(value: string): string {
    return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function renderProperties(props: Record<string, string>): string {
    return `${Object.keys(props)
        .sort()
        .map((k) => `${k}=${escapeValue(props[k])}`)
        .join("\n")}\n`;
}

/** Client security settings that are not secret, per auth mode. */
export function clientSecurityProperties(connection: KafkaConnection): Record<string, string> {
    switch (connection.authMode) {
        case "iam":
            // The aws-msk-iam-auth library must be on the image's classpath.
            return {
                "security.protocol": "SASL_SSL",
                "sasl.mechanism": "AWS_MSK_IAM",
                "sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
                "sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
            };
        case "scram":
            return { "security.protocol": "SASL_SSL", "sasl.mechanism": connection.scram?.mechanism ?? "SCRAM-SHA-512" };
        case "tls":
            return {
                "security.protocol": "SSL",
                "ssl.keystore.type": "PEM",
                "ssl.keystore.location": PATHS.keystore,
                ...(connection.tls?.caCert !== undefined
                    ? { "ssl.truststore.type": "PEM", "ssl.truststore.location": PATHS.truststore }
                    : {}),
            };
        default:
            return { "security.protocol": "PLAINTEXT" };
    }
}

/** The non-secret `streams.properties` the ConfigMap carries. */
export function streamsProperties(s: KafkaStreamsSettings): pulumi.Output<string> {
    const minIsr = Math.max(1, Math.min(2, s.replicationFactor - 1));
    return pulumi.output(s.connection.bootstrapServers).apply((servers) =>
        renderProperties({
            ...s.properties,
            "application.id": s.applicationId,
            "bootstrap.servers": servers,
            "processing.guarantee": s.processingGuarantee,
            "replication.factor": String(s.replicationFactor),
            // Streams passes `topic.`-prefixed settings to the internal topics it creates.
            "topic.min.insync.replicas": String(minIsr),
            "num.standby.replicas": String(s.standbyReplicas),
            "num.stream.threads": String(s.threads),
            "state.dir": PATHS.stateDir,
            ...clientSecurityProperties(s.connection),
        }),
    );
}

/** The Secret's files for SCRAM (a JAAS line) or mutual TLS (PEM keystore and CA); undefined otherwise. */
export function credentialFiles(connection: KafkaConnection): pulumi.Output<Record<string, string>> | undefined {
    if (connection.authMode === "scram" && connection.scram) {
        const scram = connection.scram;
        return pulumi.secret(
            pulumi.all([scram.username, scram.password]).apply(([user, password]): Record<string, string> => ({
                "client.properties": renderProperties({
                    "sasl.jaas.config": `org.apache.kafka.common.security.${scram.mechanism === "PLAIN" ? "plain.PlainLoginModule" : "scram.ScramLoginModule"} required username=${jaasQuote(user)} password=${jaasQuote(password)};`,
                }),
            })),
        );
    }
    if (connection.authMode === "tls" && connection.tls) {
        const tls = connection.tls;
        return pulumi.secret(
            pulumi.all([tls.clientKey, tls.clientCert, tls.caCert]).apply(([key, cert, ca]): Record<string, string> => ({
                "keystore.pem": `${key.trim()}\n${cert.trim()}\n`,
                ...(ca !== undefined ? { "ca.pem": `${ca.trim()}\n` } : {}),
            })),
        );
    }
    return undefined;
}

/** The files the app loads, in order: properties, then credentials (which hold no overlapping keys). */
export function configFiles(connection: KafkaConnection): string[] {
    return connection.authMode === "scram" ? [PATHS.propertiesFile, PATHS.credentialsProperties] : [PATHS.propertiesFile];
}
