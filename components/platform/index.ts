export { PlatformNetwork, NetworkPlacement } from "./network";
export {
    PlatformNetworkArgs,
    ExistingNetwork,
    FlowLogOptions,
    platformNetworkArgs,
    platformNetworkShape,
    existingNetwork,
    existingNetworkShape,
    flowLogOptions,
    flowLogOptionsShape,
} from "./network-args";
export { PlatformCluster } from "./cluster";
export {
    PlatformClusterArgs,
    ExistingCluster,
    NodeGroupSizing,
    ControlPlaneLogType,
    DEFAULT_KUBERNETES_VERSION,
    platformClusterArgs,
    platformClusterShape,
    existingCluster,
    existingClusterShape,
    nodeGroupSizing,
    nodeGroupSizingShape,
} from "./cluster-args";
export { DEFAULT_STORAGE_CLASS } from "./block-storage";
export { NODE_AMI_TYPE, NODE_ROLE_POLICIES } from "./node-group";
export { EKS_VERSIONS, EKS_VERSIONS_AS_OF, EksVersion } from "./eks-versions";
export { GRAVITON_INSTANCE_FAMILIES, GRAVITON_INSTANCE_TYPES_AS_OF } from "./node-instance-types";
export { PlatformProfile, ProfileDefaults, PROFILE_DEFAULTS, NatGatewayLayout, ClusterSupportType } from "./profile";
