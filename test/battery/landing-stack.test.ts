/** The `landing` stack's config battery: mistakes in the stack file, rejected before anything is registered. */
import rootProgram from "../../index";
import { Expected, expectParts, rejection } from "./battery";

type Case = [string, Record<string, unknown>, string, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const STACK = "stack config";
const landing = { "spectrum:architecture": "landing" };

const cases: Case[] = [
    [
        "a top-level key in the wrong case",
        { ...landing, "spectrum:landingzone": { protect: false } },
        STACK,
        e("spectrum:landingzone", '{"protect":false}', "is not a spectrum: config key", 'Did you mean "spectrum:landingZone"?'),
    ],
    [
        "a misspelt architecture key",
        { "spectrum:architecure": "landing" },
        STACK,
        e("spectrum:architecure", '"landing"', "is not a spectrum: config key", 'Did you mean "spectrum:architecture"?'),
    ],
    [
        "an unknown top-level key",
        { ...landing, "spectrum:bucket": { name: "x" } },
        STACK,
        e("spectrum:bucket", '{"name":"x"}', "is not a spectrum: config key", "Use one of"),
    ],
    [
        "a profile the landing stack does not read",
        { ...landing, "spectrum:profile": "dev" },
        STACK,
        e(
            "spectrum:profile",
            '"dev"',
            "the landing architecture does not read it",
            "Remove it, or set spectrum:architecture to hybrid or kappa or lambda",
        ),
    ],
    [
        "hybrid settings in a landing stack",
        { ...landing, "spectrum:hybrid": {} },
        STACK,
        e("spectrum:hybrid", "{}", "the landing architecture does not read it", "set spectrum:architecture to hybrid"),
    ],
    [
        "deployed topics in a landing stack",
        { ...landing, "spectrum:deployedTopics": {} },
        STACK,
        e("spectrum:deployedTopics", "{}", "the landing architecture does not read it", "Remove it"),
    ],
    [
        "the README's dotted key written literally",
        { ...landing, "spectrum:landingZone.protect": false },
        STACK,
        e(
            "spectrum:landingZone.protect",
            "false",
            "Pulumi reads a dotted key as a key of its own, not as protect inside spectrum:landingZone",
            "Nest it: spectrum:landingZone: { protect: false }",
        ),
    ],
    [
        "a deeper dotted key",
        { ...landing, "spectrum:landingZone.zones.raw": {} },
        STACK,
        e(
            "spectrum:landingZone.zones.raw",
            "{}",
            "Pulumi reads a dotted key as a key of its own, not as zones.raw inside spectrum:landingZone",
            "Nest it: spectrum:landingZone: { zones: { raw: {} } }",
        ),
    ],
    [
        "the landing zone as a list",
        { ...landing, "spectrum:landingZone": [{ protect: false }] },
        STACK,
        e("spectrum:landingZone", '[{"protect":false}]', "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "the landing zone as a word",
        { ...landing, "spectrum:landingZone": "default" },
        STACK,
        e("spectrum:landingZone", '"default"', "is a string, not a mapping (key: value)", "Write a mapping"),
    ],
    [
        "a misspelt landing zone field",
        { ...landing, "spectrum:landingZone": { protet: false } },
        STACK,
        e("spectrum:landingZone.protet", "false", '"protet" is not a known field', 'Did you mean "protect"?'),
    ],
    [
        "zones as a YAML list",
        { ...landing, "spectrum:landingZone": { zones: ["raw", "curated"] } },
        STACK,
        e("spectrum:landingZone.zones", '["raw","curated"]', "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "protect quoted in YAML",
        { ...landing, "spectrum:landingZone": { protect: "false" } },
        STACK,
        e("spectrum:landingZone.protect", '"false"', "must be true or false", "Write protect: true (the default) or protect: false"),
    ],
    [
        "a number quoted in YAML",
        { ...landing, "spectrum:landingZone": { abortIncompleteUploadsAfterDays: "3" } },
        STACK,
        e("spectrum:landingZone.abortIncompleteUploadsAfterDays", '"3"', "is a string, write a number", "Write 3 without quotes"),
    ],
    [
        "Standard-IA too early",
        { ...landing, "spectrum:landingZone": { zones: { raw: { infrequentAccessAfterDays: 7 } } } },
        STACK,
        e(
            "spectrum:landingZone.zones.raw.infrequentAccessAfterDays",
            "7",
            "S3 rejects a STANDARD_IA transition earlier than 30 days",
            "Use 30 or more",
        ),
    ],
    [
        "a reserved tag key",
        { ...landing, "spectrum:landingZone": { tags: { "aws:team": "data" } } },
        STACK,
        e('spectrum:landingZone.tags["aws:team"]', '"aws:team"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
    [
        "an architecture in the wrong case",
        { "spectrum:architecture": "Landing" },
        STACK,
        e("spectrum:architecture", '"Landing"', "is not a known architecture", 'Did you mean "landing"?'),
    ],
    [
        "no architecture",
        { "spectrum:landingZone": {} },
        STACK,
        e("spectrum:architecture", "undefined", "is not set", "Set it to one of landing, hybrid, kappa, lambda"),
    ],
    [
        "a zone name S3 would take but the landing zone refuses",
        { ...landing, "spectrum:landingZone": { zones: { Raw: {} } } },
        'LandingZone "landing"',
        e("zones.Raw", '"Raw"', "a zone name must be lowercase letters, digits and dashes", "Rename the zone"),
    ],
];

describe("landing stack config battery", () => {
    test.each(cases)("%s", async (_, config, prefix, expected) => {
        const { problems, registered } = await rejection(rootProgram, { project: "spectrum", config });
        expectParts(problems, prefix, expected);
        expect(registered).toEqual([]);
    });
});
