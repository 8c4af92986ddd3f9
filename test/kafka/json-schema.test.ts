import { argsJsonSchema } from "../../components/core/schema/json-schema";
import { kafkaClusterArgs } from "../../components/kafka/cluster-args";
import { externalKafkaArgs } from "../../components/kafka/external-kafka-args";
import { kafkaTopicsArgs } from "../../components/kafka/topics-args";
import { kafkaStreamsAppArgs } from "../../components/kafka/streams-app-args";

type Json = Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required?: string[] };
const json = (schema: Parameters<typeof argsJsonSchema>[0]) => argsJsonSchema(schema) as Json;

describe("the Kafka declarations export as JSON Schema", () => {
    test("KafkaCluster: required placement, enums, ranges and defaults", () => {
        const schema = json(kafkaClusterArgs);
        expect(schema.required).toEqual(["vpcId", "subnetIds"]);
        expect(schema.additionalProperties).toBe(false);
        expect(schema.properties.auth).toEqual({ enum: ["iam", "scram"], type: "string", default: "iam" });
        expect(schema.properties.storageUtilizationTarget).toMatchObject({ type: "integer", minimum: 10, maximum: 80, default: 60 });
    });

    test("externalKafka and KafkaTopics: the connection contract and the topic map", () => {
        expect(json(externalKafkaArgs).required).toEqual(["bootstrapServers", "authMode"]);
        const topics = json(kafkaTopicsArgs);
        expect(topics.required).toEqual(["connection", "topics"]);
        const topic = (topics.properties.topics as { additionalProperties: Json }).additionalProperties;
        expect(topic.properties.partitions).toEqual({ type: "integer", minimum: 1 });
        expect(Object.keys(topic.properties)).not.toContain("previous");
    });

    test("KafkaStreamsApp: topics as names or objects, at least one input", () => {
        const schema = json(kafkaStreamsAppArgs);
        expect(schema.required).toEqual(["connection", "target", "image", "inputTopics"]);
        expect(schema.properties.inputTopics).toMatchObject({ type: "array", minItems: 1 });
        expect(schema.properties.processingGuarantee).toMatchObject({ enum: ["exactly_once_v2", "at_least_once"] });
    });
});
