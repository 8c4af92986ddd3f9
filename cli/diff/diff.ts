import { PlanJson, PlannedResource, ResourceGraph } from "../../testing";
import { DataBearingType, dataBearingType, providerWideReplaceOn } from "./data-bearing-types";
import { LOSING_UPDATES } from "./losing-updates";
import { InputPath, changedPaths, covers, showPath } from "./paths";

type PlanResource = PlanJson["resources"][number];

export type ChangeKind = "create" | "update" | "replace" | "delete";

/** One resource that changes, and whether the change loses data. */
export interface ResourceChange {
    kind: ChangeKind;
    urn: string;
    type: string;
    name: string;
    /** The URN it had before, when an alias carried it over from another name. */
    previousUrn?: string;
    /** Inputs that change, as dot paths. */
    changed: string[];
    /** Why it is replaced: the replacement-forcing inputs that change, or a replaced resource they come from. */
    replaceReasons: string[];
    /** Where the replacement rule comes from. */
    replaceSource?: string;
    /** What is lost, when something is: deleting or replacing a data-bearing resource, or a losing update. */
    dataLoss?: string[];
    /** Resource options that change the outcome (protect, retainOnDelete). */
    notes: string[];
}

export interface PlanDiff {
    stack: string;
    changes: ResourceChange[];
    counts: Record<ChangeKind | "same", number>;
    /** Resources whose change loses data. */
    dataLoss: ResourceChange[];
}

/** The URN an alias names: a full URN, or `type::name` / `::name` relative to the resource's own URN. */
function aliasUrn(alias: string, urn: string): string {
    if (alias.startsWith("urn:pulumi:")) return alias;
    const [type, name] = alias.split("::");
    const cut = urn.lastIndexOf("::");
    let head = urn.slice(0, cut);
    if (type) head = head.slice(0, head.lastIndexOf("::") + 2) + head.slice(head.lastIndexOf("::") + 2).replace(/[^$]*$/, type);
    return `${head}::${name ?? ""}`;
}

function replacementOf(
    before: PlanResource,
    after: PlannedResource,
    changed: InputPath[],
    replaced: Set<string>,
): { reasons: string[]; source?: string } {
    const entry: DataBearingType | undefined = dataBearingType(after.type);
    const wide = providerWideReplaceOn(after.type);
    const patterns = [...(entry?.replaceOn ?? []), ...wide.paths, ...after.options.replaceOnChanges];
    const reasons: string[] = [];
    const hits = new Set<string>();
    for (const path of changed) {
        const pattern = patterns.find((p) => covers(p, path));
        if (pattern) hits.add(pattern);
    }
    for (const pattern of hits) reasons.push(`${pattern} changes`);
    const custom = entry?.replaceWhen?.(before.inputs, after.inputs);
    if (custom) reasons.push(custom);
    // An input taken from a resource that is replaced gets that resource's new id or ARN at deploy time.
    for (const [property, urns] of Object.entries(after.propertyDependencies)) {
        const from = urns.filter((u) => replaced.has(u));
        if (from.length === 0) continue;
        if (patterns.some((p) => p.split(".")[0] === property)) {
            reasons.push(`${property} comes from ${from.map((u) => u.split("::").pop()).join(", ")}, which is replaced`);
        }
    }
    const source = reasons.length === 0 ? undefined : (entry?.source ?? wide.source);
    return { reasons, source };
}

function protectionNotes(r: PlannedResource | undefined, kind: ChangeKind): string[] {
    if (!r) return kind === "delete" ? ["if it is protected, pulumi up stops with an error instead of deleting it"] : [];
    const notes: string[] = [];
    if (r.options.protect) notes.push("protected: pulumi up refuses the replacement and fails, so the change cannot deploy as is");
    if (r.options.retainOnDelete)
        notes.push("retainOnDelete: the old one stays in the cloud, unmanaged, with its data; the new one starts empty");
    return notes;
}

/**
 * Compares a previous plan (plan --json) with the current graph: what is created, updated,
 * replaced and deleted, and which of those changes lose data. Resources are matched by URN, or by
 * an alias the current program declares.
 */
export function diffPlans(previous: PlanJson, current: ResourceGraph): PlanDiff {
    const before = new Map(previous.resources.map((r) => [r.urn, r]));
    const now = new Map(current.resources.map((r) => [r.urn, r]));
    // Renames carried by aliases: the current resource takes over the old one.
    const carried = new Map<string, string>();
    for (const r of current.resources) {
        if (before.has(r.urn)) continue;
        const old = r.options.aliases.map((a) => aliasUrn(a, r.urn)).find((u) => before.has(u) && !now.has(u));
        if (old) carried.set(r.urn, old);
    }
    const previousOf = (r: PlannedResource) => before.get(carried.get(r.urn) ?? r.urn);

    // Registration order puts dependencies first, so one pass settles cascading replacements.
    const replaced = new Set<string>();
    const changes: ResourceChange[] = [];
    let same = 0;
    for (const r of current.resources) {
        const old = previousOf(r);
        const entry = dataBearingType(r.type);
        const holdsData = entry !== undefined && (entry.holdsData?.(r.inputs) ?? true);
        if (!old) {
            changes.push({ kind: "create", urn: r.urn, type: r.type, name: r.name, changed: [], replaceReasons: [], notes: [] });
            continue;
        }
        const paths = changedPaths(old.inputs, r.inputs);
        const { reasons, source } = replacementOf(old, r, paths, replaced);
        const dependsOnReplaced = Object.values(r.propertyDependencies).some((urns) => urns.some((u) => replaced.has(u)));
        if (paths.length === 0 && reasons.length === 0 && !dependsOnReplaced && !carried.has(r.urn)) {
            same++;
            continue;
        }
        const base = {
            urn: r.urn,
            type: r.type,
            name: r.name,
            changed: paths.map(showPath),
            ...(carried.has(r.urn) ? { previousUrn: carried.get(r.urn) } : {}),
        };
        if (reasons.length > 0) {
            replaced.add(r.urn);
            changes.push({
                ...base,
                kind: "replace",
                replaceReasons: reasons,
                ...(source ? { replaceSource: source } : {}),
                ...(holdsData ? { dataLoss: [entry!.lost] } : {}),
                notes: protectionNotes(r, "replace"),
            });
            continue;
        }
        const losing = LOSING_UPDATES[r.type]?.(old.inputs, r.inputs, r) ?? [];
        changes.push({
            ...base,
            kind: "update",
            changed:
                paths.length > 0
                    ? base.changed
                    : Object.keys(r.propertyDependencies)
                          .filter((p) => r.propertyDependencies[p].some((u) => replaced.has(u)))
                          .map((p) => `${p} (from a replaced resource)`),
            replaceReasons: [],
            ...(losing.length > 0 ? { dataLoss: losing } : {}),
            notes: [],
        });
    }
    const carriedFrom = new Set(carried.values());
    for (const old of previous.resources) {
        if (now.has(old.urn) || carriedFrom.has(old.urn)) continue;
        const entry = dataBearingType(old.type);
        const holdsData = entry !== undefined && (entry.holdsData?.(old.inputs) ?? true);
        changes.push({
            kind: "delete",
            urn: old.urn,
            type: old.type,
            name: old.name,
            changed: [],
            replaceReasons: [],
            ...(holdsData ? { dataLoss: [entry!.lost] } : {}),
            notes: holdsData ? protectionNotes(undefined, "delete") : [],
        });
    }
    const counts = { create: 0, update: 0, replace: 0, delete: 0, same };
    for (const c of changes) counts[c.kind]++;
    return { stack: current.stack, changes, counts, dataLoss: changes.filter((c) => c.dataLoss !== undefined) };
}
