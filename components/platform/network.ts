import * as pulumi from "@pulumi/pulumi";
import type * as awsx from "@pulumi/awsx";
import { requirePeer } from "../core/optional-peers";
import { awsTags } from "../core/tags";
import { vpcFlowLogs } from "./flow-logs";
import { NetworkSettings, PlatformNetworkArgs } from "./network-args";
import { COMPONENT, platformNetworkSettings } from "./network-validate";
import { parseIpv4Cidr } from "./checks";
import { childNameClaim, clashRegistry } from "../core/clashes";

/** Where a cluster or a broker fleet goes: what {@link PlatformNetwork} provides, or a VPC you describe. */
export interface NetworkPlacement {
    /** ID of the VPC. */
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets, one per AZ. */
    readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Public subnets (internet-facing load balancers only), if any. */
    readonly publicSubnetIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** Number of AZs the private subnets span, when known. */
    readonly availabilityZoneCount?: number;
}

/**
 * The network every root stack builds on: a VPC over three AZs (by default) with private subnets
 * for workloads, small public subnets for NAT gateways and internet-facing load balancers, NAT
 * sized by profile, an S3 gateway endpoint, and optional flow logs. Or an existing VPC, described
 * in `existing`, in which case nothing is created.
 */
export class PlatformNetwork extends pulumi.ComponentResource implements NetworkPlacement {
    /** {@inheritDoc NetworkPlacement.vpcId} */
    readonly vpcId: pulumi.Output<string>;
    /** {@inheritDoc NetworkPlacement.privateSubnetIds} */
    readonly privateSubnetIds: pulumi.Output<string[]>;
    /** Public subnets; undefined for an existing VPC described without them. */
    readonly publicSubnetIds?: pulumi.Output<string[]>;
    /** Number of AZs the private subnets span: consumers check broker and replica counts against it. */
    readonly availabilityZoneCount: number;
    /** The awsx VPC, when it was created here. */
    readonly vpc?: awsx.ec2.Vpc;

    constructor(name: string, args: PlatformNetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Checked before super(): a rejected network registers nothing, not even itself.
        const s: NetworkSettings = platformNetworkSettings(name, args);
        clashRegistry().claimAll([childNameClaim(COMPONENT, name, opts?.parent)]);
        super("spectrum:index:PlatformNetwork", name, {}, opts);
        this.availabilityZoneCount = s.availabilityZoneCount as number;

        if (s.existing) {
            this.vpcId = pulumi.output(s.existing.vpcId);
            this.privateSubnetIds = pulumi.output(s.existing.privateSubnetIds);
            // Left undefined when not given, so a cluster runs private-only rather than on an empty list.
            if (s.existing.publicSubnetIds !== undefined) this.publicSubnetIds = pulumi.output(s.existing.publicSubnetIds);
        } else {
            const tags = awsTags(COMPONENT, s.tags);
            this.vpc = createVpc(name, s, tags, this);
            this.vpcId = this.vpc.vpcId;
            this.privateSubnetIds = this.vpc.privateSubnetIds;
            this.publicSubnetIds = this.vpc.publicSubnetIds;
            if (s.flowLogs !== false) vpcFlowLogs(name, this.vpcId, s.flowLogs, tags, this);
        }

        this.registerOutputs({
            vpcId: this.vpcId,
            privateSubnetIds: this.privateSubnetIds,
            publicSubnetIds: this.publicSubnetIds,
            availabilityZoneCount: this.availabilityZoneCount,
        });
    }
}

function createVpc(name: string, s: NetworkSettings, tags: Record<string, string>, parent: pulumi.Resource): awsx.ec2.Vpc {
    // Each AZ gets an equal share of the block; in it, the private subnet takes half (pods take
    // one VPC IP each) and the public subnet a quarter (NAT gateways and load balancers only).
    const prefix = (parseIpv4Cidr(s.cidrBlock) as { prefix: number }).prefix;
    const azCount = s.availabilityZoneCount as number;
    const zoneMask = prefix + Math.ceil(Math.log2(azCount));
    const awsx = requirePeer("@pulumi/awsx", `PlatformNetwork "${name}"`);
    return new awsx.ec2.Vpc(
        `${name}-vpc`,
        {
            cidrBlock: s.cidrBlock,
            numberOfAvailabilityZones: azCount,
            // EKS private endpoint access and interface endpoints resolve through VPC DNS.
            enableDnsSupport: true,
            enableDnsHostnames: true,
            subnetStrategy: "Auto",
            subnetSpecs: [
                // The role tags tell the AWS Load Balancer Controller where each kind of load balancer goes.
                // EMR's managed service policy (v2) may launch clusters only into subnets with the EMR tag.
                {
                    type: "Private",
                    cidrMask: zoneMask + 1,
                    tags: { "kubernetes.io/role/internal-elb": "1", "for-use-with-amazon-emr-managed-policies": "true" },
                },
                { type: "Public", cidrMask: zoneMask + 2, tags: { "kubernetes.io/role/elb": "1" } },
            ],
            natGateways: { strategy: s.natGateways },
            // "Auto" attaches a gateway endpoint to the route tables this VPC creates; the default
            // ("Legacy") would create the endpoint attached to none.
            vpcEndpointStrategy: "Auto",
            vpcEndpointSpecs: s.s3GatewayEndpoint
                ? [{ serviceName: `com.amazonaws.${s.region}.s3`, vpcEndpointType: "Gateway", tags }]
                : undefined,
            tags,
        },
        { parent },
    );
}
