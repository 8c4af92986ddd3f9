const MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";

/** One cron field: `*`, values, ranges, lists and increments over the field's numbers or names. */
function fieldPattern(value: string, extra = ""): RegExp {
    const item = `(?:${value})(?:-(?:${value}))?`;
    return new RegExp(`^(?:\\*|${item}(?:,${item})*)(?:/\\d+)?${extra}$`, "i");
}

const n = (max: number, min = 0) => {
    const values: string[] = [];
    for (let i = max; i >= min; i--) values.push(String(i), ...(i < 10 ? [`0${i}`] : []));
    return values.join("|");
};

// EventBridge Scheduler's six fields: minutes hours day-of-month month day-of-week year.
const CRON_FIELDS: Array<{ name: string; pattern: RegExp }> = [
    { name: "minutes", pattern: fieldPattern(n(59)) },
    { name: "hours", pattern: fieldPattern(n(23)) },
    {
        name: "day-of-month",
        pattern:
            /^(?:\?|L|LW|(?:[1-9]|[12]\d|3[01])W|(?:\*|(?:[1-9]|[12]\d|3[01])(?:-(?:[1-9]|[12]\d|3[01]))?(?:,(?:[1-9]|[12]\d|3[01])(?:-(?:[1-9]|[12]\d|3[01]))?)*)(?:\/\d+)?)$/i,
    },
    { name: "month", pattern: fieldPattern(`${n(12, 1)}|${MONTHS}`) },
    {
        name: "day-of-week",
        pattern:
            /^(?:\?|[1-7]L|[1-7]#[1-5]|(?:\*|(?:[1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(?:-(?:[1-7]|SUN|MON|TUE|WED|THU|FRI|SAT))?(?:,(?:[1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(?:-(?:[1-7]|SUN|MON|TUE|WED|THU|FRI|SAT))?)*)(?:\/\d+)?)$/i,
    },
    { name: "year", pattern: fieldPattern("19[7-9]\\d|2[01]\\d\\d") },
];

/** Why a `cron(...)` expression is invalid for EventBridge Scheduler, or undefined when it is valid. */
function cronProblem(body: string): string | undefined {
    const fields = body.trim().split(/\s+/);
    if (fields.length !== 6)
        return `has ${fields.length} fields; EventBridge Scheduler's cron has six (minutes hours day-of-month month day-of-week year)`;
    for (let i = 0; i < 6; i++) {
        if (!CRON_FIELDS[i].pattern.test(fields[i])) return `its ${CRON_FIELDS[i].name} field "${fields[i]}" is not valid`;
    }
    const [, , dayOfMonth, , dayOfWeek] = fields;
    if ((dayOfMonth === "?") === (dayOfWeek === "?")) return 'exactly one of day-of-month and day-of-week must be "?"';
    return undefined;
}

/** Why a `rate(...)` expression is invalid, or undefined. */
function rateProblem(body: string): string | undefined {
    const match = /^\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*$/.exec(body);
    if (!match) return 'is not "rate(<value> <minutes|hours|days>)"';
    const value = Number(match[1]);
    if (value < 1) return "the rate must be at least 1";
    const unit = match[2].replace(/s$/, "");
    if (value === 1 && match[2] !== unit) return `use the singular unit for 1: rate(1 ${unit})`;
    if (value > 1 && match[2] === unit) return `use the plural unit for ${value}: rate(${value} ${unit}s)`;
    return undefined;
}

/** What is wrong with an EventBridge Scheduler recurring expression (`cron(...)` or `rate(...)`), or undefined. */
export function scheduleExpressionProblem(expression: string): { problem: string; fix: string } | undefined {
    const match = /^(cron|rate)\((.*)\)$/.exec(expression.trim());
    const problem = !match ? "is neither cron(...) nor rate(...)" : match[1] === "cron" ? cronProblem(match[2]) : rateProblem(match[2]);
    if (problem === undefined) return undefined;
    return {
        problem: `is not a valid schedule: ${problem}`,
        fix: 'Use e.g. "cron(0 2 * * ? *)" for 02:00 every day or "rate(1 hour)"',
    };
}

// Building a DateTimeFormat costs about half a millisecond: each zone is asked once per process.
const knownZones = new Map<string, boolean>();

function isTimeZone(timeZone: string): boolean {
    if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
    if (!knownZones.has(timeZone)) {
        try {
            new Intl.DateTimeFormat("en-US", { timeZone });
            knownZones.set(timeZone, true);
        } catch {
            knownZones.set(timeZone, false);
        }
    }
    return knownZones.get(timeZone) === true;
}

/** What is wrong with an IANA time zone name (what EventBridge Scheduler expects), or undefined. */
export function timeZoneProblem(timeZone: string): { problem: string; fix: string } | undefined {
    return isTimeZone(timeZone) ? undefined : { problem: "is not an IANA time zone", fix: 'Use a name such as "UTC" or "Europe/Paris"' };
}
