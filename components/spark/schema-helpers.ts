/**
 * Small additions to the schema layer that the Spark declarations need: a value checked by a
 * function that says what is wrong and how to fix it (the catalogs, the schedule grammar),
 * "a mapping or false" whose problems are the mapping's own, and an IAM statement a job is given.
 */
import * as pulumi from "@pulumi/pulumi";
import { isRecord } from "../core/is-record";
import { v, explain } from "../core/schema";
import { PolicyStatement } from "../core/iam";

/** What a check found wrong, in the uniform message's two halves. */
export interface Found {
    problem: string;
    fix: string;
}

/** `schema`, then `problemOf` on its value: a problem it returns is reported with its own words. */
export function satisfying<const TSchema extends v.GenericSchema>(
    schema: TSchema,
    problemOf: (value: v.InferOutput<TSchema>) => Found | undefined,
) {
    return v.pipe(
        schema,
        v.rawCheck<v.InferOutput<TSchema>>(({ dataset, addIssue }) => {
            if (!dataset.typed) return;
            const found = problemOf(dataset.value);
            if (found) addIssue({ message: explain(found.problem, found.fix), input: dataset.value });
        }),
    );
}

type Issue = v.BaseIssue<unknown>;

/**
 * `schema` (a mapping) or `false` to turn the feature off. valibot's plain union reports a mapping
 * with a bad field as "a mapping, not a mapping or false"; this one hands every mapping (and list,
 * and Output) to `schema`, so the problem named is the field's, and anything else to the union.
 */
export function orFalse<const TSchema extends v.GenericSchema>(
    schema: TSchema,
): v.UnionSchema<[TSchema, v.LiteralSchema<false, undefined>], undefined> {
    const union = v.union([schema, v.literal(false)]);
    const run = union["~run"].bind(union);
    return Object.assign(union, {
        "~run"(dataset: v.UnknownDataset, config: v.Config<Issue>) {
            const value = dataset.value;
            const structured = (typeof value === "object" && value !== null) || pulumi.Output.isInstance(value);
            return structured ? schema["~run"](dataset, config) : run(dataset, config);
        },
    }) as v.UnionSchema<[TSchema, v.LiteralSchema<false, undefined>], undefined>;
}

/** Whether a value is an IAM policy statement of an identity policy (an Effect, actions, resources). */
function isPolicyStatement(value: unknown): value is PolicyStatement {
    if (!isRecord(value) || pulumi.Output.isInstance(value)) return false;
    const s = value;
    const actions = s.Action;
    return (
        (s.Effect === "Allow" || s.Effect === "Deny") &&
        Array.isArray(actions) &&
        actions.length > 0 &&
        actions.every((a) => typeof a === "string") &&
        s.Principal === undefined
    );
}

/** An IAM statement a job's role is given besides its landing-zone access (`kafkaIamStatements(...)`, ...). */
export const policyStatement: v.CustomSchema<PolicyStatement, v.ErrorMessage<v.CustomIssue> | undefined> = v.custom<PolicyStatement>(
    isPolicyStatement,
    explain(
        "is not an IAM policy statement of an identity policy",
        'Pass statements like { Effect: "Allow", Action: ["kafka-cluster:ReadData"], Resource: [...] }, e.g. from kafkaIamStatements(...)',
    ),
);
