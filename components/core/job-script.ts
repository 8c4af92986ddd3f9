import * as fs from "fs";
import * as path from "path";

/**
 * The source of a script a component uploads for a job to run (PySpark, SQL), kept as a real file
 * in the `jobs/` folder beside the module that uploads it: linted and runnable as the program it
 * is. The build copies these files next to the compiled modules and the package ships them.
 * Read when the program runs, so the uploaded object is exactly the file.
 */
export function readJobScript(moduleDir: string, fileName: string): string {
    const file = path.join(moduleDir, "jobs", fileName);
    if (!fs.existsSync(file)) {
        // Only a build that skipped the copy step gets here; nothing a stack's config can fix.
        throw new Error(
            `the job script ${fileName} is missing at ${file}: build with \`npm run build\`, which copies jobs/ next to the code`,
        );
    }
    return fs.readFileSync(file, "utf8");
}
