import * as pulumi from "@pulumi/pulumi";
import { PlatformCluster, PlatformNetwork, platformNetworkArgs } from "../components/platform";
import { ArchitectureProfile } from "../components/architectures";
import { assertShape, checkedConfig } from "./config";
import { kubernetesConfig, profileSchema } from "./stack-config";

/** The stack's network: `spectrum:network` holds PlatformNetwork args, or `existing` to bring a VPC. */
export function stackNetwork(config: pulumi.Config, profile: ArchitectureProfile, tags: Record<string, string>): PlatformNetwork {
    const args = checkedConfig(config, "network", platformNetworkArgs) ?? {};
    return new PlatformNetwork("platform", { profile, ...args, tags: { ...tags, ...args.tags } });
}

/** The stack's EKS cluster: `spectrum:kubernetes` holds PlatformCluster args, or `existing` to bring one. */
export function stackCluster(
    config: pulumi.Config,
    profile: ArchitectureProfile,
    network: PlatformNetwork,
    tags: Record<string, string>,
): PlatformCluster {
    const args = checkedConfig(config, "kubernetes", kubernetesConfig) ?? {};
    // A cluster brought with `existing` takes neither the stack's network nor protection: nothing is created for it.
    // A dev stack protects nothing, so `pulumi destroy` removes it whole (the component alone protects by default).
    const created = args.existing === undefined ? { network, protect: profile === "prod" } : {};
    return new PlatformCluster("platform", { profile, ...created, ...args, tags: { ...tags, ...args.tags } });
}

/** `spectrum:profile`, required: the stack decides explicitly whether it is throwaway. */
export function stackProfile(config: pulumi.Config): ArchitectureProfile {
    const profile = config.require("profile");
    assertShape(profileSchema, profile, `${config.name}:profile`);
    return profile;
}
