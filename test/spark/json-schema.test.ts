import { argsJsonSchema } from "../../components/core/schema/json-schema";
import { emrSparkClusterArgs } from "../../components/spark/emr-spark-cluster-args";
import { sparkBatchJobArgs } from "../../components/spark/spark-batch-job-args";
import { sparkStreamingJobArgs } from "../../components/spark/spark-streaming-job-args";

type JsonObject = {
    type?: string;
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
    additionalProperties?: unknown;
};

describe("the Spark declarations export as JSON Schema", () => {
    test("EmrSparkCluster: strict, required storage and network, ranges, defaults, scaling or false", () => {
        const schema = argsJsonSchema(emrSparkClusterArgs) as unknown as JsonObject;
        expect(schema.additionalProperties).toBe(false);
        expect(schema.required).toEqual(["storage", "network"]);
        expect(schema.properties.stepConcurrencyLevel).toEqual({ type: "integer", minimum: 1, maximum: 256, default: 10 });
        expect(schema.properties.releaseLabel).toMatchObject({ type: "string", default: "emr-7.14.0" });
        const scaling = schema.properties.scaling as { anyOf: Record<string, unknown>[] };
        expect(scaling.anyOf[1]).toEqual({ const: false });
        expect(scaling.anyOf[0]).toMatchObject({ type: "object", additionalProperties: false });
        const network = schema.properties.network as unknown as JsonObject;
        expect(network.properties.subnetIds).toMatchObject({
            type: "array",
            minItems: 1,
            items: { type: "string", pattern: "^subnet-[A-Za-z0-9-]+$" },
        });
    });

    test("SparkBatchJob and SparkStreamingJob: the application's fields, and each job's own", () => {
        const batch = argsJsonSchema(sparkBatchJobArgs) as unknown as JsonObject;
        // network is required on EMR on EC2 only (a rule across fields: absent with serverless).
        expect(batch.required).toEqual(["storage", "schedule", "application"]);
        expect(Object.keys(batch.properties)).toEqual(
            expect.arrayContaining(["application", "inputs", "outputs", "cluster", "network", "serverless", "timeoutMinutes"]),
        );
        expect(batch.properties.timeoutMinutes).toEqual({ type: "integer", minimum: 1, maximum: 10080, default: 360 });
        const streaming = argsJsonSchema(sparkStreamingJobArgs) as unknown as JsonObject;
        // One of cluster and serverless is required (a rule across fields).
        expect(streaming.required).toEqual(["application"]);
        const restart = streaming.properties.restart as unknown as JsonObject;
        expect(restart.properties.healthySeconds).toEqual({ type: "integer", minimum: 60, maximum: 3600, default: 600 });
    });
});
