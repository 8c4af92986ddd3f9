// An ES module consumer: named imports of both entry points from the CommonJS package, at compile
// time (moduleResolution nodenext) and at run time (Node's CommonJS interop).
import * as assert from "node:assert/strict";
import { LandingZone, SpectrumValidationError } from "pulumi-spectrum";
import { runProgram } from "pulumi-spectrum/testing";

const graph = await runProgram(() => new LandingZone("lake"));
assert.equal(graph.one("aws:s3/bucket:Bucket", "lake-data").options.protect, true);
await assert.rejects(
    runProgram(() => new LandingZone("lake", { zones: { "Not A Zone": {} } })),
    (e: unknown) => e instanceof SpectrumValidationError,
);
console.log(`ESM consumer: planned ${graph.resources.length} resources`);
