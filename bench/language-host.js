/**
 * What Pulumi's Node.js language host runs for `pulumi up`, rebuilt from its source: it reads the
 * runtime options of Pulumi.yaml (`typescript`, default true; `tsconfig`; `nodeargs`), passes the
 * stack's config in PULUMI_CONFIG (keys as `<namespace>:config:<key>`), and starts
 * `node <nodeargs> node_modules/@pulumi/pulumi/cmd/run --monitor ... --pwd <dir> <main>`. The SDK's run
 * entry then registers ts-node when PULUMI_NODEJS_TYPESCRIPT is set (type-checking unless the
 * tsconfig says `noCheck` or PULUMI_NODEJS_TRANSPILE_ONLY is true) and requires `main`.
 *
 * The engine is replaced by the SDK's mocks (engine-stand-in.js), as in the floor program, so the
 * difference between the two is the program and how it is loaded.
 */
const fs = require("fs");
const path = require("path");
const { parse } = require("yaml");

/** Splits `nodeargs` like the host's shlex (whitespace, single and double quotes). */
function splitArgs(text) {
    const args = [];
    const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) args.push(m[1] ?? m[2] ?? m[3]);
    return args;
}

/**
 * The command, arguments and environment for one run of `root`'s program with a stack's config.
 * `overrides` replaces runtime options and `main` (to measure Pulumi's own TypeScript path, say).
 */
function languageHostRun(root, stack, { standIn, outputsJs, overrides = {} }) {
    const project = parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
    const { main = project.main, ...optionOverrides } = overrides;
    const options = { ...(project.runtime?.options ?? {}), ...optionOverrides };
    const stackFile = path.join(root, project.stackConfigDir ?? ".", `Pulumi.${stack}.yaml`);
    const config = parse(fs.readFileSync(stackFile, "utf8"))?.config ?? {};
    const values = {};
    const secretKeys = [];
    for (const [rawKey, value] of Object.entries(config)) {
        const [namespace, key] = rawKey.includes(":") ? rawKey.split(/:(.*)/s) : [project.name, rawKey];
        const secret = value && typeof value === "object" && !Array.isArray(value) && "secure" in value;
        if (secret) secretKeys.push(`${namespace}:${key}`);
        values[`${namespace}:config:${key}`] = secret ? "[secret]" : typeof value === "string" ? value : JSON.stringify(value);
    }
    const env = {
        ...process.env,
        PULUMI_CONFIG: JSON.stringify(values),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys),
        SPECTRUM_BENCH_PROJECT: project.name,
        SPECTRUM_BENCH_STACK: stack,
        SPECTRUM_BENCH_OUTPUTS_JS: outputsJs,
    };
    delete env.PULUMI_NODEJS_TYPESCRIPT;
    delete env.PULUMI_NODEJS_TSCONFIG_PATH;
    if (options.typescript !== false) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    if (options.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = options.tsconfig;
    // The host finds the run entry by Node's resolution from the program's folder.
    const runPath = path.dirname(require.resolve("@pulumi/pulumi/cmd/run/index.js", { paths: [root] }));
    const args = [
        ...splitArgs(options.nodeargs ?? ""),
        "-r",
        standIn,
        runPath,
        ...["--monitor", "mock", "--project", project.name, "--root-directory", root, "--stack", stack, "--pwd", root],
        main ?? ".",
    ];
    return { args, env, cwd: root };
}

module.exports = { languageHostRun, splitArgs };
