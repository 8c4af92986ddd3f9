import { Charge, RuleContext } from "../charge";

/** One instance type a fleet may launch: its weighted capacity and EBS per instance. */
export interface FleetType {
    instanceType: string;
    weight: number;
    ebsGb: number;
}

/** An EMR instance fleet (or group), in the shape both the EMR resource and the Step Functions task use. */
export interface Fleet {
    role: "primary" | "core" | "task";
    types: FleetType[];
    onDemandUnits: number;
    spotUnits: number;
}

/** Managed scaling limits for core and task nodes (the primary node is outside them). */
export interface ScalingLimits {
    minimumUnits: number;
    maximumUnits: number;
    maximumOnDemandUnits: number;
}

/**
 * What runs on average: the primary fleet as declared; core and task capacity at its minimum plus
 * the assumed share of the scaling range, on demand up to the on-demand ceiling and on Spot above it.
 */
export function averageUnits(fleets: Fleet[], limits: ScalingLimits | undefined, scaleOutShare: number): Fleet[] {
    if (!limits) return fleets;
    const primary = fleets.filter((f) => f.role === "primary");
    const core = fleets.find((f) => f.role === "core");
    const task = fleets.find((f) => f.role === "task");
    const units = limits.minimumUnits + scaleOutShare * (limits.maximumUnits - limits.minimumUnits);
    const onDemand = Math.min(units, limits.maximumOnDemandUnits);
    const spot = units - onDemand;
    const result = [...primary];
    if (core) result.push({ ...core, onDemandUnits: onDemand, spotUnits: 0 });
    if (spot > 0) result.push({ ...(task ?? core ?? { role: "task", types: [] }), role: "task", onDemandUnits: 0, spotUnits: spot });
    return result;
}

/** EC2 on demand plus the EMR fee per weighted unit of a type, or undefined when either price is missing. */
function unitPrice(type: FleetType, context: RuleContext, spotDiscount: number): number | undefined {
    const ec2 = context.prices.find(`ec2.${type.instanceType}`)?.usd;
    const emr = context.prices.find(`emr.${type.instanceType}`)?.usd;
    if (ec2 === undefined || emr === undefined) return undefined;
    return (ec2 * (1 - spotDiscount) + emr) / type.weight;
}

/**
 * The type a fleet is priced at: the cheapest per unit of those priced (on-demand fleets allocate
 * lowest-price, Spot fleets price-capacity-optimized, which favours cheap pools too). With none
 * priced, the first type, so the missing price is reported.
 */
export function pricedType(fleet: Fleet, context: RuleContext, spotDiscount: number): FleetType | undefined {
    const priced = fleet.types
        .map((t) => ({ t, price: unitPrice(t, context, spotDiscount) }))
        .filter((p): p is { t: FleetType; price: number } => p.price !== undefined)
        .sort((a, b) => a.price - b.price);
    return priced[0]?.t ?? fleet.types[0];
}

/** Instance hours (EC2 and the EMR fee) and EBS for a fleet running `hours` a month. */
export function fleetCharges(label: string, fleet: Fleet, hours: number, context: RuleContext): Charge[] {
    const charges: Charge[] = [];
    const spotDiscount = context.assume.spotDiscount;
    for (const [units, spot] of [
        [fleet.onDemandUnits, false],
        [fleet.spotUnits, true],
    ] as Array<[number, boolean]>) {
        if (units <= 0) continue;
        const type = pricedType(fleet, context, spot ? spotDiscount : 0);
        if (!type) continue;
        const instances = units / type.weight;
        const count = `${round(instances)} x ${type.instanceType}`;
        const purchase = spot ? `Spot at -${Math.round(spotDiscount * 100)}%` : "on demand";
        charges.push({
            item: `${label} ${fleet.role}: EC2 ${count}, ${purchase}`,
            priceKey: `ec2.${type.instanceType}`,
            quantity: instances * hours,
            discount: spot ? spotDiscount : 0,
        });
        charges.push({
            item: `${label} ${fleet.role}: EMR fee ${count}`,
            priceKey: `emr.${type.instanceType}`,
            quantity: instances * hours,
        });
        if (type.ebsGb > 0)
            charges.push({
                item: `${label} ${fleet.role}: EBS ${round(instances)} x ${type.ebsGb} GB`,
                priceKey: "ebs.gp3",
                quantity: (instances * type.ebsGb * hours) / context.hoursPerMonth,
            });
    }
    return charges;
}

function round(n: number): number {
    return Math.round(n * 100) / 100;
}
