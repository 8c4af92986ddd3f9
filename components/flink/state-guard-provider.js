"use strict";
/**
 * FlinkStateGuard's dynamic provider, as the module text Pulumi's dynamic provider host runs.
 *
 * The guard registers this file's text as its `__provider` input (state-guard.ts); the host
 * (`@pulumi/pulumi`'s cmd/dynamic-provider) evaluates that text as a CommonJS module and calls
 * `exports.handler()` for the provider object. That is the contract the SDK's closure serializer
 * fulfils at every plan; shipping the module as a file spares each run the serializer (TypeScript's
 * parser, a walk of the captured scope). The host evaluates the text outside this package, so the
 * module requires nothing: plain functions over the inputs.
 */

// Pulumi's placeholder for values not known until apply (e.g. a bucket being created).
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const IDENTITY_FIELDS = ["namespace", "deploymentName", "stateBucket", "stateKeyPrefix"];

function show(value) {
    return value === UNKNOWN ? "(a value known only after apply)" : JSON.stringify(value);
}

/**
 * The problem with moving from `olds` to `news`, or undefined when the move keeps the state.
 * Changing the namespace or name makes Pulumi replace the FlinkDeployment (a new resource starts
 * with empty state); changing the state prefix strands the old files where the job's role can no
 * longer read them. Either is fine when the same update names a savepoint to start from (a new
 * `initialSavepointPath`), or when the user opted into losing state.
 */
function stateGuardProblem(olds, news) {
    if (!olds.deploymentName) return undefined;
    const changes = IDENTITY_FIELDS.filter((f) => olds[f] !== undefined && olds[f] !== news[f]).map(
        (f) => `${f} ${show(olds[f])} -> ${show(news[f])}`,
    );
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

/** `check` is where a state-losing change is refused, so `pulumi preview` already fails. */
const provider = {
    async check(olds, news) {
        const problem = stateGuardProblem(olds, news);
        return problem ? { inputs: news, failures: [{ property: "deploymentName", reason: problem }] } : { inputs: news };
    },
    async diff(_id, olds, news) {
        const changed = Object.keys(news).some((k) => olds[k] !== news[k]);
        return { changes: changed, replaces: [], deleteBeforeReplace: false };
    },
    async create(inputs) {
        return { id: `${inputs.namespace}/${inputs.deploymentName}`, outs: inputs };
    },
    async update(_id, _olds, news) {
        return { outs: news };
    },
};

exports.stateGuardProblem = stateGuardProblem;
exports.handler = () => provider;
