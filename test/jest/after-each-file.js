// Runs in every test file (jest setupFilesAfterEnv).
const { wasLoaded } = require("../../loader/lazy-exports");
// The stand-in through which Pulumi's function serialization loads TypeScript (see jest.config.js).
const typescript = require("./lazy-typescript");

/**
 * Pulumi's function serialization (dynamic providers such as FlinkJob's state guard) opens an
 * inspector session with the debugger enabled and never closes it; left open in a jest worker,
 * the debugger stays on for every later test file and the session holds on to this file's modules.
 * A file that serialized a function (TypeScript got loaded) closes it when it is done.
 */
afterAll(async () => {
    if (!wasLoaded(typescript)) return;
    const { getSessionAsync } = require("@pulumi/pulumi/runtime/closure/v8Hooks");
    (await getSessionAsync()).disconnect();
});
