import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../core/contracts";
import { Validator } from "../core/errors";
import { PolicyStatement } from "../core/iam";
import { StorageFile, StorageGrant, StorageLocation } from "./application-args";

export type { StorageFile, StorageGrant, StorageLocation } from "./application-args";

const FILE_NAME = /^[A-Za-z0-9!_.*'()=-]+$/;

/**
 * Checks that a location lies inside the landing zone: a known area and a path the zone accepts
 * (no `..`, no unsafe characters). Problems are recorded under `field`, in the caller's words.
 */
export function checkLocation(v: Validator, storage: Storage, field: string, location: StorageLocation): boolean {
    if (!storage.areas.includes(location.area)) {
        v.fail(
            `${field}.area`,
            location.area,
            "is not an area of the landing zone, so the location lies outside it",
            `Use one of ${storage.areas.join(", ")}, or add the zone to the LandingZone`,
        );
        return false;
    }
    try {
        // The storage itself decides which paths it accepts; `..` and unsafe characters never pass.
        storage.keyPrefix(location.area, location.path);
        return true;
    } catch {
        v.fail(
            `${field}.path`,
            location.path,
            "is not a path inside the landing zone",
            'Use /-separated segments of letters, digits and !_.*\'()=- only, with no "." or ".." segments',
        );
        return false;
    }
}

/** Like {@link checkLocation} for a single file: the folder must be valid and the name a safe key segment. */
export function checkFile(v: Validator, storage: Storage, field: string, file: StorageFile): boolean {
    const { folder, fileName } = splitFile(file);
    // A path ending in / names a folder, whatever its last segment looks like.
    if (!fileName || file.path.endsWith("/") || !FILE_NAME.test(fileName) || fileName === "." || fileName === "..") {
        v.fail(`${field}.path`, file.path, "does not name a file", 'Give the file\'s path inside the area, e.g. "jobs/daily.py"');
        return false;
    }
    return checkLocation(v, storage, field, { area: file.area, path: folder });
}

function splitFile(file: StorageFile): { folder: string; fileName: string } {
    const parts = file.path.split("/").filter((p) => p.length > 0);
    const fileName = parts.pop() ?? "";
    return { folder: parts.join("/"), fileName };
}

/** `s3://bucket/area/folder/file` of a file; validate it first with {@link checkFile}. */
export function fileUri(storage: Storage, file: StorageFile): pulumi.Output<string> {
    const { folder, fileName } = splitFile(file);
    return pulumi.interpolate`${storage.uri(file.area, folder)}${fileName}`;
}

/** Read access to the folder that holds a file. */
export function fileReadGrant(file: StorageFile): StorageGrant {
    return { access: "read", area: file.area, path: splitFile(file).folder };
}

/** The landing zone's least-privilege statements for every grant, in order. */
export function grantStatements(storage: Storage, grants: readonly StorageGrant[]): PolicyStatement[] {
    return grants.flatMap((g) => storage.grant(g.access, g.area, g.path));
}

/** The `(area, path)` pair as one string, for messages and stable keys. */
export function describeLocation(location: StorageLocation): string {
    return location.path ? `${location.area}/${location.path}` : location.area;
}
