import * as pulumi from "@pulumi/pulumi";
import { SpectrumValidationError, describeValue } from "../../components/core/errors";
import { checkShape, closestMatch, editDistance, explain, input, integer, map, parseArgs, strict, v } from "../../components/core/schema";

const lifecycle = strict({
    /** Days. Default: 30. */
    days: v.optional(integer(1), 30),
    off: v.optional(v.union([integer(1), v.literal(false)])),
});
const shape = strict({
    zones: v.optional(map(v.string(), lifecycle), { raw: {} }),
    protect: v.optional(v.boolean(), true),
    mode: v.optional(v.picklist(["stateless", "savepoint", "last-state"]), "savepoint"),
    name: input(v.pipe(v.string(), v.regex(/^[a-z]+$/, explain("must be lowercase letters", 'Rename it, e.g. "orders"')))),
    retention: v.optional(input(integer(1, 365))),
});

function problems(value: unknown): string[] {
    try {
        parseArgs("Thing", "t", shape, value);
        return [];
    } catch (e) {
        expect(e).toBeInstanceOf(SpectrumValidationError);
        return [...(e as SpectrumValidationError).problems];
    }
}

describe("edit distance and suggestions", () => {
    test("a swapped pair of letters is one edit", () => {
        expect(editDistance("hybird", "hybrid")).toBe(1);
        expect(editDistance("protet", "protect")).toBe(1);
        expect(editDistance("", "abc")).toBe(3);
    });
    test("suggests only close candidates", () => {
        expect(closestMatch("topcs", ["topics", "versions"])).toBe("topics");
        expect(closestMatch("Protect", ["protect"])).toBe("protect");
        expect(closestMatch("zzzzzz", ["topics", "versions"])).toBeUndefined();
    });
});

describe("values in messages", () => {
    test("NaN and Infinity print as themselves, Outputs say what they are", () => {
        expect(describeValue(NaN)).toBe("NaN");
        expect(describeValue({ a: [Infinity, -Infinity] })).toBe('{"a":[Infinity,-Infinity]}');
        expect(describeValue(pulumi.output(1))).toBe("an Output (checked when it resolves)");
    });
});

describe("structural check", () => {
    test("defaults fill a fully populated settings object", () => {
        const out = parseArgs("Thing", "t", shape, { name: "orders", zones: { raw: {}, curated: { off: false } } });
        expect(out).toEqual({
            name: "orders",
            protect: true,
            mode: "savepoint",
            zones: { raw: { days: 30 }, curated: { days: 30, off: false } },
        });
    });

    test("every unknown key is reported, with a suggestion", () => {
        const found = problems({ name: "a", protet: false, zones: { raw: { dayz: 3 } }, extra: 1 });
        expect(found).toEqual([
            'Thing "t": zones.raw.dayz = 3: "dayz" is not a known field. Did you mean "days"?',
            'Thing "t": protet = false: "protet" is not a known field. Did you mean "protect"?',
            'Thing "t": extra = 1: "extra" is not a known field. Use one of "zones", "protect", "mode", "name", "retention".',
        ]);
    });

    test("types, enums, ranges, required fields and YAML slips, all at once", () => {
        const found = problems({ zones: ["raw", "curated"], protect: "false", mode: "savepoints", retention: "12" });
        expect(found).toEqual([
            'Thing "t": zones = ["raw","curated"]: is a list where a map is expected. Write it as a mapping of name: value, not a list of - items.',
            'Thing "t": protect = "false": is a string, write true or false. Write true or false without quotes.',
            'Thing "t": mode = "savepoints": is not one of stateless, savepoint, last-state. Did you mean "savepoint"?',
            'Thing "t": name = undefined: is required. Set name.',
            'Thing "t": retention = "12": is a string, write a number. Write 12 without quotes.',
        ]);
    });

    test("integers and ranges, NaN and Infinity shown as written", () => {
        const found = problems({ name: "a", retention: Infinity, zones: { raw: { days: NaN }, curated: { days: 2.5, off: 0 } } });
        expect(found).toEqual([
            'Thing "t": zones.raw.days = NaN: is not a number. Write a number.',
            'Thing "t": zones.curated.days = 2.5: must be a whole number. Write an integer such as 3.',
            'Thing "t": zones.curated.off = 0: must be at least 1. Use 1 or more.',
            'Thing "t": retention = Infinity: must be a whole number. Write an integer such as 1.',
        ]);
    });

    test("a declaration's own message keeps its two halves", () => {
        expect(problems({ name: "Orders" })).toEqual(['Thing "t": name = "Orders": must be lowercase letters. Rename it, e.g. "orders".']);
    });

    test("an Output where a plain value is needed is named as such", () => {
        expect(problems({ name: "a", zones: pulumi.output({ raw: {} }) })).toEqual([
            'Thing "t": zones = an Output (checked when it resolves): is an Output, but this field must be known when the program runs. Pass a plain value (not the output of another resource).',
        ]);
    });

    test("Outputs in Input fields are set aside to check later, with their field path", () => {
        const name = pulumi.output("orders");
        const { problems: found, later } = checkShape(shape, { name });
        expect(found).toEqual([]);
        expect(later.map((l) => l.field)).toEqual(["name"]);
        expect(later[0].value).toBe(name);
    });
});
