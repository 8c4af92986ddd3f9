import * as pulumi from "@pulumi/pulumi";

/** What makes a job's state findable: where the FlinkDeployment lives and where its files are. */
export interface StateIdentity {
    /** The FlinkJob component's name, for the message. */
    component: string;
    namespace: string;
    deploymentName: string;
    /** Bucket of the state prefix. */
    stateBucket: string;
    /** Key prefix of the job's state inside the bucket. */
    stateKeyPrefix: string;
    /** The job's `initialSavepointPath`, or "" when none. */
    initialSavepointPath: string;
    /** The job's `allowStateReset`. */
    allowStateReset: boolean;
}

/**
 * The problem with moving from `olds` to `news`, or undefined when the move keeps the state.
 * Changing the namespace or name makes Pulumi replace the FlinkDeployment (a new resource starts
 * with empty state); changing the state prefix strands the old files where the job's role can no
 * longer read them. Either is fine when the same update names a savepoint to start from (a new
 * `initialSavepointPath`), or when the user opted into losing state.
 *
 * Runs inside the dynamic provider, so it must not reference anything outside its own body.
 */
export function stateGuardProblem(olds: Partial<StateIdentity>, news: StateIdentity): string | undefined {
    // Pulumi's placeholder for values not known until apply (e.g. a bucket being created).
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    if (!olds.deploymentName) return undefined;
    const show = (v: unknown) => (v === unknown ? "(a value known only after apply)" : JSON.stringify(v));
    const fields: Array<keyof StateIdentity> = ["namespace", "deploymentName", "stateBucket", "stateKeyPrefix"];
    const changes = fields
        .filter((f) => olds[f] !== undefined && olds[f] !== news[f])
        .map((f) => `${f} ${show(olds[f])} -> ${show(news[f])}`);
    if (changes.length === 0 || news.allowStateReset) return undefined;
    if (news.initialSavepointPath && news.initialSavepointPath !== olds.initialSavepointPath) return undefined;
    const where = `${olds.namespace}/${olds.deploymentName}`;
    return (
        `FlinkJob "${news.component}": ${changes.join(", ")}: this replaces FlinkDeployment ${where} or moves its state, ` +
        `so the job would start with empty state. Migrate through a savepoint: ` +
        `(1) with the old values, set state: "suspended" and run pulumi up (the operator stops the job with a savepoint); ` +
        `(2) read its path: kubectl -n ${olds.namespace} get flinkdeployment ${olds.deploymentName} -o jsonpath='{.status.jobStatus.upgradeSavepointPath}'; ` +
        `(3) apply the change with initialSavepointPath set to that path and state: "running" ` +
        `(with protect: false for that one update, so Pulumi may delete the old FlinkDeployment). ` +
        `To start from empty state instead, set allowStateReset: true.`
    );
}

/** The guard's provider: `check` is where a state-losing change is refused. */
export const stateGuardProvider: pulumi.dynamic.ResourceProvider = {
    async check(olds: Partial<StateIdentity>, news: StateIdentity) {
        const problem = stateGuardProblem(olds, news);
        return problem ? { inputs: news, failures: [{ property: "deploymentName", reason: problem }] } : { inputs: news };
    },
    async diff(_id: string, olds: StateIdentity, news: StateIdentity) {
        const changed = (Object.keys(news) as Array<keyof StateIdentity>).some((k) => olds[k] !== news[k]);
        return { changes: changed, replaces: [], deleteBeforeReplace: false };
    },
    async create(inputs: StateIdentity) {
        return { id: `${inputs.namespace}/${inputs.deploymentName}`, outs: inputs };
    },
    async update(_id: string, _olds: StateIdentity, news: StateIdentity) {
        return { outs: news };
    },
};

export type StateGuardArgs = { [K in keyof StateIdentity]: pulumi.Input<StateIdentity[K]> };

/**
 * Remembers a job's state identity in the Pulumi state and fails `pulumi preview` / `up` with a
 * migration recipe when an update would change it. The FlinkDeployment depends on it, so the
 * check runs before the engine reaches the FlinkDeployment. Holds no cloud resource.
 */
export class FlinkStateGuard extends pulumi.dynamic.Resource {
    constructor(name: string, args: StateGuardArgs, opts?: pulumi.CustomResourceOptions) {
        // A fresh object: the SDK adds its serialized provider to the props it is given.
        super(stateGuardProvider, name, { ...args }, opts, undefined, "FlinkStateGuard");
    }
}
