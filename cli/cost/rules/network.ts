import { PlannedResource } from "../../../testing";
import { DAYS_PER_MONTH } from "../schedule-runs";
import { Charge, RuleContext, inputAt, numberAt } from "../charge";

/** NAT gateways an awsx VPC creates: `Single` makes one, `OnePerAz` (awsx's default) one per AZ. */
export function natGateways(vpc: PlannedResource): number {
    const azs = numberAt(vpc, "numberOfAvailabilityZones", 3);
    const strategy = String(inputAt(vpc, "natGateways.strategy") ?? "OnePerAz");
    return strategy === "None" ? 0 : strategy === "Single" ? 1 : azs;
}

/** An awsx VPC's NAT gateways: hours, the public IPv4 address each holds, and the traffic they process. */
export function awsxVpc(vpc: PlannedResource, context: RuleContext): Charge[] {
    const nats = natGateways(vpc);
    if (nats === 0) return [];
    const gb = context.assume.natGbPerDay * DAYS_PER_MONTH;
    return [
        { item: `${nats} NAT gateway${nats === 1 ? "" : "s"}`, priceKey: "nat.hour", quantity: nats * context.hoursPerMonth },
        {
            item: `${nats} public IPv4 address${nats === 1 ? "" : "es"} (one per NAT gateway)`,
            priceKey: "vpc.public-ipv4",
            quantity: nats * context.hoursPerMonth,
        },
        { item: `NAT data processed, ${round(gb)} GB`, priceKey: "nat.data", quantity: gb },
    ];
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
