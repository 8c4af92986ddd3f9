/**
 * Benchmark of the offline plan: `npm run bench [-- <stack>... [--runs N]]` (after a build).
 *
 * For each stack (default: every stacks/Pulumi.*.yaml) it runs `node --stack-trace-limit=0
 * dist/cli/plan.js <stack> --json` in a fresh process N times (default 5), the way a user or CI
 * runs it, and prints wall time (median, min), peak RSS, resource count and cost per resource,
 * next to the plain-SDK floor from the design notes: ~1.2 s to load the SDKs, then ~3.5 ms and
 * ~0.3 MiB per resource (1,000 resources: 4.5 s, 400 MiB), measured without --stack-trace-limit=0.
 * A stack that fails is reported with its error; the benchmark goes on.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const planJs = path.join(root, "dist", "cli", "plan.js");
const TIME = "/usr/bin/time";

const FLOOR = { loadMs: 1200, msPerResource: 3.5, baseMiB: 100, mibPerResource: 0.3 };

function parseArgs(argv) {
    const stacks = [];
    let runs = 5;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--runs") runs = Number(argv[++i]);
        else if (argv[i].startsWith("--runs=")) runs = Number(argv[i].slice("--runs=".length));
        else stacks.push(argv[i]);
    }
    if (!Number.isInteger(runs) || runs < 1) {
        console.error("usage: node bench/plan.js [stack...] [--runs N]   (N >= 1)");
        process.exit(2);
    }
    return { stacks, runs };
}

function allStacks() {
    const dir = path.join(root, "stacks");
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f))
        .filter(Boolean)
        .map((m) => m[1])
        .sort();
}

// Without GNU time, the child reports its own peak RSS on exit (the plan runs in-process via main()).
const REPORT_RSS = `process.on("exit", () => require("fs").writeSync(2, "\\nbench-maxrss-kb " + process.resourceUsage().maxRSS + "\\n"));`;
const PLAN_IN_PROCESS = `${REPORT_RSS} const [planJs, root, ...argv] = process.argv.slice(1); require(planJs).main(argv, root);`;
const useTime = fs.existsSync(TIME) && spawnSync(TIME, ["-v", "true"]).status === 0;

/**
 * One fresh `node --stack-trace-limit=0` process: `args` under /usr/bin/time -v, else
 * `fallbackArgs` (which print their own peak RSS). Returns wall ms, peak RSS MiB, status, output.
 */
function measure(args, fallbackArgs) {
    const [cmd, argv] = useTime
        ? [TIME, ["-v", process.execPath, "--stack-trace-limit=0", ...args]]
        : [process.execPath, ["--stack-trace-limit=0", ...fallbackArgs]];
    const started = process.hrtime.bigint();
    const child = spawnSync(cmd, argv, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const stderr = child.stderr ?? "";
    const rss = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) : /bench-maxrss-kb (\d+)/.exec(stderr);
    const status = child.status ?? 1;
    return { ms, mib: rss ? Number(rss[1]) / 1024 : NaN, status, stdout: child.stdout ?? "", stderr, spawnError: child.error };
}

function errorOf(run) {
    if (run.spawnError) return String(run.spawnError.message);
    const line = run.stderr.split("\n").find((l) => l.startsWith("error:")) ?? run.stderr.split("\n").find((l) => l.trim()) ?? "";
    return `exit ${run.status}: ${line.trim() || "no message"}`;
}

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** SDK load alone (what every plan pays before the program runs), for the marginal cost per resource. */
function benchLoad(runs) {
    const load = "require('@pulumi/pulumi'); require('@pulumi/aws'); require('@pulumi/kubernetes');";
    const samples = [];
    for (let i = 0; i < runs; i++) {
        const run = measure(["-e", load], ["-e", `${REPORT_RSS} ${load}`]);
        if (run.status !== 0) return { error: errorOf(run) };
        samples.push(run);
    }
    return { ms: samples.map((s) => s.ms), mib: samples.map((s) => s.mib) };
}

function benchStack(stack, runs) {
    const samples = [];
    let resources;
    for (let i = 0; i < runs; i++) {
        const run = measure([planJs, stack, "--json"], ["-e", PLAN_IN_PROCESS, planJs, root, stack, "--json"]);
        if (run.status !== 0) return { stack, error: errorOf(run) };
        if (resources === undefined) {
            try {
                resources = JSON.parse(run.stdout).resources.length;
            } catch (e) {
                return { stack, error: `plan JSON did not parse: ${e.message}` };
            }
        }
        samples.push(run);
    }
    return { stack, resources, ms: samples.map((s) => s.ms), mib: samples.map((s) => s.mib) };
}

function table(rows) {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
    return rows
        .map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join("  "))
        .join("\n");
}

function main() {
    if (!fs.existsSync(planJs)) {
        console.error("dist/cli/plan.js is missing: run `npm run build` first (npm run bench does).");
        process.exit(1);
    }
    const { stacks: given, runs } = parseArgs(process.argv.slice(2));
    const stacks = given.length > 0 ? given : allStacks();
    console.log(
        `Offline plan benchmark: ${runs} fresh process${runs > 1 ? "es" : ""} per stack, node ${process.version}, peak RSS via ${useTime ? "/usr/bin/time -v" : "process.resourceUsage()"}`,
    );
    if (stacks.length === 0) console.log("No stacks/Pulumi.*.yaml found: only the SDK load is measured.");

    const load = benchLoad(runs);
    const loadMs = load.error ? 0 : median(load.ms);
    const header = [
        "stack",
        "resources",
        "median s",
        "min s",
        "ms/res",
        "marginal ms/res",
        "peak MiB",
        "floor s",
        "floor MiB",
        "time/floor",
    ];
    const rows = [header];
    const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "-");
    if (!load.error)
        rows.push([
            "(SDK load only)",
            0,
            f(loadMs / 1000),
            f(Math.min(...load.ms) / 1000),
            "-",
            "-",
            f(Math.max(...load.mib), 0),
            f(FLOOR.loadMs / 1000),
            "-",
            f(loadMs / FLOOR.loadMs),
        ]);
    const errors = load.error ? [`(SDK load only): ${load.error}`] : [];
    for (const stack of stacks) {
        const r = benchStack(stack, runs);
        if (r.error) {
            errors.push(`${stack}: ${r.error}`);
            rows.push([stack, "error", "-", "-", "-", "-", "-", "-", "-", "-"]);
            continue;
        }
        const med = median(r.ms);
        const floorMs = FLOOR.loadMs + FLOOR.msPerResource * r.resources;
        const floorMiB = FLOOR.baseMiB + FLOOR.mibPerResource * r.resources;
        rows.push([
            stack,
            r.resources,
            f(med / 1000),
            f(Math.min(...r.ms) / 1000),
            f(med / r.resources),
            f((med - loadMs) / r.resources),
            f(Math.max(...r.mib), 0),
            f(floorMs / 1000),
            f(floorMiB, 0),
            f(med / floorMs),
        ]);
    }
    console.log("");
    console.log(table(rows));
    console.log("");
    console.log(
        `floor = plain-SDK cost under mocks from the design notes: ${FLOOR.loadMs / 1000} s load + ${FLOOR.msPerResource} ms and ${FLOOR.mibPerResource} MiB per resource (base ~${FLOOR.baseMiB} MiB); time/floor < 1 is faster than the floor.`,
    );
    console.log("marginal ms/res = (median - SDK load median) / resources.");
    if (errors.length > 0) {
        console.log("");
        console.log("Errors:");
        for (const e of errors) console.log(`  ${e}`);
    }
}

main();
