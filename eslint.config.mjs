import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { createNodeResolver, importX } from "eslint-plugin-import-x";

export default tseslint.config(
    { ignores: ["dist/", "node_modules/", "coverage/", ".cache/", "**/*.js", "!bench/*.js", "!scripts/*.js"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        plugins: { "import-x": importX },
        settings: {
            "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js", ".json"] })],
            // The rule parses every imported module to follow its imports: TypeScript ones with the TypeScript parser.
            "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
            "import-x/extensions": [".ts", ".js"],
        },
        rules: {
            // Modules that import each other load half-initialised; move what both need into a third module.
            "import-x/no-cycle": ["error", { ignoreExternal: true }],
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
