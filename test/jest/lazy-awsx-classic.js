// Stand-in for `@pulumi/awsx`'s eager require of its `classic` namespace (see loader/defer-sdk-dependencies.js).
const { lazyExports } = require("../../loader/lazy-exports");

module.exports = lazyExports(() => require("@pulumi/awsx/classic/index.js"));
