import { isRecord } from "../../components/core/is-record";

test("isRecord admits objects whose fields can be read by name, and nothing else", () => {
    expect([{}, { a: 1 }, Object.create(null)].map(isRecord)).toEqual([true, true, true]);
    expect([null, undefined, [], "a", 1, true].map(isRecord)).toEqual([false, false, false, false, false, false]);
});
