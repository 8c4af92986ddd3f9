import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["dist/", "node_modules/", "coverage/", "**/*.js", "!bench/*.js", "!scripts/*.js"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            "@typescript-eslint/no-explicit-any": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
            "no-restricted-imports": [
                "error",
                { patterns: [{ group: ["**/testing/**", "**/cli/**"], message: "components/ never imports testing/ or cli/" }] },
            ],
        },
    },
    {
        files: ["test/**", "testing/**", "cli/**", "bench/**", "examples/**", "index.ts"],
        rules: { "no-restricted-imports": "off" },
    },
    {
        files: ["bench/*.js", "scripts/*.js"],
        languageOptions: { globals: { require: "readonly", process: "readonly", console: "readonly", __dirname: "readonly" } },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        files: ["scripts/*.mjs"],
        languageOptions: { globals: { process: "readonly", console: "readonly" } },
    },
);
