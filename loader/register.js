"use strict";
/**
 * Runs the project's TypeScript without a build: `node -r ./loader/register.js cli/plan.ts`, or
 * `require("./loader/register")` first thing in a JavaScript entry point (pulumi-main.js). Every
 * `.ts` file required afterwards is transpiled by swc (cached, see transpile.js); nothing is
 * type-checked here (`npm run typecheck` does that).
 */
const fs = require("fs");
const Module = require("module");
const { transpile } = require("./transpile");
const { deferSdkDependencies } = require("./defer-sdk-dependencies");
const { cacheLargeModules } = require("./code-cache");

function registerTypeScript() {
    deferSdkDependencies();
    cacheLargeModules();
    // Assigned even where Node can strip types itself, so every Node version runs the same JavaScript.
    Module._extensions[".ts"] = function compileTypeScript(module, filename) {
        module._compile(transpile(filename, fs.readFileSync(filename, "utf8")), filename);
    };
}

registerTypeScript();

module.exports = { registerTypeScript };
