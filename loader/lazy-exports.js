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
    return new Proxy(
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
}

module.exports = { lazyExports };
