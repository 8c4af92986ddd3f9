// A platform repo that uses the landing zone alone and installed neither @pulumi/kubernetes,
// @pulumi/kafka, @pulumi/eks nor @pulumi/awsx: the landing zone plans, nothing loads those SDKs,
// and a component that needs one fails with a message that names the package and its install command.
const assert = require("node:assert/strict");
const { FlinkOperator, LandingZone, SpectrumValidationError } = require("pulumi-spectrum");
const { runProgram } = require("pulumi-spectrum/testing");

const OPTIONAL = ["@pulumi/kubernetes", "@pulumi/kafka", "@pulumi/eks", "@pulumi/awsx"];

async function main() {
    for (const pkg of OPTIONAL) assert.throws(() => require.resolve(pkg), { code: "MODULE_NOT_FOUND" }, `${pkg} is installed`);

    const graph = await runProgram(() => new LandingZone("lake"));
    assert.equal(graph.one("aws:s3/bucket:Bucket", "lake-data").options.protect, true);
    const loaded = Object.keys(require.cache).filter((file) => OPTIONAL.some((pkg) => file.includes(`/node_modules/${pkg}/`)));
    assert.deepEqual(loaded, []);

    await assert.rejects(
        runProgram(() => new FlinkOperator("flink", { target: { provider: undefined } })),
        (e) =>
            e instanceof SpectrumValidationError &&
            e.message.startsWith('FlinkOperator "flink": needs @pulumi/kubernetes, an optional peer dependency of pulumi-spectrum') &&
            /Install it in your project: npm install @pulumi\/kubernetes@"\^4\.\d+\.\d+"\.$/.test(e.message),
    );
    console.log(`landing zone alone: planned ${graph.resources.length} resources, no optional SDK loaded`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
