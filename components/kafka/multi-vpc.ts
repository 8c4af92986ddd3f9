/**
 * What MSK multi-VPC private connectivity needs from the brokers' security group.
 *
 * Ports: the multi-VPC bootstrap strings (`bootstrapBrokersVpcConnectivitySaslIam`, what Amazon Data
 * Firehose's PRIVATE MSK source reads) name one port per broker, `14000 + <broker id>`, broker ids
 * running 1..N: `b-1...:14001,b-2...:14002,b-3...:14003`. Clients reach every broker through one
 * endpoint, so each broker needs its own port there. (MSK's port reference lists only the in-VPC
 * and public ports; the 14001+ ports are those of the bootstrap strings, as seen 2026-12 in
 * terraform-aws-modules/terraform-aws-msk-kafka-cluster's complete example and in deployments
 * whose bootstrap timed out until the cluster's group admitted them, not 9098.)
 *
 * Sources: the connection is AWS PrivateLink. PrivateLink translates addresses (the client's VPC
 * may even overlap the cluster's), so the brokers never see Firehose's own addresses: connections
 * arrive from the interfaces MSK places for the managed connection in the cluster's client
 * subnets. The rule therefore admits those subnets' CIDR blocks, nothing wider. Firehose's
 * troubleshooting guide ("Hose creation fails") asks for exactly this: the cluster's security groups
 * must allow incoming traffic on the ports of the bootstrap servers it uses.
 */
export const MULTI_VPC_FIRST_PORT = 14001;

/** The port range of a cluster's multi-VPC listeners: one port per broker. */
export function multiVpcPortRange(brokerCount: number): { fromPort: number; toPort: number } {
    return { fromPort: MULTI_VPC_FIRST_PORT, toPort: MULTI_VPC_FIRST_PORT + brokerCount - 1 };
}
