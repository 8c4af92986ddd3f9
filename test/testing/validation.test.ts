import { SpectrumValidationError } from "../../components/core/errors";
import { validationProblems } from "../../testing/validation";

const rejected = new SpectrumValidationError(['X "a": f = 1: wrong. Fix it.', 'X "a": g = 2: wrong. Fix it.']);

describe("validationProblems", () => {
    it("returns every problem of a SpectrumValidationError thrown by a build", () => {
        expect(
            validationProblems(() => {
                throw rejected;
            }),
        ).toEqual(rejected.problems);
    });

    it("returns every problem when a program's promise rejects with one", async () => {
        await expect(validationProblems(() => Promise.reject(rejected))).resolves.toEqual(rejected.problems);
    });

    it("fails when nothing is rejected, so a test of a rejection cannot pass vacuously", async () => {
        expect(() => validationProblems(() => 1)).toThrow("expected a SpectrumValidationError, but nothing was rejected");
        await expect(validationProblems(() => Promise.resolve(1))).rejects.toThrow("expected a SpectrumValidationError");
    });

    it("passes any other error on unchanged", async () => {
        const other = new Error("engine failure");
        expect(() =>
            validationProblems(() => {
                throw other;
            }),
        ).toThrow(other);
        await expect(validationProblems(() => Promise.reject(other))).rejects.toBe(other);
    });

    it("recognises the error by name, as a second copy of the library would throw it", () => {
        const copy = Object.assign(new Error("1 problem"), { name: "SpectrumValidationError", problems: ["p"] });
        expect(
            validationProblems(() => {
                throw copy;
            }),
        ).toEqual(["p"]);
    });
});
