import { KAFKA_AUTH_MODES, scramCredentials, tlsCredentials } from "../core/schema/contracts";
import { v, strict, input, explain } from "../core/schema";

// A host name or IPv4 address, or an IPv6 address in brackets, and a port.
const HOST_PORT = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;
const MSK_CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/;

/** The entries of a bootstrap list that are not `host:port`. */
export function badBootstrapEntries(servers: string): string[] {
    return servers
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => !HOST_PORT.test(entry) || Number(entry.slice(entry.lastIndexOf(":") + 1)) > 65535);
}

/** The declaration of `externalKafka`'s args: a Kafka cluster you already run (Confluent, Strimzi, self-hosted, an MSK cluster made elsewhere). */
export const externalKafkaShape = {
    /**
     * Comma-separated `host:port` list for the auth mode below; each entry is checked for a port
     * (an Output when it resolves). Default: none (required).
     */
    bootstrapServers: input(
        v.pipe(
            v.string(),
            v.check(
                (servers) => badBootstrapEntries(servers).length === 0,
                explain("each entry must be host:port", 'Write them like "b-1.example.com:9096,b-2.example.com:9096"'),
            ),
        ),
    ),
    /** How clients authenticate: `iam` (MSK only), `scram`, `tls` (mutual TLS), or `plaintext` (local only). Default: none (required). */
    authMode: v.picklist(KAFKA_AUTH_MODES),
    /** Number of brokers, when known: topics then check their replication factor against it. Default: unknown. */
    brokerCount: v.optional(
        v.pipe(
            v.number(),
            v.integer(explain("must be a whole number", "Give the number of brokers, or omit it")),
            v.minValue(1, explain("must be at least 1", "Give the number of brokers, or omit it")),
        ),
    ),
    /** For MSK: the cluster ARN. Required with `iam`; with it, topics are managed through the MSK API. Default: none. */
    clusterArn: v.optional(
        input(
            v.pipe(
                v.string(),
                v.regex(MSK_CLUSTER_ARN, explain("not an MSK cluster ARN", "Use arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>")),
            ),
        ),
    ),
    /** For MSK: the cluster name. Default: none. */
    clusterName: v.optional(input(v.string())),
    /**
     * For `scram`: the user and password (wrap the password in `pulumi.secret`), and the SASL
     * mechanism: SCRAM-SHA-512 (default), SCRAM-SHA-256, or PLAIN for Confluent Cloud API keys.
     * Required with `scram`. Default: none.
     */
    scram: v.optional(scramCredentials),
    /** For `tls`: PEM client certificate and key, and the CA bundle if the brokers' CA is private. Required with `tls`. Default: none. */
    tls: v.optional(tlsCredentials),
};
/** The schema of `externalKafka`'s args, built from {@link externalKafkaShape}. */
export const externalKafkaArgs: v.StrictObjectSchema<typeof externalKafkaShape, undefined> = strict(externalKafkaShape);
/** A Kafka cluster you already run (Confluent Platform, Strimzi, self-hosted, an MSK cluster made elsewhere). */
export type ExternalKafkaArgs = v.InferInput<typeof externalKafkaArgs>;
/** The checked args (nothing here has a default). */
export type ExternalKafkaSettings = v.InferOutput<typeof externalKafkaArgs>;
