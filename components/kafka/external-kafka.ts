import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection } from "../core/contracts";
import { ExternalKafkaArgs } from "./external-kafka-args";
import { validateExternalKafka } from "./external-kafka-validate";

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
    validateExternalKafka(name, args);
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
