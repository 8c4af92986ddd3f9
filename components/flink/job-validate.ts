import * as pulumi from "@pulumi/pulumi";
import { AUTO_NAME_SUFFIX_LENGTH, IAM_ROLE_NAME_MAX, iamRoleNameProblem } from "../core/aws-limits";
import { Storage } from "../core/contracts";
import { Validator, describeValue } from "../core/errors";
import { fieldPath, parseArgs } from "../core/schema";
import { workloadIdentityProblem } from "../core/workload-identity";
import { OPERATOR_FORBIDDEN_KEYS, RENAMED_KEYS, spellingFor, spellingsOf } from "./config-keys";
import { FlinkConfigParts, buildFlinkConfig, mergeFlinkConfig } from "./flink-config";
import { foreignSavepointPath, stateLocations } from "./state-locations";
import { FlinkJobSettings, flinkJobArgs, resolveFlinkJobSettings } from "./job-args";
import { FLINK_RELEASES, OPERATOR_FLINK_VERSIONS, SUPPORTED_FLINK_MINORS, imageFlinkVersion } from "./versions";

export const COMPONENT = "FlinkJob";

/** The operator's own limits on a FlinkDeployment name (it becomes the name of services and ConfigMaps). */
const DEPLOYMENT_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const MAX_DEPLOYMENT_NAME = 45;
/**
 * Names the operator chart gives the Roles and RoleBindings (and the job service account) it creates
 * in every watched namespace: the jobs' shared ones and the operator's own (chart defaults).
 */
const CHART_JOB_OBJECTS = ["flink", "flink-role-binding", "flink-operator", "flink-operator-role-binding"];
/** Environment variables FlinkJob sets itself. */
const OWNED_ENV = ["ENABLE_BUILT_IN_PLUGINS", "KAFKA_BOOTSTRAP_SERVERS"];
/** The suffix of the job's IAM role, which Pulumi auto-names `<name>-role-<random>`. */
const ROLE_SUFFIX = "-role";

/**
 * Checks a FlinkJob's args, structure first (the declaration in job-args.ts), then the rules across
 * fields (the operator's, the landing zone's, AWS's), and returns the settings the component reads.
 * Throws one SpectrumValidationError naming every problem; call it before registering anything.
 * An architecture that builds the job later may pass a stand-in operator ref and storage.
 */
export function flinkJobSettings(name: string, args: unknown): FlinkJobSettings {
    const s = resolveFlinkJobSettings(name, parseArgs(COMPONENT, name, flinkJobArgs, args));
    validateFlinkJob(name, s);
    return s;
}

/**
 * Validates everything that can be checked on plain values, before any resource is created,
 * including the Flink configuration the job would get; throws one error listing every problem.
 */
export function validateFlinkJob(name: string, s: FlinkJobSettings): void {
    const v = new Validator(COMPONENT, name);

    const role = iamRoleNameProblem(`${name}${ROLE_SUFFIX}`, true);
    if (role) {
        const longest = IAM_ROLE_NAME_MAX - AUTO_NAME_SUFFIX_LENGTH - ROLE_SUFFIX.length;
        const tooLong = role.problem.startsWith("the role name would be");
        v.fail(
            "name",
            name,
            `${role.problem} (the job's IAM role is named after the component)`,
            tooLong ? `Shorten the name to ${longest} characters or fewer` : role.fix,
        );
    }
    v.check(
        s.deploymentName.length <= MAX_DEPLOYMENT_NAME && DEPLOYMENT_NAME.test(s.deploymentName),
        s.deploymentNameFromComponent ? "deploymentName (from the component name)" : "deploymentName",
        s.deploymentName,
        `the operator accepts at most ${MAX_DEPLOYMENT_NAME} characters of lowercase letters, digits and dashes, starting with a letter and not ending with a dash`,
        'Set deploymentName to a short lowercase name, e.g. "orders-enricher"',
    );
    v.check(
        !CHART_JOB_OBJECTS.includes(s.deploymentName),
        "deploymentName",
        s.deploymentName,
        "the operator chart already has a service account, Role or RoleBinding of this name in every job namespace, and the job's own would collide",
        "Choose another deploymentName",
    );
    const watched = s.operator.jobNamespaces;
    v.check(
        watched.includes(s.namespace),
        "namespace",
        s.namespace,
        `not a namespace the operator watches (${watched.join(", ") || "none"}), so it would never run the job`,
        "Use one of the operator's jobNamespaces, or add this one to FlinkOperator's jobNamespaces",
    );

    validateVersion(v, s);
    validateSizes(v, s);
    validateState(v, s);
    validateAccess(v, s);
    validateEnv(v, s);
    const state = stateLocations(s.storage, s);
    if (state) {
        const parts = buildFlinkConfig(s, s.version, state);
        validateUserConfig(v, s, parts);
        validateDeploymentConfig(v, s, mergeFlinkConfig(parts, s.flinkConfiguration));
    }
    v.throwIfInvalid();
}

/**
 * Why the storage refuses a location, in its own words (the part after its `<field> = <value>: `),
 * or undefined when it accepts it. The problem is then the job's, and told as such.
 */
export function storageRefusal(storage: Storage, area: string, path: string | undefined): string | undefined {
    try {
        storage.keyPrefix(area, path);
        return undefined;
    } catch (e) {
        const problems = (e as { problems?: readonly string[] }).problems ?? [(e as Error).message];
        return problems
            .map((p) => {
                const head = ` = ${describeValue(path)}: `;
                const at = p.indexOf(head);
                return (at >= 0 ? p.slice(at + head.length) : p).replace(/\.$/, "");
            })
            .join("; ");
    }
}

function validateVersion(v: Validator, s: FlinkJobSettings): void {
    const version = s.version;
    const minor = version.minorVersion;
    const operatorVersion = s.operator.version;
    const accepted = OPERATOR_FLINK_VERSIONS[operatorVersion];
    if (accepted !== undefined && !accepted.includes(version.crd)) {
        v.fail(
            "flinkVersion",
            s.flinkVersion,
            `operator ${operatorVersion} accepts spec.flinkVersion ${accepted.join(", ")}, not ${version.crd}`,
            "Use a Flink version the operator supports, or upgrade the operator first",
        );
    } else if (!(SUPPORTED_FLINK_MINORS as readonly string[]).includes(minor)) {
        v.fail(
            "flinkVersion",
            s.flinkVersion,
            `Flink ${minor} is not supported by FlinkJob (supported: ${SUPPORTED_FLINK_MINORS.join(", ")})`,
            "Use Flink 1.18 or later",
        );
    } else {
        const releases = FLINK_RELEASES[minor] ?? [];
        v.check(
            releases.includes(version.full),
            "flinkVersion",
            s.flinkVersion,
            `is not a Flink release (the ${minor} line has ${releases.join(", ")}), so there is no image or S3 plugin of that version`,
            `Use ${releases[releases.length - 1]}, or add a newer release to FLINK_RELEASES in flink/versions.ts`,
        );
    }
    const image = typeof s.image === "string" ? s.image : undefined;
    const imageVersion = image ? imageFlinkVersion(image) : undefined;
    v.check(
        imageVersion === undefined || imageVersion === version.full,
        "image",
        image,
        `the image tag says Flink ${imageVersion} but flinkVersion is ${version.full}; the S3 plugin jar is named after flinkVersion and a mismatch makes the container exit`,
        "Set flinkVersion to the Flink version inside the image",
    );
}

function validateSizes(v: Validator, s: FlinkJobSettings): void {
    v.check(
        s.parallelism <= s.maxParallelism,
        "parallelism",
        s.parallelism,
        `must be an integer from 1 to maxParallelism (${s.maxParallelism})`,
        "Lower parallelism or raise maxParallelism (only before the job has state: it fixes the key groups)",
    );
    const tm = s.taskManager.replicas;
    if (tm !== undefined) {
        // With replicas set, the operator runs the job at replicas x slots and ignores job.parallelism.
        v.check(
            tm * s.taskSlots === s.parallelism,
            "taskManager.replicas",
            tm,
            `${tm} TaskManagers x ${s.taskSlots} slots make the operator run the job at parallelism ${tm * s.taskSlots}, ignoring parallelism ${s.parallelism}`,
            "Set parallelism to taskManager.replicas x taskSlots, or leave replicas unset to derive it",
        );
    }
    const a = s.autoscaler;
    if (a) {
        v.check(
            a.minParallelism <= a.maxParallelism && a.maxParallelism <= s.maxParallelism,
            "autoscaler.maxParallelism",
            a.maxParallelism,
            `vertex parallelism bounds must satisfy 1 <= minParallelism (${a.minParallelism}) <= maxParallelism <= the job's maxParallelism (${s.maxParallelism})`,
            "Adjust autoscaler.minParallelism / maxParallelism",
        );
    }
}

function validateState(v: Validator, s: FlinkJobSettings): void {
    const storage = s.storage;
    const area = storage.checkpointArea;
    if (!storage.areas.includes(area)) {
        v.fail(
            "storage",
            area,
            "the storage's checkpoint area is not one of its areas, so the state prefix would be outside the landing zone",
            "Pass a Storage whose checkpointArea is one of its areas",
        );
    } else {
        const refused = storageRefusal(storage, area, s.statePath);
        if (refused) {
            v.fail(
                "statePath",
                s.statePath,
                `the landing zone refuses the job's state prefix (${refused})`,
                "Use a namespace and deploymentName made of lowercase letters, digits and dashes",
            );
        }
    }
    if (s.initialSavepointPath !== undefined) {
        const prefix = `/${area}/`;
        const m = /^s3:\/\/[^/]+(\/.*)$/.exec(s.initialSavepointPath);
        const inside = m !== null && m[1].startsWith(prefix) && m[1].length > prefix.length;
        v.check(
            inside,
            "initialSavepointPath",
            s.initialSavepointPath,
            `not inside the landing zone's ${area} area, where the job's role may read`,
            `Copy the savepoint under s3://<landing-zone bucket>/${area}/ and point to it there`,
        );
        // A savepoint under another job's prefix gets a read grant on that path, which the storage must accept.
        const foreign = inside ? foreignSavepointPath(storage, s) : undefined;
        const refused = foreign !== undefined ? storageRefusal(storage, area, foreign) : undefined;
        if (refused) {
            v.fail(
                "initialSavepointPath",
                s.initialSavepointPath,
                `the landing zone refuses this location for the job's read grant (${refused})`,
                "Copy the savepoint to a path of letters, digits and dashes and point to it there",
            );
        }
    }
    // The operator's rule for last-state upgrades (the others are checked on the finished spec).
    v.check(
        s.upgradeMode !== "last-state" || s.highAvailability,
        "upgradeMode",
        s.upgradeMode,
        "last-state upgrades read the latest checkpoint from the high-availability metadata",
        'Leave highAvailability on, or use upgradeMode "savepoint"',
    );
}

function validateAccess(v: Validator, s: FlinkJobSettings): void {
    const identityProblem = workloadIdentityProblem(s.operator.target, s.identity);
    if (identityProblem) v.fail("identity", s.identity, identityProblem, "Fill in the KubernetesTarget, or choose the other identity mode");
    const areas = s.storage.areas;
    s.storageAccess.forEach((g, i) => {
        if (!areas.includes(g.area)) {
            v.fail(`storageAccess[${i}].area`, g.area, "not an area of the landing zone", `Use one of ${areas.join(", ")}`);
            return;
        }
        const refused = storageRefusal(s.storage, g.area, g.path);
        if (refused) v.fail(`storageAccess[${i}].path`, g.path, `the landing zone refuses this path (${refused})`, "Change the path");
    });
    const kafka = s.kafka;
    if (kafka && kafka.connection.authMode === "iam") {
        v.check(
            kafka.connection.clusterArn !== undefined,
            "kafka.connection.clusterArn",
            undefined,
            "IAM auth is granted on the cluster's ARN, and the connection has none",
            "Use the connection of a KafkaCluster, or set clusterArn on a hand-built connection",
        );
    }
}

function validateEnv(v: Validator, s: FlinkJobSettings): void {
    for (const [key, value] of Object.entries(s.env)) {
        v.check(
            !OWNED_ENV.includes(key),
            fieldPath([{ key: "env" }, { key }]),
            value,
            "FlinkJob sets this variable itself",
            "Remove it: the plugin follows flinkVersion / writesFilesToS3, the bootstrap servers follow kafka",
        );
    }
}

/** Checks the user's `flinkConfiguration` against the keys FlinkJob builds and the version's spellings. */
function validateUserConfig(v: Validator, s: FlinkJobSettings, parts: FlinkConfigParts): void {
    const version = s.version;
    for (const [key, value] of Object.entries(s.flinkConfiguration)) {
        const field = fieldPath([{ key: "flinkConfiguration" }, { key }]);
        // An Output's value is not the problem with its key; it says so instead of a value.
        const shown = pulumi.Output.isInstance(value) ? "(output)" : value;
        if (!/^[^\s:]+$/.test(key)) {
            v.fail(
                field,
                shown,
                "is not a Flink configuration key (a dotted name without spaces or colons)",
                'Write the key as Flink documents it, e.g. "execution.checkpointing.timeout"',
            );
            continue;
        }
        if (OPERATOR_FORBIDDEN_KEYS.includes(key)) {
            v.fail(
                field,
                shown,
                "the operator sets this key from the FlinkDeployment and rejects it",
                "Remove it (use namespace / deploymentName)",
            );
            continue;
        }
        const spelling = spellingFor(key, version);
        if (spelling !== key) {
            const removed = version.major >= 2 && RENAMED_KEYS.some((r) => r.legacy === key);
            v.fail(
                field,
                shown,
                removed
                    ? `Flink ${version.minorVersion} no longer reads this key`
                    : `Flink ${version.minorVersion} spells this key "${spelling}"`,
                `Use "${spelling}" (one spelling per key)`,
            );
            continue;
        }
        const owner = spellingsOf(key)
            .map((k) => parts.ownedBy[k])
            .find((a) => a !== undefined);
        if (owner !== undefined) {
            v.fail(
                field,
                shown,
                `FlinkJob sets this key itself ${owner.startsWith("(") ? owner : `from ${owner}`}`,
                owner.startsWith("(") ? "Remove it" : `Remove it and set ${owner} instead`,
            );
        }
    }
}

/**
 * The operator's validation of a finished spec, mirrored so it fails at `pulumi preview` instead
 * of as an event on the resource: stateful upgrade modes need a checkpoint directory, savepoint
 * mode a savepoint directory, more than one JobManager high availability.
 */
function validateDeploymentConfig(v: Validator, s: FlinkJobSettings, config: Record<string, unknown>): void {
    const has = (key: string) => spellingsOf(key).some((k) => config[k] !== undefined && config[k] !== "");
    if (s.stateful) {
        v.check(
            has("execution.checkpointing.dir"),
            "upgradeMode",
            s.upgradeMode,
            "stateful upgrade modes need a checkpoint directory",
            "Keep the storage's checkpoint area",
        );
    }
    if (s.upgradeMode === "savepoint") {
        v.check(
            has("execution.checkpointing.savepoint-dir"),
            "upgradeMode",
            s.upgradeMode,
            "savepoint upgrades need a savepoint directory",
            "Keep the storage's checkpoint area",
        );
    }
    const ha = config["high-availability.type"] === "kubernetes";
    v.check(
        s.jobManager.replicas <= 1 || ha,
        "jobManager.replicas",
        s.jobManager.replicas,
        "more than one JobManager needs high availability",
        "Leave highAvailability on (the default), or run one JobManager",
    );
}
