import { Validator } from "../../core/errors";
import { checkProfile } from "../shared/profile-check";
import { checkNetwork } from "../shared/placement";
import { checkBatchTopics } from "../shared/batch-layer";
import { HYBRID_COMPONENT, HybridArchitectureArgs, HybridSettings } from "./hybrid-args";

/** Checks every argument before anything is registered; throws one error listing every problem. */
export function validateHybridArchitecture(name: string, args: HybridArchitectureArgs, s: HybridSettings): void {
    const v = new Validator(HYBRID_COMPONENT, name);
    checkProfile(v, args.profile);
    checkNetwork(v, args.network);
    checkBatchTopics(v, s.topics, args.batch?.application === undefined);
    v.throwIfInvalid();
}
