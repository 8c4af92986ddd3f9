"use strict";
/**
 * Modules the Pulumi SDKs require as they load but that a program only needs for features it may
 * not use; each is loaded on first use instead:
 * - `@pulumi/pulumi` loads TypeScript's compiler (9 MB of JavaScript, to parse function text) and
 *   npm's Arborist (to find a function's dependencies) for function serialization
 *   (`pulumi.runtime.serializeFunction`, dynamic providers);
 * - `@pulumi/awsx` loads its `classic` namespace (ECS and Docker helpers, an AWS SDK client).
 * Together about 0.3 s and 60 MiB of every run that serializes no function and uses no classic
 * awsx; a run that does gets the real modules, unchanged.
 */
const Module = require("module");
const path = require("path");
const { lazyExports } = require("./lazy-exports");

const sep = path.sep;
/** Per package folder (inside node_modules), the requests its files make that can wait. */
const DEFERRED = [
    { packageDir: `${sep}node_modules${sep}@pulumi${sep}pulumi${sep}`, requests: ["../../typescript-shim", "@npmcli/arborist"] },
    { packageDir: `${sep}node_modules${sep}@pulumi${sep}awsx${sep}`, requests: ["./classic"] },
];

function isDeferred(request, parent) {
    const from = parent?.filename;
    return from !== undefined && DEFERRED.some((d) => d.requests.includes(request) && from.includes(d.packageDir));
}

let installed = false;
/** Makes `require` hand out stand-ins (see lazy-exports.js) for the deferred requests. */
function deferSdkDependencies() {
    if (installed) return;
    installed = true;
    const load = Module._load;
    const standIns = new Map();
    Module._load = function (request, parent, isMain) {
        if (!isDeferred(request, parent)) return load.apply(this, arguments);
        const key = `${path.dirname(parent.filename)}\0${request}`;
        let exports = standIns.get(key);
        if (exports === undefined) {
            exports = lazyExports(() => load.call(Module, request, parent, isMain));
            standIns.set(key, exports);
        }
        return exports;
    };
}

module.exports = { deferSdkDependencies, DEFERRED };
