import { MIN_PROCESS_MEMORY_MIB, memoryBytes, memoryMiB } from "../../components/flink/memory";

const GiB = 2 ** 30;

describe("process memory as operator 1.15 reads it", () => {
    test("Flink's notation first: a whole number and a binary unit, in any case", () => {
        expect(memoryBytes("2048m")).toBe(2 * GiB);
        expect(memoryBytes("2g")).toBe(2 * GiB);
        expect(memoryBytes("2G")).toBe(2 * GiB);
        expect(memoryBytes("20GB")).toBe(20 * GiB);
        expect(memoryBytes("1600 mb")).toBe(1600 * 2 ** 20);
        expect(memoryBytes("1073741824")).toBe(GiB);
    });

    test("then a Kubernetes quantity, upper-cased the way the operator does", () => {
        expect(memoryBytes("2Gi")).toBe(2 * GiB);
        expect(memoryBytes("1.5Gi")).toBe(1.5 * GiB);
        expect(memoryBytes("1.5gi")).toBe(1.5 * GiB);
        // Not a whole number, so not Flink's: a decimal quantity, as the operator falls back to.
        expect(memoryBytes("1.5g")).toBe(1.5e9);
    });

    test("what neither reads is undefined", () => {
        for (const text of ["", "  ", "2 gigs", "g", "-2g", "2gbb", "two"]) expect(memoryBytes(text)).toBeUndefined();
    });

    test("MiB keep fractions, so the 1024 MiB floor is exact", () => {
        expect(memoryMiB("1Gi")).toBe(MIN_PROCESS_MEMORY_MIB);
        expect(memoryMiB("1G")).toBe(MIN_PROCESS_MEMORY_MIB);
        expect(memoryMiB("1.07e9")! < MIN_PROCESS_MEMORY_MIB).toBe(true);
    });
});
