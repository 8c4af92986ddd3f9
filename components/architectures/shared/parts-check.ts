/**
 * An architecture checks every part's args before its first resource: it resolves the args it will
 * pass each part and runs the part's own settings function on them. A part's problems are reported
 * as the architecture's, at the field the user wrote (`HybridArchitecture "hybrid": batch.schedule`),
 * so a rejection registers nothing and names what to change.
 */
import * as pulumi from "@pulumi/pulumi";
import { KafkaConnection, MskFlavour, Storage } from "../../core/contracts";
import { SpectrumValidationError, Validator } from "../../core/errors";
import { Claimant, ClashKind, clashRegistry } from "../../core/clashes";
import { v, checkShape, withoutLaterChecks } from "../../core/schema";
import { areaKeyPrefix } from "../../landing-zone/key-prefix";
import type { EmrServerlessTarget, SparkClusterTarget } from "../../spark/contract-args";

// `<Component> "<name>": <field> = <rest>`: the field ends at the first " = ".
const MESSAGE = /^[A-Za-z][\w.]* "(?:[^"\\]|\\.)*": ([\s\S]*?) = ([\s\S]*)$/;

/** Maps a part's field (`schedule`, `zones.raw.expireAfterDays`) to the architecture's (`batch.schedule`). */
export type FieldOf = (field: string) => string;

/**
 * A part's fields under `root` (the override the user wrote), except those the architecture
 * supplies itself and the user did not override, which map to the architecture's own field
 * (`vpcId` to `network.vpcId`).
 */
export function partFields(root: string, given: object | undefined, supplied: Readonly<Record<string, string>> = {}): FieldOf {
    return (field) => {
        if (field === "name") return "name";
        if (field === "args") return root || "args";
        const head = /^[A-Za-z_$][\w$]*/.exec(field)?.[0] ?? "";
        const overridden = given !== undefined && given !== null && head in given;
        if (!overridden && head in supplied) return `${supplied[head]}${field.slice(head.length)}`;
        return root ? `${root}${field.startsWith("[") ? "" : "."}${field}` : field;
    };
}

/** Collects the architecture's problems: its args' structure, its own rules, and its parts' problems rewritten as its own. */
export class PartChecks {
    private readonly problems: string[] = [];
    private readonly structural = new Set<string>();

    constructor(
        private readonly component: string,
        private readonly name: string,
    ) {}

    /**
     * Records the identities a part will claim that another component of the program holds already
     * (an operator installed on the cluster, a FlinkDeployment name in its namespace), as the
     * registry words the clash, at the architecture's field.
     */
    unclaimed(fieldOf: FieldOf, claims: readonly { kind: ClashKind; identity: string; who: Claimant; scope?: string | object }[]): void {
        for (const c of claims) {
            const clash = clashRegistry().conflict(c.kind, c.identity, c.who, c.scope);
            if (clash) this.problems.push(this.rewrite(clash, fieldOf));
        }
    }

    /** Runs one part's check; its problems are recorded under the architecture, at `fieldOf(field)`. */
    run<T>(fieldOf: FieldOf, check: () => T): T | undefined {
        try {
            return withoutLaterChecks(check);
        } catch (error) {
            if (!(error instanceof SpectrumValidationError)) throw error;
            for (const problem of error.problems) this.problems.push(this.rewrite(problem, fieldOf));
            return undefined;
        }
    }

    /**
     * Checks the architecture's args against its declaration (unknown keys, types, enums, nested
     * overrides against the parts' declarations). Outputs are left to the parts, which check them
     * when they resolve.
     */
    shape(schema: v.GenericSchema, args: unknown): void {
        const { problems } = checkShape(schema, args ?? {});
        const validator = new Validator(this.component, this.name);
        for (const p of problems) {
            validator.fail(p.field, p.value, p.problem, p.fix);
            this.structural.add(p.field);
        }
        this.problems.push(...validator.messages);
    }

    /**
     * Records the architecture's own rules' problems (a SpectrumValidationError thrown by `check`),
     * less those about a field its declaration refused already. With a structural problem on
     * record, a rule that stumbles over the malformed value is not a problem of its own.
     */
    own(check: () => void): void {
        try {
            check();
        } catch (error) {
            if (!(error instanceof SpectrumValidationError)) {
                if (this.structural.size > 0) return;
                throw error;
            }
            for (const problem of error.problems) {
                const field = MESSAGE.exec(problem)?.[1];
                if (field === undefined || !this.structural.has(field)) this.problems.push(problem);
            }
        }
    }

    /** Resolves the settings; a resolver that stumbles over args the declaration refused reports those problems instead. */
    resolve<T>(resolver: () => T): T {
        try {
            return resolver();
        } catch (error) {
            this.throwIfInvalid();
            throw error;
        }
    }

    get ok(): boolean {
        return this.problems.length === 0;
    }

    throwIfInvalid(): void {
        if (this.problems.length > 0) throw new SpectrumValidationError([...new Set(this.problems)]);
    }

    private rewrite(problem: string, fieldOf: FieldOf): string {
        if (problem.startsWith(`${this.component} "${this.name}": `)) return problem;
        const match = MESSAGE.exec(problem);
        if (!match) return `${this.component} "${this.name}": ${problem}`;
        return `${this.component} "${this.name}": ${fieldOf(match[1])} = ${match[2]}`;
    }
}

/**
 * The landing zone an architecture will create, as its parts see it before it exists: its areas
 * and key prefixes (checked as the landing zone checks them), and stand-ins for its bucket and key.
 */
export function plannedStorage(name: string, areas: readonly string[]): Storage {
    const keyPrefix = (area: string, path?: string) => areaKeyPrefix(name, areas, area, path);
    return {
        bucketName: pulumi.output("planned-bucket"),
        bucketArn: pulumi.output("arn:aws:s3:::planned-bucket"),
        kmsKeyArn: pulumi.output("arn:aws:kms:us-east-1:000000000000:key/planned"),
        areas,
        checkpointArea: "checkpoints",
        logArea: "logs",
        keyPrefix,
        uri: (area, path) => pulumi.output(`s3://planned-bucket/${keyPrefix(area, path)}`),
        grant: () => [],
    };
}

/** An EMR Serverless application an architecture will create, as the jobs run on it see it before it exists. */
export function plannedServerlessApplication(storage: Storage, releaseLabel: string): EmrServerlessTarget {
    return {
        applicationId: pulumi.output("00planned"),
        applicationArn: pulumi.output("arn:aws:emr-serverless:us-east-1:000000000000:/applications/00planned"),
        storage,
        securityGroupId: pulumi.output("sg-planned"),
        releaseLabel,
    };
}

/** A long-running EMR cluster an architecture will create, as the jobs submitted to it see it before it exists. */
export function plannedSparkCluster(storage: Storage): SparkClusterTarget {
    return {
        clusterId: pulumi.output("j-PLANNED"),
        clusterArn: pulumi.output("arn:aws:elasticmapreduce:us-east-1:000000000000:cluster/j-PLANNED"),
        instanceRoleName: pulumi.output("planned-instance-role"),
        storage,
    };
}

/** The Kafka cluster an architecture will create, as its parts see it before it exists. */
export function plannedConnection(brokerCount: number | undefined, mskFlavour: MskFlavour): KafkaConnection {
    return {
        bootstrapServers: "planned-broker:9098",
        authMode: "iam",
        mskFlavour,
        ...(brokerCount !== undefined ? { brokerCount } : {}),
        clusterArn: "arn:aws:kafka:us-east-1:000000000000:cluster/planned/00000000-0000-0000-0000-000000000000-1",
        clusterName: "planned",
    };
}
