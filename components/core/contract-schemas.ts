/**
 * Declarations of the contracts in contracts.ts that components take as arguments (a Kafka
 * connection, a Kubernetes target), so a component checks a hand-built one like the rest of its
 * args: a misspelt key (`clusterARN`), a missing bootstrap list or an unknown auth mode is refused
 * before anything is registered, instead of silently picking another code path.
 *
 * A contract is passed on as the very object given (not a parsed copy): components and the clash
 * registry tell connections and targets apart by identity.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import { KafkaAuthMode, KafkaConnection, KubernetesTarget, SaslMechanism } from "./contracts";
import { v, strict, input, explain } from "./schema";

/** Every Kafka auth mode, in the order messages list them. */
export const KAFKA_AUTH_MODES: readonly KafkaAuthMode[] = ["iam", "scram", "tls", "plaintext"];
/** Every SASL mechanism a `scram` connection may use. */
export const SASL_MECHANISMS: readonly SaslMechanism[] = ["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"];

type Issue = v.BaseIssue<unknown>;

/** The schema, returning the object it was given rather than a copy (for schemas without defaults). */
function asGiven<S extends v.GenericSchema>(schema: S): S {
    const run = schema["~run"].bind(schema);
    return Object.assign(schema, {
        "~run"(dataset: v.UnknownDataset, config: v.Config<Issue>) {
            const given = dataset.value;
            const result = run(dataset, config);
            if (result.typed) (result as { value: unknown }).value = given;
            return result;
        },
    });
}

/** A string that is not empty (or only spaces). */
function text(problem: string, fix: string) {
    return v.pipe(
        v.string(),
        v.check((s) => s.trim().length > 0, explain(problem, fix)),
    );
}

/** PEM text, not a path to it: the mistake of passing `"client.pem"` instead of its contents. */
function pem(what: string) {
    return v.pipe(
        v.string(),
        v.check(
            (s) => s.includes("-----BEGIN "),
            explain(
                `is not PEM text (a ${what} starts with -----BEGIN)`,
                `Pass the file's contents, e.g. fs.readFileSync(path, "utf8"), not its path`,
            ),
        ),
    );
}

/** A provider of one Pulumi package (`kubernetes`, `kafka`), recognised without loading that package. */
export function providerOf<T>(pkg: string, fix: string) {
    return v.custom<T>(
        (value) =>
            pulumi.CustomResource.isInstance(value) &&
            (value as unknown as { __pulumiType?: string }).__pulumiType === `pulumi:providers:${pkg}`,
        explain(`is not a @pulumi/${pkg} Provider`, fix),
    );
}

/** SASL credentials of a `scram` connection. */
export const scramCredentialsShape = {
    /** The SASL username (for Confluent Cloud, the API key). Default: none (required). */
    username: input(text("the username is empty", "Pass the SASL username")),
    /** The password (for Confluent Cloud, the API secret); wrap it in `pulumi.secret`. Default: none (required). */
    password: input(text("the password is empty", "Pass the password, e.g. config.requireSecret(...)")),
    /** The SASL mechanism. Default: `"SCRAM-SHA-512"`. */
    mechanism: v.optional(v.picklist(SASL_MECHANISMS)),
};
/** The schema of {@link scramCredentialsShape}. */
export const scramCredentials: v.StrictObjectSchema<typeof scramCredentialsShape, undefined> = strict(scramCredentialsShape);

/** The client certificate of a mutual-TLS connection, in PEM. */
export const tlsCredentialsShape = {
    /** PEM client certificate. Default: none (required). */
    clientCert: input(pem("certificate")),
    /** PEM private key of the certificate; wrap it in `pulumi.secret`. Default: none (required). */
    clientKey: input(pem("private key")),
    /** PEM CA bundle, when the brokers' CA is not publicly trusted. Default: none (the system's trust store). */
    caCert: v.optional(input(pem("CA certificate"))),
};
/** The schema of {@link tlsCredentialsShape}. */
export const tlsCredentials: v.StrictObjectSchema<typeof tlsCredentialsShape, undefined> = strict(tlsCredentialsShape);

/** The declaration of {@link KafkaConnection}, field for field. */
export const kafkaConnectionShape = {
    /** Comma-separated `host:port` list for the auth mode. Default: none (required). */
    bootstrapServers: input(v.string()),
    /** How clients authenticate. Default: none (required). */
    authMode: v.picklist(KAFKA_AUTH_MODES),
    /** Number of brokers, when known. Default: unknown. */
    brokerCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** For Amazon MSK: the cluster ARN. Default: none (not MSK). */
    clusterArn: v.optional(input(v.string())),
    /** For Amazon MSK: the cluster name. Default: none. */
    clusterName: v.optional(input(v.string())),
    /** For `scram`: the SASL credentials. Default: none. */
    scram: v.optional(scramCredentials),
    /** For `tls`: the client certificate and key. Default: none. */
    tls: v.optional(tlsCredentials),
};
/**
 * A {@link KafkaConnection} as a component argument: `KafkaCluster`'s `connection`, `externalKafka(...)`,
 * or one built by hand. What each auth mode needs is the consuming component's rule.
 */
export const kafkaConnection = asGiven(strict(kafkaConnectionShape)) as unknown as v.GenericSchema<KafkaConnection, KafkaConnection>;

/** The declaration of {@link KubernetesTarget}, field for field. */
export const kubernetesTargetShape = {
    /** The `@pulumi/kubernetes` provider for the cluster. Default: none (required). */
    provider: providerOf<k8s.Provider>("kubernetes", "Pass the cluster's k8s.Provider, e.g. a PlatformCluster's target.provider"),
    /** EKS cluster name (EKS Pod Identity). Default: none. */
    clusterName: v.optional(input(v.string())),
    /** IAM OIDC provider ARN of the cluster (IRSA). Default: none. */
    oidcProviderArn: v.optional(input(v.string())),
    /** IAM OIDC issuer URL of the cluster (IRSA). Default: none. */
    oidcProviderUrl: v.optional(input(v.string())),
};
/** A {@link KubernetesTarget} as a component argument: a `PlatformCluster`'s `target`, or one built by hand. */
export const kubernetesTarget = asGiven(strict(kubernetesTargetShape)) as unknown as v.GenericSchema<KubernetesTarget, KubernetesTarget>;
