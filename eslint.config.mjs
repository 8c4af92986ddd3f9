import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { createNodeResolver, importX } from "eslint-plugin-import-x";

const FRAMEWORKS = ["landing-zone", "kafka", "flink", "spark", "ingest", "platform"];
const LIBRARY_ONLY = { group: ["**/testing/**", "**/cli/**"], message: "components/ never imports testing/ or cli/" };
/** The optional peer SDKs: the library imports their types only and loads them with requirePeer (core/optional-peers.ts). */
const OPTIONAL_PEERS = ["@pulumi/kubernetes", "@pulumi/kafka", "@pulumi/eks", "@pulumi/awsx"].map((name) => ({
    name,
    allowTypeImports: true,
    message: "an optional peer SDK: `import type` it, and load it with requirePeer where a resource is created",
}));
/** Imports of `folders` from a file one or two levels inside a component folder. */
const importsOf = (folders) => folders.flatMap((f) => [`../${f}`, `../${f}/*`, `../../${f}`, `../../${f}/*`]);

export default tseslint.config(
    {
        ignores: [
            "dist/",
            "node_modules/",
            "coverage/",
            ".cache/",
            "**/*.js",
            "!bench/*.js",
            "!bench/floor-project/*.js",
            "!scripts/*.js",
            "!loader/*.js",
            "!pulumi-main.js",
            "!test/jest/*.js",
            "!jest.config.js",
            "!components/**/*.js",
        ],
    },
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
            "no-restricted-imports": ["error", { paths: OPTIONAL_PEERS, patterns: [LIBRARY_ONLY] }],
        },
    },
    {
        // Dependencies point one way: architectures -> framework folders -> core.
        files: FRAMEWORKS.map((f) => `components/${f}/**`),
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    paths: OPTIONAL_PEERS,
                    patterns: [
                        LIBRARY_ONLY,
                        {
                            group: [...importsOf([...FRAMEWORKS, "architectures"]), "../index", "../../index"],
                            message: "a framework folder imports only core/; another framework's side reaches it through core/contracts.ts",
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ["components/core/**"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    paths: OPTIONAL_PEERS,
                    patterns: [
                        LIBRARY_ONLY,
                        {
                            group: importsOf([...FRAMEWORKS, "architectures"]),
                            message: "core/ is what every component shares: it imports no component",
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ["test/**", "testing/**", "cli/**", "bench/**", "examples/**", "index.ts"],
        rules: { "no-restricted-imports": "off" },
    },
    {
        // CommonJS scripts: benchmark, README generator, the TypeScript loader and what loads it, jest's own setup,
        // and the modules components ship as they are (the state guard's dynamic provider).
        files: ["bench/**/*.js", "scripts/*.js", "loader/*.js", "pulumi-main.js", "test/jest/*.js", "jest.config.js", "components/**/*.js"],
        languageOptions: {
            sourceType: "commonjs",
            globals: {
                require: "readonly",
                module: "writable",
                process: "readonly",
                console: "readonly",
                __dirname: "readonly",
                performance: "readonly",
                afterAll: "readonly",
            },
        },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        files: ["scripts/*.mjs"],
        languageOptions: { globals: { process: "readonly", console: "readonly" } },
    },
);
