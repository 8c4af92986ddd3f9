export { PlatformNetwork, NetworkPlacement } from "./network";
export { PlatformNetworkArgs, ExistingNetwork, FlowLogOptions } from "./network-args";
export { PlatformCluster } from "./cluster";
export { PlatformClusterArgs, ExistingCluster, NodeGroupSizing, ControlPlaneLogType, DEFAULT_KUBERNETES_VERSION } from "./cluster-args";
export { DEFAULT_STORAGE_CLASS } from "./block-storage";
export { NODE_AMI_TYPE, NODE_ROLE_POLICIES } from "./node-group";
export { EKS_VERSIONS, EKS_VERSIONS_AS_OF, EksVersion } from "./eks-versions";
export { PlatformProfile, ProfileDefaults, PROFILE_DEFAULTS, NatGatewayLayout, ClusterSupportType } from "./profile";
