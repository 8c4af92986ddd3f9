import * as fs from "fs";
import * as path from "path";
import { planTargets } from "../plan-targets";
import { sharedPlan } from "../shared-plans";

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
const recorded = (): Record<string, string[]> => JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as Record<string, string[]>;

describe("URNs of every stack's and example's plan", () => {
    // One target per hook (through the run's shared plans): no hook does the whole repository's work against the clock.
    describe.each(targets.map((t) => [t.label, t] as const))("%s", (label, target) => {
        beforeAll(async () => {
            planned[label] = (await sharedPlan(target)).resources.map((r) => r.urn).sort();
            if (UPDATE) {
                // In the targets' order, without lists of targets that are gone.
                const urns = { ...recorded(), [label]: planned[label] };
                const kept = targets.filter((t) => urns[t.label] !== undefined).map((t) => [t.label, urns[t.label]]);
                fs.writeFileSync(FIXTURE, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`);
            }
        });

        it("plans exactly the recorded URNs", () => {
            const before = recorded()[label] ?? [];
            const now = planned[label];
            // Listed as what appeared and what went away, so a failure names the resources at stake.
            expect({ added: now.filter((u) => !before.includes(u)), removed: before.filter((u) => !now.includes(u)) }).toEqual({
                added: [],
                removed: [],
            });
            expect(now.length).toBeGreaterThan(0);
        });
    });

    it("has a recorded URN list for exactly the stacks and examples there are", () => {
        expect(Object.keys(recorded()).sort()).toEqual(targets.map((t) => t.label).sort());
    });
});
