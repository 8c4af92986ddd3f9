import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../core/errors";
import { workloadIdentityProblem } from "../core/workload-identity";
import { OPERATOR_FORBIDDEN_KEYS, RENAMED_KEYS, spellingFor, spellingsOf } from "./config-keys";
import { FlinkConfigParts, buildFlinkConfig, mergeFlinkConfig } from "./flink-config";
import { stateLocations } from "./state-locations";
import { FlinkJobArgs, FlinkJobSettings } from "./job-args";
import { MIN_PROCESS_MEMORY_MIB, memoryMiB } from "./memory";
import { OPERATOR_FLINK_VERSIONS, SUPPORTED_FLINK_MINORS, imageFlinkVersion } from "./versions";

export const COMPONENT = "FlinkJob";

/** The operator's own limits on a FlinkDeployment name (it becomes the name of services and ConfigMaps). */
const DEPLOYMENT_NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const MAX_DEPLOYMENT_NAME = 45;
/**
 * Names the operator chart gives the Roles and RoleBindings (and the job service account) it creates
 * in every watched namespace: the jobs' shared ones and the operator's own (chart defaults).
 */
const CHART_JOB_OBJECTS = ["flink", "flink-role-binding", "flink-operator", "flink-operator-role-binding"];
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Ports Flink itself listens on in a pod. */
const FLINK_PORTS = [6122, 6123, 6124, 8081];
/** Environment variables FlinkJob sets itself. */
const OWNED_ENV = ["ENABLE_BUILT_IN_PLUGINS", "KAFKA_BOOTSTRAP_SERVERS"];

const isInt = (n: number) => Number.isInteger(n);

/**
 * Validates everything that can be checked on plain values, before any resource is created,
 * including the Flink configuration the job would get; throws one error listing every problem.
 */
export function validateFlinkJob(name: string, args: FlinkJobArgs, s: FlinkJobSettings): void {
    const v = new Validator(COMPONENT, name);

    v.check(
        s.deploymentName.length <= MAX_DEPLOYMENT_NAME && DEPLOYMENT_NAME.test(s.deploymentName),
        args.deploymentName === undefined ? "deploymentName (from the component name)" : "deploymentName",
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
    v.check(
        NAMESPACE.test(s.namespace) && args.operator.jobNamespaces.includes(s.namespace),
        "namespace",
        s.namespace,
        `not a namespace the operator watches (${args.operator.jobNamespaces.join(", ") || "none"}), so it would never run the job`,
        "Use one of the operator's jobNamespaces, or add this one to FlinkOperator's jobNamespaces",
    );

    validateVersion(v, args, s);
    validateSizes(v, s);
    validateState(v, args, s);
    validateAccess(v, args, s);
    validateEnv(v, s);
    const state = stateLocations(args.storage, s);
    if (s.version && state) {
        const parts = buildFlinkConfig(s, s.version, state);
        validateUserConfig(v, s, parts);
        validateDeploymentConfig(v, s, mergeFlinkConfig(parts, s.flinkConfiguration));
    }
    v.throwIfInvalid();
}

function validateVersion(v: Validator, args: FlinkJobArgs, s: FlinkJobSettings): void {
    if (!s.version) {
        v.fail(
            "flinkVersion",
            args.flinkVersion,
            "not an exact Flink version",
            'Give the version inside the image, e.g. "1.20.3" (it names the S3 plugin jar)',
        );
        return;
    }
    const minor = s.version.minorVersion;
    const accepted = OPERATOR_FLINK_VERSIONS[args.operator.version];
    if (accepted !== undefined && !accepted.includes(s.version.crd)) {
        v.fail(
            "flinkVersion",
            args.flinkVersion,
            `operator ${args.operator.version} accepts spec.flinkVersion ${accepted.join(", ")}, not ${s.version.crd}`,
            "Use a Flink version the operator supports, or upgrade the operator first",
        );
    } else {
        v.check(
            (SUPPORTED_FLINK_MINORS as readonly string[]).includes(minor),
            "flinkVersion",
            args.flinkVersion,
            `Flink ${minor} is not supported by FlinkJob (supported: ${SUPPORTED_FLINK_MINORS.join(", ")})`,
            "Use Flink 1.18 or later",
        );
    }
    const image = typeof args.image === "string" ? args.image : undefined;
    const imageVersion = image ? imageFlinkVersion(image) : undefined;
    v.check(
        imageVersion === undefined || imageVersion === s.version.full,
        "image",
        image,
        `the image tag says Flink ${imageVersion} but flinkVersion is ${s.version.full}; the S3 plugin jar is named after flinkVersion and a mismatch makes the container exit`,
        "Set flinkVersion to the Flink version inside the image",
    );
    v.check(
        /^(local:\/\/\/|s3:\/\/|https:\/\/)\S+$/.test(s.jarUri),
        "jarUri",
        s.jarUri,
        "not a jar location the job can fetch",
        "Use local:///opt/flink/... (inside the image), s3://bucket/key.jar or https://...",
    );
}

function validateSizes(v: Validator, s: FlinkJobSettings): void {
    v.check(
        isInt(s.maxParallelism) && s.maxParallelism >= 1 && s.maxParallelism <= 32768,
        "maxParallelism",
        s.maxParallelism,
        "must be an integer from 1 to 32768",
        "Use a number with many divisors, e.g. 720",
    );
    v.check(
        isInt(s.parallelism) && s.parallelism >= 1 && s.parallelism <= s.maxParallelism,
        "parallelism",
        s.parallelism,
        `must be an integer from 1 to maxParallelism (${s.maxParallelism})`,
        "Lower parallelism or raise maxParallelism (only before the job has state: it fixes the key groups)",
    );
    v.check(
        isInt(s.taskSlots) && s.taskSlots >= 1,
        "taskSlots",
        s.taskSlots,
        "must be a positive integer",
        "Use 1 or more slots per TaskManager",
    );
    for (const [kind, r] of [
        ["jobManager", s.jobManager],
        ["taskManager", s.taskManager],
    ] as const) {
        v.check(r.cpu > 0, `${kind}.cpu`, r.cpu, "must be more than 0", "Request at least 0.25 CPU");
        const mib = memoryMiB(r.memory);
        if (r.memory.trim() === "")
            v.fail(`${kind}.memory`, r.memory, "the operator needs the process memory set", 'Use e.g. "2048m", "2g" or "2Gi"');
        else if (mib === undefined) {
            v.fail(
                `${kind}.memory`,
                r.memory,
                "not in Flink or Kubernetes binary notation (decimal units such as 4G mean different sizes to Flink and Kubernetes)",
                'Use e.g. "2048m", "2g" or "2Gi"',
            );
        } else
            v.check(
                mib >= MIN_PROCESS_MEMORY_MIB,
                `${kind}.memory`,
                r.memory,
                `below ${MIN_PROCESS_MEMORY_MIB} MiB, Flink cannot fit metaspace, JVM overhead and heap`,
                'Give the process at least "1024m"',
            );
    }
    v.check(
        isInt(s.jobManager.replicas) && s.jobManager.replicas >= 1,
        "jobManager.replicas",
        s.jobManager.replicas,
        "must be a positive integer",
        "Use 1, or 2 for a standby JobManager",
    );
    const tm = s.taskManager.replicas;
    if (tm !== undefined) {
        // With replicas set, the operator runs the job at replicas x slots and ignores job.parallelism.
        v.check(
            isInt(tm) && tm >= 1 && tm * s.taskSlots === s.parallelism,
            "taskManager.replicas",
            tm,
            `${tm} TaskManagers x ${s.taskSlots} slots make the operator run the job at parallelism ${tm * s.taskSlots}, ignoring parallelism ${s.parallelism}`,
            "Set parallelism to taskManager.replicas x taskSlots, or leave replicas unset to derive it",
        );
    }
    v.check(
        isInt(s.metricsPort) && s.metricsPort >= 1024 && s.metricsPort <= 65535 && !FLINK_PORTS.includes(s.metricsPort),
        "metricsPort",
        s.metricsPort,
        `must be an unprivileged port not used by Flink (${FLINK_PORTS.join(", ")})`,
        "Use the default 9249",
    );
    const a = s.autoscaler;
    if (a) {
        v.check(
            a.utilizationTarget > 0 && a.utilizationTarget <= 1,
            "autoscaler.utilizationTarget",
            a.utilizationTarget,
            "must be in (0, 1]",
            "Use e.g. 0.7",
        );
        v.check(
            isInt(a.minParallelism) &&
                isInt(a.maxParallelism) &&
                a.minParallelism >= 1 &&
                a.minParallelism <= a.maxParallelism &&
                a.maxParallelism <= s.maxParallelism,
            "autoscaler.maxParallelism",
            a.maxParallelism,
            `vertex parallelism bounds must satisfy 1 <= minParallelism (${a.minParallelism}) <= maxParallelism <= the job's maxParallelism (${s.maxParallelism})`,
            "Adjust autoscaler.minParallelism / maxParallelism",
        );
        // Flink durations take a whole number before the unit ("10 min"; "2.5 min" is refused).
        v.check(
            isInt(a.metricsWindowMinutes) && a.metricsWindowMinutes > 0,
            "autoscaler.metricsWindowMinutes",
            a.metricsWindowMinutes,
            "must be a whole number of minutes above 0",
            "Use e.g. 10",
        );
        v.check(
            isInt(a.stabilizationMinutes) && a.stabilizationMinutes >= 0,
            "autoscaler.stabilizationMinutes",
            a.stabilizationMinutes,
            "must be a whole number of minutes, 0 or more",
            "Use e.g. 5",
        );
    }
}

function validateState(v: Validator, args: FlinkJobArgs, s: FlinkJobSettings): void {
    v.check(
        isInt(s.checkpointIntervalSeconds) && s.checkpointIntervalSeconds >= 1 && s.checkpointIntervalSeconds <= 86400,
        "checkpointIntervalSeconds",
        s.checkpointIntervalSeconds,
        "must be a whole number of seconds from 1 to 86400",
        "Use e.g. 60",
    );
    v.check(
        isInt(s.retainedCheckpoints) && s.retainedCheckpoints >= 1,
        "retainedCheckpoints",
        s.retainedCheckpoints,
        "must be a positive integer",
        "Keep at least 1 (default 3)",
    );
    // The operator reads the interval as a Flink duration, which takes a whole number ("6 h"; "1.5 h" is refused).
    v.check(
        isInt(s.savepointIntervalHours) && s.savepointIntervalHours >= 0,
        "savepointIntervalHours",
        s.savepointIntervalHours,
        "must be a whole number of hours, 0 (off) or more",
        "Use e.g. 6",
    );

    const storage = args.storage;
    const area = storage.checkpointArea;
    if (!storage.areas.includes(area)) {
        v.fail(
            "storage",
            area,
            "the storage's checkpoint area is not one of its areas, so the state prefix would be outside the landing zone",
            "Pass a Storage whose checkpointArea is one of its areas",
        );
    } else {
        try {
            storage.keyPrefix(area, s.statePath);
        } catch (e) {
            v.fail(
                "statePath",
                s.statePath,
                `the landing zone refuses the job's state prefix (${(e as Error).message})`,
                "Use a namespace and deploymentName made of lowercase letters, digits and dashes",
            );
        }
    }
    if (s.initialSavepointPath !== undefined) {
        const prefix = `/${area}/`;
        const m = /^s3:\/\/[^/]+(\/.*)$/.exec(s.initialSavepointPath);
        v.check(
            m !== null && m[1].startsWith(prefix) && m[1].length > prefix.length,
            "initialSavepointPath",
            s.initialSavepointPath,
            `not inside the landing zone's ${area} area, where the job's role may read`,
            `Copy the savepoint under s3://<landing-zone bucket>/${area}/ and point to it there`,
        );
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

function validateAccess(v: Validator, args: FlinkJobArgs, s: FlinkJobSettings): void {
    const identityProblem = workloadIdentityProblem(args.operator.target, s.identity);
    if (identityProblem) v.fail("identity", s.identity, identityProblem, "Fill in the KubernetesTarget, or choose the other identity mode");
    s.storageAccess.forEach((g, i) => {
        v.check(
            args.storage.areas.includes(g.area),
            `storageAccess[${i}].area`,
            g.area,
            "not an area of the landing zone",
            `Use one of ${args.storage.areas.join(", ")}`,
        );
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
    for (const key of Object.keys(s.env)) {
        const value = s.env[key];
        const shown = typeof value === "string" ? value : "(output)";
        v.check(ENV_NAME.test(key), `env.${key}`, shown, "not a valid environment variable name", "Use letters, digits and underscores");
        v.check(
            !OWNED_ENV.includes(key),
            `env.${key}`,
            shown,
            "FlinkJob sets this variable itself",
            "Remove it: the plugin follows flinkVersion / writesFilesToS3, the bootstrap servers follow kafka",
        );
    }
}

/** Checks the user's `flinkConfiguration` against the keys FlinkJob builds and the version's spellings. */
function validateUserConfig(v: Validator, s: FlinkJobSettings, parts: FlinkConfigParts): void {
    if (!s.version) return;
    const version = s.version;
    for (const key of Object.keys(s.flinkConfiguration)) {
        const field = `flinkConfiguration["${key}"]`;
        const value = s.flinkConfiguration[key];
        const shown = pulumi.Output.isInstance(value) ? "(output)" : value;
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
