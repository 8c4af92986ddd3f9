// Rewrites test/plans/plan-urns.json from the current code: plans every stack and example under the
// mocks (through the jest test that checks them) and records their URNs. Review the diff before
// committing it: every URN that disappears is a resource `pulumi up` would delete or replace.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const jest = require.resolve("jest/bin/jest");
const run = spawnSync(process.execPath, [jest, "test/plans/plan-urns.test.ts"], {
    stdio: "inherit",
    env: { ...process.env, SPECTRUM_UPDATE_URNS: "1" },
});
process.exit(run.status ?? 1);
