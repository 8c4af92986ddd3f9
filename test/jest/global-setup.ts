import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** A fresh folder for this run's shared plans (see test/shared-plans.ts); workers inherit the variable. */
export default function globalSetup(): void {
    process.env.SPECTRUM_TEST_PLANS = fs.mkdtempSync(path.join(os.tmpdir(), "spectrum-test-plans-"));
}
