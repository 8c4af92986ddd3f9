/**
 * Process memory as FlinkJob accepts it: Flink's notation (`1600m`, `2g`, binary units) or
 * Kubernetes binary quantities (`1536Mi`, `2Gi`). Decimal Kubernetes units (`2G`) are refused: the
 * same text means 2^30 bytes to Flink and 10^9 to Kubernetes.
 */
const MEMORY = /^(\d+)(m|mb|g|gb|Mi|Gi)$/;

/** MiB in a memory string, or undefined when it is not in an accepted notation. */
export function memoryMiB(text: string): number | undefined {
    const m = MEMORY.exec(text.trim());
    if (!m) return undefined;
    const n = Number(m[1]);
    return /^(g|gb|Gi)$/.test(m[2]) ? n * 1024 : n;
}

/**
 * Smallest process size Flink starts with its default memory model: JVM metaspace (256 MiB) and
 * overhead (at least 192 MiB) come off the top before heap, network and managed memory.
 */
export const MIN_PROCESS_MEMORY_MIB = 1024;
