/**
 * The resources of the plain-SDK floor (see floor.js): plain `@pulumi/aws` and
 * `@pulumi/kubernetes` resources in groups of five that reference each other's outputs the way
 * real programs do (a policy on a bucket's ARN, a ConfigMap holding a bucket name).
 */
const aws = require("@pulumi/aws");
const k8s = require("@pulumi/kubernetes");

/** One group of up to five resources; returns how many it made. */
function group(i, count) {
    const bucket = new aws.s3.Bucket(`data-${i}`, { forceDestroy: false, tags: { group: String(i) } });
    let made = 1;
    if (made < count) {
        new aws.s3.BucketVersioning(`data-${i}`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
        made++;
    }
    if (made + 1 < count) {
        const role = new aws.iam.Role(`reader-${i}`, {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "glue.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        });
        new aws.iam.RolePolicy(`reader-${i}`, {
            role: role.name,
            policy: bucket.arn.apply((arn) =>
                JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `${arn}/*` }] }),
            ),
        });
        made += 2;
    }
    if (made < count) {
        new k8s.core.v1.ConfigMap(`data-${i}`, { metadata: { name: `data-${i}` }, data: { bucket: bucket.bucket } });
        made++;
    }
    return made;
}

/** Registers exactly `count` resources (the caller's Stack not included). */
function floorResources(count) {
    for (let i = 0, left = count; left > 0; i++) left -= group(i, Math.min(left, 5));
    return {};
}

module.exports = { floorResources };
