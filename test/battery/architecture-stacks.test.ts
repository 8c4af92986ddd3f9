/** The architecture stacks' config battery: mistakes inside spectrum:hybrid, kappa and lambda, rejected before anything is registered. */
import rootProgram from "../../index";
import { Expected, expectParts, rejection } from "./battery";

type Case = [string, Record<string, unknown>, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const stack = (architecture: string, settings: unknown) => ({
    "spectrum:architecture": architecture,
    "spectrum:profile": "dev",
    [`spectrum:${architecture}`]: settings,
});

const cases: Case[] = [
    [
        "a misspelt topic field",
        stack("hybrid", { topics: { x: { partitons: 3 } } }),
        e("spectrum:hybrid.topics.x.partitons", "3", '"partitons" is not a known field', 'Did you mean "partitions"?'),
    ],
    [
        "partitions in quotes",
        stack("hybrid", { topics: { x: { partitions: "3" } } }),
        e("spectrum:hybrid.topics.x.partitions", '"3"', "is a string, write a number", "Write 3 without quotes"),
    ],
    [
        "a batch schedule as a list",
        stack("hybrid", { batch: { schedule: ["rate(1 hour)"] } }),
        e("spectrum:hybrid.batch.schedule", '["rate(1 hour)"]', "is a list, not a string", "Write a string"),
    ],
    [
        "a misspelt ingest key",
        stack("hybrid", { ingest: { partitionby: "hour" } }),
        e("spectrum:hybrid.ingest.partitionby", '"hour"', '"partitionby" is not a known field', 'Did you mean "partitionBy"?'),
    ],
    [
        "a network set under the architecture",
        stack("hybrid", { network: {} }),
        e("spectrum:hybrid.network", "{}", '"network" is not a known field', "Use one of"),
    ],
    [
        "kafka overrides as a list",
        stack("hybrid", { kafka: [] }),
        e("spectrum:hybrid.kafka", "[]", "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "a misspelt landing zone key",
        stack("kappa", { landingZone: { protet: false } }),
        e("spectrum:kappa.landingZone.protet", "false", '"protet" is not a known field', 'Did you mean "protect"?'),
    ],
    [
        "versions as a map",
        stack("kappa", { versions: { v1: {} } }),
        e("spectrum:kappa.versions", '{"v1":{}}', "is a map where a list is expected", "Write it as a list"),
    ],
    [
        "a processor typo",
        stack("kappa", { processor: "flnik" }),
        e("spectrum:kappa.processor", '"flnik"', "not a processor the Kappa architecture runs", "Use"),
    ],
    [
        "a target set under the architecture",
        stack("kappa", { target: {} }),
        e("spectrum:kappa.target", "{}", '"target" is not a known field', "Use one of"),
    ],
    [
        "a misspelt flink key",
        stack("kappa", { flink: { checkpointIntervalSecond: 30 } }),
        e(
            "spectrum:kappa.flink.checkpointIntervalSecond",
            "30",
            '"checkpointIntervalSecond" is not a known field',
            'Did you mean "checkpointIntervalSeconds"?',
        ),
    ],
    [
        "a misspelt spark key",
        stack("hybrid", { spark: { runtim: "emr-ec2" } }),
        e("spectrum:hybrid.spark.runtim", '"emr-ec2"', '"runtim" is not a known field', 'Did you mean "runtime"?'),
    ],
    [
        "a Kafka flavour typo",
        stack("kappa", { kafka: { flavour: "expres" } }),
        e("spectrum:kappa.kafka.flavour", '"expres"', "is not one of standard, express, serverless", 'Did you mean "express"?'),
    ],
    [
        "views as a list",
        stack("lambda", { views: [] }),
        e("spectrum:lambda.views", "[]", "is a list where a map is expected", "Write it as a mapping"),
    ],
    [
        "a misspelt speed key",
        stack("lambda", { views: {}, speed: { procesor: "flink" } }),
        e("spectrum:lambda.speed.procesor", '"flink"', '"procesor" is not a known field', 'Did you mean "processor"?'),
    ],
    [
        "a column without a type",
        stack("lambda", { views: { events: { columns: [{ name: "a" }] } } }),
        e("spectrum:lambda.views.events.columns[0].type", "undefined", "is required", "Set type"),
    ],
    [
        "a misspelt serving key",
        stack("lambda", { views: {}, serving: { workgroupNme: "w" } }),
        e("spectrum:lambda.serving.workgroupNme", '"w"', '"workgroupNme" is not a known field', 'Did you mean "workgroupName"?'),
    ],
];

describe("architecture stack config is checked against the architectures' declarations before anything is registered", () => {
    test.each(cases)("%s", async (_, config, expected) => {
        const { problems, registered } = await rejection(rootProgram, { project: "spectrum", config });
        expectParts(problems, "stack config", expected);
        expect(registered).toEqual([]);
    });
});
