import { ResolvedView } from "./lambda-args";

const quote = (id: string) => `"${id}"`;

/** Table names of a view's two layers. */
export function viewTables(view: ResolvedView): { batch: string; speed: string } {
    return { batch: `${view.table}_batch`, speed: `${view.table}_speed` };
}

/**
 * The Lambda merge of one view: every hour the batch view holds comes from the batch view (rebuilt
 * from raw, deduplicated), every other hour from the speed view. Choosing per hour rather than by
 * a single "batch is complete up to" horizon also fills an hour whose batch run failed with the
 * real-time data until the rerun lands. `lookbackDays` bounds the hours read from the batch view to
 * those the speed view can still hold.
 */
export function mergeQuery(database: string, view: ResolvedView, lookbackDays: number): string {
    const { batch, speed } = viewTables(view);
    const batchTable = `${quote(database)}.${quote(batch)}`;
    const speedTable = `${quote(database)}.${quote(speed)}`;
    const columns = view.columns.map((c) => quote(c.name));
    return [
        `-- ${view.topic}: batch view for the hours it covers, speed view for the others.`,
        `-- Filter on dt (and hr) in the outer query: Athena prunes both tables' partitions through the UNION.`,
        `WITH batch_hours AS (`,
        `  SELECT DISTINCT dt, hr FROM ${batchTable}`,
        `  WHERE dt >= date_format(current_date - INTERVAL '${lookbackDays}' DAY, '%Y-%m-%d')`,
        `)`,
        `SELECT ${columns.join(", ")}, dt, hr, 'batch' AS layer`,
        `FROM ${batchTable}`,
        `UNION ALL`,
        `SELECT ${columns.map((c) => `s.${c}`).join(", ")}, s.dt, s.hr, 'speed' AS layer`,
        `FROM ${speedTable} s`,
        `LEFT JOIN batch_hours b ON s.dt = b.dt AND s.hr = b.hr`,
        `WHERE b.dt IS NULL`,
    ].join("\n");
}
