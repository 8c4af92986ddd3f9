import { quantityValue } from "../core/kubernetes-values";

const MIB = 2 ** 20;
/** Flink's `MemorySize` units (case-insensitive), in bytes: `m`/`mb` are MiB, `g`/`gb` GiB. */
const FLINK_UNITS: Record<string, number> = {
    "": 1,
    b: 1,
    bytes: 1,
    k: 2 ** 10,
    kb: 2 ** 10,
    kibibytes: 2 ** 10,
    m: MIB,
    mb: MIB,
    mebibytes: MIB,
    g: 2 ** 30,
    gb: 2 ** 30,
    gibibytes: 2 ** 30,
    t: 2 ** 40,
    tb: 2 ** 40,
    tebibytes: 2 ** 40,
};
const FLINK_MEMORY = /^(\d+)\s*([a-z]*)$/i;

/**
 * Bytes in a FlinkDeployment's `resource.memory`, read as operator 1.15 reads it: Flink's
 * `MemorySize` first (a whole number and a binary unit, so `2g`, `2G` and `2048m` are all 2 GiB),
 * else a Kubernetes quantity after upper-casing (`2Gi`, `1.5Gi`; `1.5g` becomes `1.5G`, 1.5e9
 * bytes). Undefined when neither parses (or the size is negative), as the operator would refuse it.
 * Source: FlinkConfigBuilder.parseResourceMemoryString, flink-kubernetes-operator release-1.15.0.
 */
export function memoryBytes(text: string): number | undefined {
    const trimmed = text.trim();
    const flink = FLINK_MEMORY.exec(trimmed);
    if (flink && FLINK_UNITS[flink[2].toLowerCase()] !== undefined) return Number(flink[1]) * FLINK_UNITS[flink[2].toLowerCase()];
    let quantity = trimmed.replace(/\s/g, "").toUpperCase();
    if (quantity.endsWith("B")) quantity = quantity.slice(0, -1);
    if (quantity.endsWith("I")) quantity = `${quantity.slice(0, -1)}i`;
    if (quantity === "") return undefined;
    // The operator then parses the bytes as a MemorySize, which has no sign.
    const bytes = quantityValue(quantity);
    return bytes === undefined || bytes < 0 ? undefined : bytes;
}

/** MiB in a memory string (fractions kept), or undefined when the operator would not parse it. */
export function memoryMiB(text: string): number | undefined {
    const bytes = memoryBytes(text);
    return bytes === undefined ? undefined : bytes / MIB;
}

/**
 * Smallest process size Flink starts with its default memory model: JVM metaspace (256 MiB) and
 * overhead (at least 192 MiB) come off the top before heap, network and managed memory.
 */
export const MIN_PROCESS_MEMORY_MIB = 1024;
