const { swcOptions } = require("./loader/swc-options");

/** Transpile-only (swc, the same options as `npm run plan` and `pulumi up`): type checking is `npm run typecheck`. */
module.exports = {
    testEnvironment: "node",
    // Jest defaults to one worker on a 2-core machine; every test file loads the Pulumi SDKs, so use both.
    maxWorkers: 2,
    // No test races a clock: shared plans are made once (test/shared-plans.ts), and a hook plans one
    // stack at most. The limit only catches a hung run, with room for a machine busy with other work.
    testTimeout: 120000,
    roots: ["<rootDir>/test"],
    testMatch: ["**/*.test.ts"],
    // A platform repo's project files, tested against the packed package by scripts/consumer-test.sh.
    testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/consumer/"],
    transform: { "^.+\\.ts$": ["@swc/jest", swcOptions] },
    moduleFileExtensions: ["ts", "js", "json"],
    moduleNameMapper: {
        // The examples import the library by its package name; tests run them against the sources (no build needed).
        "^pulumi-spectrum$": "<rootDir>/components/index.ts",
        "^pulumi-spectrum/testing$": "<rootDir>/testing/index.ts",
        // Large modules the Pulumi SDKs load eagerly but tests rarely use, loaded on first use instead
        // (see loader/defer-sdk-dependencies.js, which does the same for the plan and `pulumi up`).
        "^\\.\\./\\.\\./typescript-shim$": "<rootDir>/test/jest/lazy-typescript.js",
        "^@npmcli/arborist$": "<rootDir>/test/jest/lazy-arborist.js",
        "^\\./classic$": "<rootDir>/test/jest/lazy-awsx-classic.js",
    },
    runtime: "<rootDir>/test/jest/code-cache-runtime.js",
    setupFilesAfterEnv: ["<rootDir>/test/jest/after-each-file.js"],
    globalSetup: "<rootDir>/test/jest/global-setup.ts",
    globalTeardown: "<rootDir>/test/jest/global-teardown.ts",
};
