/**
 * Turns the exported plans into the inputs of the JVM checks (Java reads properties files, not
 * JSON): `<out>/kafka/{broker,topics,streams}/`, `<out>/flink/<flink version>/` (and the controls in
 * `<out>/flink-controls/<flink version>/`), `<out>/sql/`.
 * File names are `<plan label>__<resource name>`, so a failure names where it came from.
 *
 * Usage: node -r ./test/engines/register-ts.js test/engines/plans/inputs.ts <plans dir> <out dir>
 */
import * as fs from "fs";
import * as path from "path";
import { parse as parseProperties } from "./properties";
import { imageFlinkVersion } from "../../../components/flink/versions";
import { RENAMED_KEYS } from "../../../components/flink/config-keys";

interface Resource {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}
interface Plan {
    label: string;
    resources: Resource[];
}

/** One `key=value` line of a Java properties file. */
function line(key: string, value: string): string {
    const escape = (s: string, isKey: boolean) =>
        s
            .replace(/\\/g, "\\\\")
            .replace(/\n/g, "\\n")
            .replace(/\r/g, "\\r")
            .replace(/\t/g, "\\t")
            .replace(isKey ? /([=: #!])/g : /^([ #!])/, "\\$1");
    return `${escape(key, true)}=${escape(value, false)}`;
}

function write(file: string, entries: Record<string, string>): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
        file,
        Object.entries(entries)
            .map(([k, v]) => line(k, v))
            .join("\n") + "\n",
    );
}

const fileName = (plan: Plan, r: Resource) => `${plan.label}__${r.name}`.replace(/[^A-Za-z0-9._-]/g, "_");

function main(): void {
    const [plansDir, out] = process.argv.slice(2);
    const counts: Record<string, number> = {};
    const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
    for (const file of fs
        .readdirSync(plansDir)
        .filter((f) => f.endsWith(".json"))
        .sort()) {
        const plan = JSON.parse(fs.readFileSync(path.join(plansDir, file), "utf8")) as Plan;
        for (const r of plan.resources) {
            const base = fileName(plan, r);
            if (r.type === "aws:msk/configuration:Configuration") {
                write(path.join(out, "kafka", "broker", `${base}.properties`), parseProperties(r.inputs.serverProperties as string));
                count("broker configs");
            } else if (r.type === "aws:msk/topic:Topic" || r.type === "kafka:index/topic:Topic") {
                const msk = r.type === "aws:msk/topic:Topic";
                const configs = msk
                    ? (JSON.parse((r.inputs.configs as string) ?? "{}") as Record<string, string>)
                    : ((r.inputs.config as Record<string, string>) ?? {});
                // Topic names repeat across stacks; on the one test broker each plan's topics get its label as prefix.
                write(path.join(out, "kafka", "topics", `${base}.properties`), {
                    "topic.name": `${plan.label}.${r.inputs.name as string}`,
                    "topic.partitions": String(msk ? r.inputs.partitionCount : r.inputs.partitions),
                    "topic.replication.factor": String(r.inputs.replicationFactor),
                    ...Object.fromEntries(Object.entries(configs).map(([k, v]) => [`config.${k}`, String(v)])),
                });
                count("topics");
            } else if (
                r.type === "kubernetes:core/v1:ConfigMap" &&
                typeof (r.inputs.data as Record<string, unknown>)?.["streams.properties"] === "string"
            ) {
                const text = (r.inputs.data as Record<string, string>)["streams.properties"];
                write(path.join(out, "kafka", "streams", `${base}.properties`), parseProperties(text));
                count("streams configs");
            } else if (r.type === "kubernetes:flink.apache.org/v1beta1:FlinkDeployment") {
                const spec = r.inputs.spec as { image: string; flinkConfiguration: Record<string, string> };
                const version = imageFlinkVersion(spec.image);
                if (!version) throw new Error(`${plan.label} ${r.name}: no Flink version in image ${spec.image}`);
                write(path.join(out, "flink", version, `${base}.properties`), spec.flinkConfiguration);
                count(`flink ${version} configs`);
                // Control: the same configuration with every renamed key in its other spelling, which
                // versions before the rename must refuse (run.sh says which versions it expects to).
                const swapped = Object.entries(spec.flinkConfiguration).map(([k, v]) => {
                    const rename = RENAMED_KEYS.find((r) => r.legacy === k || r.current === k);
                    return [rename ? (rename.legacy === k ? rename.current : rename.legacy) : k, v];
                });
                write(path.join(out, "flink-controls", version, `${base}.properties`), Object.fromEntries(swapped));
            } else if (r.type === "aws:glue/catalogTable:CatalogTable") {
                fs.mkdirSync(path.join(out, "sql"), { recursive: true });
                fs.appendFileSync(
                    path.join(out, "sql", `${plan.label}.tables`),
                    `${r.inputs.databaseName as string}.${r.inputs.name as string}\n`,
                );
                count("catalog tables");
            } else if (r.type === "aws:athena/namedQuery:NamedQuery") {
                fs.mkdirSync(path.join(out, "sql"), { recursive: true });
                fs.writeFileSync(path.join(out, "sql", `${base}.sql`), r.inputs.query as string);
                count("saved queries");
            }
        }
    }
    console.log(
        Object.entries(counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(", "),
    );
}

main();
