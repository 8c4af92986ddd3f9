import { SpectrumValidationError } from "../../components/core/errors";
import { StackConfigError } from "../../program/config";

describe("validation errors carry their message as their stack", () => {
    // Pulumi's run entry formats an error's stack for its trace through source-map-support, which
    // costs tens of seconds on a whole-stack program; a validation error's message is all there is to say.
    it("SpectrumValidationError", () => {
        const error = new SpectrumValidationError(['LandingZone "lake": protect = "no": is not a boolean. Write true or false.']);
        expect(error.stack).toBe(`SpectrumValidationError: ${error.message}`);
        expect(error.stack).not.toMatch(/\n\s+at /);
    });

    it("StackConfigError", () => {
        const error = new StackConfigError("spectrum:profile", "stage", "is not dev or prod", "Set it to dev or prod");
        expect(error.stack).toBe(`StackConfigError: ${error.message}`);
        expect(error.message).toContain("spectrum:profile");
    });
});
