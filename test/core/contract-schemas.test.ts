import * as pulumi from "@pulumi/pulumi";
import { checkShape, strict, v } from "../../components/core/schema";
import { booleanOr } from "../../components/core/schema/boolean-or";
import { contract, kafkaAccess } from "../../components/core/schema/contracts";

class Thing {
    readonly name = "thing";
    describe(): string {
        return this.name;
    }
}
const thing = contract<Thing>({
    what: "a Thing",
    fix: "Pass a Thing",
    members: { name: { kind: "string", what: "its name" }, describe: { kind: "function", what: "describe()" } },
});
const holder = strict({ thing, settings: v.optional(booleanOr(strict({ level: v.optional(v.number()) }))) });

describe("contract schemas", () => {
    test("hand back the object itself, so a class instance keeps its methods and identity", () => {
        const given = new Thing();
        const { output, problems } = checkShape(holder, { thing: given });
        expect(problems).toEqual([]);
        expect(output.thing).toBe(given);
        expect(output.thing.describe()).toBe("thing");
    });

    test("a missing contract is required, a missing member is named, an Output is refused", () => {
        expect(checkShape(holder, { thing: undefined }).problems[0]).toMatchObject({
            field: "thing",
            problem: "is required",
            fix: "Pass a Thing",
        });
        expect(checkShape(holder, { thing: { name: "x" } }).problems[0]).toMatchObject({
            field: "thing.describe",
            problem: "is missing: a Thing has describe()",
        });
        expect(checkShape(holder, { thing: pulumi.output(new Thing()) }).problems[0].problem).toMatch(/^is an Output/);
        expect(checkShape(holder, { thing: ["x"] }).problems[0]).toMatchObject({ problem: "is a list, not a Thing" });
    });
});

describe("booleanOr", () => {
    test("takes true, false or the settings", () => {
        for (const settings of [true, false, {}, { level: 2 }])
            expect(checkShape(holder, { thing: new Thing(), settings }).problems).toEqual([]);
    });

    test("names a misspelt key inside the settings instead of calling the mapping the wrong type", () => {
        const [problem] = checkShape(holder, { thing: new Thing(), settings: { levle: 2 } }).problems;
        expect(problem).toMatchObject({ field: "settings.levle", problem: '"levle" is not a known field', fix: 'Did you mean "level"?' });
    });

    test("a string that means a boolean is told so", () => {
        const [problem] = checkShape(holder, { thing: new Thing(), settings: "true" }).problems;
        expect(problem).toMatchObject({ field: "settings", problem: "is a string, write true or false" });
    });
});

describe("Kafka access names", () => {
    test("exact names and trailing-* prefixes pass; a * elsewhere is refused", () => {
        expect(checkShape(kafkaAccess, { readTopics: ["orders", "audit.*", "*"], transactionalIds: ["app-*"] }).problems).toEqual([]);
        expect(checkShape(kafkaAccess, { readTopics: ["or*ders"] }).problems[0].field).toBe("readTopics[0]");
    });
});
