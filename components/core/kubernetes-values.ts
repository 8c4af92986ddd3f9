/**
 * The value grammars of the Kubernetes API that spectrum's args feed: resource quantities, label
 * keys and values, and DNS names. An API server rejects anything else at `pulumi up`, after other
 * resources were already created; these let a component refuse it first.
 * Source: Kubernetes API reference, "Quantity" (k8s.io/apimachinery/pkg/api/resource) and "Labels
 * and Selectors" / "Object Names and IDs" (kubernetes.io/docs), checked 2026-12-05.
 */

// <signedNumber><suffix>, suffix: binary SI (Ki..Ei), decimal SI (n u m "" k M G T P E) or an exponent.
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * The value of a Kubernetes quantity (`"20G"`, `"10Gi"`, `"500m"`, `"1.5"`, `"1e3"`) in base units
 * (bytes, cores), or undefined when the API server would not parse it (`"2gb"`, `"10 Gi"`).
 */
export function quantityValue(text: string): number | undefined {
    const match = QUANTITY.exec(text);
    if (!match) return undefined;
    const suffix = match[2] ?? "";
    const scale = BINARY[suffix] ?? DECIMAL[suffix] ?? 10 ** Number(suffix.slice(1));
    return Number(match[1]) * scale;
}

/** What is wrong with a resource quantity (a request, limit or volume size), or undefined when none. */
export function resourceQuantityProblem(text: string): { problem: string; fix: string } | undefined {
    const value = quantityValue(text);
    if (value === undefined) {
        return {
            problem: "is not a Kubernetes quantity",
            fix: 'Write a number with an optional unit: binary "Ki", "Mi", "Gi", "Ti" or decimal "k", "M", "G", "T" (e.g. "10Gi", "20G"); CPU in cores or millicores ("2", "500m")',
        };
    }
    if (value <= 0) return { problem: "must be more than zero", fix: 'Use a positive quantity such as "10Gi" or "500m"' };
    return undefined;
}

// RFC 1123 label: what Namespace, Service and most object names must be.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN_PART = DNS_LABEL;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Whether `name` is an RFC 1123 DNS label (at most 63 lowercase letters, digits and `-`). */
export function isDnsLabel(name: string): boolean {
    return name.length <= 63 && DNS_LABEL.test(name);
}

/** Whether `name` is an RFC 1123 DNS subdomain (at most 253 characters, dot-separated DNS labels). */
export function isDnsSubdomain(name: string): boolean {
    return name.length <= 253 && name.split(".").every((part) => DNS_SUBDOMAIN_PART.test(part));
}

/** What is wrong with a label value (empty, or at most 63 of `[A-Za-z0-9-_.]`, alphanumeric at both ends). */
export function labelValueProblem(value: string): { problem: string; fix: string } | undefined {
    if (value === "" || (value.length <= 63 && LABEL_NAME.test(value))) return undefined;
    return {
        problem:
            value.length > 63
                ? `a label value has at most 63 characters (this one has ${value.length})`
                : "a label value is letters, digits, -, _ and . only, starting and ending with a letter or digit",
        fix: "Shorten or rewrite the value, e.g. team-data",
    };
}

/** What is wrong with a label key (`[prefix/]name`, the prefix a DNS subdomain, the name like a value but not empty). */
export function labelKeyProblem(key: string): { problem: string; fix: string } | undefined {
    const slash = key.lastIndexOf("/");
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const nameOk = name.length >= 1 && name.length <= 63 && LABEL_NAME.test(name);
    const prefixOk = prefix === undefined || (prefix.length > 0 && isDnsSubdomain(prefix));
    if (nameOk && prefixOk) return undefined;
    return {
        problem: "a label key is an optional DNS-subdomain prefix and a slash, then a name of at most 63 letters, digits, -, _ and .",
        fix: "Rewrite the key, e.g. team or example.com/team",
    };
}
