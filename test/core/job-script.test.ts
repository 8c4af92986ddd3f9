import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readJobScript } from "../../components/core/job-script";

const components = path.join(__dirname, "..", "..", "components");

/** Every job script in the repository: components/<folder>/jobs/<file>. */
function jobScripts(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return jobScripts(full);
        return path.basename(dir) === "jobs" ? [full] : [];
    });
}

describe("readJobScript", () => {
    it("reads a script from the jobs/ folder beside the calling module, byte for byte", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "job-script-"));
        fs.mkdirSync(path.join(dir, "jobs"));
        const text = 'print("a\\\\b")\r\n# é\n';
        fs.writeFileSync(path.join(dir, "jobs", "job.py"), text);
        expect(readJobScript(dir, "job.py")).toBe(text);
    });

    it("fails with what to do when the build left the script out", () => {
        expect(() => readJobScript(os.tmpdir(), "missing.py")).toThrow(
            /job script missing\.py is missing at .*: build with `npm run build`/,
        );
    });

    it("finds every script the components upload: Python or SQL only, each referenced by its module", () => {
        const scripts = jobScripts(components);
        expect(scripts.map((f) => path.relative(components, f)).sort()).toEqual([
            path.join("architectures", "lambda", "jobs", "lambda_speed_views.py"),
            path.join("architectures", "shared", "jobs", "hourly_raw_to_curated.py"),
            path.join("spark", "jobs", "streaming_job_deployer.py"),
        ]);
        for (const script of scripts) {
            const folder = path.dirname(path.dirname(script));
            const modules = fs.readdirSync(folder).filter((f) => f.endsWith(".ts"));
            const mentions = modules.filter((m) => fs.readFileSync(path.join(folder, m), "utf8").includes(`"${path.basename(script)}"`));
            expect({ script, mentioned: mentions.length > 0 }).toEqual({ script, mentioned: true });
        }
    });
});
