import { Validator } from "../../core/errors";
import { ARCHITECTURE_DEFAULTS, ARCHITECTURE_PROFILES, ArchitectureDefaults, ArchitectureProfile, profileDefaults } from "./profile";

/** The profile as given, or `dev` for a value that is not one (stack config is untyped; validation reports it). */
export function knownProfile(profile: unknown): ArchitectureProfile {
    return ARCHITECTURE_PROFILES.includes(profile as ArchitectureProfile) ? (profile as ArchitectureProfile) : "dev";
}

/** The defaults of the profile, for an architecture's resolve step. */
export function defaultsOf(profile: unknown): ArchitectureDefaults {
    return ARCHITECTURE_DEFAULTS[knownProfile(profile)];
}

/** Records a problem unless `profile` is one of the profiles (the check `profileDefaults` makes). */
export function checkProfile(v: Validator, profile: unknown): void {
    profileDefaults(v, profile);
}
