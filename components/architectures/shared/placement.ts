import * as pulumi from "@pulumi/pulumi";
import { Validator } from "../../core/errors";
import { NetworkPlacement } from "../../platform";

/** MSK brokers spread over two or three Availability Zones, with one client subnet in each. */
export const MSK_BROKER_SUBNETS = 3;
/**
 * EMR instance fleets take a list of subnets and launch where capacity is, so they get one per
 * Availability Zone of the network, which PlatformNetwork caps at six.
 */
export const EMR_FLEET_SUBNETS = 6;

/**
 * The private subnets as a list of known length, one output each: MSK and EMR need the count when
 * the program runs, while the ids may still be outputs of a VPC created in the same stack.
 */
export function privateSubnets(network: NetworkPlacement, max: number): pulumi.Output<string>[] {
    const count = Math.min(network.availabilityZoneCount ?? 3, max);
    const ids = pulumi.output(network.privateSubnetIds);
    return Array.from({ length: count }, (_, i) => ids.apply((list) => list[i]));
}

/** Checks what an architecture needs of its network. */
export function checkNetwork(v: Validator, network: NetworkPlacement | undefined): void {
    v.check(
        network !== undefined && network.vpcId !== undefined,
        "network",
        network,
        "a VPC with private subnets is needed",
        "Pass a PlatformNetwork, or { vpcId, privateSubnetIds, availabilityZoneCount } of your own",
    );
    if (network?.availabilityZoneCount !== undefined) {
        v.check(
            network.availabilityZoneCount >= 2,
            "network.availabilityZoneCount",
            network.availabilityZoneCount,
            "MSK needs private subnets in at least 2 Availability Zones",
            "Use a network over 3 AZs (PlatformNetwork's default)",
        );
    }
}

/** A name usable as a Spark location key or a resource-name suffix: letters, digits, `_`, `-`. */
export function safeKey(name: string): string {
    const cleaned = name.replace(/[^A-Za-z0-9_-]/g, "_");
    return /^[A-Za-z]/.test(cleaned) ? cleaned : `t_${cleaned}`;
}
