// Stand-in for `@pulumi/pulumi`'s eager require of npm's Arborist (see loader/defer-sdk-dependencies.js).
// The real module by its file, so the request does not match the mapping that led here.
const { lazyExports } = require("../../loader/lazy-exports");

module.exports = lazyExports(() => require("@npmcli/arborist/lib/index.js"));
