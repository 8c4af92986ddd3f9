"use strict";
/**
 * A stand-in for a module's exports that loads the module on first use. It reports itself as an ES
 * module so `__importStar` (TypeScript's CommonJS interop) hands it through without enumerating,
 * which would load the module at once.
 *
 * @param {() => object} load loads the real module
 * @returns {object}
 */
function lazyExports(load) {
    let loaded;
    const real = () => (loaded ??= load());
    const standIn = new Proxy(
        {},
        {
            get: (_, key) => (key === "__esModule" && loaded === undefined ? true : real()[key]),
            has: (_, key) => key in real(),
            ownKeys: () => Reflect.ownKeys(real()),
            getOwnPropertyDescriptor: (_, key) => {
                const descriptor = Object.getOwnPropertyDescriptor(real(), key);
                return descriptor && { ...descriptor, configurable: true };
            },
        },
    );
    isLoaded.set(standIn, () => loaded !== undefined);
    return standIn;
}

const isLoaded = new WeakMap();

/** Whether a stand-in from lazyExports has loaded its module (false for anything else). */
function wasLoaded(standIn) {
    return isLoaded.get(standIn)?.() ?? false;
}

module.exports = { lazyExports, wasLoaded };
