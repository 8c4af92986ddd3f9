// Copies the files the components read at run time next to their compiled modules in dist/, from
// where the package ships them: every job script (components/**/jobs/*.py or *.sql) and every plain
// JavaScript module under components/ (the sources are TypeScript, so tsc leaves a .js file alone:
// FlinkStateGuard's dynamic provider, whose text Pulumi's provider host runs).
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const JOB_SCRIPT = /\.(py|sql)$/;

function* shippedFiles(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) yield* shippedFiles(full);
        else if (path.basename(dir) === "jobs" && JOB_SCRIPT.test(entry.name)) yield full;
        else if (entry.name.endsWith(".js")) yield full;
    }
}

const copied = [];
for (const file of shippedFiles(path.join(root, "components"))) {
    const target = path.join(root, "dist", path.relative(root, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    copied.push(path.relative(root, file));
}
for (const kind of [JOB_SCRIPT, /\.js$/]) {
    if (!copied.some((f) => kind.test(f))) {
        throw new Error(`no file matching ${kind} found under components/: is the copy looking in the right place?`);
    }
}
