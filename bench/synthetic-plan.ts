/**
 * `node --stack-trace-limit=0 -r ./loader/register.js bench/synthetic-plan.ts <domains>`: plans the
 * synthetic platform the way `npm run plan` plans a stack (the mock engine, then the tree) and
 * prints the tree. The benchmark runs it at several sizes beside the floor program.
 */
import { runProgram } from "../testing";
import { renderPlan } from "../cli/render";
import { syntheticPlatform } from "./synthetic-platform";

async function main(): Promise<void> {
    const domains = Number(process.argv[2]);
    if (!Number.isInteger(domains) || domains < 1) {
        process.stderr.write("usage: bench/synthetic-plan.ts <domains>   (>= 1)\n");
        process.exitCode = 2;
        return;
    }
    const started = performance.now();
    const graph = await runProgram(syntheticPlatform(domains), { project: "synthetic", stack: "bench" });
    process.stdout.write(renderPlan(graph, performance.now() - started));
}

void main();
