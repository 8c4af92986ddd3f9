/** Days in the 730-hour month AWS prices by. */
export const DAYS_PER_MONTH = 730 / 24;

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/**
 * How many values of a cron field match: `*`, `?`, lists, ranges, steps and names. Day fields with
 * `L`, `W` or `#` (last day, nearest weekday, nth weekday) match one day, which is what they mean.
 */
export function fieldMatches(field: string, min: number, max: number, names: readonly string[] = []): number {
    if (field === "*" || field === "?") return max - min + 1;
    const hit = new Set<number>();
    for (const part of field.split(",")) {
        if (/[LW#]/.test(part)) {
            hit.add(-hit.size - 1);
            continue;
        }
        const [range, stepText] = part.split("/");
        const step = stepText === undefined ? 1 : Number(stepText);
        const value = (text: string) => {
            const named = names.indexOf(text.toUpperCase());
            return named >= 0 ? named + min : Number(text);
        };
        let from: number;
        let to: number;
        if (range === "*") [from, to] = [min, max];
        else if (range.includes("-")) [from, to] = range.split("-").map(value) as [number, number];
        else [from, to] = [value(range), stepText === undefined ? value(range) : max];
        if (![from, to, step].every(Number.isFinite) || step < 1) throw new Error(`cannot read cron field "${field}"`);
        for (let v = from; v <= to; v += step) hit.add(v);
    }
    return hit.size;
}

/**
 * Average runs per month of an EventBridge Scheduler expression: `rate(n unit)`, `cron(minutes
 * hours day-of-month month day-of-week year)`, or `at(...)` (once, so none per month on average).
 */
export function runsPerMonth(expression: string): number {
    const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
    if (rate) {
        const minutes = Number(rate[1]) * (rate[2].startsWith("minute") ? 1 : rate[2].startsWith("hour") ? 60 : 1440);
        return (DAYS_PER_MONTH * 1440) / minutes;
    }
    if (/^at\(/.test(expression.trim())) return 0;
    const cron = /^cron\((.*)\)$/.exec(expression.trim());
    if (!cron) throw new Error(`cannot read schedule expression "${expression}"`);
    const [minutes, hours, dayOfMonth, month, dayOfWeek] = cron[1].trim().split(/\s+/);
    const perDay = fieldMatches(minutes, 0, 59) * fieldMatches(hours, 0, 23);
    const monthShare = fieldMatches(month, 1, 12, MONTHS) / 12;
    let days: number;
    // Named days of the month (and L, W: one day each) occur once a month; weekdays about 4.35 times,
    // except the nth or last weekday of a month (#, L), which is once.
    if (dayOfMonth !== "?" && dayOfMonth !== "*") days = fieldMatches(dayOfMonth, 1, 31);
    else if (dayOfWeek !== "?" && dayOfWeek !== "*")
        days = /[L#]/.test(dayOfWeek)
            ? fieldMatches(dayOfWeek, 1, 7, WEEKDAYS)
            : (fieldMatches(dayOfWeek, 1, 7, WEEKDAYS) * DAYS_PER_MONTH) / 7;
    else days = DAYS_PER_MONTH;
    return perDay * days * monthShare;
}
