import { Validator } from "../core/errors";
import { KafkaAuthMode } from "../core/contracts";
import { ExternalKafkaArgs } from "./external-kafka-args";

const AUTH_MODES: KafkaAuthMode[] = ["iam", "scram", "tls", "plaintext"];
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const MSK_CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/;

/**
 * Checks what each auth mode needs; throws one error listing every problem. (No settings: nothing
 * here has a default.)
 */
export function validateExternalKafka(name: string, args: ExternalKafkaArgs): void {
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
}
