// `npm run lint:py`: checks the Python the project ships (job scripts) with a pinned ruff, installed
// by `npm run lint:py -- --install` into .cache/ruff (outside git, needs Python 3 with pip). Without
// it the check is skipped with a note, so `npm run lint` works on a machine without Python; CI sets
// SPECTRUM_REQUIRE_RUFF=1, which turns a missing ruff into a failure.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const RUFF_VERSION = "0.17.6";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, ".cache", "ruff");
const ruff = path.join(target, "bin", process.platform === "win32" ? "ruff.exe" : "ruff");

function installedVersion() {
    if (!fs.existsSync(ruff)) return undefined;
    const run = spawnSync(ruff, ["--version"], { encoding: "utf8" });
    return run.status === 0 ? run.stdout.trim().split(" ")[1] : undefined;
}

function run(command, args) {
    const result = spawnSync(command, args, { stdio: "inherit", cwd: root });
    if (result.error) throw result.error;
    return result.status ?? 1;
}

if (process.argv.includes("--install")) {
    if (installedVersion() === RUFF_VERSION) process.exit(0);
    fs.rmSync(target, { recursive: true, force: true });
    const python = process.env.PYTHON ?? "python3";
    const pip = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", target, `ruff==${RUFF_VERSION}`];
    process.exit(run(python, pip));
}

const version = installedVersion();
if (version !== RUFF_VERSION) {
    const why = version === undefined ? "ruff is not installed" : `.cache/ruff holds ruff ${version}, not the pinned ${RUFF_VERSION}`;
    if (process.env.SPECTRUM_REQUIRE_RUFF === "1") {
        console.error(`lint:py: ${why}; run \`npm run lint:py -- --install\` first`);
        process.exit(1);
    }
    console.log(`lint:py: skipped, ${why} (\`npm run lint:py -- --install\` installs it; needs Python 3 with pip)`);
    process.exit(0);
}
process.exit(run(ruff, ["check", "--no-cache", "."]));
