/** Jest in a platform repo: TypeScript through swc (types are checked by tsc). */
module.exports = {
    testEnvironment: "node",
    transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
};
