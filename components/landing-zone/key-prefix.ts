import { Validator } from "../core/errors";
import { COMPONENT } from "./landing-zone-validate";

// Characters S3 documents as safe in object keys.
const PATH_SEGMENT = /^[A-Za-z0-9!_.*'()=-]+$/;

/**
 * The object key prefix of a location of the landing zone `name` with `areas`, ending in `/`;
 * throws when the area is not one of them or a path segment is not a safe S3 key segment.
 */
export function areaKeyPrefix(name: string, areas: readonly string[], area: string, path?: string): string {
    const v = new Validator(COMPONENT, name);
    v.check(areas.includes(area), "area", area, "not an area of this landing zone", `Use one of ${areas.join(", ")}`);
    const segments = (path ?? "").split("/").filter((p) => p.length > 0);
    for (const segment of segments) {
        v.check(
            PATH_SEGMENT.test(segment) && segment !== "." && segment !== "..",
            "path",
            path,
            `segment "${segment}" is not a safe S3 key segment`,
            "Use letters, digits and !_.*'()=- only, no . or .. segments",
        );
    }
    v.throwIfInvalid();
    return [area, ...segments].join("/") + "/";
}
