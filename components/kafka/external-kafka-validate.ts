import { Validator } from "../core/errors";
import { parseArgs } from "../core/schema";
import { ExternalKafkaSettings, externalKafkaArgs } from "./external-kafka-args";

export const COMPONENT = "externalKafka";

/**
 * Checks `externalKafka`'s args, structure first (the declaration in external-kafka-args.ts), then
 * what each auth mode needs, and returns them checked. Throws one SpectrumValidationError naming
 * every problem.
 */
export function externalKafkaSettings(name: string, args: unknown): ExternalKafkaSettings {
    const s = parseArgs(COMPONENT, name, externalKafkaArgs, args);
    validateExternalKafka(name, s);
    return s;
}

/** What each auth mode needs, and credentials of another mode passed by mistake. */
export function validateExternalKafka(name: string, s: ExternalKafkaSettings): void {
    const v = new Validator(COMPONENT, name);
    if (s.authMode === "iam") {
        v.check(
            s.clusterArn !== undefined,
            "clusterArn",
            s.clusterArn,
            "IAM auth is MSK's: policies and topics key on the cluster ARN",
            "Pass the MSK cluster ARN",
        );
    }
    if (s.authMode === "scram") {
        v.check(
            s.scram !== undefined,
            "scram",
            s.scram,
            "SCRAM needs a username and password",
            "Pass scram: { username, password: pulumi.secret(...) }",
        );
    } else {
        v.check(
            s.scram === undefined,
            "scram",
            "set",
            `credentials for SCRAM, but authMode is "${s.authMode}"`,
            'Remove scram, or set authMode: "scram"',
        );
    }
    if (s.authMode === "tls") {
        v.check(
            s.tls !== undefined,
            "tls",
            s.tls,
            "mutual TLS needs a client certificate and key",
            "Pass tls: { clientCert, clientKey: pulumi.secret(...), caCert? } in PEM",
        );
    } else {
        v.check(
            s.tls === undefined,
            "tls",
            "set",
            `a client certificate, but authMode is "${s.authMode}"`,
            'Remove tls, or set authMode: "tls"',
        );
    }
    v.throwIfInvalid();
}
