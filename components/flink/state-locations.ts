import { Storage } from "../core/contracts";
import { StateLocations } from "./flink-config";
import { FlinkJobSettings } from "./job-args";

/** The state locations of a job, or undefined when the storage refuses its prefix (reported by validation). */
export function stateLocations(storage: Storage, s: FlinkJobSettings): StateLocations | undefined {
    try {
        const area = storage.checkpointArea;
        return {
            checkpoints: storage.uri(area, `${s.statePath}/checkpoints`),
            savepoints: storage.uri(area, `${s.statePath}/savepoints`),
            highAvailability: storage.uri(area, `${s.statePath}/ha`),
        };
    } catch {
        return undefined;
    }
}

/** Path inside the checkpoint area of a savepoint the job starts from, when it is not under the job's own prefix. */
export function foreignSavepointPath(storage: Storage, s: FlinkJobSettings): string | undefined {
    const prefix = `/${storage.checkpointArea}/`;
    const m = s.initialSavepointPath ? /^s3:\/\/[^/]+(\/.+)$/.exec(s.initialSavepointPath) : null;
    if (!m || !m[1].startsWith(prefix)) return undefined;
    const path = m[1]
        .slice(prefix.length)
        .replace(/\/_metadata$/, "")
        .replace(/\/+$/, "");
    return path === s.statePath || path.startsWith(`${s.statePath}/`) ? undefined : path;
}
