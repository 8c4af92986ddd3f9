import { argsJsonSchema } from "../../components/core/schema/json-schema";
import { landingZoneArgs } from "../../components/landing-zone";
import { input, integer, strict, v } from "../../components/core/schema";

describe("args declarations export as JSON Schema", () => {
    test("LandingZone: strict, with types, ranges and defaults", () => {
        const schema = argsJsonSchema(landingZoneArgs) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
        expect(schema.type).toBe("object");
        expect(schema.additionalProperties).toBe(false);
        expect(schema.required ?? []).toEqual([]);
        expect(schema.properties.abortIncompleteUploadsAfterDays).toEqual({ type: "integer", minimum: 1, default: 3 });
        expect(schema.properties.protect).toEqual({ type: "boolean", default: true });
        const zones = schema.properties.zones as { additionalProperties: { properties: Record<string, unknown> } };
        expect(zones.additionalProperties.properties.infrequentAccessAfterDays).toEqual({
            anyOf: [{ type: "integer", minimum: 30 }, { const: false }],
        });
    });

    test("an Input field is described by the value it takes", () => {
        const schema = argsJsonSchema(strict({ name: input(v.string()), count: v.optional(input(integer(1, 9))) })) as {
            properties: Record<string, unknown>;
            required: string[];
        };
        expect(schema.properties).toEqual({ name: { type: "string" }, count: { type: "integer", minimum: 1, maximum: 9 } });
        expect(schema.required).toEqual(["name"]);
    });
});
