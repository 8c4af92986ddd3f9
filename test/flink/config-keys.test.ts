import { FlinkJob, RENAMED_KEYS, spellingFor } from "../../components/flink";
import { LandingZone } from "../../components/landing-zone";
import { ResourceGraph, runProgram } from "../../testing";
import { clusterTarget, deploymentOf, existingOperator, specOf } from "./fixtures";

/** Renamed keys present in both spellings: what Flink 2.x refuses and 1.20 resolves by precedence. */
function doubleSpelled(config: Record<string, unknown>): string[] {
    return RENAMED_KEYS.filter((r) => r.legacy in config && r.current in config).map((r) => `${r.legacy} + ${r.current}`);
}

const VERSIONS = ["1.19.2", "1.20.3", "2.0.1", "2.1.1", "2.2.0"] as const;
const jobName = (v: string) => `job-${v.replace(/\./g, "-")}`;

/** Keys whose spelling FlinkJob always emits, legacy and current. */
const STATE_KEYS = [
    ["state.checkpoints.dir", "execution.checkpointing.dir"],
    ["state.savepoints.dir", "execution.checkpointing.savepoint-dir"],
    ["state.backend.incremental", "execution.checkpointing.incremental"],
    ["state.checkpoints.num-retained", "execution.checkpointing.num-retained"],
] as const;

describe("Flink configuration key spellings", () => {
    let graph: ResourceGraph;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const target = clusterTarget();
            const zone = new LandingZone("lz", { protect: false });
            for (const v of VERSIONS) {
                // Every feature that emits keys: HA, savepoints, autoscaler, Hadoop plugin, user keys.
                new FlinkJob(jobName(v), {
                    operator: existingOperator(target),
                    storage: zone,
                    flinkVersion: v,
                    jarUri: "local:///opt/flink/examples/streaming/StateMachineExample.jar",
                    autoscaler: true,
                    writesFilesToS3: true,
                    flinkConfiguration: { "state.backend.rocksdb.localdir": "/data/rocksdb", "restart-strategy.type": "exponential-delay" },
                });
            }
        });
    });

    it("the checker finds a key given in both spellings", () => {
        expect(
            doubleSpelled({ "state.checkpoints.dir": "a", "execution.checkpointing.dir": "a", "state.backend.type": "rocksdb" }),
        ).toEqual(["state.checkpoints.dir + execution.checkpointing.dir"]);
    });

    it.each(VERSIONS)("Flink %s: no key is emitted in two spellings", (v) => {
        const config = specOf(deploymentOf(graph, jobName(v))).flinkConfiguration;
        expect(Object.keys(config).length).toBeGreaterThan(20);
        expect(doubleSpelled(config)).toEqual([]);
    });

    it.each(VERSIONS)("Flink %s: every renamed key is in the spelling that version reads", (v) => {
        const config = specOf(deploymentOf(graph, jobName(v))).flinkConfiguration;
        const modern = v !== "1.19.2";
        for (const [legacy, current] of STATE_KEYS) {
            expect(config).toHaveProperty([modern ? current : legacy]);
            expect(config).not.toHaveProperty([modern ? legacy : current]);
        }
        // Renamed before 1.18: the current spelling everywhere.
        for (const key of ["state.backend", "high-availability", "restart-strategy"]) expect(config).not.toHaveProperty([key]);
        expect(config["state.backend.type"]).toBe("rocksdb");
        expect(config["high-availability.type"]).toBe("kubernetes");
        for (const key of Object.keys(config)) expect(key).not.toMatch(/^kubernetes\.operator\.job\.autoscaler\./);
    });

    it("picks the spelling by version, from either spelling", () => {
        const v = (text: string) => ({
            full: text,
            major: Number(text.split(".")[0]),
            minor: Number(text.split(".")[1]),
            patch: 0,
            minorVersion: text,
            crd: "v1_20" as const,
        });
        expect(spellingFor("execution.checkpointing.dir", v("1.19"))).toBe("state.checkpoints.dir");
        expect(spellingFor("state.checkpoints.dir", v("1.20"))).toBe("execution.checkpointing.dir");
        expect(spellingFor("execution.savepoint.path", v("2.0"))).toBe("execution.state-recovery.path");
        expect(spellingFor("pipeline.max-parallelism", v("2.0"))).toBe("pipeline.max-parallelism");
    });

    it("all values are strings, as the operator's config map needs", () => {
        for (const v of VERSIONS) {
            for (const value of Object.values(specOf(deploymentOf(graph, jobName(v))).flinkConfiguration))
                expect(typeof value).toBe("string");
        }
    });
});
