/** Runs a command in a fresh process and measures it: wall time and peak resident memory. */
const { spawnSync } = require("child_process");
const fs = require("fs");

const TIME = "/usr/bin/time";
const haveTime = fs.existsSync(TIME) && spawnSync(TIME, ["-v", "true"]).status === 0;

/**
 * Wall time (ms) of `command args` and its peak RSS (MiB, the largest process it started, from
 * GNU time; NaN without it), exit status and output.
 */
function measure(command, args, { env = process.env, cwd } = {}) {
    const [cmd, argv] = haveTime ? [TIME, ["-v", command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const child = spawnSync(cmd, argv, { env, cwd, encoding: "utf8", maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const stderr = child.stderr ?? "";
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    return {
        ms,
        mib: rss ? Number(rss[1]) / 1024 : NaN,
        status: child.status ?? 1,
        stdout: child.stdout ?? "",
        stderr,
        error: child.error,
    };
}

/** The first line worth showing of a failed run. */
function failureOf(run) {
    if (run.error) return String(run.error.message);
    const lines = run.stderr
        .split("\n")
        .filter(
            (l) =>
                l.trim() &&
                !/^\s+(Command being timed|User time|System time|Percent|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)/.test(
                    l,
                ),
        );
    return `exit ${run.status}: ${(lines.find((l) => l.startsWith("error")) ?? lines[0] ?? "no message").trim()}`;
}

function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

module.exports = { measure, failureOf, median, haveTime };
