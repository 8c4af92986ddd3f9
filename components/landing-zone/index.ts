export { LandingZone } from "./landing-zone";
export { LandingZoneArgs, AreaLifecycle, landingZoneArgs, landingZoneShape, areaLifecycle, areaLifecycleShape } from "./landing-zone-args";
