/**
 * The EC2 instance types EMR on EC2 launches, as a catalog to check fleets against: a type that
 * matches the `family.size` pattern (`m7g.large`, `t4g.xlarge`, `m7g.xlarge2`) but that EMR does
 * not offer fails only when the cluster launches, after everything around it was created.
 *
 * Source: EMR's ListSupportedInstanceTypes for `emr-7.14.0` and `emr-spark-8.0.0` in us-east-1, as
 * recorded by moto's EMR data generator (moto/emr/resources/instance-types-emr-*.json, 2026), and
 * the EMR Management Guide's "Supported instance types"; checked 2026-12-05. Both releases list the
 * same current families; `emr-7.14.0` also lists a few previous-generation ones (m1, m2, m3, c1,
 * c3), kept so that no type EMR accepts is refused. Availability also varies by region, which no
 * catalog can check offline. To update: add the family and its sizes as EMR lists them.
 */

import { closestMatch } from "../core/schema/did-you-mean";

const SIX = ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
const SEVEN = [...SIX, "24xlarge"];
const TO_32 = [...SEVEN, "32xlarge"];
const TO_48 = [...SEVEN, "48xlarge"];
const TO_48_WITH_32 = [...TO_32, "48xlarge"];
const TO_96 = [...TO_48_WITH_32, "96xlarge"];

/** Instance families EMR offers, each with the sizes it offers them in. */
export const EMR_INSTANCE_FAMILIES: Readonly<Record<string, readonly string[]>> = {
    // General purpose.
    m1: ["small", "medium", "large", "xlarge"],
    m2: ["xlarge", "2xlarge", "4xlarge"],
    m3: ["xlarge", "2xlarge"],
    m4: ["large", "xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge"],
    m5: SEVEN,
    m5a: SEVEN,
    m5ad: SEVEN,
    m5d: SEVEN,
    m5dn: SEVEN,
    m5n: SEVEN,
    m5zn: ["xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge"],
    m6a: TO_48_WITH_32,
    m6g: SIX,
    m6gd: SIX,
    m6i: TO_32,
    m6id: TO_32,
    m6idn: TO_32,
    m6in: TO_32,
    m7a: TO_48_WITH_32,
    m7g: SIX,
    m7gd: SIX,
    m7i: TO_48,
    "m7i-flex": SIX,
    m8a: TO_48,
    m8g: TO_48,
    m8gd: TO_48,
    m8i: TO_96,
    "m8i-flex": SIX,
    // Compute optimized.
    c1: ["medium", "xlarge"],
    c3: ["xlarge", "2xlarge", "4xlarge", "8xlarge"],
    c4: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"],
    c5: ["xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"],
    c5a: SEVEN,
    c5ad: SEVEN,
    c5d: ["xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"],
    c5n: ["xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge"],
    c6a: TO_48_WITH_32,
    c6g: SIX,
    c6gd: SIX,
    c6gn: SIX,
    c6i: TO_32,
    c6id: TO_32,
    c6in: TO_32,
    c7a: TO_48_WITH_32,
    c7g: SIX,
    c7gd: SIX,
    c7gn: SIX,
    c7i: TO_48,
    "c7i-flex": SIX,
    c8g: TO_48,
    c8gd: TO_48,
    c8gn: TO_48,
    c8i: TO_96,
    "c8i-flex": SIX,
    // Memory optimized.
    r3: ["xlarge", "2xlarge", "4xlarge", "8xlarge"],
    r4: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    r5: SEVEN,
    r5a: SEVEN,
    r5ad: SEVEN,
    r5b: SEVEN,
    r5d: SEVEN,
    r5dn: SEVEN,
    r5n: SEVEN,
    r6a: TO_48_WITH_32,
    r6g: SIX,
    r6gd: SIX,
    r6i: TO_32,
    r6id: TO_32,
    r6idn: TO_32,
    r6in: TO_32,
    r7a: TO_48_WITH_32,
    r7g: SIX,
    r7gd: SIX,
    r7i: TO_48,
    r7iz: [...SIX, "32xlarge"],
    r8a: TO_48,
    r8g: TO_48,
    r8gb: SEVEN,
    r8gd: TO_48,
    r8gn: TO_48,
    r8i: TO_96,
    "r8i-flex": SIX,
    x1: ["16xlarge", "32xlarge"],
    x1e: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "32xlarge"],
    x2gd: SIX,
    x2idn: ["16xlarge", "24xlarge", "32xlarge"],
    x2iedn: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "24xlarge", "32xlarge"],
    x8g: TO_48,
    z1d: ["xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge"],
    // Storage optimized.
    d2: ["xlarge", "2xlarge", "4xlarge", "8xlarge"],
    d3: ["xlarge", "2xlarge", "4xlarge", "8xlarge"],
    d3en: ["xlarge", "2xlarge", "4xlarge", "6xlarge", "8xlarge", "12xlarge"],
    h1: ["2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    i2: ["xlarge", "2xlarge", "4xlarge", "8xlarge"],
    i3: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    i3en: ["xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "24xlarge"],
    i4g: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    i4i: TO_32,
    i7i: TO_48,
    i7ie: ["xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "18xlarge", "24xlarge", "48xlarge"],
    i8g: TO_48,
    im4gn: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    is4gen: ["xlarge", "2xlarge", "4xlarge", "8xlarge"],
    // Accelerated computing.
    f2: ["6xlarge", "12xlarge", "48xlarge"],
    g3: ["4xlarge", "8xlarge", "16xlarge"],
    g3s: ["xlarge"],
    g4dn: SIX,
    g5: TO_48,
    g6: TO_48,
    g6e: TO_48,
    g7: ["2xlarge", "4xlarge", "8xlarge", "12xlarge", "24xlarge", "48xlarge"],
    gr6: ["4xlarge", "8xlarge"],
    p2: ["xlarge", "8xlarge", "16xlarge"],
    p3: ["2xlarge", "8xlarge", "16xlarge"],
    p4d: ["24xlarge"],
    p5: ["48xlarge"],
};

/** The day the catalog was last checked. */
export const EMR_INSTANCE_TYPES_AS_OF = "2026-12-05";

/** Every instance type of the catalog, `family.size`. */
export const EMR_INSTANCE_TYPES: readonly string[] = Object.entries(EMR_INSTANCE_FAMILIES).flatMap(([family, sizes]) =>
    sizes.map((size) => `${family}.${size}`),
);

const INSTANCE_TYPE = /^([a-z][a-z0-9-]*)\.([a-z0-9]+)$/;

/** What is wrong with an instance type for an EMR fleet, in the uniform message's two halves; undefined when EMR offers it. */
export function emrInstanceTypeProblem(type: string): { problem: string; fix: string } | undefined {
    const match = INSTANCE_TYPE.exec(type);
    if (!match) return { problem: "is not an EC2 instance type", fix: 'Use a type such as "m7g.xlarge"' };
    const [, family, size] = match;
    const sizes = EMR_INSTANCE_FAMILIES[family];
    if (sizes === undefined) {
        const close = closestMatch(type, EMR_INSTANCE_TYPES);
        return {
            problem: `EMR does not offer the ${family} instance family (EMR instance type catalog as of ${EMR_INSTANCE_TYPES_AS_OF})`,
            fix: `${close ? `Did you mean "${close}"? ` : ""}Use a family EMR offers, e.g. m7g (Graviton) or m7i; the list is in spark/emr-instance-types.ts`,
        };
    }
    if (!sizes.includes(size)) {
        return {
            problem: `EMR offers ${family} in the sizes ${sizes.join(", ")} only`,
            fix: `Use one of those, e.g. "${family}.${sizes[0]}"`,
        };
    }
    return undefined;
}
