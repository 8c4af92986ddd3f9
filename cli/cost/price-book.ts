import prices from "./prices.json";
import { UsageError } from "../args";

/** One published price: what a unit costs, the unit, when it was recorded and the page that publishes it. */
export interface Price {
    usd: number;
    per: string;
    date: string;
    url: string;
}

/** The price file's shape: prices per region, keyed `<service>.<item>` (e.g. `msk.kafka.m7g.large`). */
export interface PriceFile {
    currency: string;
    hoursPerMonth: number;
    basis: string;
    regions: Record<string, Record<string, Price>>;
}

/** The prices of one region, with the lookups the cost rules need. */
export class PriceBook {
    constructor(
        readonly region: string,
        private readonly entries: Readonly<Record<string, Price>>,
        readonly hoursPerMonth: number,
    ) {}

    /** The price under `key`, or undefined when the file has none for this region. */
    find(key: string): Price | undefined {
        return Object.prototype.hasOwnProperty.call(this.entries, key) ? this.entries[key] : undefined;
    }

    /** The oldest date among the prices, which is how fresh the estimate as a whole is. */
    get oldestDate(): string {
        return Object.values(this.entries)
            .map((p) => p.date)
            .sort()[0];
    }
}

/** The bundled price file. */
export const PRICE_FILE: PriceFile = prices;

/** The price book for a region; a usage error naming the regions priced when the file lacks it. */
export function priceBook(region: string, file: PriceFile = PRICE_FILE): PriceBook {
    const entries = file.regions[region];
    if (!entries) {
        throw new UsageError(
            `no prices for region ${region} in cli/cost/prices.json (regions priced: ${Object.keys(file.regions).join(", ")}); add its prices there`,
        );
    }
    return new PriceBook(region, entries, file.hoursPerMonth);
}
