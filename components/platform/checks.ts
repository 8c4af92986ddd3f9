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

export function isInteger(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number {
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** A value known now that is an empty or blank string (an Output is never "blank"). */
export function isBlank(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}
