import * as pulumi from "@pulumi/pulumi";
import { withoutUndefined } from "../../components/core/without-undefined";

describe("withoutUndefined", () => {
    it("drops keys set to undefined, in nested plain objects too", () => {
        expect(withoutUndefined({ a: 1, b: undefined, c: { d: undefined, e: [1, { f: undefined }] } })).toEqual({
            a: 1,
            c: { e: [1, {}] },
        });
        expect(Object.keys(withoutUndefined({ a: undefined, b: 0 }))).toEqual(["b"]);
    });

    it("returns objects with nothing to drop as they are, and never copies what is not a plain object", () => {
        const target = { provider: new (class Provider {})(), namespace: "flink" };
        const args = { target, extra: undefined };
        expect(withoutUndefined(args).target).toBe(target);
        const output = pulumi.output("x");
        expect(withoutUndefined({ value: output, gone: undefined }).value).toBe(output);
        const instance = new (class Lake {
            zone = undefined;
        })();
        expect(withoutUndefined(instance)).toBe(instance);
    });
});
