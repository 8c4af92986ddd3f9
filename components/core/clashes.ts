import { SpectrumValidationError, describeValue } from "./errors";
import { perRun } from "./run-scope";

/**
 * Identities that must be unique across a program, and why. Two components that claim the same
 * identity in the same scope would silently share (or fight over) something real.
 */
export const CLASH_KINDS = {
    "kafka-streams-application-id": {
        what: "application.id",
        why: "both apps would join one consumer group and share internal topics and state",
        fix: "Give each app its own applicationId",
    },
    "flink-deployment-name": {
        what: "FlinkDeployment name",
        why: "both would manage one FlinkDeployment object in the namespace",
        fix: "Give each job its own name",
    },
    "flink-state-prefix": {
        what: "state prefix",
        why: "both jobs would write checkpoints, savepoints and HA metadata under one prefix and restore each other's state",
        fix: "Give each job its own state path",
    },
    "kafka-topic": {
        what: "topic name",
        why: "Kafka folds . and _ into one metric name, so these topics collide (and are refused by the broker when both exist)",
        fix: "Use one separator style for all topic names, or rename one topic",
    },
    "msk-cluster-policy": {
        what: "MSK cluster policy",
        why: "a cluster has one resource policy; the second would overwrite the first",
        fix: "Create the cluster policy once and give it every statement, e.g. let one ingest own it",
    },
    "operator-install": {
        what: "operator install",
        why: "two installs of one operator in a cluster fight over its CRDs and webhooks",
        fix: "Install the operator once and share it",
    },
    "emr-step-name": {
        what: "EMR step name (spectrum-<name>)",
        why: "each job's deploy finds and cancels the steps of that name on the cluster, so the two would stop each other",
        fix: "Give each streaming job on a cluster its own name",
    },
    "spark-checkpoint-prefix": {
        what: "checkpoint prefix (spark/<name> in the checkpoint area)",
        why: "both streaming jobs would write their offsets and state under one prefix and resume from each other's",
        fix: "Give each streaming job on a landing zone its own name",
    },
    "emr-log-prefix": {
        what: "EMR log prefix (emr/<name> in the log area)",
        why: "both would write their clusters' logs under one prefix, and each one's nodes could overwrite the other's",
        fix: "Give each EMR cluster and batch job on a landing zone its own name",
    },
    "emr-job-tag": {
        what: "job tag (spectrum:job = <project>/<stack>/<name>)",
        why: "each batch job's workflow may describe, change and terminate the clusters carrying its tag, so either could terminate the other's",
        fix: "Give each batch job of a stack its own name",
    },
    "child-name": {
        what: "resource name",
        why: "the Pulumi engine refuses two resources with one type and name",
        fix: "Give one of the components another name",
    },
} as const;

export type ClashKind = keyof typeof CLASH_KINDS;

/** Who claims an identity: the component, its name and the field the identity comes from. */
export interface Claimant {
    component: string;
    name: string;
    field: string;
}

/** What `claim` records: an identity in a scope, first come, first served. */
export interface Claim extends Claimant {
    identity: string;
}

const scopeIds = new WeakMap<object, number>();
let nextScopeId = 0;

/** A key for a scope: strings as given, objects (a Kafka connection, a Kubernetes provider) by identity. */
function scopeKey(scope: string | object | undefined): string {
    if (scope === undefined) return "";
    if (typeof scope === "string") return `s:${scope}`;
    if (!scopeIds.has(scope)) scopeIds.set(scope, nextScopeId++);
    return `o:${scopeIds.get(scope)}`;
}

/** Kafka folds `.` into `_` in metric names: `orders.v1` and `orders_v1` are one name to it. */
export function foldTopicName(topic: string): string {
    return topic.replace(/\./g, "_");
}

/** One identity a component claims: its kind, the value, what must be unique (default: the identity), who, and in which scope. */
export interface ClaimRequest {
    kind: ClashKind;
    identity: string;
    key?: string;
    who: Claimant;
    scope?: string | object;
}

/**
 * A component's claim on its own name under its parent: two components of one type and name under
 * one parent would get one URN, which the engine refuses with no word of a fix.
 */
export function childNameClaim(component: string, name: string, parent: object | undefined): ClaimRequest {
    return { kind: "child-name", identity: name, key: `${component}::${name}`, who: { component, name, field: "name" }, scope: parent };
}

/**
 * The identities claimed so far in this program run (see {@link perRun}): a second claimant of one
 * identity in one scope is refused, with both claimants named.
 */
export class ClashRegistry {
    private readonly claims = new Map<string, Claim>();

    /** Records the claims, or throws one SpectrumValidationError naming every clash (and records none). */
    claimAll(claims: readonly ClaimRequest[]): void {
        const problems: string[] = [];
        const pending = new ClashRegistry();
        for (const c of claims) {
            const key = c.key ?? c.identity;
            const problem =
                this.conflict(c.kind, c.identity, c.who, c.scope, key) ?? pending.conflict(c.kind, c.identity, c.who, c.scope, key);
            if (problem) problems.push(problem);
            else pending.record(c.kind, key, { ...c.who, identity: c.identity }, c.scope);
        }
        if (problems.length > 0) throw new SpectrumValidationError(problems);
        for (const [k, claim] of pending.claims) this.claims.set(k, claim);
    }

    /** Records one claim, or throws. `key` is what must be unique (e.g. a folded topic name); default: the identity. */
    claim(kind: ClashKind, identity: string, who: Claimant, scope?: string | object, key?: string): void {
        this.claimAll([{ kind, identity, key, who, scope }]);
    }

    /** The problem a claim would raise, without recording it; undefined when the identity is free. */
    conflict(kind: ClashKind, identity: string, who: Claimant, scope?: string | object, key = identity): string | undefined {
        const earlier = this.claims.get(`${kind}|${scopeKey(scope)}|${key}`);
        if (earlier === undefined) return undefined;
        const k = CLASH_KINDS[kind];
        const same = earlier.identity === identity ? "" : ` (${describeValue(earlier.identity)})`;
        return (
            `${who.component} "${who.name}": ${who.field} = ${describeValue(identity)}: ` +
            `${earlier.component} "${earlier.name}" already uses this ${k.what}${same} (its ${earlier.field}); ${k.why}. ${k.fix}.`
        );
    }

    private record(kind: ClashKind, key: string, claim: Claim, scope?: string | object): void {
        this.claims.set(`${kind}|${scopeKey(scope)}|${key}`, claim);
    }
}

/** The registry of the current program run. */
export function clashRegistry(): ClashRegistry {
    return perRun("clashes", () => new ClashRegistry());
}
