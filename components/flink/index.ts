export { FlinkOperator } from "./operator";
export { FlinkOperatorArgs, CertManagerMode, PodSecurityLevel } from "./operator-args";
export { FlinkOperatorRef } from "./operator-ref";
export { FlinkJob } from "./job";
export { FlinkJobArgs, FlinkProcessResources, FlinkStorageGrant, FlinkKafkaAccess, FlinkAutoscalerArgs, UpgradeMode } from "./job-args";
export { FlinkStateGuard, StateIdentity, stateGuardProblem } from "./state-guard";
export { RENAMED_KEYS, RenamedKey, OPERATOR_FORBIDDEN_KEYS, spellingFor, spellingsOf } from "./config-keys";
export {
    DEFAULT_OPERATOR_VERSION,
    DEFAULT_CERT_MANAGER_VERSION,
    OPERATOR_FLINK_VERSIONS,
    SUPPORTED_FLINK_MINORS,
    FlinkVersionEnum,
    SupportedFlinkMinor,
    operatorChartUrl,
    s3PluginJar,
} from "./versions";
