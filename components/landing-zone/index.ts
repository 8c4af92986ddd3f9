export { LandingZone } from "./landing-zone";
export { LandingZoneArgs, AreaLifecycle } from "./landing-zone-args";
