/**
 * Plans every engine target under the mock engine and writes `<out>/<label>.json`: the plan JSON
 * (`{stack, resources}`, as `plan --json` prints it) with each resource's mock `id`, plus `content`
 * on every S3 object resource: the text it uploads (job scripts), read from its asset or its
 * `content` input, so the checks run exactly what would be uploaded.
 *
 * Usage: node -r ./test/engines/register-ts.js test/engines/plans/export.ts <out-dir> <flink versions...>
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { MockResourceArgs } from "@pulumi/pulumi/runtime";
import { engineTargets } from "./targets";

interface AssetLike {
    text?: Promise<string>;
    path?: Promise<string>;
}

async function assetContent(asset: AssetLike): Promise<string | undefined> {
    if (asset.text) return asset.text;
    if (asset.path) return fs.readFileSync(await asset.path, "utf8");
    return undefined;
}

async function main(): Promise<void> {
    const [out, ...flinkVersions] = process.argv.slice(2);
    if (!out) throw new Error("usage: export.ts <out-dir> <flink versions...>");
    fs.mkdirSync(out, { recursive: true });
    for (const target of engineTargets(flinkVersions)) {
        // The mocks receive assets before the graph flattens them: keep each resource's asset to read it.
        const assets = new Map<string, AssetLike>();
        const outputs = (args: MockResourceArgs): undefined => {
            const source = (args.inputs as Record<string, unknown> | undefined)?.source;
            if (pulumi.asset.Asset.isInstance(source)) assets.set(`${args.type}::${args.name}`, source as AssetLike);
            return undefined;
        };
        const graph = await target.run({ outputs });
        const plan = graph.toPlanJson();
        // The ids the mocks gave, for what other resources' inputs refer to by id (an EMR Serverless application's).
        const ids = new Map(graph.resources.map((r) => [r.urn, r.id]));
        const resources = await Promise.all(
            plan.resources.map(async (planned) => {
                const id = ids.get(planned.urn);
                const r = id === undefined ? planned : { ...planned, id };
                const asset = assets.get(`${r.type}::${r.name}`);
                if (asset) return { ...r, content: await assetContent(asset) };
                // An upload given as text (an S3 object's `content`) is the script itself.
                return r.type.startsWith("aws:s3/bucketObject") && typeof r.inputs.content === "string"
                    ? { ...r, content: r.inputs.content }
                    : r;
            }),
        );
        const file = path.join(out, `${target.label}.json`);
        fs.writeFileSync(file, JSON.stringify({ label: target.label, description: target.description, ...plan, resources }, null, 1));
        console.log(`planned ${target.label}: ${resources.length} resources`);
    }
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
