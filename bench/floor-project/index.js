// The floor program (../floor-program.js) as `pulumi up` loads a compiled program: its export is
// the program, and the resource count (the Stack included) comes from the benchmark.
const { floorResources } = require("../floor-program");

module.exports = () => floorResources(Number(process.env.SPECTRUM_BENCH_FLOOR_RESOURCES) - 1);
