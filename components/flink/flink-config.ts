import * as pulumi from "@pulumi/pulumi";
import { keyFor } from "./config-keys";
import { FlinkJobSettings } from "./job-args";
import { FlinkVersion } from "./versions";

/** The `s3://` locations of a job's state, all under its own prefix of the checkpoint area. */
export interface StateLocations {
    checkpoints: pulumi.Input<string>;
    savepoints: pulumi.Input<string>;
    highAvailability: pulumi.Input<string>;
}

/**
 * A job's Flink configuration in two tiers. `owned` keys follow from FlinkJob's typed args (state
 * location, exactly-once, HA, ...) and may not be overridden; `defaults` are tuning a user may
 * override through `flinkConfiguration`.
 */
export interface FlinkConfigParts {
    owned: Record<string, pulumi.Input<string>>;
    defaults: Record<string, pulumi.Input<string>>;
    /** For each owned key, the FlinkJob arg that controls it (for error messages). */
    ownedBy: Record<string, string>;
}

// The S3A default credential chain has no web-identity provider: with IRSA the Hadoop plugin must
// be told to use it (the Presto plugin's chain includes it).
const HADOOP_WEB_IDENTITY_PROVIDER = "com.amazonaws.auth.WebIdentityTokenCredentialsProvider";

/** Builds the configuration of one job. Every version-dependent key goes through `keyFor`. */
export function buildFlinkConfig(s: FlinkJobSettings, version: FlinkVersion, state: StateLocations): FlinkConfigParts {
    const owned: Record<string, pulumi.Input<string>> = {};
    const ownedBy: Record<string, string> = {};
    const own = (key: string, value: pulumi.Input<string>, arg: string) => {
        owned[key] = value;
        ownedBy[key] = arg;
    };

    own("state.backend.type", "rocksdb", "(always RocksDB)");
    own(keyFor("incrementalCheckpoints", version), "true", "(always incremental)");
    own(keyFor("checkpointDir", version), state.checkpoints, "storage");
    own(keyFor("savepointDir", version), state.savepoints, "storage");
    own(keyFor("retainedCheckpoints", version), String(s.retainedCheckpoints), "retainedCheckpoints");
    own("execution.checkpointing.interval", `${s.checkpointIntervalSeconds} s`, "checkpointIntervalSeconds");
    own("execution.checkpointing.mode", "EXACTLY_ONCE", "(always exactly-once)");
    // Kept on cancellation so a job deleted by hand can still be restarted from its last checkpoint.
    own("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION", "(always retained)");
    own("pipeline.max-parallelism", String(s.maxParallelism), "maxParallelism");
    own("taskmanager.numberOfTaskSlots", String(s.taskSlots), "taskSlots");
    own("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory", "metricsPort");
    own("metrics.reporter.prom.port", String(s.metricsPort), "metricsPort");

    if (s.highAvailability) {
        own("high-availability.type", "kubernetes", "highAvailability");
        own("high-availability.storageDir", state.highAvailability, "storage");
    }
    if (s.stateful) {
        own("kubernetes.operator.job.savepoint-on-deletion", "true", "upgradeMode");
        if (s.savepointIntervalHours > 0)
            own("kubernetes.operator.periodic.savepoint.interval", `${s.savepointIntervalHours} h`, "savepointIntervalHours");
    }
    if (s.autoscaler) {
        const a = s.autoscaler;
        own("job.autoscaler.enabled", "true", "autoscaler");
        own("job.autoscaler.utilization.target", String(a.utilizationTarget), "autoscaler.utilizationTarget");
        own("job.autoscaler.vertex.min-parallelism", String(a.minParallelism), "autoscaler.minParallelism");
        own("job.autoscaler.vertex.max-parallelism", String(a.maxParallelism), "autoscaler.maxParallelism");
        own("job.autoscaler.metrics.window", `${a.metricsWindowMinutes} min`, "autoscaler.metricsWindowMinutes");
        own("job.autoscaler.stabilization.interval", `${a.stabilizationMinutes} min`, "autoscaler.stabilizationMinutes");
        // In-place rescaling (no full restart) needs the adaptive scheduler.
        own("jobmanager.scheduler", "adaptive", "autoscaler");
    }

    const defaults: Record<string, pulumi.Input<string>> = {
        "execution.checkpointing.min-pause": `${Math.ceil(s.checkpointIntervalSeconds / 2)} s`,
        "execution.checkpointing.timeout": "10 min",
        // A few failed checkpoints (an S3 hiccup) should not restart the job.
        "execution.checkpointing.tolerable-failed-checkpoints": "3",
    };
    if (s.s3Plugin === "hadoop" && s.identity === "irsa") defaults["fs.s3a.aws.credentials.provider"] = HADOOP_WEB_IDENTITY_PROVIDER;

    return { owned, defaults, ownedBy };
}

/** The configuration the FlinkDeployment carries: defaults, then the user's, then the owned keys. */
export function mergeFlinkConfig(
    parts: FlinkConfigParts,
    user: Record<string, pulumi.Input<string>>,
): Record<string, pulumi.Input<string>> {
    return { ...parts.defaults, ...user, ...parts.owned };
}
