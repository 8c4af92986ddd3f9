/**
 * What Amazon MSK offers provisioned clusters, as a catalog to check against (a pattern lets
 * `3.10.x` or `kafka.m7g.medium` through to fail mid-deploy).
 *
 * Source: the MSK Developer Guide, "Supported Apache Kafka versions" and "Amazon MSK broker sizes",
 * with 4.1 from MSK's release of 2025-10-15; checked 2026-12. To update: add the new version as
 * MSK names it (with its `.kraft` spelling where MSK offers one) and the date MSK ends its support.
 */

/** Versions MSK accepts for a new provisioned cluster, and the end of support MSK announced (if any). */
export const MSK_KAFKA_VERSIONS: Readonly<Record<string, { endOfSupport?: string }>> = {
    "3.6.0": { endOfSupport: "2026-06-01" },
    "3.7.x": { endOfSupport: "2026-09-01" },
    "3.7.x.kraft": { endOfSupport: "2026-09-01" },
    "3.8.x": {},
    "3.8.x.kraft": {},
    "3.9.x": {},
    "3.9.x.kraft": {},
    "4.0.x.kraft": {},
    "4.1.x.kraft": {},
};

const SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];

/** Standard broker sizes (the Express sizes are in `express-brokers.ts`). */
export const MSK_STANDARD_BROKER_TYPES: readonly string[] = [
    "kafka.t3.small",
    ...[...SIZES, "24xlarge"].map((size) => `kafka.m5.${size}`),
    ...SIZES.map((size) => `kafka.m7g.${size}`),
];
