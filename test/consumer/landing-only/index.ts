import { LandingZone, policyDocument } from "pulumi-spectrum";

// The landing zone alone, type-checked in a project without the optional SDKs.
const lake = new LandingZone("lake");
export const readRaw = policyDocument(lake.grant("read", "raw"));
