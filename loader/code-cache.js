"use strict";
/**
 * V8's code cache for the few very large modules a run may load, kept on disk like the transpile
 * cache. TypeScript's compiler (9 MB of JavaScript), which `@pulumi/pulumi` loads to serialize a
 * function (a program of a user's own that builds a `pulumi.dynamic.Resource`; spectrum's state
 * guard ships its provider as a file and serializes nothing), costs about 150 ms to compile on
 * every run that needs it and about 60 ms from the cache. Small modules compile faster than their cache would load, so they are left
 * to Node.
 */
const crypto = require("crypto");
const fs = require("fs");
const Module = require("module");
const path = require("path");
const vm = require("vm");

const LARGE_BYTES = 1 << 20;
const root = path.resolve(__dirname, "..");

function cacheDirectory() {
    return path.join(process.env.SPECTRUM_TS_CACHE || path.join(root, "node_modules", ".cache", "spectrum-ts"), "v8", process.versions.v8);
}

let installed = false;
/** Compiles `.js` modules of at least 1 MiB through V8's code cache. */
function cacheLargeModules() {
    if (installed) return;
    installed = true;
    const compileJs = Module._extensions[".js"];
    Module._extensions[".js"] = function (module, filename) {
        let source;
        try {
            if (fs.statSync(filename).size < LARGE_BYTES) return compileJs(module, filename);
            source = fs.readFileSync(filename, "utf8");
        } catch {
            return compileJs(module, filename);
        }
        const key = crypto.createHash("sha1").update(filename).update("\0").update(source).digest("hex");
        const file = path.join(cacheDirectory(), `${key}.bin`);
        let cachedData;
        try {
            cachedData = fs.readFileSync(file);
        } catch {
            // first run
        }
        const script = new vm.Script(Module.wrap(source.replace(/^#!.*/, "")), { filename, cachedData });
        const require = Module.createRequire(filename);
        script
            .runInThisContext({ displayErrors: true })
            .call(module.exports, module.exports, require, module, filename, path.dirname(filename));
        if (cachedData === undefined || script.cachedDataRejected) {
            try {
                fs.mkdirSync(path.dirname(file), { recursive: true });
                const partial = `${file}.${process.pid}.tmp`;
                fs.writeFileSync(partial, script.createCachedData());
                fs.renameSync(partial, file);
            } catch {
                // best effort
            }
        }
    };
}

module.exports = { cacheLargeModules };
