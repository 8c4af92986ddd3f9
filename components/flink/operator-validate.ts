import { Validator } from "../core/errors";
import { fieldPath, parseArgs } from "../core/schema";
import { FlinkOperatorSettings, flinkOperatorArgs, resolveFlinkOperatorSettings } from "./operator-args";
import { operatorConfig } from "./operator-values";
import { CERT_MANAGER_NEWEST_PATCH, DEFAULT_CERT_MANAGER_VERSION, isCertManagerRelease } from "./versions";

export const OPERATOR_COMPONENT = "FlinkOperator";

/**
 * Checks a FlinkOperator's args, structure first (the declaration in operator-args.ts), then the
 * rules across fields, and returns the settings the component reads. Throws one
 * SpectrumValidationError naming every problem; call it before registering anything.
 */
export function flinkOperatorSettings(name: string, args: unknown): FlinkOperatorSettings {
    const s = resolveFlinkOperatorSettings(parseArgs(OPERATOR_COMPONENT, name, flinkOperatorArgs, args));
    validateFlinkOperator(name, s);
    return s;
}

/** The rules across fields: watched namespaces, the cert-manager release, and config keys the operator's args own. */
export function validateFlinkOperator(name: string, s: FlinkOperatorSettings): void {
    const v = new Validator(OPERATOR_COMPONENT, name);
    const seen = new Set<string>();
    s.jobNamespaces.forEach((ns, i) => {
        v.check(!seen.has(ns), `jobNamespaces[${i}]`, ns, "lists a namespace twice", "List each namespace once");
        seen.add(ns);
    });
    if (s.certManager === "install") {
        const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(s.certManagerVersion);
        if (m === null || (Number(m[1]) === 1 && Number(m[2]) < 15) || Number(m[1]) < 1) {
            v.fail(
                "certManagerVersion",
                s.certManagerVersion,
                "is not a cert-manager chart version from v1.15 on (older charts install CRDs through installCRDs, not crds.enabled)",
                `Use e.g. "${DEFAULT_CERT_MANAGER_VERSION}"`,
            );
        } else {
            const minors = Object.keys(CERT_MANAGER_NEWEST_PATCH);
            v.check(
                isCertManagerRelease(s.certManagerVersion),
                "certManagerVersion",
                s.certManagerVersion,
                `is not a cert-manager release spectrum knows (${minors[0]}.0 to ${minors[minors.length - 1]}.${CERT_MANAGER_NEWEST_PATCH[minors[minors.length - 1]]})`,
                `Use e.g. "${DEFAULT_CERT_MANAGER_VERSION}", or add the release to CERT_MANAGER_NEWEST_PATCH in flink/versions.ts`,
            );
        }
    }
    const owned = Object.keys(operatorConfig({ ...s, replicas: 2 }));
    for (const [key, value] of Object.entries(s.config)) {
        const field = fieldPath([{ key: "config" }, { key }]);
        v.check(!owned.includes(key), field, value, "FlinkOperator sets this key itself", "Remove it and use metricsPort / replicas");
        v.check(
            !/[\n\r]/.test(key + value) && !/:\s*$/.test(key) && key.trim() !== "",
            field,
            value,
            "keys and values must be single-line, and a key neither empty nor ending in a colon",
            "Put one key per entry",
        );
    }
    v.throwIfInvalid();
}
