"use strict";
/**
 * How TypeScript becomes JavaScript when it runs without a build: the same swc options for the jest
 * transform and for the require hook that `npm run plan` and `pulumi up` use, so what the tests
 * run is what a deploy runs. Transpile-only: types are checked by `npm run typecheck`.
 */
const swcOptions = {
    jsc: { target: "es2022", parser: { syntax: "typescript" } },
    module: { type: "commonjs" },
    // Inline maps cost little and let `node --enable-source-maps` report TypeScript lines.
    sourceMaps: "inline",
};

module.exports = { swcOptions };
