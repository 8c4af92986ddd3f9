/**
 * The LandingZone battery: bad inputs a user really writes, each rejected before anything is
 * registered with all four parts of the message, and valid but unusual inputs accepted.
 */
import * as pulumi from "@pulumi/pulumi";
import { LandingZone, LandingZoneArgs } from "../../components/landing-zone";
import { runProgram } from "../../testing";
import { Expected, expectParts, rejection } from "./battery";
import { describeValue } from "../../components/core/errors";

type Case = [string, unknown, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const notKnown = (key: string) => `"${key}" is not a known field`;
const DAYS = "must be a whole number of days, at least 1";
const STEP_FIX = "Use a positive integer, or false to turn the step off";
const BOOL = "must be true or false";
const BOOL_FIX = "Write protect: true (the default) or protect: false";
const LIST = "is a list where a map is expected";
const LIST_FIX = "Write it as a mapping of name: value";
const OUTPUT = "is an Output, but this field must be known when the program runs";
const OUTPUT_VALUE = "an Output (checked when it resolves)";

const unknownKeys: Case[] = [
    ["a misspelt top-level key", { protet: false }, e("protet", "false", notKnown("protet"), 'Did you mean "protect"?')],
    ["a key in the wrong case", { Protect: true }, e("Protect", "true", notKnown("Protect"), 'Did you mean "protect"?')],
    ["zone for zones", { zone: { raw: {} } }, e("zone", '{"raw":{}}', notKnown("zone"), 'Did you mean "zones"?')],
    ["tag for tags", { tag: { team: "data" } }, e("tag", '{"team":"data"}', notKnown("tag"), 'Did you mean "tags"?')],
    ["a checkpoint area named singular", { checkpoint: {} }, e("checkpoint", "{}", notKnown("checkpoint"), 'Did you mean "checkpoints"?')],
    [
        "a misspelt lifecycle key in a zone",
        { zones: { raw: { glacierAfterDay: 200 } } },
        e("zones.raw.glacierAfterDay", "200", notKnown("glacierAfterDay"), 'Did you mean "glacierAfterDays"?'),
    ],
    [
        "a lifecycle key in the wrong case",
        { checkpoints: { expireAfterdays: 5 } },
        e("checkpoints.expireAfterdays", "5", notKnown("expireAfterdays"), 'Did you mean "expireAfterDays"?'),
    ],
    [
        "a lifecycle key that does not exist",
        { logs: { retention: 5 } },
        e("logs.retention", "5", notKnown("retention"), 'Use one of "infrequentAccessAfterDays"'),
    ],
    ["a Terraform-style key", { force_destroy: true }, e("force_destroy", "true", notKnown("force_destroy"), "Use one of")],
    [
        "an S3 storage class as a key",
        { zones: { raw: { STANDARD_IA: 30 } } },
        e("zones.raw.STANDARD_IA", "30", notKnown("STANDARD_IA"), "Use one of"),
    ],
    [
        "a typo of noncurrentVersionExpireDays",
        { logs: { noncurrentVersionExpireDay: 3 } },
        e("logs.noncurrentVersionExpireDay", "3", notKnown("noncurrentVersionExpireDay"), 'Did you mean "noncurrentVersionExpireDays"?'),
    ],
    [
        "accessLogRetention without Days",
        { accessLogRetention: 30 },
        e("accessLogRetention", "30", notKnown("accessLogRetention"), 'Did you mean "accessLogRetentionDays"?'),
    ],
];

const shapes: Case[] = [
    ["zones as a YAML list", { zones: ["raw", "curated"] }, e("zones", '["raw","curated"]', LIST, LIST_FIX)],
    ["zones as a string", { zones: "raw" }, e("zones", '"raw"', "is a string, not a mapping (key: value)", "Write a mapping (key: value)")],
    ["zones as null", { zones: null }, e("zones", "null", "is null, not a mapping (key: value)", "Write a mapping")],
    ["a zone's lifecycle as a list", { zones: { raw: [] } }, e("zones.raw", "[]", LIST, LIST_FIX)],
    [
        "a zone's lifecycle as a string",
        { zones: { raw: "default" } },
        e("zones.raw", '"default"', "is a string, not a mapping (key: value)", "Write a mapping"),
    ],
    [
        "a zone's lifecycle as a number",
        { zones: { raw: 30 } },
        e("zones.raw", "30", "is a number, not a mapping (key: value)", "Write a mapping"),
    ],
    ["checkpoints as a list", { checkpoints: [{ expireAfterDays: 5 }] }, e("checkpoints", '[{"expireAfterDays":5}]', LIST, LIST_FIX)],
    ["logs as true", { logs: true }, e("logs", "true", "is a boolean, not a mapping (key: value)", "Write a mapping")],
    ["tags as a list", { tags: ["team=data"] }, e("tags", '["team=data"]', LIST, LIST_FIX)],
    ["a tag value that is a number", { tags: { cost: 5 } }, e("tags.cost", "5", "is a number, not a string", "Write a string")],
    ["a tag value that is a boolean", { tags: { pii: true } }, e("tags.pii", "true", "is a boolean, not a string", "Write a string")],
    ["the whole args as a list", ["raw"], e("args", '["raw"]', LIST, LIST_FIX)],
    ["the whole args as a string", "raw", e("args", '"raw"', "is a string, not a mapping (key: value)", "Write a mapping")],
];

const values: Case[] = [
    ['protect as the string "false"', { protect: "false" }, e("protect", '"false"', BOOL, BOOL_FIX)],
    ['protect as "yes"', { protect: "yes" }, e("protect", '"yes"', BOOL, BOOL_FIX)],
    ["protect as 0", { protect: 0 }, e("protect", "0", BOOL, BOOL_FIX)],
    ["protect as null", { protect: null }, e("protect", "null", BOOL, BOOL_FIX)],
    [
        "abort window as a string",
        { abortIncompleteUploadsAfterDays: "3" },
        e("abortIncompleteUploadsAfterDays", '"3"', "is a string, write a number", "Write 3 without quotes"),
    ],
    [
        "abort window 0",
        { abortIncompleteUploadsAfterDays: 0 },
        e("abortIncompleteUploadsAfterDays", "0", DAYS, "Use a positive integer such as 3"),
    ],
    [
        "abort window negative",
        { abortIncompleteUploadsAfterDays: -1 },
        e("abortIncompleteUploadsAfterDays", "-1", DAYS, "Use a positive integer such as 3"),
    ],
    [
        "abort window fractional",
        { abortIncompleteUploadsAfterDays: 2.5 },
        e("abortIncompleteUploadsAfterDays", "2.5", DAYS, "Use a positive integer such as 3"),
    ],
    [
        "abort window NaN",
        { abortIncompleteUploadsAfterDays: NaN },
        e("abortIncompleteUploadsAfterDays", "NaN", "is not a number", "Write a number"),
    ],
    [
        "abort window Infinity",
        { abortIncompleteUploadsAfterDays: Infinity },
        e("abortIncompleteUploadsAfterDays", "Infinity", DAYS, "Use a positive integer"),
    ],
    [
        "abort window true",
        { abortIncompleteUploadsAfterDays: true },
        e("abortIncompleteUploadsAfterDays", "true", "is a boolean, not a number", "Write a number"),
    ],
    [
        "log retention as a string",
        { accessLogRetentionDays: "365" },
        e("accessLogRetentionDays", '"365"', "is a string, write a number", "Write 365 without quotes"),
    ],
    [
        "log retention with a unit",
        { accessLogRetentionDays: "365d" },
        e("accessLogRetentionDays", '"365d"', "is a string, not a number", "Write a number"),
    ],
    ["log retention 0", { accessLogRetentionDays: 0 }, e("accessLogRetentionDays", "0", DAYS, "Use a positive integer such as 365")],
    [
        "log retention -Infinity",
        { accessLogRetentionDays: -Infinity },
        e("accessLogRetentionDays", "-Infinity", DAYS, "Use a positive integer"),
    ],
    [
        "log retention 1e400",
        { accessLogRetentionDays: Number("1e400") },
        e("accessLogRetentionDays", "Infinity", DAYS, "Use a positive integer"),
    ],
    [
        "Standard-IA before day 30",
        { zones: { raw: { infrequentAccessAfterDays: 7 } } },
        e("zones.raw.infrequentAccessAfterDays", "7", "S3 rejects a STANDARD_IA transition earlier than 30 days", "Use 30 or more"),
    ],
    [
        "Standard-IA as a string",
        { zones: { raw: { infrequentAccessAfterDays: "30" } } },
        e("zones.raw.infrequentAccessAfterDays", '"30"', "is a string, write a number", "Write 30 without quotes"),
    ],
    [
        "Standard-IA as true",
        { zones: { raw: { infrequentAccessAfterDays: true } } },
        e("zones.raw.infrequentAccessAfterDays", "true", "is a boolean, not a number or false", "Write a number or false"),
    ],
    ["Glacier after 0 days", { zones: { curated: { glacierAfterDays: 0 } } }, e("zones.curated.glacierAfterDays", "0", DAYS, STEP_FIX)],
    [
        "Glacier after 30.5 days",
        { zones: { curated: { glacierAfterDays: 30.5 } } },
        e("zones.curated.glacierAfterDays", "30.5", DAYS, STEP_FIX),
    ],
    ["expiry negative", { zones: { raw: { expireAfterDays: -5 } } }, e("zones.raw.expireAfterDays", "-5", DAYS, STEP_FIX)],
    [
        'expiry "never"',
        { zones: { raw: { expireAfterDays: "never" } } },
        e("zones.raw.expireAfterDays", '"never"', "is a string, not a number or false", "Write a number or false"),
    ],
    [
        "noncurrent expiry false",
        { zones: { raw: { noncurrentVersionExpireDays: false } } },
        e("zones.raw.noncurrentVersionExpireDays", "false", "is a boolean, not a number", "Write a number"),
    ],
    [
        "noncurrent expiry 0.5 on checkpoints",
        { checkpoints: { noncurrentVersionExpireDays: 0.5 } },
        e("checkpoints.noncurrentVersionExpireDays", "0.5", DAYS, "Use a positive integer such as 30"),
    ],
    ["log expiry NaN", { logs: { expireAfterDays: NaN } }, e("logs.expireAfterDays", "NaN", "is not a number", "Write a number")],
    [
        "a tag key starting with aws:",
        { tags: { "aws:cost": "x" } },
        e('tags["aws:cost"]', '"aws:cost"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
    [
        "a tag key starting with AWS:",
        { tags: { "AWS:Name": "x" } },
        e('tags["AWS:Name"]', '"AWS:Name"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
    [
        "a tag key of 129 characters",
        { tags: { ["k".repeat(129)]: "x" } },
        e(`tags.${"k".repeat(129)}`, describeValue("k".repeat(129)), "tag keys are 1-128 characters", "Shorten the key"),
    ],
    [
        "a tag value of 257 characters",
        { tags: { team: "v".repeat(257) } },
        e("tags.team", '"team"', "tag values are at most 256 characters", "Shorten the value"),
    ],
    [
        "a tag key with #",
        { tags: { "cost#center": "x" } },
        e('tags["cost#center"]', '"cost#center"', "tags allow letters, digits, spaces and _.:/=+-@ only", "Remove the other characters"),
    ],
    ["protect as an Output", { protect: pulumi.output(false) }, e("protect", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    ["zones as an Output", { zones: pulumi.output({ raw: {} }) }, e("zones", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    ["a tag value as an Output", { tags: { team: pulumi.output("data") } }, e("tags.team", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
];

const rules: Case[] = [
    ["no zones at all", { zones: {} }, e("zones", "{}", "at least one data zone is needed", "Declare zones such as")],
    [
        "an uppercase zone name",
        { zones: { Raw: {} } },
        e("zones.Raw", '"Raw"', "a zone name must be lowercase letters, digits and dashes", "Rename the zone"),
    ],
    [
        "a zone name with _",
        { zones: { raw_events: {} } },
        e("zones.raw_events", '"raw_events"', "a zone name must be lowercase letters, digits and dashes", "Rename the zone"),
    ],
    [
        "a zone name starting with -",
        { zones: { "-raw": {} } },
        e('zones["-raw"]', '"-raw"', "a zone name must be lowercase letters", "Rename the zone"),
    ],
    [
        "a zone name with /",
        { zones: { "raw/events": {} } },
        e('zones["raw/events"]', '"raw/events"', "a zone name must be lowercase letters", "Rename the zone"),
    ],
    [
        "checkpoints as a zone",
        { zones: { raw: {}, checkpoints: {} } },
        e("zones.checkpoints", '"checkpoints"', '"checkpoints" is a reserved area', "Use the checkpoints argument"),
    ],
    ["logs as a zone", { zones: { logs: {} } }, e("zones.logs", '"logs"', '"logs" is a reserved area', "Use the logs argument")],
    [
        "Glacier too soon after Standard-IA",
        { zones: { raw: { infrequentAccessAfterDays: 30, glacierAfterDays: 40 } } },
        e("zones.raw.glacierAfterDays", "40", "transitions are out of order", "Use 60 or more"),
    ],
    [
        "Glacier before Standard-IA",
        { zones: { raw: { infrequentAccessAfterDays: 90, glacierAfterDays: 60 } } },
        e("zones.raw.glacierAfterDays", "60", "transitions are out of order", "Use 120 or more"),
    ],
    [
        "curated expiry before its default Standard-IA",
        { zones: { curated: { expireAfterDays: 60 } } },
        e(
            "zones.curated.expireAfterDays",
            "60",
            "S3 rejects an expiration that is not later than the last transition (day 90)",
            "Use more than 90 days",
        ),
    ],
    [
        "raw expiry on its default Glacier day",
        { zones: { raw: { expireAfterDays: 180 } } },
        e(
            "zones.raw.expireAfterDays",
            "180",
            "S3 rejects an expiration that is not later than the last transition (day 180)",
            "Use more than 180 days",
        ),
    ],
    [
        "logs expiring on their Standard-IA day",
        { logs: { infrequentAccessAfterDays: 30, expireAfterDays: 30 } },
        e(
            "logs.expireAfterDays",
            "30",
            "S3 rejects an expiration that is not later than the last transition (day 30)",
            "Use more than 30 days",
        ),
    ],
    [
        "checkpoints to Standard-IA after 10 days",
        { checkpoints: { infrequentAccessAfterDays: 10 } },
        e("checkpoints.infrequentAccessAfterDays", "10", "S3 rejects a STANDARD_IA transition earlier than 30 days", "Use 30 or more"),
    ],
];

const names: [string, string, Expected][] = [
    [
        "a name whose access-log bucket passes 63 characters",
        "a".repeat(44),
        e("name", `"${"a".repeat(44)}"`, "the bucket name would be 64 characters; S3 allows 63", "Shorten it to 55 characters or fewer"),
    ],
    ["a name with _", "my_lake", e("name", '"my_lake"', "S3 bucket names cannot contain _", "Use - instead of _")],
    ["an uppercase name", "Lake", e("name", '"Lake"', "S3 bucket names are lowercase", "Use lowercase letters")],
    [
        "a name with a dot",
        "lake.v1",
        e("name", '"lake.v1"', "KMS aliases allow letters, digits and /_- only", "Remove the other characters"),
    ],
    ["a name with a space", "my lake", e("name", '"my lake"', "S3 bucket names are 3-63 lowercase letters", "Rename it")],
];

describe("LandingZone battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each([...unknownKeys, ...shapes, ...values, ...rules])("%s", async (_, args, expected) => {
        const { problems, registered } = await rejection(() => new LandingZone("lz", args as LandingZoneArgs));
        expectParts(problems, 'LandingZone "lz"', expected);
        expect(registered).toEqual([]);
    });

    test.each(names)("%s", async (_, name, expected) => {
        const { problems, registered } = await rejection(() => new LandingZone(name));
        expectParts(problems, `LandingZone "${name}"`, expected);
        expect(registered).toEqual([]);
    });

    test("every problem of one input is reported at once", async () => {
        const { problems } = await rejection(
            () =>
                new LandingZone("lz", {
                    protet: false,
                    zones: ["raw"],
                    accessLogRetentionDays: "365",
                    tags: { "aws:x": "y" },
                } as unknown as LandingZoneArgs),
        );
        expect(problems).toHaveLength(4);
    });
});

describe("LandingZone battery: valid but unusual inputs are accepted", () => {
    const accepted: [string, string, LandingZoneArgs][] = [
        ["a single custom zone", "lz", { zones: { events: {} } }],
        ["a zone name with digits", "lz", { zones: { "2024-archive": {} } }],
        [
            "every step turned off",
            "lz",
            { zones: { raw: { infrequentAccessAfterDays: false, glacierAfterDays: false, expireAfterDays: false } } },
        ],
        [
            "Glacier IR from day 1 without Standard-IA",
            "lz",
            { zones: { curated: { infrequentAccessAfterDays: false, glacierAfterDays: 1 } } },
        ],
        [
            "transitions at their minimum distances",
            "lz",
            { zones: { raw: { infrequentAccessAfterDays: 30, glacierAfterDays: 60, expireAfterDays: 61 } } },
        ],
        ["a hundred years of access logs", "lz", { accessLogRetentionDays: 36500 }],
        ["a one-day abort window", "lz", { abortIncompleteUploadsAfterDays: 1 }],
        ["tags with spaces, accents and colons", "lz", { tags: { "Cost Center": "Données", "team:owner": "data@example.com" } }],
        ["an empty tag value", "lz", { tags: { reviewed: "" } }],
        ["unprotected", "lz", { protect: false }],
        ["explicit undefined fields", "lz", { zones: undefined, tags: undefined }],
        ["the longest name that fits S3's limit", "a".repeat(43), {}],
        ["a three-character name", "abc", {}],
    ];
    test.each(accepted)("%s", async (_, name, args) => {
        const graph = await runProgram(() => new LandingZone(name, args));
        expect(graph.ofType("aws:s3/bucket:Bucket")).toHaveLength(2);
    });
});
