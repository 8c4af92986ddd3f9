import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { FleetArgs, ResolvedFleet, checkFleets, resolveFleet } from "./fleets";
import { EmrNetworkArgs } from "./network";
import { DEFAULT_EMR_RELEASE, checkReleaseLabel } from "./release";
import { EmrRolesArgs } from "./roles";
import { ResolvedScaling, ScalingArgs, checkScaling, resolveScaling } from "./scaling";
import { InTransitEncryptionArgs, checkInTransit } from "./security";
import { EmrConfiguration, clusterConfigurations } from "./spark-config";

/** How an EMR cluster is built, shared by long-running and transient clusters. */
export interface ClusterShapeArgs {
    /** EMR release label. Default: `emr-7.14.0` (see `DEFAULT_EMR_RELEASE`). */
    releaseLabel?: string;
    /** The primary fleet (On-Demand). Default: see {@link FleetArgs}. */
    primary?: FleetArgs;
    /** The core fleet (On-Demand; HDFS and YARN application masters). Default: see {@link FleetArgs}. */
    core?: FleetArgs;
    /** The task fleet (Spot, switching to On-Demand if Spot is unavailable at launch). Default: see {@link FleetArgs}. */
    task?: FleetArgs;
    /** Managed scaling limits, or `false` for a fixed-size cluster. Default: see {@link ScalingArgs}. */
    scaling?: ScalingArgs | false;
    /** `spark-defaults` properties merged over spectrum's defaults (AQE, dynamic allocation, ...). Default: none. */
    sparkDefaults?: Record<string, string>;
    /** Further configuration classifications (`spark-env`, `yarn-site`, ...). Default: none. */
    configurations?: EmrConfiguration[];
    /** TLS between nodes, with your certificates. Default: off (at-rest encryption is always on). */
    inTransitEncryption?: InTransitEncryptionArgs;
    /** KMS key for local disks and EBS volumes. Default: a key created for this cluster, rotated yearly. */
    localDiskKmsKeyArn?: pulumi.Input<string>;
    /** Roles you manage instead of the ones spectrum creates. Default: created, least privilege. */
    roles?: EmrRolesArgs;
    /** Size in GiB of each node's root volume. Default: EMR's default for the release. */
    ebsRootVolumeGiB?: number;
}

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

/** Checks the parts of a shape that can be checked before anything exists. `prefix` names the arg that holds it. */
export function checkShape(v: Validator, s: ResolvedShape, highAvailability: boolean, prefix = ""): void {
    const scoped = prefix ? new PrefixedValidator(v, prefix) : v;
    checkReleaseLabel(scoped, "releaseLabel", s.releaseLabel);
    checkFleets(scoped, [s.primary, s.core, s.task], highAvailability);
    checkScaling(scoped, s.scaling, s.core, s.task);
    checkInTransit(scoped, s.inTransit);
    for (const c of s.configurations) {
        scoped.check(
            /^[a-z0-9][a-z0-9.-]*$/.test(c.Classification),
            "configurations",
            c.Classification,
            "is not an EMR configuration classification",
            'Use a classification such as "spark-env" or "yarn-site"',
        );
    }
    if (s.ebsRootVolumeGiB !== undefined) {
        scoped.check(
            Number.isInteger(s.ebsRootVolumeGiB) && s.ebsRootVolumeGiB >= 15 && s.ebsRootVolumeGiB <= 100,
            "ebsRootVolumeGiB",
            s.ebsRootVolumeGiB,
            "EMR accepts root volumes of 15 to 100 GiB",
            "Use a whole number in that range",
        );
    }
}

/** Checks where a cluster runs. */
export function checkNetwork(v: Validator, network: EmrNetworkArgs | undefined): void {
    v.check(
        network !== undefined && network.subnetIds.length > 0,
        "network.subnetIds",
        network?.subnetIds,
        "a cluster needs at least one private subnet",
        "Pass the private subnet ids of your VPC",
    );
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
