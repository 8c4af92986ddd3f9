import { Validator } from "../core/errors";
import { FlinkOperatorArgs, FlinkOperatorSettings } from "./operator-args";
import { operatorConfig } from "./operator-values";
import { DEFAULT_OPERATOR_VERSION, OPERATOR_FLINK_VERSIONS } from "./versions";

export const OPERATOR_COMPONENT = "FlinkOperator";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Ports the operator pod already uses: health probes and the webhook. */
const RESERVED_PORTS = [8085, 9443];

/** Checks every argument before anything is registered; throws one error listing every problem. Every check reads the resolved settings. */
export function validateFlinkOperator(name: string, _args: FlinkOperatorArgs, s: FlinkOperatorSettings): void {
    const v = new Validator(OPERATOR_COMPONENT, name);
    if (!/^\d+\.\d+\.\d+$/.test(s.version)) {
        v.fail("version", s.version, "not an operator release version", `Use a release such as "${DEFAULT_OPERATOR_VERSION}"`);
    } else {
        // FlinkJob checks spec.flinkVersion against the CRD of the installed release: only releases whose CRD we know.
        const known = Object.keys(OPERATOR_FLINK_VERSIONS);
        v.check(
            known.includes(s.version),
            "version",
            s.version,
            "is not an operator release whose CRDs spectrum knows",
            `Use ${known.map((k) => `"${k}"`).join(" or ")}, or add the release's CRD Flink versions to OPERATOR_FLINK_VERSIONS in flink/versions.ts`,
        );
    }
    v.check(
        DNS_LABEL.test(s.namespace) && s.namespace.length <= 63,
        "namespace",
        s.namespace,
        "not a valid namespace name",
        "Use lowercase letters, digits and dashes",
    );
    v.check(
        s.jobNamespaces.length > 0,
        "jobNamespaces",
        s.jobNamespaces,
        "the operator would watch every namespace and get cluster-wide RBAC",
        'List the namespaces jobs run in, e.g. ["flink"]',
    );
    for (const ns of s.jobNamespaces) {
        v.check(
            DNS_LABEL.test(ns) && ns.length <= 63,
            "jobNamespaces",
            ns,
            "not a valid namespace name",
            "Use lowercase letters, digits and dashes",
        );
    }
    v.check(
        new Set(s.jobNamespaces).size === s.jobNamespaces.length,
        "jobNamespaces",
        s.jobNamespaces,
        "lists a namespace twice",
        "List each namespace once",
    );
    v.check(
        Number.isInteger(s.replicas) && s.replicas >= 1,
        "replicas",
        s.replicas,
        "must be a positive integer",
        "Use 1, or 2 for a standby with leader election",
    );
    v.check(
        Number.isInteger(s.metricsPort) && s.metricsPort >= 1024 && s.metricsPort <= 65535 && !RESERVED_PORTS.includes(s.metricsPort),
        "metricsPort",
        s.metricsPort,
        `must be an unprivileged port other than ${RESERVED_PORTS.join(" and ")} (health probe, webhook)`,
        "Use the default 9999",
    );
    if (s.certManager === "install") {
        const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(s.certManagerVersion);
        v.check(
            m !== null && (Number(m[1]) > 1 || Number(m[2]) >= 15),
            "certManagerVersion",
            s.certManagerVersion,
            "not a cert-manager chart version from v1.15 on (older charts install CRDs through installCRDs, not crds.enabled)",
            'Use e.g. "v1.19.2"',
        );
    }
    const owned = Object.keys(operatorConfig({ ...s, replicas: 2 }));
    for (const key of Object.keys(s.config)) {
        v.check(
            !owned.includes(key),
            `config["${key}"]`,
            s.config[key],
            "FlinkOperator sets this key itself",
            "Remove it and use metricsPort / replicas",
        );
        v.check(
            !/[\n\r]/.test(key + s.config[key]) && !/:\s*$/.test(key),
            `config["${key}"]`,
            s.config[key],
            "keys and values must be single-line",
            "Put one key per entry",
        );
    }
    v.throwIfInvalid();
}
