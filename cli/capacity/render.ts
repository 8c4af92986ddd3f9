import { CapacityReport } from "./from-plan";

const LABEL = { pass: "PASS", fail: "FAIL", waived: "WAIVED", skipped: "SKIP" } as const;

/** The report as text: one line per check with its margin, then the verdict. */
export function renderCapacity(report: CapacityReport): string {
    const load = report.load
        ? `declared load for ${Object.keys(report.load.topics).join(", ")}, peak factor ${report.load.peakFactor}`
        : "no declared load (spectrum:load): load-based checks skipped";
    const rows = report.results.map((r) => {
        const margin = r.check?.margin === undefined ? "" : `margin ${Math.round(r.check.margin * 100)}%`;
        const figures = r.check ? `${r.check.measured} / ${r.check.limit} ${r.check.unit}` : "";
        const detail = [r.check?.detail, r.reason && (r.status === "waived" ? `waived: ${r.reason}` : r.reason)].filter(Boolean).join("; ");
        return [LABEL[r.status], r.id, r.subject, figures, margin, detail];
    });
    const widths = [0, 1, 2, 3, 4].map((i) => Math.max(0, ...rows.map((r) => r[i].length)));
    const lines = rows.map((r) => `    ${r.map((cell, i) => (i < 5 ? cell.padEnd(widths[i]) : cell)).join("  ")}`.trimEnd());
    const verdict =
        report.failures === 0
            ? "Capacity: every check passed, was waived or was skipped."
            : `Capacity: ${report.failures} check${report.failures === 1 ? "" : "s"} failed. Resize, or waive with spectrum:load.waive.<check id> and the reason.`;
    return [`Capacity checks for stack ${report.stack} (${load}):`, ...lines, "", verdict].join("\n") + "\n";
}
