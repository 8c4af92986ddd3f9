/**
 * Args declarations as JSON Schema (draft-07), for tools outside TypeScript (the multi-language
 * package, editors validating stack files). Not re-exported from the core index, so a plan never
 * loads the converter: import it from here.
 */
import { JsonSchema, toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import type { InputSchema } from "./declare";

/**
 * The JSON Schema of a declaration, describing what a user writes (defaults are optional). An
 * `input(...)` field is described by the value it takes; checks written in code (the AWS tag
 * rules, say) have no JSON Schema form and are left to the component.
 */
export function argsJsonSchema(schema: v.GenericSchema): JsonSchema {
    return toJsonSchema(schema, {
        typeMode: "input",
        errorMode: "ignore",
        overrideSchema: (context) => {
            if (context.valibotSchema.type !== "pulumi_input") return undefined;
            // eslint-disable-next-line @typescript-eslint/no-unused-vars
            const { $schema, ...inner } = argsJsonSchema((context.valibotSchema as unknown as InputSchema<v.GenericSchema>).wrapped);
            return inner;
        },
    });
}
