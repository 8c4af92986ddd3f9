import { ASSUMPTIONS } from "./assumptions";
import { CostEstimate } from "./estimate";

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const price = (n: number) => `$${Number(n.toPrecision(4))}`;
const amount = (n: number) => (Number.isInteger(n) ? String(n) : n < 10 ? n.toFixed(2) : n.toFixed(1));

function table(rows: string[][], rightAligned: number[] = []): string[] {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) =>
        `    ${r.map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ")}`.trimEnd(),
    );
}

/** The estimate as text: lines per component, totals per component and type, assumptions, what is not priced. */
export function renderCost(estimate: CostEstimate): string {
    const out: string[] = [
        `Monthly cost estimate for stack ${estimate.stack} in ${estimate.region}: ${usd(estimate.totalUsd)} a month (${estimate.currency}, ${estimate.hoursPerMonth} h, list prices dated ${estimate.pricesDated} or later, before tax, free tiers and discounts).`,
        "",
        "Lines:",
    ];
    const components = estimate.byComponent.map((c) => c.component);
    for (const component of components) {
        const lines = estimate.lines.filter((l) => l.component === component);
        const subtotal = estimate.byComponent.find((c) => c.component === component)?.monthlyUsd ?? 0;
        out.push(`  ${component}: ${usd(subtotal)}`);
        out.push(
            ...table(
                lines.map((l) => [
                    l.resource,
                    l.item,
                    `${amount(l.quantity)} ${l.unit} x ${price(l.unitUsd)}${l.discount > 0 ? ` -${Math.round(l.discount * 100)}%` : ""}`,
                    usd(l.monthlyUsd),
                ]),
                [3],
            ),
        );
    }
    out.push(
        "",
        "By component:",
        ...table(
            estimate.byComponent.map((c) => [usd(c.monthlyUsd), c.component]),
            [0],
        ),
    );
    out.push(
        "",
        "By resource type:",
        ...table(
            estimate.byType.map((t) => [usd(t.monthlyUsd), t.type]),
            [0],
        ),
    );
    out.push("", `Total: ${usd(estimate.totalUsd)} a month`);
    out.push(
        "",
        "Assumptions (override with --assume name=value, or spectrum:costAssumptions in the stack file):",
        ...table(
            estimate.assumptions.map((a) => [a.name, String(a.value), ASSUMPTIONS[a.name].unit, a.origin, ASSUMPTIONS[a.name].description]),
        ),
    );
    // Resources that are free by themselves are only counted; the JSON lists them.
    const free = estimate.unpriced.filter((u) => u.reason.startsWith("no charge") || u.reason.startsWith("charged with"));
    const other = estimate.unpriced.filter((u) => !free.includes(u));
    if (other.length > 0)
        out.push(
            "",
            "Not priced:",
            ...table(
                other.map((u) => [String(u.count), u.type, u.reason]),
                [0],
            ),
        );
    if (free.length > 0) {
        const count = free.reduce((n, u) => n + u.count, 0);
        out.push(
            "",
            `No charge of their own: ${count} resources of ${free.length} types (IAM, security groups, bucket settings, components, ...; see --json).`,
        );
    }
    return out.join("\n") + "\n";
}
