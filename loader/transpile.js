"use strict";
/**
 * TypeScript to CommonJS with swc, cached on disk by content. A run whose sources are all cached
 * never loads swc (about 40 MiB of native code and 50-80 ms on these machines); a run after an edit
 * transpiles the edited files only.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { swcOptions } = require("./swc-options");

const root = path.resolve(__dirname, "..");

/** Where transpiled files are kept: `SPECTRUM_TS_CACHE` if set, else node_modules/.cache/spectrum-ts. */
function cacheDir() {
    return process.env.SPECTRUM_TS_CACHE || path.join(root, "node_modules", ".cache", "spectrum-ts");
}

let salt;
/** What besides the source decides the output: swc's version and our options. */
function cacheSalt() {
    if (salt === undefined) {
        const swcPackage = require.resolve("@swc/core/package.json", { paths: [root] });
        salt = `${JSON.parse(fs.readFileSync(swcPackage, "utf8")).version}\0${JSON.stringify(swcOptions)}`;
    }
    return salt;
}

/** The cache file for one source file's content. */
function cacheFile(filename, source) {
    const key = crypto.createHash("sha1").update(cacheSalt()).update("\0").update(filename).update("\0").update(source).digest("hex");
    return path.join(cacheDir(), key.slice(0, 2), `${key.slice(2)}.js`);
}

let swc;
/**
 * The JavaScript for a TypeScript file: from the cache, or transpiled and stored. A cache that
 * cannot be written (read-only checkout) only costs the transpile.
 */
function transpile(filename, source) {
    const file = cacheFile(filename, source);
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        // not cached yet
    }
    swc ??= require(require.resolve("@swc/core", { paths: [root] }));
    const { code } = swc.transformSync(source, { ...swcOptions, filename });
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // Written under a unique name and renamed: concurrent runs never read half a file.
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, code);
        fs.renameSync(partial, file);
    } catch {
        // best effort
    }
    return code;
}

module.exports = { transpile, cacheFile, cacheDir };
