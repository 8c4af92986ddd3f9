/**
 * Preloaded (`node -r`) into the `pulumi up` reproduction: stands in for the Pulumi engine with the
 * SDK's mocks, answering registrations with the plausible outputs of the mock engine in testing/
 * (transpiled ahead by the benchmark, so nothing here loads a TypeScript compiler into the
 * measured process). On exit it reports the resources registered and when the first one was.
 */
// Only the SDK modules the mocks need: the package's index would load what the program loads,
// before the program had a say in how.
const { setMocks } = require("@pulumi/pulumi/runtime/mocks");
const { getMonitor } = require("@pulumi/pulumi/runtime/settings");

const { plausibleOutputs, plausibleCallResult, defaultEnvironment } = require(process.env.SPECTRUM_BENCH_OUTPUTS_JS);

let registered = 0;
let firstMs;
setMocks(
    {
        newResource(args) {
            registered++;
            firstMs ??= performance.now();
            try {
                const { id, state } = plausibleOutputs(args, `${args.type}::${args.name}`, defaultEnvironment);
                return { id, state };
            } catch {
                return { id: `${args.name}-id`, state: args.inputs };
            }
        },
        call: (args) => plausibleCallResult(args, defaultEnvironment),
    },
    process.env.SPECTRUM_BENCH_PROJECT,
    process.env.SPECTRUM_BENCH_STACK,
    false,
);
// The run entry asks the engine to wait for its steps before exiting; the mock monitor lacks the call.
const monitor = getMonitor();
monitor.signalAndWaitForShutdown ??= (_request, callback) => callback(null, {});

process.on("exit", () => {
    require("fs").writeSync(2, `\nbench-registered ${registered} first-ms ${firstMs === undefined ? -1 : Math.round(firstMs)}\n`);
});
