/**
 * The plain-SDK floor: a compiled program of plain `@pulumi/aws` and `@pulumi/kubernetes` resources
 * (no components, no spectrum code) under the SDK's own mocks, run with plain `node`, the way the
 * Pulumi docs' unit tests run a program. `node bench/floor.js <resources>` registers exactly that
 * many resources, the Stack included, and prints the count. The benchmark runs it beside every
 * measurement, so a ratio compares two runs made at the same time on the same machine.
 *
 * The resources reference each other's outputs (a policy on a bucket's ARN, a ConfigMap holding a
 * bucket name) the way real programs do, so the SDK resolves dependencies as it would for a stack.
 */
const pulumi = require("@pulumi/pulumi");
const aws = require("@pulumi/aws");
const k8s = require("@pulumi/kubernetes");

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

/** One group of up to five plain resources wired through outputs; `count` of them are made. */
function group(i, count) {
    const made = [];
    const bucket = new aws.s3.Bucket(`data-${i}`, { forceDestroy: false, tags: { group: String(i) } });
    made.push(bucket);
    if (made.length < count)
        made.push(new aws.s3.BucketVersioning(`data-${i}`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }));
    let role;
    if (made.length < count) {
        role = new aws.iam.Role(`reader-${i}`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "glue.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        });
        made.push(role);
    }
    if (made.length < count && role)
        made.push(
            new aws.iam.RolePolicy(`reader-${i}`, {
                role: role.name,
                policy: bucket.arn.apply((arn) =>
                    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `${arn}/*` }] }),
                ),
            }),
        );
    if (made.length < count)
        made.push(new k8s.core.v1.ConfigMap(`data-${i}`, { metadata: { name: `data-${i}` }, data: { bucket: bucket.bucket } }));
    return made.length;
}

pulumi.runtime
    .runInPulumiStack(async () => {
        let left = total - 1;
        for (let i = 0; left > 0; i++) left -= group(i, Math.min(left, 5));
        return {};
    })
    .then(() => pulumi.runtime.waitForRPCs())
    .then(() => {
        if (registered !== total) throw new Error(`registered ${registered} resources, expected ${total}`);
        console.log(JSON.stringify({ resources: registered }));
    });
