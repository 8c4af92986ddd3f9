import { KubernetesTarget } from "../../core/contracts";
import { FlinkOperatorArgs, FlinkOperatorRef } from "../../flink";
import { flinkOperatorSettings } from "../../flink/operator-validate";
import { flinkJobSettings } from "../../flink/job-validate";
import { kafkaStreamsAppSettings } from "../../kafka/streams-app-validate";
import { kafkaTopicsSettings } from "../../kafka/topics-validate";
import { PlannedLakeAndLog } from "../shared/lake-and-log";
import { PartChecks, partFields } from "../shared/parts-check";
import { KappaArchitectureArgs, KappaSettings } from "./kappa-args";
import { outputTopicSpecs, previousShapes } from "./topic-specs";
import { KAPPA_LABELS, KappaArgsContext, flinkVersionJobArgs, streamsVersionAppArgs } from "./version-jobs";

/** The FlinkOperator args of a Kappa architecture: the profile's replicas, the user's overrides, the target. */
export function kappaOperatorArgs(s: KappaSettings, target: KubernetesTarget): FlinkOperatorArgs {
    return { replicas: s.defaults.flinkOperatorReplicas, ...s.flink.operator, target };
}

/** Where a FlinkJob's field comes from in a Kappa architecture's args, for version `i`. */
function flinkJobFields(i: number): Record<string, string> {
    const at = `versions[${i}]`;
    return {
        deploymentName: "jobName",
        storage: "landingZone",
        storageAccess: "landingOutput",
        writesFilesToS3: "landingOutput",
        kafka: "outputTopics",
        env: at,
        taskSlots: "flink.taskSlots",
        jobManager: "flink.jobManager",
        taskManager: "flink.taskManager",
        checkpointIntervalSeconds: "flink.checkpointIntervalSeconds",
        flinkConfiguration: "flink.flinkConfiguration",
        identity: "flink.identity",
        operator: "flink.operator",
        protect: "protect",
        labels: "jobName",
        tags: "tags",
    };
}

/** Where a KafkaStreamsApp's field comes from in a Kappa architecture's args, for version `i`. */
function streamsAppFields(i: number): Record<string, string> {
    const at = `versions[${i}]`;
    return {
        replicas: `${at}.parallelism`,
        standbyReplicas: `${at}.parallelism`,
        applicationId: "jobName",
        kubernetesName: "jobName",
        namespace: "streams.namespace",
        threads: "streams.threads",
        stateful: "streams.stateful",
        properties: "streams.properties",
        stateStorage: "streams.stateStorageSize",
        resources: "streams.resources",
        identity: "streams.identity",
        connection: "kafka",
        target: "target",
        inputTopics: "inputTopics",
        outputTopics: "outputTopics",
        protect: "protect",
        labels: "jobName",
        tags: "tags",
    };
}

/**
 * Checks the args of every version's parts as the architecture will pass them (the Flink operator,
 * each version's output topics and its FlinkJob or KafkaStreamsApp), and that the operator and the
 * FlinkDeployments are not another component's already, each problem at the architecture's field
 * (`flink.operator.*`, `versions[1].jarUri`, `streams.threads`, ...).
 */
export function checkVersions(
    checks: PartChecks,
    name: string,
    args: KappaArchitectureArgs,
    s: KappaSettings,
    tags: Record<string, string>,
    planned: PlannedLakeAndLog,
): void {
    const ctx: KappaArgsContext = {
        settings: s,
        storage: planned.storage,
        connection: planned.connection,
        target: args.target,
        labels: { ...KAPPA_LABELS },
        storageClassName: args.storageClassName,
        tags,
    };
    let operator: FlinkOperatorRef | undefined;
    if (s.processor === "flink") {
        const fields = partFields("flink.operator", s.flink.operator, { target: "target", replicas: "profile" });
        const settings = checks.run(fields, () => flinkOperatorSettings(`${name}-flink`, kappaOperatorArgs(s, args.target)));
        if (settings === undefined) return;
        checks.unclaimed(fields, [
            {
                kind: "operator-install",
                identity: "flink-kubernetes-operator",
                who: { component: "FlinkOperator", name: `${name}-flink`, field: "target" },
                scope: settings.target,
            },
        ]);
        operator = { target: settings.target, version: settings.version, jobNamespaces: settings.jobNamespaces, readyResources: [] };
    }
    s.versions.forEach((ver, i) => {
        const specs = outputTopicSpecs(s, ver);
        if (Object.keys(specs).length > 0) {
            checks.run(partFields("", {}, { topics: "outputTopics", previous: "previousTopics", connection: "kafka" }), () =>
                kafkaTopicsSettings(`${name}-outputs-${ver.version}`, {
                    connection: planned.connection,
                    topics: specs,
                    previous: previousShapes(args.previousTopics, Object.keys(specs)),
                }),
            );
        }
        if (operator !== undefined) {
            const fields = partFields(`versions[${i}]`, {}, flinkJobFields(i));
            const job = checks.run(fields, () => flinkJobSettings(`${name}-${ver.version}`, flinkVersionJobArgs(ctx, operator, ver)));
            if (job === undefined) return;
            checks.unclaimed(fields, [
                {
                    kind: "flink-deployment-name",
                    identity: `${job.namespace}/${job.deploymentName}`,
                    who: { component: "FlinkJob", name: `${name}-${ver.version}`, field: "deploymentName" },
                    scope: job.operator.target,
                },
            ]);
        } else {
            checks.run(partFields(`versions[${i}]`, {}, streamsAppFields(i)), () =>
                kafkaStreamsAppSettings(
                    `${name}-${ver.version}`,
                    streamsVersionAppArgs(ctx, ver, Object.keys(s.inputs), Object.values(ver.names.outputTopics)),
                ),
            );
        }
    });
}
