/**
 * The plain-SDK floor: a compiled program of plain `@pulumi/aws` and `@pulumi/kubernetes` resources
 * (floor-program.js: no components, no spectrum code) under the SDK's own mocks, run with plain
 * `node`, as the Pulumi docs' unit tests run a program. `node bench/floor.js <resources>` registers
 * exactly that many resources, the Stack included, and prints the count. The benchmark runs it
 * beside every measurement, so a ratio compares two runs made at the same time on the same machine.
 */
const pulumi = require("@pulumi/pulumi");
const { floorResources } = require("./floor-program");

const total = Number(process.argv[2]);
if (!Number.isInteger(total) || total < 1) {
    console.error("usage: node bench/floor.js <resources>   (>= 1, the Stack included)");
    process.exit(2);
}

let registered = 0;
pulumi.runtime.setMocks(
    {
        newResource: ({ name, inputs }) => {
            registered++;
            return { id: `${name}-id`, state: { ...inputs, arn: `arn:aws:mock:::${name}` } };
        },
        call: () => ({}),
    },
    "floor",
    "bench",
    false,
);

pulumi.runtime
    .runInPulumiStack(async () => floorResources(total - 1))
    .then(() => pulumi.runtime.waitForRPCs())
    .then(() => {
        if (registered !== total) throw new Error(`registered ${registered} resources, expected ${total}`);
        console.log(JSON.stringify({ resources: registered }));
    });
