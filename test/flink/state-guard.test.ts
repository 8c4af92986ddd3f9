import { FlinkJob, StateIdentity, stateGuardProblem } from "../../components/flink";
import { stateGuardProvider } from "../../components/flink/state-guard";
import { LandingZone } from "../../components/landing-zone";
import { runProgram } from "../../testing";
import { clusterTarget, deploymentOf, existingOperator, types } from "./fixtures";

const before: StateIdentity = {
    component: "orders",
    namespace: "flink",
    deploymentName: "orders",
    stateBucket: "lz-data-1234567",
    stateKeyPrefix: "checkpoints/flink/orders/",
    initialSavepointPath: "",
    allowStateReset: false,
};

describe("state guard", () => {
    it("lets the first deployment and any change that keeps the identity through", () => {
        expect(stateGuardProblem({}, before)).toBeUndefined();
        expect(stateGuardProblem(before, { ...before })).toBeUndefined();
        expect(stateGuardProblem(before, { ...before, component: "renamed-with-alias" })).toBeUndefined();
    });

    it("refuses a rename, naming the change and the savepoint migration", () => {
        const problem = stateGuardProblem(before, {
            ...before,
            deploymentName: "orders-v2",
            stateKeyPrefix: "checkpoints/flink/orders-v2/",
        });
        expect(problem).toContain(
            'FlinkJob "orders": deploymentName "orders" -> "orders-v2", stateKeyPrefix "checkpoints/flink/orders/" -> "checkpoints/flink/orders-v2/"',
        );
        expect(problem).toContain("replaces FlinkDeployment flink/orders");
        expect(problem).toContain('state: "suspended"');
        expect(problem).toContain("kubectl -n flink get flinkdeployment orders -o jsonpath='{.status.jobStatus.upgradeSavepointPath}'");
        expect(problem).toContain("initialSavepointPath");
        expect(problem).toContain("allowStateReset: true");
    });

    it("refuses a namespace move and a new bucket, showing values not yet known", () => {
        expect(stateGuardProblem(before, { ...before, namespace: "streaming" })).toContain('namespace "flink" -> "streaming"');
        expect(stateGuardProblem(before, { ...before, stateBucket: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })).toContain(
            'stateBucket "lz-data-1234567" -> (a value known only after apply)',
        );
    });

    it("lets the change through with a new savepoint to start from, or an explicit reset", () => {
        const renamed = { ...before, deploymentName: "orders-v2" };
        expect(
            stateGuardProblem(before, {
                ...renamed,
                initialSavepointPath: "s3://lz-data-1234567/checkpoints/flink/orders/savepoints/savepoint-1a2b3c-4d5e6f",
            }),
        ).toBeUndefined();
        expect(stateGuardProblem(before, { ...renamed, allowStateReset: true })).toBeUndefined();
        // The savepoint of an earlier migration does not count for a new one.
        const migrated = { ...before, initialSavepointPath: "s3://b/checkpoints/x/savepoints/sp" };
        expect(stateGuardProblem(migrated, { ...migrated, deploymentName: "orders-v3" })).toBeDefined();
    });

    it("fails the provider's check (so preview fails) only on a state-losing change", async () => {
        const provider = stateGuardProvider();
        const check = provider.check;
        if (!check) throw new Error("the guard must implement check");
        const failed = await check(before, { ...before, namespace: "other" });
        expect(failed.failures).toHaveLength(1);
        expect(failed.failures?.[0].reason).toContain("Migrate through a savepoint");
        expect((await check(before, before)).failures).toBeUndefined();
        const diff = await provider.diff?.("flink/orders", before, { ...before, initialSavepointPath: "s3://x" });
        expect(diff).toMatchObject({ changes: true, replaces: [] });
    });

    it("is recorded with the job's identity, and the FlinkDeployment waits for it", async () => {
        const graph = await runProgram(() => {
            const zone = new LandingZone("lz", { protect: false });
            new FlinkJob("orders", {
                operator: existingOperator(clusterTarget()),
                storage: zone,
                flinkVersion: "1.20.3",
                jarUri: "local:///opt/flink/examples/streaming/StateMachineExample.jar",
            });
            return { bucket: zone.bucketName };
        });
        const guard = graph.one(types.guard, "orders-state-guard");
        expect(guard.inputs).toMatchObject({
            component: "orders",
            namespace: "flink",
            deploymentName: "orders",
            stateBucket: graph.outputs.bucket,
            stateKeyPrefix: "checkpoints/flink/orders/",
            initialSavepointPath: "",
            allowStateReset: false,
        });
        expect(typeof guard.inputs.__provider).toBe("string");
        expect(deploymentOf(graph, "orders").dependencies).toContain(guard.urn);
    });
});
