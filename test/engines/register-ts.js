// Loads the project's TypeScript (stacks, examples, test helpers) in plain Node, transpile-only with
// swc as jest does, so the engine checks can plan every target without a tsc build of test/ and examples/.
const fs = require("fs");
const { transformSync } = require("@swc/core");

require.extensions[".ts"] = (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
        filename,
        module: { type: "commonjs" },
        jsc: { target: "es2022", parser: { syntax: "typescript" } },
    });
    module._compile(code, filename);
};
