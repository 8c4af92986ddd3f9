/**
 * Jest's module runtime with V8's code cache: jest compiles every module again for every test file
 * (a fresh registry each), and the Pulumi SDKs are about 1,400 modules, so parsing was a third of
 * the suite's CPU time. The compiled code of a module is kept on disk, keyed by its exact source
 * and the V8 version, and handed back to V8 the next time. If jest's internals change so the hook
 * finds nothing to wrap, the runtime is jest's own, unchanged.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Runtime = require("jest-runtime").default;

const cacheDir = path.join(__dirname, "..", "..", "node_modules", ".cache", "spectrum-jest-v8", process.versions.v8);

class CodeCacheRuntime extends Runtime {
    constructor(...args) {
        super(...args);
        const executor = this.executor;
        if (typeof executor?.compile !== "function" || !Array.isArray(executor.injectedModuleParameters)) return;
        const compile = executor.compile.bind(executor);
        executor.compile = (source, filename) => {
            const context = executor.environment.getVmContext();
            if (context == null || typeof executor.dynamicImport !== "function") return compile(source, filename);
            const key = crypto.createHash("sha1").update(filename).update("\0").update(source).digest("hex");
            const file = path.join(cacheDir, key.slice(0, 2), key.slice(2));
            let cachedData;
            try {
                cachedData = fs.readFileSync(file);
            } catch {
                // first time
            }
            let fn;
            try {
                fn = vm.compileFunction(source, executor.injectedModuleParameters, {
                    filename,
                    parsingContext: context,
                    cachedData,
                    produceCachedData: cachedData === undefined,
                    importModuleDynamically: (specifier, _fn, attributes, ...rest) =>
                        executor.dynamicImport(specifier, filename, context, attributes, rest[0]),
                });
            } catch {
                // Let jest compile it and report the error its own way.
                return compile(source, filename);
            }
            if (cachedData !== undefined && fn.cachedDataRejected) fs.rmSync(file, { force: true });
            else if (cachedData === undefined && fn.cachedData) store(file, fn.cachedData);
            return fn;
        };
    }
}

function store(file, data) {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, data);
        fs.renameSync(partial, file);
    } catch {
        // best effort
    }
}

module.exports = CodeCacheRuntime;
module.exports.default = CodeCacheRuntime;
