import * as fs from "fs";
import * as path from "path";
import { plan, planTargets } from "../plan-targets";

/**
 * The URNs every stack and example plans, committed. A URN folds in the resource's type, name and its
 * parents' types: if one changes, `pulumi up` replaces that resource (and its data) unless an alias
 * says where it came from. A move of code that keeps the plans identical leaves this file alone; an
 * intended change shows up as a diff of the fixture in review (regenerate with `npm run urns:update`).
 */
const FIXTURE = path.join(__dirname, "plan-urns.json");
const UPDATE = process.env.SPECTRUM_UPDATE_URNS === "1";

const targets = planTargets();
const planned: Record<string, string[]> = {};

describe("URNs of every stack's and example's plan", () => {
    beforeAll(async () => {
        for (const target of targets) planned[target.label] = (await plan(target)).resources.map((r) => r.urn).sort();
        if (UPDATE) fs.writeFileSync(FIXTURE, `${JSON.stringify(planned, null, 2)}\n`);
    });

    it("has a recorded URN list for exactly the stacks and examples there are", () => {
        const recorded = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, string[]>;
        expect(Object.keys(recorded).sort()).toEqual(targets.map((t) => t.label).sort());
    });

    it.each(targets.map((t) => [t.label]))("%s plans exactly the recorded URNs", (label) => {
        const recorded = (JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, string[]>)[label] ?? [];
        const now = planned[label];
        // Listed as what appeared and what went away, so a failure names the resources at stake.
        expect({ added: now.filter((u) => !recorded.includes(u)), removed: recorded.filter((u) => !now.includes(u)) }).toEqual({
            added: [],
            removed: [],
        });
        expect(now.length).toBeGreaterThan(0);
    });
});
