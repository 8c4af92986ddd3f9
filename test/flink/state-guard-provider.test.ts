import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { FlinkJob } from "../../components/flink";
import { LandingZone } from "../../components/landing-zone";
import { runProgram } from "../../testing";
import { clusterTarget, existingOperator, types } from "./fixtures";

/** What the host reads off a resource: its inputs, `__provider` among them. */
type Props = Record<string, unknown>;

/**
 * The guard's `__provider` input turned into a provider exactly as Pulumi's dynamic provider host
 * does it (cmd/dynamic-provider in `@pulumi/pulumi`): `require-from-string` as the host resolves
 * it, evaluated outside jest's module registry, then `exports.handler()`.
 */
function providerAsTheHostLoadsIt(text: string): pulumi.dynamic.ResourceProvider {
    const hostRequire = createRequire(require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js"));
    const requireFromString = hostRequire("require-from-string") as (code: string) => { handler(): pulumi.dynamic.ResourceProvider };
    return requireFromString(text).handler();
}

/** The host hands the provider its props with `__provider` and puts it back on what create returns. */
const withProvider = (props: Props, text: string): Props => ({ ...props, __provider: text });

describe("state guard's provider module, as Pulumi's dynamic provider host runs it", () => {
    let guardInputs: Props;
    let text: string;

    beforeAll(async () => {
        const graph = await runProgram(() => {
            const zone = new LandingZone("lz", { protect: false });
            new FlinkJob("orders", {
                operator: existingOperator(clusterTarget()),
                storage: zone,
                flinkVersion: "1.20.3",
                jarUri: "local:///opt/flink/examples/streaming/StateMachineExample.jar",
            });
        });
        guardInputs = graph.one(types.guard, "orders-state-guard").inputs;
        text = String(guardInputs.__provider);
    });

    it("registers the shipped module's text as __provider, under the SDK's dynamic type token", async () => {
        const shipped = fs.readFileSync(path.join(__dirname, "..", "..", "components", "flink", "state-guard-provider.js"), "utf8");
        expect(guardInputs.__provider).toBe(shipped);
        expect(text).toMatch(/^exports\.handler = /m);
    });

    it("requires nothing: the host evaluates it outside this package", () => {
        const module = { exports: {} as { handler?: () => pulumi.dynamic.ResourceProvider } };
        const noRequire = (id: string) => {
            throw new Error(`the provider module requires ${id}`);
        };
        new Function("exports", "require", "module", text)(module.exports, noRequire, module);
        expect(typeof module.exports.handler?.().check).toBe("function");
    });

    it("creates, keeps and updates the guard, and fails check on a state-losing change", async () => {
        const provider = providerAsTheHostLoadsIt(text);
        const news = withProvider({ ...guardInputs, stateBucket: "lz-data-1234567" }, text);

        // First deployment: nothing to compare with.
        const first = await provider.check!({}, news);
        expect(first.failures ?? []).toHaveLength(0);
        const created = await provider.create(first.inputs);
        expect(created.id).toBe("flink/orders");
        const olds = withProvider(created.outs, text);

        // The next run with the same identity: nothing to do.
        expect((await provider.check!(olds, news)).failures ?? []).toHaveLength(0);
        expect(await provider.diff!("flink/orders", olds, news)).toMatchObject({ changes: false, replaces: [] });

        // A rename without a savepoint fails preview with the migration recipe.
        const renamed = { ...news, deploymentName: "orders-v2" };
        const refused = await provider.check!(olds, renamed);
        expect(refused.failures).toHaveLength(1);
        expect(refused.failures?.[0]).toMatchObject({ property: "deploymentName" });
        expect(refused.failures?.[0].reason).toContain('FlinkJob "orders": deploymentName "orders" -> "orders-v2"');
        expect(refused.failures?.[0].reason).toContain("kubectl -n flink get flinkdeployment orders");

        // The same rename starting from a savepoint goes through as an in-place update of the guard.
        const migrated = { ...renamed, initialSavepointPath: "s3://lz-data-1234567/checkpoints/flink/orders/savepoints/savepoint-1" };
        expect((await provider.check!(olds, migrated)).failures ?? []).toHaveLength(0);
        expect(await provider.diff!("flink/orders", olds, migrated)).toMatchObject({ changes: true, replaces: [] });
        expect((await provider.update!("flink/orders", olds, migrated)).outs).toEqual(migrated);

        // Nothing to delete in the cloud: the host skips a provider without delete.
        expect(provider.delete).toBeUndefined();
    });
});
