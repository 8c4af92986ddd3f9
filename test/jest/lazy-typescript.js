// Stand-in for `@pulumi/pulumi`'s eager require of TypeScript (see loader/defer-sdk-dependencies.js).
const { lazyExports } = require("../../loader/lazy-exports");

module.exports = lazyExports(() => require("typescript"));
