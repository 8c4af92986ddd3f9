/** Transpile-only (swc): type checking is `npm run typecheck`, kept separate because it is ~10x slower. */
module.exports = {
    testEnvironment: "node",
    // Jest defaults to one worker on a 2-core machine; every test file loads the Pulumi SDKs, so use both.
    maxWorkers: 2,
    // Planning a whole stack takes a second or two; leave room for a loaded machine before calling a hook hung.
    testTimeout: 30000,
    roots: ["<rootDir>/test"],
    testMatch: ["**/*.test.ts"],
    // A platform repo's project files, tested against the packed package by scripts/consumer-test.sh.
    testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/consumer/"],
    transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
    moduleFileExtensions: ["ts", "js", "json"],
    // The examples import the library by its package name; tests run them against the sources (no build needed).
    moduleNameMapper: {
        "^pulumi-spectrum$": "<rootDir>/components/index.ts",
        "^pulumi-spectrum/testing$": "<rootDir>/testing/index.ts",
    },
};
