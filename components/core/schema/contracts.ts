/**
 * Declarations of the contracts components meet through (core/contracts.ts), for args that take
 * one: `storage`, `target`, a Kafka `connection`, Kafka `access`. A contract is passed by reference
 * (a LandingZone, a PlatformCluster's target, a KafkaCluster's connection) and used as such (its
 * methods, its identity as a clash scope), so these schemas check its members and hand back the
 * object itself, never a copy. A missing contract is "required", not a crash on `undefined`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { KafkaConnection, KubernetesTarget, SaslMechanism, Storage } from "../contracts";
import { DEFERRED, UNKNOWN_KEY, explain, input, strict, v } from "./declare";
import { closestMatch } from "./did-you-mean";

type Issue = v.BaseIssue<unknown>;

/** What one member of a contract must be. */
export type MemberKind =
    /** A non-empty string. */
    | "string"
    /** A list of strings. */
    | "strings"
    /** A list. */
    | "list"
    /** A function (a method of the contract). */
    | "function"
    /** A non-empty string or an Output of one (a `pulumi.Input<string>`). */
    | "input"
    /** A number that is a whole number. */
    | "integer"
    /** A Pulumi provider resource for Kubernetes. */
    | "kubernetes-provider"
    /** Any value. */
    | "defined";

/** One member: its kind, whether it may be absent, and a word on what it is (for the message). */
export interface Member {
    kind: MemberKind | readonly string[] | v.GenericSchema;
    optional?: boolean;
    /** What the member is, e.g. "the bucket's name". */
    what: string;
}

/** How a contract is described and checked. */
export interface ContractSpec {
    /** The contract's name with its article, for messages: "a Storage". */
    what: string;
    /** How to pass one, for messages: "Pass the landing zone, e.g. storage: lake". */
    fix: string;
    members: Record<string, Member>;
    /**
     * Plain data whose keys are exactly its members (a connection, a target); every other key is
     * refused with a "did you mean", so `clusterARN` is not silently ignored. Leave it off for
     * contracts that are objects with more to them (a LandingZone as Storage).
     */
    closed?: boolean;
}

const KIND_WORDS: Record<MemberKind, string> = {
    string: "a non-empty string",
    strings: "a list of strings",
    list: "a list",
    function: "a function",
    input: "a non-empty string (or an Output of one)",
    integer: "a whole number",
    "kubernetes-provider": "a Kubernetes provider",
    defined: "set",
};

function isLater(value: unknown): boolean {
    return pulumi.Output.isInstance(value) || value instanceof Promise;
}

function kindOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (isLater(value)) return "an Output";
    if (pulumi.Resource.isInstance(value)) return "a resource";
    return typeof value === "object" ? "a mapping" : `a ${typeof value}`;
}

function memberOk(kind: MemberKind, value: unknown): boolean {
    switch (kind) {
        case "string":
            return typeof value === "string" && value.length > 0;
        case "strings":
            return Array.isArray(value) && value.every((item) => typeof item === "string");
        case "list":
            return Array.isArray(value);
        case "function":
            return typeof value === "function";
        case "input":
            return isLater(value) || (typeof value === "string" && value.length > 0);
        case "integer":
            return typeof value === "number" && Number.isInteger(value);
        case "kubernetes-provider":
            return pulumi.CustomResource.isInstance(value) && (value as { pkg?: unknown }).pkg === "kubernetes";
        case "defined":
            return value !== undefined;
    }
}

function pathItem(input: unknown, key: string, value: unknown): v.ObjectPathItem {
    return { type: "object", origin: "value", input: input as Record<string, unknown>, key, value };
}

function issue(input: unknown, message: string, path?: v.ObjectPathItem[]): Issue {
    return {
        kind: "schema",
        type: "contract",
        input,
        expected: null,
        received: kindOf(input),
        message,
        ...(path ? { path } : {}),
    } as Issue;
}

/** The problems of one member, with paths relative to the contract. */
function memberIssues(spec: ContractSpec, holder: object, key: string, member: Member, config: v.Config<Issue>): Issue[] {
    const value = (holder as Record<string, unknown>)[key];
    const path = [pathItem(holder, key, value)];
    if (value === undefined) {
        return member.optional ? [] : [issue(value, explain(`is missing: ${spec.what} has ${member.what}`, spec.fix), path)];
    }
    const kind = member.kind;
    if (typeof kind === "string") {
        if (memberOk(kind, value)) return [];
        return [issue(value, explain(`is ${kindOf(value)}, not ${KIND_WORDS[kind]} (${member.what})`, spec.fix), path)];
    }
    if (Array.isArray(kind)) {
        if (typeof value === "string" && kind.includes(value)) return [];
        const close = closestMatch(String(value), kind);
        const options = `Use one of ${kind.map((k) => `"${k}"`).join(", ")}`;
        return [
            issue(
                value,
                explain(`is not one of ${kind.join(", ")} (${member.what})`, close ? `Did you mean "${close}"? ${options}` : options),
                path,
            ),
        ];
    }
    const nested = (kind as v.GenericSchema)["~run"]({ value }, config);
    return (nested.issues ?? []).map((found) => ({ ...found, path: [...path, ...(found.path ?? [])] }) as Issue);
}

/** Keys of a closed contract that are none of its members, reported as strict objects report them. */
function unknownKeys(spec: ContractSpec, value: object): Issue[] {
    const known = Object.keys(spec.members);
    return Object.entries(value)
        .filter(([key]) => !known.includes(key))
        .map(
            ([key, member]) =>
                ({
                    kind: "schema",
                    type: UNKNOWN_KEY,
                    input: member,
                    expected: null,
                    received: kindOf(member),
                    message: UNKNOWN_KEY,
                    requirement: known,
                    path: [pathItem(value, key, member)],
                }) as Issue,
        );
}

/**
 * A schema for a contract: `undefined` is "required", anything but an object is refused, and each
 * member is checked; the value passes through as it is (a class instance keeps its methods).
 */
export function contract<T extends object>(spec: ContractSpec): v.CustomSchema<T, undefined> {
    const schema = v.custom<T>(() => true);
    return Object.assign(schema, {
        "~run"(dataset: v.UnknownDataset, config: v.Config<Issue>) {
            const value = dataset.value;
            const issues: Issue[] = [];
            if (value === undefined) issues.push(issue(value, explain("is required", spec.fix)));
            else if (value === null || typeof value !== "object" || Array.isArray(value) || isLater(value)) {
                issues.push(
                    issue(
                        value,
                        isLater(value)
                            ? explain(`is an Output, but ${spec.what} must be passed as it is`, spec.fix)
                            : explain(`is ${kindOf(value)}, not ${spec.what}`, spec.fix),
                    ),
                );
            } else {
                for (const [key, member] of Object.entries(spec.members)) issues.push(...memberIssues(spec, value, key, member, config));
                if (spec.closed) issues.push(...unknownKeys(spec, value));
            }
            const out = dataset as unknown as v.OutputDataset<T, Issue>;
            // A member checked when it resolves (an Output) is carried up to the parse, and is no failure yet.
            if (issues.some((found) => found.type !== DEFERRED))
                Object.assign(out, { typed: false, issues: [...((dataset as { issues?: Issue[] }).issues ?? []), ...issues] });
            else (out as { typed: boolean }).typed = true;
            return out;
        },
    });
}

/** A {@link KubernetesTarget}: a Kubernetes provider, and what workload identity needs. */
export const kubernetesTarget: v.CustomSchema<KubernetesTarget, undefined> = contract<KubernetesTarget>({
    what: "a KubernetesTarget",
    closed: true,
    fix: "Pass the cluster's target, e.g. the PlatformCluster's target, or { provider: new k8s.Provider(...), oidcProviderArn, oidcProviderUrl }",
    members: {
        provider: { kind: "kubernetes-provider", what: "the provider for the cluster" },
        clusterName: { kind: "input", optional: true, what: "the EKS cluster's name" },
        oidcProviderArn: { kind: "input", optional: true, what: "the IAM OIDC provider's ARN" },
        oidcProviderUrl: { kind: "input", optional: true, what: "the IAM OIDC issuer URL" },
    },
});

/** A {@link Storage}: the landing zone, or storage of your own with the same members. */
export const storage: v.CustomSchema<Storage, undefined> = contract<Storage>({
    what: "a Storage",
    fix: "Pass the landing zone (a LandingZone), e.g. storage: lake",
    members: {
        bucketName: { kind: "defined", what: "the bucket's name" },
        bucketArn: { kind: "defined", what: "the bucket's ARN" },
        kmsKeyArn: { kind: "defined", what: "the KMS key's ARN" },
        areas: { kind: "strings", what: "the areas it has" },
        checkpointArea: { kind: "string", what: "the area for job state" },
        logArea: { kind: "string", what: "the area for logs" },
        keyPrefix: { kind: "function", what: "keyPrefix(area, path)" },
        uri: { kind: "function", what: "uri(area, path)" },
        grant: { kind: "function", what: "grant(access, area, path)" },
    },
});

/** Kafka's client auth modes, as {@link KafkaConnection.authMode} takes them. */
export const KAFKA_AUTH_MODES = ["iam", "scram", "tls", "plaintext"] as const;

/** The kinds of MSK cluster, as {@link KafkaConnection.mskFlavour} takes them. */
export const MSK_FLAVOURS = ["standard", "express", "serverless"] as const;

/** Every SASL mechanism a `scram` connection may use. */
export const SASL_MECHANISMS: readonly SaslMechanism[] = ["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"];

/** A string that is not empty (or only spaces). */
function text(problem: string, fix: string) {
    return v.pipe(
        v.string(),
        v.check((value) => value.trim().length > 0, explain(problem, fix)),
    );
}

/** PEM text, not a path to it: the mistake of passing `"client.pem"` instead of its contents. */
function pem(what: string) {
    return v.pipe(
        v.string(),
        v.check(
            (value) => value.includes("-----BEGIN "),
            explain(
                `is not PEM text (a ${what} starts with -----BEGIN)`,
                'Pass the file\'s contents, e.g. fs.readFileSync(path, "utf8"), not its path',
            ),
        ),
    );
}

/** The declaration of a `scram` connection's SASL credentials. */
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

/** The declaration of a mutual-TLS connection's client certificate, in PEM. */
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

/** A {@link KafkaConnection}: a KafkaCluster's `connection`, or one built by hand for a cluster you bring. */
export const kafkaConnection: v.CustomSchema<KafkaConnection, undefined> = contract<KafkaConnection>({
    what: "a KafkaConnection",
    closed: true,
    fix: "Pass the cluster's connection, e.g. cluster.connection, or { bootstrapServers, authMode }",
    members: {
        bootstrapServers: { kind: "input", what: "the bootstrap servers" },
        authMode: { kind: KAFKA_AUTH_MODES, what: "how clients authenticate" },
        brokerCount: { kind: "integer", optional: true, what: "the number of brokers" },
        clusterArn: { kind: "input", optional: true, what: "the MSK cluster's ARN" },
        clusterName: { kind: "input", optional: true, what: "the MSK cluster's name" },
        mskFlavour: { kind: MSK_FLAVOURS, optional: true, what: "which kind of MSK cluster it is" },
        scram: { kind: scramCredentials, optional: true, what: "SASL credentials" },
        tls: { kind: tlsCredentials, optional: true, what: "a client certificate and key" },
    },
});

// Topic, group and transactional-id names; a trailing * means a prefix, nothing else is a wildcard.
const ACCESS_NAME = /^[^*\s]+\*?$|^\*$/;
const accessNames = v.optional(
    v.array(
        v.pipe(
            v.string(),
            v.regex(
                ACCESS_NAME,
                explain(
                    "names are exact, or end in * to mean a prefix (nothing else is a wildcard, and no spaces)",
                    'Write e.g. "orders" or "my-app-*"',
                ),
            ),
        ),
    ),
);

/** The declaration of `KafkaAccess` (core/kafka-access.ts): what a Kafka client may do, by name. */
export const kafkaAccessShape = {
    /** Topics the client consumes. Default: none. */
    readTopics: accessNames,
    /** Topics the client produces to. Default: none. */
    writeTopics: accessNames,
    /** Topics the client may create, alter and delete (internal topics it owns). Default: none. */
    manageTopics: accessNames,
    /** Consumer groups the client joins. Default: none. */
    consumerGroups: accessNames,
    /** Transactional ids the client uses (exactly-once producers; a prefix such as `my-job-*`). Default: none. */
    transactionalIds: accessNames,
    /** Topics the client only inspects (metadata, end offsets) without reading records. Default: none. */
    describeTopics: accessNames,
    /** Groups the client only inspects (committed offsets, members) without joining. Default: none. */
    describeGroups: accessNames,
};
/** The schema of `KafkaAccess` (core/kafka-access.ts): unknown keys (a `readTopic` that would grant nothing) are refused. */
export const kafkaAccess: v.StrictObjectSchema<typeof kafkaAccessShape, undefined> = strict(kafkaAccessShape);
