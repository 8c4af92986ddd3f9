// Loads the project's TypeScript (stacks, examples, test helpers) in plain Node, transpile-only with
// swc as jest does, so the engine checks can plan every target without a tsc build of test/ and examples/.
const fs = require("fs");
const path = require("path");
const Module = require("module");
const { transformSync } = require("@swc/core");

// The examples import the library by its package name; here that name means the sources, as in jest.
const root = path.join(__dirname, "..", "..");
const aliases = {
    "pulumi-spectrum": path.join(root, "components", "index.ts"),
    "pulumi-spectrum/testing": path.join(root, "testing", "index.ts"),
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
    return resolve.call(this, aliases[request] ?? request, ...rest);
};

require.extensions[".ts"] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
        filename,
        module: { type: "commonjs" },
        jsc: { target: "es2022", parser: { syntax: "typescript" } },
    });
    module._compile(code, filename);
};
