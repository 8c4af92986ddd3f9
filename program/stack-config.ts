/**
 * The declaration of the `spectrum:` stack config namespace: every key the root program reads, the
 * architectures that read it, and the shape of its value. A key outside it is refused with a
 * suggestion, a key the stack's architecture does not read is refused, and values are checked
 * against the same declarations the components use.
 *
 * Every value is checked against the declaration of what reads it: a component's or an
 * architecture's args, less what the program supplies itself (the profile, the network, the
 * Kubernetes target), so a misspelt key anywhere inside is refused with a "did you mean".
 */
import { hybridArchitectureShape } from "../components/architectures/hybrid/hybrid-args";
import { kappaArchitectureShape } from "../components/architectures/kappa/kappa-args";
import { lambdaArchitectureShape } from "../components/architectures/lambda/lambda-args";
import { platformClusterShape, platformNetworkArgs } from "../components/platform";
import { v, map, strict, checkShape, closestMatch, didYouMean, explain, Problem } from "../components/core/schema";
import { landingZoneArgs } from "../components/landing-zone";
import { topicShape } from "../components/kafka/topic-args";

export const ARCHITECTURES = ["landing", "hybrid", "kappa", "lambda"] as const;
export type ArchitectureName = (typeof ARCHITECTURES)[number];

/** The shape's entries without `keys`, keeping each entry's declaration. */
function omit<S extends v.ObjectEntries, K extends keyof S>(shape: S, keys: readonly K[]): Omit<S, K> {
    return Object.fromEntries(Object.entries(shape).filter(([key]) => !keys.includes(key as K))) as Omit<S, K>;
}

// The keys the stacks may set: each architecture's declaration less what the program itself supplies.
export const hybridConfig = strict(omit(hybridArchitectureShape, ["profile", "network"]));
export const kappaConfig = strict(omit(kappaArchitectureShape, ["profile", "network", "target"]));
export const lambdaConfig = strict(omit(lambdaArchitectureShape, ["profile", "network", "kubernetes"]));
// The program passes the network itself (program/platform.ts): the stack sets everything else.
export const kubernetesConfig = strict(omit(platformClusterShape, ["network"]));
/** What `spectrum:deployedTopics` holds: the last `kafkaTopics` output, each topic's deployed shape. */
export const deployedTopicsConfig = map(v.string(), topicShape);

interface StackKey {
    /** The declaration its value must satisfy. */
    schema: v.GenericSchema;
    /** The architectures whose stacks read it. */
    readBy: readonly ArchitectureName[];
    /** Whether the value is a mapping or list (passed by Pulumi as JSON), rather than a single string. */
    structured: boolean;
}

const ALL_BUT_LANDING = ["hybrid", "kappa", "lambda"] as const;

/** `spectrum:profile`: whether the stack is throwaway (dev) or protected (prod). */
export const profileSchema = v.picklist(["dev", "prod"] as const);

/** Every key of the `spectrum:` namespace. */
export const STACK_CONFIG: Readonly<Record<string, StackKey>> = {
    architecture: {
        schema: v.picklist(ARCHITECTURES, (issue) => {
            const close = closestMatch(String(issue.input), ARCHITECTURES);
            return explain(
                "is not a known architecture",
                `${close ? `Did you mean "${close}"? ` : ""}Set it to one of ${ARCHITECTURES.join(", ")}`,
            );
        }),
        readBy: ARCHITECTURES,
        structured: false,
    },
    profile: { schema: profileSchema, readBy: ALL_BUT_LANDING, structured: false },
    landingZone: { schema: landingZoneArgs, readBy: ["landing"], structured: true },
    network: { schema: platformNetworkArgs, readBy: ALL_BUT_LANDING, structured: true },
    kubernetes: { schema: kubernetesConfig, readBy: ["kappa", "lambda"], structured: true },
    hybrid: { schema: hybridConfig, readBy: ["hybrid"], structured: true },
    kappa: { schema: kappaConfig, readBy: ["kappa"], structured: true },
    lambda: { schema: lambdaConfig, readBy: ["lambda"], structured: true },
    // The last `kafkaTopics` output: each topic's deployed shape, as KafkaTopics takes it.
    deployedTopics: { schema: deployedTopicsConfig, readBy: ALL_BUT_LANDING, structured: true },
    // Read by the plan's --cost and --capacity reports, which check its fields (cli/capacity/load.ts).
    load: { schema: map(v.string(), v.unknown()), readBy: ARCHITECTURES, structured: true },
};

/**
 * Checks the whole `<namespace>:` part of a stack's config (`namespace:key` -> the string Pulumi
 * passes, JSON for mappings and lists) and returns every problem found, in the uniform format's
 * parts with the full key as the field.
 */
export function stackConfigProblems(all: Readonly<Record<string, string>>, namespace = "spectrum"): Problem[] {
    const problems: Problem[] = [];
    const prefix = `${namespace}:`;
    const keys = Object.keys(STACK_CONFIG);
    const named = all[`${prefix}architecture`];
    const architecture = ARCHITECTURES.find((a) => a === named);
    for (const [fullKey, raw] of Object.entries(all)) {
        if (!fullKey.startsWith(prefix)) continue;
        const key = fullKey.slice(prefix.length);
        const declared = STACK_CONFIG[key];
        if (declared === undefined) {
            problems.push(unknownKey(fullKey, key, raw, prefix, keys));
            continue;
        }
        const value = declared.structured ? parseJson(raw) : raw;
        const { problems: found } = checkShape(declared.schema, value, fullKey);
        problems.push(...found);
        if (architecture !== undefined && ARCHITECTURES.includes(architecture) && !declared.readBy.includes(architecture)) {
            problems.push({
                field: fullKey,
                value,
                problem: `the ${architecture} architecture does not read it`,
                fix: `Remove it, or set ${prefix}architecture to ${declared.readBy.join(" or ")}`,
            });
        }
    }
    return problems;
}

function unknownKey(fullKey: string, key: string, raw: string, prefix: string, keys: readonly string[]): Problem {
    const value = parseJson(raw);
    const [head, ...rest] = key.split(".");
    if (rest.length > 0 && STACK_CONFIG[head]?.structured) {
        // `spectrum:landingZone.protect: false` written literally is a key of its own to Pulumi.
        return {
            field: fullKey,
            value,
            problem: `Pulumi reads a dotted key as a key of its own, not as ${rest.join(".")} inside ${prefix}${head}`,
            fix: `Nest it: ${prefix}${head}: { ${rest.join(": { ")}: ${raw}${" }".repeat(rest.length - 1)} } (pulumi config set --path '${prefix}${key}' sets it so)`,
        };
    }
    return {
        field: fullKey,
        value,
        problem: `is not a ${prefix} config key`,
        fix: didYouMean(key, keys).replace(/"([^"]+)"/g, `"${prefix}$1"`),
    };
}

/** Pulumi passes mappings and lists as JSON and anything else as its text. */
function parseJson(raw: string): unknown {
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}
