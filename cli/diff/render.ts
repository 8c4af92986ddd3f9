import { PlanDiff, ResourceChange } from "./diff";

const MARK = { create: "+", update: "~", replace: "+-", delete: "-" } as const;
const RED = "\u001b[31m";
const RESET = "\u001b[0m";

function describe(change: ResourceChange): string[] {
    const lines: string[] = [];
    if (change.previousUrn) lines.push(`was ${change.previousUrn} (carried over by an alias)`);
    if (change.kind === "replace")
        lines.push(`replaced because ${change.replaceReasons.join("; ")}${change.replaceSource ? ` [${change.replaceSource}]` : ""}`);
    if (change.kind === "update" && change.changed.length > 0)
        lines.push(
            `changes ${change.changed.slice(0, 6).join(", ")}${change.changed.length > 6 ? `, and ${change.changed.length - 6} more` : ""}`,
        );
    return lines;
}

/** The diff as text, data loss in red when `color` is on: creates, updates, replacements, deletes, then the verdict. */
export function renderDiff(diff: PlanDiff, previousFile: string, color = false): string {
    const red = (s: string) => (color ? `${RED}${s}${RESET}` : s);
    const { counts } = diff;
    const out = [
        `Changes to stack ${diff.stack} since ${previousFile}: ${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.delete} to delete, ${counts.same} unchanged.`,
    ];
    const order = ["delete", "replace", "update", "create"] as const;
    for (const kind of order) {
        for (const change of diff.changes.filter((c) => c.kind === kind)) {
            const head = `  ${MARK[kind].padEnd(2)} ${kind.padEnd(7)} ${change.type}  ${change.name}`;
            out.push(change.dataLoss ? red(head) : head);
            for (const line of describe(change)) out.push(`         ${line}`);
            for (const lost of change.dataLoss ?? []) out.push(red(`         DATA LOSS: ${lost}`));
            for (const note of change.notes) out.push(`         note: ${note}`);
        }
    }
    out.push("");
    out.push(
        diff.dataLoss.length === 0
            ? "Data loss: none."
            : red(
                  `Data loss: ${diff.dataLoss.length} resource${diff.dataLoss.length === 1 ? "" : "s"} (${diff.dataLoss.map((c) => c.name).join(", ")}). Keep their names, or add aliases, or move the data first.`,
              ),
    );
    return out.join("\n") + "\n";
}
