import { v } from "./declare";

type Issue = v.BaseIssue<unknown>;

/**
 * `true`/`false`, or an object of settings (`autoscaler: true` or `autoscaler: { ... }`). A plain
 * union would report a misspelt key inside the object as "not true or false or a mapping"; this
 * checks a mapping against `settings` alone, so the message names the key.
 */
export function booleanOr<const TSettings extends v.GenericSchema>(
    settings: TSettings,
): v.UnionSchema<[v.BooleanSchema<undefined>, TSettings], undefined> {
    const schema = v.union([v.boolean(), settings]);
    const run = schema["~run"].bind(schema);
    return Object.assign(schema, {
        "~run"(dataset: v.UnknownDataset, config: v.Config<Issue>) {
            const value = dataset.value;
            const mapping =
                value !== null && typeof value === "object" && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
            return mapping ? settings["~run"](dataset, config) : run(dataset, config);
        },
    });
}
