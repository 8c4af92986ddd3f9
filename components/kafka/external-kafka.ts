import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection } from "../core/contracts";
import { ExternalKafkaArgs } from "./external-kafka-args";
import { COMPONENT, externalKafkaSettings } from "./external-kafka-validate";

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
    const s = externalKafkaSettings(name, args);
    if (s.authMode === "plaintext") {
        pulumi.log.warn(`${COMPONENT} "${name}": plaintext sends data and offers no authentication; use it for a local cluster only.`);
    }
    return {
        bootstrapServers: s.bootstrapServers,
        authMode: s.authMode,
        ...(s.brokerCount !== undefined ? { brokerCount: s.brokerCount } : {}),
        ...(s.clusterArn !== undefined ? { clusterArn: s.clusterArn } : {}),
        ...(s.clusterName !== undefined ? { clusterName: s.clusterName } : {}),
        ...(s.scram ? { scram: { ...s.scram, password: pulumi.secret(s.scram.password) } } : {}),
        ...(s.tls ? { tls: { ...s.tls, clientKey: pulumi.secret(s.tls.clientKey) } } : {}),
    };
}
