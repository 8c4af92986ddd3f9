"use strict";
// The program `pulumi up` runs (Pulumi.yaml `main`). Pulumi's own TypeScript path type-checks the
// whole program through ts-node on every first run and after every edit (10-25 s on a 2-core
// machine), so the project turns it off (`typescript: false`) and loads index.ts through the
// cached swc transpiler instead; types are checked by `npm run typecheck` and CI.
require("./loader/register");

module.exports = require("./index.ts");
