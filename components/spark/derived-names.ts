/**
 * The names AWS gives the resources a Spark component creates, derived from the component's
 * name: Pulumi names each `<name>-<role>-<7 random characters>`, and each service limits its names
 * in length and characters. A name that breaks one fails `pulumi up` half-way; these checks refuse
 * it first, naming the resource and the longest name that fits every one.
 *
 * Sources (checked 2026-12-05): IAM "IAM and AWS STS quotas" (role names 64, [\w+=,.@-]); Lambda
 * CreateFunction (FunctionName 64, [a-zA-Z0-9-_]); Step Functions CreateStateMachine (name 80, no
 * whitespace, brackets, wildcards or "#%\^|~`$&,;:/); EventBridge Scheduler CreateSchedule (Name 64,
 * [0-9a-zA-Z-_.]); EventBridge PutRule (Name 64, [.\-_A-Za-z0-9]).
 */
import { AUTO_NAME_SUFFIX_LENGTH, IAM_ROLE_NAME_MAX } from "../core/aws-limits";
import { Validator } from "../core/errors";

/** How a service limits the names of one kind of resource. */
export interface NameLimit {
    /** The service, as the message names it. */
    service: string;
    max: number;
    allowed: RegExp;
    /** The characters `allowed` accepts, in words. */
    characters: string;
}

export const IAM_ROLE_NAME: NameLimit = {
    service: "IAM",
    max: IAM_ROLE_NAME_MAX,
    allowed: /^[\w+=,.@-]+$/,
    characters: "letters, digits and +=,.@_-",
};
export const LAMBDA_FUNCTION_NAME: NameLimit = {
    service: "Lambda",
    max: 64,
    allowed: /^[A-Za-z0-9_-]+$/,
    characters: "letters, digits, _ and -",
};
export const STATE_MACHINE_NAME: NameLimit = {
    service: "Step Functions",
    max: 80,
    allowed: /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/]+$/,
    characters: 'anything but whitespace, brackets, ?, * and "#%\\^|~`$&,;:/',
};
export const SCHEDULE_NAME: NameLimit = {
    service: "EventBridge Scheduler",
    max: 64,
    allowed: /^[0-9A-Za-z._-]+$/,
    characters: "letters, digits, ., _ and -",
};
export const EVENT_RULE_NAME: NameLimit = {
    service: "EventBridge",
    max: 64,
    allowed: /^[0-9A-Za-z._-]+$/,
    characters: "letters, digits, ., _ and -",
};

/** A resource whose name Pulumi derives from the component's: `<name><suffix>-<random>`. */
export interface DerivedName {
    /** What the resource is, as the message names it: "the supervisor role". */
    what: string;
    /** What follows the component's name in the resource's logical name, e.g. `-supervisor-role`. */
    suffix: string;
    limit: NameLimit;
}

/** The longest component name that keeps a derived name within its limit. */
function room(d: DerivedName): number {
    return d.limit.max - AUTO_NAME_SUFFIX_LENGTH - d.suffix.length;
}

/**
 * Records, under `name`, a character a derived name may not contain (once per service) and, when
 * the name is too long for any derived name, the tightest limit with the length that fits them all.
 */
export function checkDerivedNames(v: Validator, name: string, derived: readonly DerivedName[]): void {
    const reported = new Set<string>();
    for (const d of derived) {
        if (d.limit.allowed.test(`${name}${d.suffix}`) || reported.has(d.limit.service)) continue;
        reported.add(d.limit.service);
        v.fail(
            "name",
            name,
            `${d.limit.service} allows ${d.limit.characters} only in names, and ${d.what}'s is derived from this one`,
            "Rename the component without the other characters",
        );
    }
    const tightest = [...derived].sort((a, b) => room(a) - room(b))[0];
    if (tightest && name.length > room(tightest)) {
        const length = name.length + tightest.suffix.length + AUTO_NAME_SUFFIX_LENGTH;
        v.fail(
            "name",
            name,
            `${tightest.what}'s name would be ${length} characters with Pulumi's random suffix; ${tightest.limit.service} allows ${tightest.limit.max}`,
            `Shorten the name to ${room(tightest)} characters or fewer`,
        );
    }
}
