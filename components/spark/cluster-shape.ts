import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { ClusterShapeArgs, EmrConfiguration, EmrRolesArgs, InTransitEncryptionArgs } from "./cluster-shape-args";
import { ResolvedFleet, checkFleets, resolveFleet } from "./fleets";
import { DEFAULT_EMR_RELEASE } from "./release";
import { ResolvedScaling, checkScaling, resolveScaling } from "./scaling";
import { clusterConfigurations } from "./spark-config";

export type { ClusterShapeArgs } from "./cluster-shape-args";

/** A cluster shape with every default applied. */
export interface ResolvedShape {
    releaseLabel: string;
    primary: ResolvedFleet;
    core: ResolvedFleet;
    task: ResolvedFleet;
    scaling?: ResolvedScaling;
    configurations: EmrConfiguration[];
    inTransit?: InTransitEncryptionArgs;
    localDiskKmsKeyArn?: pulumi.Input<string>;
    roles?: EmrRolesArgs;
    ebsRootVolumeGiB?: number;
}

/** Applies the defaults that depend on a fleet's role and on the core fleet's size. */
export function resolveShape(args: ClusterShapeArgs, highAvailability: boolean): ResolvedShape {
    const core = resolveFleet("core", args.core, highAvailability);
    return {
        releaseLabel: args.releaseLabel ?? DEFAULT_EMR_RELEASE,
        primary: resolveFleet("primary", args.primary, highAvailability),
        core,
        task: resolveFleet("task", args.task, highAvailability),
        scaling: resolveScaling(args.scaling, core),
        configurations: clusterConfigurations(args.sparkDefaults ?? {}, args.configurations ?? []),
        inTransit: args.inTransitEncryption,
        localDiskKmsKeyArn: args.localDiskKmsKeyArn,
        roles: args.roles,
        ebsRootVolumeGiB: args.ebsRootVolumeGiB,
    };
}

/**
 * Checks the rules across a shape's fields (fleets against high availability and each other,
 * scaling against the fleets); each field's own rules are in its declaration. `prefix` names the
 * arg that holds the shape.
 */
export function checkClusterShape(v: Validator, s: ResolvedShape, highAvailability: boolean, prefix = ""): void {
    const scoped = prefix ? new PrefixedValidator(v, prefix) : v;
    checkFleets(scoped, [s.primary, s.core, s.task], highAvailability);
    checkScaling(scoped, s.scaling, s.core, s.task);
}

/** Reports problems under `<prefix>.<field>`, for shapes nested in another component's args. */
class PrefixedValidator extends Validator {
    constructor(
        private readonly inner: Validator,
        private readonly prefix: string,
    ) {
        super("", "");
    }
    override fail(field: string, value: unknown, problem: string, fix: string): void {
        this.inner.fail(`${this.prefix}.${field}`, value, problem, fix);
    }
}
