import { Validator } from "../../components/core/errors";
import { athenaName, hiveType } from "../../components/architectures/lambda/athena-names";
import { checkSpeedProcessor, chooseSpeedProcessor } from "../../components/architectures/lambda/speed-processor";

describe("athenaName", () => {
    it("keeps lowercase letters, digits and _, and turns anything else into _", () => {
        expect(athenaName("Orders.v1-EU")).toBe("orders_v1_eu");
        expect(athenaName("lambda_prod")).toBe("lambda_prod");
    });
});

describe("hiveType", () => {
    it("writes a type as the Glue catalog must hold it: lowercase, no spaces, integer as int", () => {
        expect(hiveType("DECIMAL(12, 2)")).toBe("decimal(12,2)");
        expect(hiveType("Integer")).toBe("int");
        expect(hiveType("map<string, integer>")).toBe("map<string,int>");
        expect(hiveType("struct<count:integer,integers:array<integer>>")).toBe("struct<count:int,integers:array<int>>");
        expect(hiveType("bigint")).toBe("bigint");
    });
});

describe("the speed processor", () => {
    const problems = (processor: unknown, requirements?: object) => {
        const v = new Validator("LambdaArchitecture", "l");
        checkSpeedProcessor(v, processor, requirements as never);
        try {
            v.throwIfInvalid();
            return [];
        } catch (e) {
            return (e as { problems: string[] }).problems;
        }
    };

    it("is the one asked for, or Flink when none is", () => {
        expect(chooseSpeedProcessor("kafka-streams", undefined)).toEqual({
            processor: "kafka-streams",
            reasons: ["chosen explicitly (speed.processor)"],
        });
        expect(chooseSpeedProcessor(undefined, undefined).processor).toBe("flink");
        expect(problems("kafka-streams")).toEqual([]);
    });

    it("follows the recommendation for auto, which reads the input topics", () => {
        const choice = chooseSpeedProcessor("auto", { latencyBudgetMs: 30_000, teamRunsSpark: true });
        expect(choice.processor).toBe("spark-streaming");
        expect(choice.reasons.length).toBeGreaterThan(0);
        expect(problems("auto", { latencyBudgetMs: 30_000, teamRunsSpark: true })).toEqual([]);
    });

    it("stands Flink in for what validation refuses, and validation says why", () => {
        expect(chooseSpeedProcessor("storm", undefined).processor).toBe("flink");
        expect(problems("storm")).toEqual([expect.stringContaining('speed.processor = "storm": not a stream processor')]);
        expect(chooseSpeedProcessor("auto", undefined).processor).toBe("flink");
        expect(problems("auto")).toEqual([expect.stringContaining("processor auto needs the workload's requirements")]);
        expect(chooseSpeedProcessor("auto", { latencyBudgetMs: 4 * 3600_000 }).processor).toBe("flink");
        expect(problems("auto", { latencyBudgetMs: 4 * 3600_000 })).toEqual([expect.stringContaining("they call for batch processing")]);
    });
});
