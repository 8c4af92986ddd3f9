/** One resource the program registered, as the engine would receive it. */
export interface PlannedResource {
    /** The URN the engine would give it (parent types folded in, as Pulumi does). */
    urn: string;
    /** Type token, e.g. `aws:s3/bucket:Bucket` or `spectrum:index:LandingZone`. */
    type: string;
    /** Logical name. */
    name: string;
    /** Parent URN; the stack itself has none. */
    parent?: string;
    /** URN of the explicit provider, when one was given. */
    provider?: string;
    /** True for provider-managed resources, false for components. */
    custom: boolean;
    /** Inputs as the provider would receive them, with secrets unwrapped. */
    inputs: Record<string, unknown>;
    /** The physical id the mocks assigned (custom resources only). */
    id?: string;
    /** The outputs the mocks returned: inputs echoed plus computed ones (ARNs, names, endpoints). */
    outputs: Record<string, unknown>;
    /** URNs this resource depends on, explicitly (`dependsOn`) or through the outputs it consumes. */
    dependencies: string[];
    /** Per input property, the URNs its value came from. */
    propertyDependencies: Record<string, string[]>;
    /** Resource options that matter for safety reviews. */
    options: ResourceOptionsSeen;
}

/** The resource options of a planned resource that decide what an update or a destroy may do to it. */
export interface ResourceOptionsSeen {
    /** `protect`: the engine refuses to delete (or replace) it. */
    protect: boolean;
    /** `retainOnDelete`: deleting it from the stack leaves the cloud resource in place. */
    retainOnDelete: boolean;
    /** `deleteBeforeReplace`: a replacement deletes the old resource before creating the new one. */
    deleteBeforeReplace: boolean;
    /** Input properties whose changes are ignored. */
    ignoreChanges: string[];
    /** Input properties whose changes force a replacement. */
    replaceOnChanges: string[];
    /** Alias URNs and specs, rendered as strings. */
    aliases: string[];
    /** The id of an existing resource being imported, if any. */
    importId?: string;
}

/** The JSON plan format (stable: other tools read it). */
export interface PlanJson {
    /** The stack name. */
    stack: string;
    /** Every resource, in registration order; `parent` and `provider` are null when absent. */
    resources: Array<
        Pick<PlannedResource, "urn" | "type" | "name" | "custom" | "inputs" | "dependencies"> & {
            parent: string | null;
            provider: string | null;
        }
    >;
}

/** A resource in graph queries: the planned resource itself, or its URN. */
export type ResourceRef = PlannedResource | string;

/** The resource graph of one program run, with the queries tests need. */
export class ResourceGraph {
    private readonly byUrnMap: Map<string, PlannedResource>;

    constructor(
        /** The project name. */
        readonly project: string,
        /** The stack name. */
        readonly stack: string,
        /** Every resource the program registered, in registration order. */
        readonly resources: readonly PlannedResource[],
        /** The stack outputs the program returned, resolved. */
        readonly outputs: Record<string, unknown>,
    ) {
        this.byUrnMap = new Map(resources.map((r) => [r.urn, r]));
    }

    /** The resource with this URN; throws if there is none. */
    byUrn(urn: string): PlannedResource {
        const r = this.byUrnMap.get(urn);
        if (!r) throw new Error(`no resource with URN ${urn}`);
        return r;
    }

    /** Every resource of a type, in registration order. */
    ofType(type: string): PlannedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    /** The one resource of a type (and name, if given); throws when there are none or several. */
    one(type: string, name?: string): PlannedResource {
        const hits = this.ofType(type).filter((r) => name === undefined || r.name === name);
        if (hits.length !== 1) {
            const names = this.ofType(type).map((r) => r.name);
            throw new Error(
                `expected one ${type}${name ? ` named ${name}` : ""}, found ${hits.length} (names: ${names.join(", ") || "none"})`,
            );
        }
        return hits[0];
    }

    /** The resource of a type with this name, or undefined. */
    find(type: string, name: string): PlannedResource | undefined {
        return this.resources.find((r) => r.type === type && r.name === name);
    }

    /** Direct children of a resource, or every descendant with `deep`. */
    childrenOf(ref: ResourceRef, options: { deep?: boolean } = {}): PlannedResource[] {
        const urn = typeof ref === "string" ? ref : ref.urn;
        const direct = this.resources.filter((r) => r.parent === urn);
        if (!options.deep) return direct;
        return direct.flatMap((c) => [c, ...this.childrenOf(c, { deep: true })]);
    }

    /** The parent of a resource, if it has one. */
    parentOf(ref: ResourceRef): PlannedResource | undefined {
        const r = typeof ref === "string" ? this.byUrn(ref) : ref;
        return r.parent ? this.byUrnMap.get(r.parent) : undefined;
    }

    /**
     * Whether `from` depends on `on`: directly (explicit `dependsOn` or an output it consumes) or,
     * with `transitive` (the default), through a chain of such dependencies. A component `on`
     * counts as depended on when any of its descendants is.
     */
    dependsOn(from: ResourceRef, on: ResourceRef, options: { transitive?: boolean } = {}): boolean {
        const start = typeof from === "string" ? this.byUrn(from) : from;
        const target = typeof on === "string" ? this.byUrn(on) : on;
        const targets = new Set([target.urn, ...this.childrenOf(target, { deep: true }).map((c) => c.urn)]);
        const transitive = options.transitive ?? true;
        const seen = new Set<string>();
        const queue = [...start.dependencies];
        while (queue.length > 0) {
            const urn = queue.shift() as string;
            if (targets.has(urn)) return true;
            if (seen.has(urn) || !transitive) continue;
            seen.add(urn);
            const next = this.byUrnMap.get(urn);
            if (next) queue.push(...next.dependencies);
        }
        return false;
    }

    /** Count of resources per type, sorted by type. */
    countByType(): Array<[string, number]> {
        const counts = new Map<string, number>();
        for (const r of this.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
        return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
    }

    /** The stable JSON plan format. */
    toPlanJson(): PlanJson {
        return {
            stack: this.stack,
            resources: this.resources.map(({ urn, type, name, parent, provider, custom, inputs, dependencies }) => ({
                urn,
                type,
                name,
                parent: parent ?? null,
                provider: provider ?? null,
                custom,
                inputs,
                dependencies,
            })),
        };
    }
}
