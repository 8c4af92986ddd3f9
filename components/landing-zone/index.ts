export { LandingZone } from "./landing-zone";
export { LandingZoneArgs, AreaLifecycle } from "./args";
