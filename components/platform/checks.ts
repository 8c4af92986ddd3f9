/** Small predicates the platform validators share. */

/** The retention values CloudWatch Logs accepts (0 would mean "never expire", which we do not offer). */
export const LOG_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export interface Ipv4Cidr {
    address: number;
    prefix: number;
}

/** Parses `a.b.c.d/n`; undefined when it is not a well-formed IPv4 CIDR. */
export function parseIpv4Cidr(value: unknown): Ipv4Cidr | undefined {
    if (typeof value !== "string") return undefined;
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!match) return undefined;
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return undefined;
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    return { address, prefix };
}

/** Whether the address has no bits set past the prefix (`10.0.0.0/16`, not `10.0.1.0/16`). */
export function isNetworkAligned(cidr: Ipv4Cidr): boolean {
    const hostBits = 32 - cidr.prefix;
    return cidr.address % 2 ** hostBits === 0;
}

// A VPC's block: large enough for pods on the VPC CNI in every AZ, small enough to leave room for peering.
const MIN_VPC_PREFIX = 16;
const MAX_VPC_PREFIX = 22;

/** What is wrong with a new VPC's CIDR block, or undefined when EC2 and the subnet layout can use it. */
export function vpcCidrProblem(value: string): { problem: string; fix: string } | undefined {
    const cidr = parseIpv4Cidr(value);
    if (!cidr) return { problem: "not an IPv4 CIDR block", fix: 'Write it as address/prefix, e.g. "10.0.0.0/16"' };
    if (cidr.prefix < MIN_VPC_PREFIX || cidr.prefix > MAX_VPC_PREFIX) {
        return {
            problem: `the prefix must be /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} (EC2 allows /16 at most; pods take one IP each)`,
            fix: 'Use a prefix such as "10.0.0.0/16"',
        };
    }
    if (!isNetworkAligned(cidr)) {
        return {
            problem: "the address has bits set past the prefix",
            fix: "Use the network address of the block, e.g. 10.0.0.0/16 rather than 10.0.1.0/16",
        };
    }
    return undefined;
}
