import * as fs from "fs";
import * as path from "path";
import * as v from "valibot";
import { ARGS_TABLES, renderTable, shapeDocs, withTable } from "../../cli/args-docs";

const root = path.join(__dirname, "..", "..");

/** A default as a README reader would compare it: no quotes, backticks or spaces. */
const normal = (text: string) => text.replace(/[`"' ]/g, "");

describe("README argument tables are generated from the declarations", () => {
    test.each(ARGS_TABLES.map((t) => [t.id, t] as const))("%s: the README table matches its declaration (npm run docs)", (_, table) => {
        const readme = fs.readFileSync(path.join(root, table.readme), "utf8");
        expect(withTable(readme, table, root)).toBe(readme);
    });

    test.each(ARGS_TABLES.map((t) => [t.id, t] as const))("%s: a documented default is the declared default", (_, table) => {
        const docs = shapeDocs(path.join(root, table.source), table.shape);
        for (const [field, schema] of Object.entries(table.schema.entries)) {
            const declared = v.getDefault(schema as v.OptionalSchema<v.GenericSchema, unknown>);
            if (declared === undefined) continue;
            expect([field, normal(docs[field].default ?? "")]).toEqual([field, expect.stringContaining(normal(JSON.stringify(declared)))]);
        }
    });

    test("a table shows each field's type, default and description", () => {
        const table = renderTable(ARGS_TABLES[0], root);
        expect(table).toContain(
            "| `abortIncompleteUploadsAfterDays` | integer ≥ 1 | 3 | Abort multipart uploads left incomplete after this many days. |",
        );
        expect(table).toContain("| `zones` | map of AreaLifecycle |");
    });
});
