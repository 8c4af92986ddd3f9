import { FoundDocument, Statement, listOf, statementsOf } from "./documents";
import { resourceMatchesFormat } from "./glob";
import { ActionFacts, IamReference, actionSupportsKey, splitAction } from "./reference";

/** The rules a documented exception can waive. */
export type Rule = "resource-star" | "service-wildcard" | "condition-key" | "action-resource";

/** A known, reasoned departure from a rule, for the statements `applies` picks. */
export interface RuleException {
    rule: Rule;
    /** Why this departure is right (the test names it when the exception is no longer used). */
    reason: string;
    applies(document: FoundDocument, statement: Statement): boolean;
    /** Narrows a `condition-key`, `service-wildcard` or `action-resource` exception to one key or action; default: any. */
    subject?: string;
}

const OPERATORS = new Set([
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
    "ArnNotLike",
    "Null",
]);

// Tag keys are global, but a request carries them only for actions (or resources) that take tags:
// on any other action an Allow conditioned on them never matches.
const TAG_KEY = /^aws:(RequestTag\/.+|ResourceTag\/.+|TagKeys)$/i;

/** Web identity keys an OIDC provider's tokens put in the request (`<provider host/path>:sub`, ...). */
const OIDC_CLAIMS = new Set(["sub", "aud", "amr"]);

interface Context {
    document: FoundDocument;
    statement: Statement;
    at: string;
    reference: IamReference;
    exceptions: RuleException[];
    used: Set<RuleException>;
    problems: string[];
}

function waived(ctx: Context, rule: Rule, subject?: string): boolean {
    const hit = ctx.exceptions.find(
        (e) => e.rule === rule && (e.subject === undefined || e.subject === subject) && e.applies(ctx.document, ctx.statement),
    );
    if (hit) ctx.used.add(hit);
    return hit !== undefined;
}

function problem(ctx: Context, text: string): void {
    ctx.problems.push(`${ctx.at}: ${text}`);
}

/** The statement's actions, each with what it stands for in the reference (empty when unknown). */
function checkActions(ctx: Context): Array<[string, ActionFacts[]]> {
    const { statement, document, reference } = ctx;
    if (statement.NotAction !== undefined)
        problem(ctx, `NotAction ${JSON.stringify(statement.NotAction)} grants or denies everything else: list the actions`);
    const actions = listOf(statement.Action);
    if (actions.length === 0 && statement.NotAction === undefined) problem(ctx, "has no Action");
    const expanded: Array<[string, ActionFacts[]]> = [];
    for (const action of actions) {
        const [service, name] = splitAction(action);
        if (action === "*" || service === "") {
            problem(ctx, `action "${action}" is every action of every service: name the actions`);
            continue;
        }
        if (!reference.knowsService(service)) {
            problem(ctx, `action "${action}": no service "${service}" in the IAM reference`);
            continue;
        }
        const facts = reference.expand(action);
        if (facts.length === 0) problem(ctx, `action "${action}" matches no ${service} action in the IAM reference`);
        else if (name === "*" && statement.Effect === "Allow" && !waived(ctx, "service-wildcard", action))
            problem(ctx, `action "${action}" allows every ${service} action: name the ones needed`);
        if (document.kind === "trust" && service.toLowerCase() !== "sts")
            problem(ctx, `trust policy action "${action}" is not an sts action`);
        expanded.push([action, facts]);
    }
    return expanded;
}

function checkPrincipal(ctx: Context): void {
    const has = ctx.statement.Principal !== undefined || ctx.statement.NotPrincipal !== undefined;
    if (ctx.document.kind === "identity" && has) problem(ctx, "an identity policy names no Principal");
    if (ctx.document.kind !== "identity" && !has) problem(ctx, `a ${ctx.document.kind} policy statement needs a Principal`);
    if (ctx.statement.NotPrincipal !== undefined) problem(ctx, "NotPrincipal: name the principals instead");
}

function checkResources(ctx: Context, expanded: Array<[string, ActionFacts[]]>): void {
    const { statement, document } = ctx;
    if (document.kind === "trust") {
        if (statement.Resource !== undefined || statement.NotResource !== undefined)
            problem(ctx, "a trust policy statement has no Resource (the role is the resource)");
        return;
    }
    if (statement.NotResource !== undefined) problem(ctx, `NotResource ${JSON.stringify(statement.NotResource)}: list the resources`);
    const resources = listOf(statement.Resource);
    if (resources.length === 0) {
        if (statement.NotResource === undefined) problem(ctx, "has no Resource");
        return;
    }
    const facts = expanded.flatMap(([, f]) => f);
    if (facts.length === 0) return; // the actions are already reported
    const star = resources.includes("*");
    if (star) {
        const scoped = [...new Set(facts.filter((f) => f.arnFormats.length > 0).map((f) => f.name))];
        if (scoped.length > 0 && !waived(ctx, "resource-star"))
            problem(ctx, `Resource "*" on actions that take resource ARNs (${scoped.join(", ")}): scope them to their resources`);
    }
    for (const resource of resources.filter((r) => r !== "*")) {
        if (!/^arn:[^:]+:[^:]+:/.test(resource)) {
            problem(ctx, `Resource "${resource}" is not an ARN`);
            continue;
        }
        const arnService = resource.split(":")[2];
        if (facts.some((f) => f.arnFormats.some((format) => resourceMatchesFormat(resource, format)))) continue;
        const formatServices = new Set(facts.flatMap((f) => f.arnFormats.map((format) => format.split(":")[2])));
        if (!formatServices.has(arnService))
            problem(
                ctx,
                `Resource "${resource}" is a ${arnService} ARN, but its actions act on ${[...formatServices].join(", ") || "no resource ARNs"}`,
            );
        else
            problem(
                ctx,
                `Resource "${resource}" is none of the resource types its actions act on (${[...new Set(facts.flatMap((f) => f.arnFormats))].join(", ")})`,
            );
    }
    // An allowed action none of whose resource types is among the resources is granted nothing.
    if (statement.Effect !== "Allow" || star) return;
    for (const [action, actionFacts] of expanded) {
        const served = actionFacts.some((f) => f.arnFormats.some((format) => resources.some((r) => resourceMatchesFormat(r, format))));
        if (!served && actionFacts.length > 0 && !waived(ctx, "action-resource", action)) {
            const formats = [...new Set(actionFacts.flatMap((f) => f.arnFormats))];
            problem(
                ctx,
                `action "${action}" is granted nothing: ${formats.length ? `it acts on ${formats.join(", ")}` : 'it supports only Resource "*"'}, and no Resource is one`,
            );
        }
    }
}

function oidcProviderHosts(statement: Statement): string[] {
    const principal = statement.Principal as { Federated?: string | string[] } | undefined;
    return listOf(principal?.Federated).flatMap((arn) => {
        const match = /:oidc-provider\/(.+)$/.exec(arn);
        return match ? [match[1]] : [];
    });
}

function checkConditionKey(ctx: Context, operator: string, key: string, expanded: Array<[string, ActionFacts[]]>): void {
    const { reference, statement, document } = ctx;
    if (document.kind === "trust") {
        const claim = /^(.+):([^:]+)$/.exec(key);
        if (claim && oidcProviderHosts(statement).includes(claim[1]) && OIDC_CLAIMS.has(claim[2])) return;
        if (reference.isGlobalKey(key) && !TAG_KEY.test(key)) return;
        if (expanded.some(([, facts]) => facts.some((f) => actionSupportsKey(f, key)))) return;
        problem(
            ctx,
            `condition key "${key}" is neither global, nor a key of its sts actions, nor a claim (sub, aud, amr) of its OIDC provider`,
        );
        return;
    }
    const global = reference.isGlobalKey(key);
    if (global && !TAG_KEY.test(key)) return;
    const keyService = key.split(":")[0].toLowerCase();
    if (!global && !expanded.some(([action]) => splitAction(action)[0].toLowerCase() === keyService)) {
        if (!waived(ctx, "condition-key", key))
            problem(ctx, `condition key "${key}" belongs to ${keyService}, but the actions are ${expanded.map(([a]) => a).join(", ")}`);
        return;
    }
    if (!global && !reference.serviceHasKey(keyService, key)) {
        if (!waived(ctx, "condition-key", key))
            problem(ctx, `condition key "${key}" is not a ${keyService} condition key in the IAM reference`);
        return;
    }
    // An Allow conditioned on a key the request lacks never matches (unless the operator tolerates
    // absence): every action must support it. Elsewhere one action supporting it is enough.
    const tolerant = /IfExists$/.test(operator) || operator === "Null" || /Not/.test(operator) || statement.Effect !== "Allow";
    const unsupported = expanded
        .filter(([, facts]) => facts.length > 0 && !facts.some((f) => actionSupportsKey(f, key)))
        .map(([action]) => action);
    const none = unsupported.length === expanded.filter(([, facts]) => facts.length > 0).length;
    if ((tolerant ? none : unsupported.length > 0) && unsupported.length > 0 && !waived(ctx, "condition-key", key)) {
        problem(
            ctx,
            `condition key "${key}" (${operator}) is not in the request context of ${unsupported.join(", ")} per the IAM reference, so ${tolerant ? "it never applies" : "the statement never grants " + (unsupported.length > 1 ? "them" : "it")}`,
        );
    }
}

function checkConditions(ctx: Context, expanded: Array<[string, ActionFacts[]]>): void {
    for (const [operator, keys] of Object.entries(ctx.statement.Condition ?? {})) {
        const base = operator.replace(/^(ForAnyValue|ForAllValues):/, "").replace(/IfExists$/, "");
        if (!OPERATORS.has(base)) problem(ctx, `condition operator "${operator}" is not an IAM operator`);
        for (const key of Object.keys(keys)) checkConditionKey(ctx, base === "Null" ? "Null" : operator, key, expanded);
    }
}

/**
 * Every problem with one policy document against the IAM reference, each naming where it is
 * (`<plan> <type> "<name>" .<input> Statement[i] (Sid ...)`) and what is wrong. Exceptions used are
 * added to `used`, so the caller can tell stale ones.
 */
export function documentProblems(
    document: FoundDocument,
    reference: IamReference,
    exceptions: RuleException[],
    used: Set<RuleException>,
): string[] {
    const problems: string[] = [];
    if (document.document.Version !== "2012-10-17")
        problems.push(
            `${document.where}: Version is ${JSON.stringify(document.document.Version)}, not "2012-10-17" (older versions do not expand policy variables)`,
        );
    const sids = new Map<string, number>();
    statementsOf(document.document).forEach((statement, i) => {
        const at = `${document.where} Statement[${i}]${statement.Sid ? ` (Sid ${statement.Sid})` : ""}`;
        const ctx: Context = { document, statement, at, reference, exceptions, used, problems };
        if (statement.Sid !== undefined) {
            if (!/^[A-Za-z0-9]*$/.test(statement.Sid) && document.kind === "identity")
                problem(ctx, `Sid "${statement.Sid}" may hold only letters and digits in an identity policy`);
            if (sids.has(statement.Sid)) problem(ctx, `Sid "${statement.Sid}" repeats Statement[${sids.get(statement.Sid)}]'s`);
            sids.set(statement.Sid, i);
        }
        if (statement.Effect !== "Allow" && statement.Effect !== "Deny")
            problem(ctx, `Effect ${JSON.stringify(statement.Effect)} is neither Allow nor Deny`);
        checkPrincipal(ctx);
        const expanded = checkActions(ctx);
        checkResources(ctx, expanded);
        checkConditions(ctx, expanded);
    });
    return problems;
}

/** Every service prefix the documents' actions and condition keys name, to load the reference for. */
export function servicesIn(documents: FoundDocument[]): Set<string> {
    const services = new Set<string>(["sts"]);
    for (const d of documents) {
        for (const s of statementsOf(d.document)) {
            for (const action of [...listOf(s.Action), ...listOf(s.NotAction)]) services.add(splitAction(action)[0]);
            for (const keys of Object.values(s.Condition ?? {})) for (const key of Object.keys(keys)) services.add(key.split(":")[0]);
        }
    }
    services.delete("");
    services.delete("aws");
    return services;
}
