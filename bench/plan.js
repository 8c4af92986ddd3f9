/**
 * `npm run bench [-- <stack>... [--runs N] [--sizes 500,1000,5000] [--no-synthetic] [--sdk-typescript]]`
 *
 * Measures what users wait for against the plain-SDK floor (floor.js: plain `@pulumi/aws` and
 * `@pulumi/kubernetes` resources under the SDK's mocks, compiled, plain `node`) for the same
 * number of resources, in the same run: each round measures every variant once, one after the
 * other, and the figures are medians over the rounds, so a busy machine slows both sides alike.
 * Nothing is compared with a constant.
 *
 * Per stack (default: every stacks/Pulumi.*.yaml):
 * - plan: `npm run --silent plan -- <stack>`, end to end, transpile cache warm;
 * - up: the program Pulumi.yaml points at, loaded the way Pulumi's Node.js language host loads it
 *   (language-host.js) with the engine replaced by mocks: warm, first run (empty transpile cache)
 *   and after an edit (program/index.ts changed); also against the floor program loaded the same way;
 * - with --sdk-typescript, once more with the SDK's own TypeScript path (typescript: true, main
 *   index.ts: ts-node type-checking the program), which is slow.
 * Then the synthetic platform (synthetic-platform.ts) at each size, planned the way the plan command
 * plans a stack, against the floor at the same count.
 */
require("../loader/register");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { cacheDir, cacheFile, transpile } = require("../loader/transpile");
const { languageHostRun } = require("./language-host");
const { measure, failureOf, median, haveTime } = require("./measure");

const root = path.resolve(__dirname, "..");
const node = process.execPath;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const TARGETS = { plan: { time: 1.2, memory: 1.3 }, up: { time: 1.2 }, synthetic: { time: 1.0, memory: 1.0 } };
const EDITED = path.join(root, "program", "index.ts");

function parseArgs(argv) {
    const options = { stacks: [], runs: 5, sizes: [500, 1000, 5000], synthetic: true, sdkTypeScript: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i]);
        if (arg.startsWith("--runs")) options.runs = Number(value());
        else if (arg.startsWith("--sizes")) options.sizes = value().split(",").map(Number);
        else if (arg === "--no-synthetic") options.synthetic = false;
        else if (arg === "--sdk-typescript") options.sdkTypeScript = true;
        else if (arg === "-h" || arg === "--help") usage(0);
        else if (arg.startsWith("-")) usage(2);
        else options.stacks.push(arg);
    }
    if (!Number.isInteger(options.runs) || options.runs < 1 || options.sizes.some((s) => !Number.isInteger(s) || s < 100)) usage(2);
    return options;
}

function usage(code) {
    (code === 0 ? console.log : console.error)(
        "usage: npm run bench -- [stack...] [--runs N (>= 1, default 5)] [--sizes 500,1000,5000 (each >= 100)] [--no-synthetic] [--sdk-typescript]",
    );
    process.exit(code);
}

function allStacks() {
    return fs
        .readdirSync(path.join(root, "stacks"))
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter(Boolean)
        .sort();
}

/** The resource count a plan printed ("N total to create"). */
function plannedCount(stdout) {
    const match = /(\d+)\s+total to create/.exec(stdout);
    return match ? Number(match[1]) : undefined;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-bench-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));

// The engine stand-in answers with testing/'s plausible outputs, transpiled here so the measured
// processes load no TypeScript compiler for it.
const outputsJs = path.join(tmp, "outputs.js");
const outputsTs = path.join(root, "testing", "outputs.ts");
fs.writeFileSync(outputsJs, transpile(outputsTs, fs.readFileSync(outputsTs, "utf8")));
const standIn = path.join(__dirname, "engine-stand-in.js");

/** A copy of the warm transpile cache without the edited file's entry: the state after an edit. */
function cacheAfterEdit() {
    const dir = fs.mkdtempSync(path.join(tmp, "edited-"));
    fs.cpSync(cacheDir(), dir, { recursive: true });
    const previous = process.env.SPECTRUM_TS_CACHE;
    process.env.SPECTRUM_TS_CACHE = dir;
    const entry = cacheFile(EDITED, fs.readFileSync(EDITED, "utf8"));
    if (previous === undefined) delete process.env.SPECTRUM_TS_CACHE;
    else process.env.SPECTRUM_TS_CACHE = previous;
    return { dir, entry };
}

/** The variants measured for one stack, each a function returning a command to run. */
function stackVariants(stack, resources, options) {
    const up = (overrides, env = {}) => {
        const run = languageHostRun(root, stack, { standIn, outputsJs, overrides });
        return { command: node, args: run.args, env: { ...run.env, ...env }, cwd: run.cwd };
    };
    const floorProject = path.join(__dirname, "floor-project");
    const variants = {
        floor: () => ({ command: node, args: [path.join(__dirname, "floor.js"), String(resources)] }),
        plan: () => ({ command: npm, args: ["run", "--silent", "plan", "--", stack], cwd: root }),
        up: () => up({}),
        "up first": () => {
            const dir = fs.mkdtempSync(path.join(tmp, "first-"));
            return { ...up({}, { SPECTRUM_TS_CACHE: dir }), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
        },
        "up edit": () => {
            const { dir, entry } = cacheAfterEdit();
            if (!fs.existsSync(entry)) throw new Error(`the transpile cache has no entry for ${EDITED}`);
            fs.rmSync(entry);
            return { ...up({}, { SPECTRUM_TS_CACHE: dir }), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
        },
        "floor up": () => {
            const run = languageHostRun(floorProject, "floor", { standIn, outputsJs });
            return { command: node, args: run.args, env: { ...run.env, SPECTRUM_BENCH_FLOOR_RESOURCES: String(resources) }, cwd: run.cwd };
        },
    };
    if (options.sdkTypeScript) variants["up sdk-ts"] = () => up({ typescript: true, main: "index.ts" });
    return variants;
}

/** Runs every variant once per round, in turn; returns per variant the samples (or the error). */
function alternate(variants, runs, check) {
    const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    const errors = {};
    for (let round = 0; round < runs; round++) {
        for (const [name, make] of Object.entries(variants)) {
            if (errors[name]) continue;
            let spec;
            try {
                spec = make();
            } catch (e) {
                errors[name] = e.message;
                continue;
            }
            const run = measure(spec.command, spec.args, { env: spec.env, cwd: spec.cwd });
            spec.cleanup?.();
            const problem = run.status !== 0 ? failureOf(run) : check(name, run);
            if (problem) errors[name] = problem;
            else samples[name].push(run);
        }
    }
    const result = {};
    for (const [name, runsOf] of Object.entries(samples))
        result[name] = errors[name]
            ? { error: errors[name] }
            : { s: median(runsOf.map((r) => r.ms)) / 1000, mib: median(runsOf.map((r) => r.mib)) };
    return result;
}

/** What the engine stand-in reports: resources registered. */
function registered(run) {
    const match = /bench-registered (\d+)/.exec(run.stderr);
    return match ? Number(match[1]) : undefined;
}

const f = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : "-");
const ratio = (a, b, limit) => {
    if (!Number.isFinite(a) || !Number.isFinite(b)) return "-";
    const r = a / b;
    return `${r.toFixed(2)}${limit === undefined ? "" : r <= limit ? "" : " OVER"}`;
};

function table(rows) {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
    return rows
        .map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("  "))
        .join("\n");
}

function main() {
    const options = parseArgs(process.argv.slice(2));
    const stacks = options.stacks.length > 0 ? options.stacks : allStacks();
    console.log(
        `spectrum benchmark, ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), ` +
            `${Math.round(os.totalmem() / 2 ** 30)} GiB; load average ${os.loadavg()[0].toFixed(1)}; ${options.runs} rounds, medians; ` +
            `peak RSS ${haveTime ? "from /usr/bin/time -v" : "not measured (no GNU time)"}.`,
    );

    // Warm the transpile cache (what a user's second run finds) and count each stack's resources.
    const counts = {};
    const failed = {};
    for (const stack of stacks) {
        const run = measure(npm, ["run", "--silent", "plan", "--", stack], { cwd: root });
        counts[stack] = plannedCount(run.stdout);
        if (run.status !== 0 || counts[stack] === undefined) failed[stack] = failureOf(run);
    }

    const planRows = [["stack", "resources", "floor s", "plan s", "time x", "floor MiB", "plan MiB", "memory x"]];
    const upRows = [["stack", "floor up s", "up s", "x", "first s", "x", "edit s", "x", "up MiB", "up x plain floor"]];
    if (options.sdkTypeScript) upRows[0].push("sdk-ts s", "x", "sdk-ts MiB");
    const errors = [];
    for (const stack of stacks) {
        if (failed[stack]) {
            errors.push(`${stack}: ${failed[stack]}`);
            continue;
        }
        const n = counts[stack];
        const check = (name, run) => {
            if (name === "plan")
                return plannedCount(run.stdout) === n ? undefined : `planned ${plannedCount(run.stdout)} resources, expected ${n}`;
            if (name.startsWith("up") || name === "floor up") {
                const got = registered(run);
                return got === n ? undefined : `registered ${got} resources, the plan has ${n}`;
            }
            return undefined;
        };
        const r = alternate(stackVariants(stack, n, options), options.runs, check);
        for (const [name, v] of Object.entries(r)) if (v.error) errors.push(`${stack} ${name}: ${v.error}`);
        planRows.push([
            stack,
            n,
            f(r.floor.s),
            f(r.plan.s),
            ratio(r.plan.s, r.floor.s, TARGETS.plan.time),
            f(r.floor.mib, 0),
            f(r.plan.mib, 0),
            ratio(r.plan.mib, r.floor.mib, TARGETS.plan.memory),
        ]);
        const floorUp = r["floor up"].s;
        const row = [
            stack,
            f(floorUp),
            f(r.up.s),
            ratio(r.up.s, floorUp, TARGETS.up.time),
            f(r["up first"].s),
            ratio(r["up first"].s, floorUp, TARGETS.up.time),
            f(r["up edit"].s),
            ratio(r["up edit"].s, floorUp, TARGETS.up.time),
            f(r.up.mib, 0),
            ratio(r.up.s, r.floor.s),
        ];
        if (options.sdkTypeScript) row.push(f(r["up sdk-ts"].s), ratio(r["up sdk-ts"].s, floorUp), f(r["up sdk-ts"].mib, 0));
        upRows.push(row);
    }

    console.log(
        `\n\`npm run plan -- <stack>\` end to end against the floor (targets: time x <= ${TARGETS.plan.time}, memory x <= ${TARGETS.plan.memory}):\n`,
    );
    console.log(table(planRows));
    console.log(
        `\n\`pulumi up\` program load: the language host's run rebuilt, mocks for the engine, against the floor program loaded the same ` +
            `way (floor up; target x <= ${TARGETS.up.time}). up: transpile cache warm; first: empty cache; edit: program/index.ts changed. ` +
            `The SDK's run entry costs every program (source maps applied to the stack trace it takes per resource, tracing, an ` +
            `inspector session), so the last column compares with the floor under plain node:\n`,
    );
    console.log(table(upRows));

    if (options.synthetic) {
        const synthetic = (domains) => ({
            command: node,
            args: [
                "--stack-trace-limit=0",
                "-r",
                path.join(root, "loader", "register.js"),
                path.join(__dirname, "synthetic-plan.ts"),
                String(domains),
            ],
            cwd: root,
        });
        // Two small runs give the platform's fixed and per-domain resource counts.
        const one = plannedCount(measure(synthetic(1).command, synthetic(1).args, { cwd: root }).stdout);
        const two = plannedCount(measure(synthetic(2).command, synthetic(2).args, { cwd: root }).stdout);
        const rows = [["size", "resources", "floor s", "plan s", "time x", "floor MiB", "plan MiB", "memory x"]];
        const results = [];
        for (const size of options.sizes) {
            const domains = Math.max(1, Math.round((size - (one - (two - one))) / (two - one)));
            const n = one - (two - one) + domains * (two - one);
            const r = alternate(
                { floor: () => ({ command: node, args: [path.join(__dirname, "floor.js"), String(n)] }), plan: () => synthetic(domains) },
                options.runs,
                (name, run) =>
                    name === "plan" && plannedCount(run.stdout) !== n ? `planned ${plannedCount(run.stdout)}, expected ${n}` : undefined,
            );
            for (const [name, v] of Object.entries(r)) if (v.error) errors.push(`synthetic ${size} ${name}: ${v.error}`);
            results.push({ n, r });
            rows.push([
                size,
                n,
                f(r.floor.s),
                f(r.plan.s),
                ratio(r.plan.s, r.floor.s, TARGETS.synthetic.time),
                f(r.floor.mib, 0),
                f(r.plan.mib, 0),
                ratio(r.plan.mib, r.floor.mib, TARGETS.synthetic.memory),
            ]);
        }
        console.log(
            `\nSynthetic platform (topics, Streams apps, Flink jobs, batch jobs) planned like a stack (targets: time x and memory x <= ${TARGETS.synthetic.time}):\n`,
        );
        console.log(table(rows));
        if (results.length >= 2) {
            const [a, b] = [results[0], results[results.length - 1]];
            const growth = (x, y) => ((y - x) / (b.n - a.n)) * 1000;
            console.log(
                `\nGrowth from ${a.n} to ${b.n} resources, per 1,000 resources: plan ${f(growth(a.r.plan.s, b.r.plan.s))} s and ${f(growth(a.r.plan.mib, b.r.plan.mib), 0)} MiB; ` +
                    `floor ${f(growth(a.r.floor.s, b.r.floor.s))} s and ${f(growth(a.r.floor.mib, b.r.floor.mib), 0)} MiB.`,
            );
        }
    }
    if (errors.length > 0) {
        console.log("\nErrors:");
        for (const e of errors) console.log(`  ${e}`);
        process.exitCode = 1;
    }
}

main();
