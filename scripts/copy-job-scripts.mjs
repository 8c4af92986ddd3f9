// Copies every job script (components/**/jobs/*.py or *.sql) next to its compiled module in dist/,
// where the components read them at run time and from where the package ships them.
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const JOB_SCRIPT = /\.(py|sql)$/;

function* jobScripts(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) yield* jobScripts(full);
        else if (path.basename(dir) === "jobs" && JOB_SCRIPT.test(entry.name)) yield full;
    }
}

let copied = 0;
for (const file of jobScripts(path.join(root, "components"))) {
    const target = path.join(root, "dist", path.relative(root, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    copied += 1;
}
if (copied === 0) throw new Error("no job scripts found under components/**/jobs/: is the copy looking in the right place?");
