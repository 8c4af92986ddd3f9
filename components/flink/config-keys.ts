import { FlinkVersion, atLeast } from "./versions";

/**
 * Flink configuration keys that were renamed. Flink 1.20 moved the checkpoint and recovery keys
 * under `execution.checkpointing.*` / `execution.state-recovery.*`. The old names stay deprecated
 * fallback keys of the new options, in 1.20 and in 2.0 to 2.2 alike (the engine checks load each
 * version's options and find them there), so a job given both spellings reads the new one and
 * ignores the old without a word. Every key FlinkJob emits goes through {@link keyFor}, so exactly
 * one spelling, the one each version documents, reaches a job.
 */
export interface RenamedKey {
    /** The spelling before the rename. */
    readonly legacy: string;
    /** The spelling from `since` on. */
    readonly current: string;
    /** First Flink version that reads `current`: `[major, minor]`. */
    readonly since: readonly [number, number];
}

/** Renames that matter to the versions FlinkJob supports (1.18 and later). */
export const RENAMED_KEYS: readonly RenamedKey[] = [
    { legacy: "state.checkpoints.dir", current: "execution.checkpointing.dir", since: [1, 20] },
    { legacy: "state.savepoints.dir", current: "execution.checkpointing.savepoint-dir", since: [1, 20] },
    { legacy: "state.backend.incremental", current: "execution.checkpointing.incremental", since: [1, 20] },
    { legacy: "state.checkpoints.num-retained", current: "execution.checkpointing.num-retained", since: [1, 20] },
    { legacy: "state.checkpoint-storage", current: "execution.checkpointing.storage", since: [1, 20] },
    { legacy: "state.checkpoints.create-subdir", current: "execution.checkpointing.create-subdir", since: [1, 20] },
    { legacy: "state.storage.fs.memory-threshold", current: "execution.checkpointing.data-inline-threshold", since: [1, 20] },
    { legacy: "state.storage.fs.write-buffer-size", current: "execution.checkpointing.write-buffer-size", since: [1, 20] },
    { legacy: "taskmanager.state.local.root-dirs", current: "execution.checkpointing.local-backup.dirs", since: [1, 20] },
    { legacy: "execution.savepoint.path", current: "execution.state-recovery.path", since: [1, 20] },
    { legacy: "execution.savepoint.ignore-unclaimed-state", current: "execution.state-recovery.ignore-unclaimed-state", since: [1, 20] },
    { legacy: "execution.savepoint-restore-mode", current: "execution.state-recovery.claim-mode", since: [1, 20] },
    // Renamed before 1.18: the current spelling is right for every version we support.
    { legacy: "state.backend", current: "state.backend.type", since: [1, 17] },
    { legacy: "high-availability", current: "high-availability.type", since: [1, 17] },
    { legacy: "restart-strategy", current: "restart-strategy.type", since: [1, 17] },
];

/** The concepts FlinkJob sets whose key name depends on the version. */
export type VersionedSetting = "checkpointDir" | "savepointDir" | "incrementalCheckpoints" | "retainedCheckpoints";

const SETTING_KEYS: Record<VersionedSetting, string> = {
    checkpointDir: "execution.checkpointing.dir",
    savepointDir: "execution.checkpointing.savepoint-dir",
    incrementalCheckpoints: "execution.checkpointing.incremental",
    retainedCheckpoints: "execution.checkpointing.num-retained",
};

function renameOf(key: string): RenamedKey | undefined {
    return RENAMED_KEYS.find((r) => r.legacy === key || r.current === key);
}

/** The spelling of a renamed key that `version` reads (either spelling may be passed in). */
export function spellingFor(key: string, version: FlinkVersion): string {
    const rename = renameOf(key);
    if (!rename) return key;
    return atLeast(version, rename.since[0], rename.since[1]) ? rename.current : rename.legacy;
}

/** The key name `version` reads for a setting FlinkJob manages. */
export function keyFor(setting: VersionedSetting, version: FlinkVersion): string {
    return spellingFor(SETTING_KEYS[setting], version);
}

/** Both spellings of a key (one element when it was never renamed). */
export function spellingsOf(key: string): string[] {
    const rename = renameOf(key);
    return rename ? [rename.legacy, rename.current] : [key];
}

/**
 * Keys the operator refuses in `flinkConfiguration`: it sets them itself from the resource's
 * namespace and name.
 */
export const OPERATOR_FORBIDDEN_KEYS: readonly string[] = ["kubernetes.namespace", "kubernetes.cluster-id", "high-availability.cluster-id"];
