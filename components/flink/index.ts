export { FlinkOperator } from "./operator";
export {
    FlinkOperatorArgs,
    FlinkOperatorResources,
    CertManagerMode,
    PodSecurityLevel,
    flinkOperatorArgs,
    flinkOperatorShape,
    flinkOperatorResources,
    flinkOperatorResourcesShape,
} from "./operator-args";
export { FlinkOperatorRef, flinkOperatorRef } from "./operator-ref";
export { FlinkJob } from "./job";
export {
    FlinkJobArgs,
    FlinkProcessResources,
    FlinkStorageGrant,
    FlinkKafkaAccess,
    FlinkAutoscalerArgs,
    UpgradeMode,
    flinkJobArgs,
    flinkJobShape,
    flinkProcessResources,
    flinkProcessResourcesShape,
    flinkStorageGrant,
    flinkStorageGrantShape,
    flinkKafkaAccess,
    flinkKafkaAccessShape,
    flinkAutoscalerArgs,
    flinkAutoscalerArgsShape,
} from "./job-args";
export { FlinkStateGuard, StateIdentity, stateGuardProblem } from "./state-guard";
export { RENAMED_KEYS, RenamedKey, OPERATOR_FORBIDDEN_KEYS, spellingFor, spellingsOf } from "./config-keys";
export {
    DEFAULT_OPERATOR_VERSION,
    DEFAULT_CERT_MANAGER_VERSION,
    OPERATOR_FLINK_VERSIONS,
    SUPPORTED_FLINK_MINORS,
    FLINK_RELEASES,
    CERT_MANAGER_NEWEST_PATCH,
    FlinkVersionEnum,
    SupportedFlinkMinor,
    operatorChartUrl,
    s3PluginJar,
} from "./versions";
