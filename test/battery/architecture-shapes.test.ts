/**
 * The architectures' shape switches, `kafka.flavour` and `spark.runtime`, and the settings that only
 * one shape takes: misuse is refused before anything is registered.
 */
import { Expected, expectParts, rejection } from "./battery";
import { COMPONENT, Overrides, build } from "./architecture-builders";

const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });

/** Cases every architecture (each has a Kafka cluster) refuses. */
const kafkaCases: [string, Overrides, (arch: string) => string, Expected][] = [
    [
        "a flavour MSK does not have",
        { kafka: { flavour: "provisioned" as never } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e(
            "kafka.flavour",
            '"provisioned"',
            "is not one of standard, express, serverless",
            'Use one of "standard", "express", "serverless"',
        ),
    ],
    [
        "a broker count on MSK Serverless",
        { kafka: { flavour: "serverless", brokerCount: 3 } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e(
            "kafka.brokerCount",
            "3",
            "MSK Serverless has no brokers, storage or broker configuration to set",
            'Remove it, or use flavour "standard"',
        ),
    ],
    [
        "MSK Serverless with no way for `pulumi up` to reach it and create the topics",
        { kafka: { flavour: "serverless" } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e(
            "kafka.clientCidrBlocks",
            "undefined",
            "is required with MSK Serverless: `pulumi up` creates the topics over the Kafka protocol",
            "Set kafka.clientCidrBlocks to the range `pulumi up` runs from",
        ),
    ],
    [
        "broker configuration on MSK Serverless",
        { kafka: { flavour: "serverless", serverProperties: { "log.retention.hours": "24" } } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e("kafka.serverProperties", '{"log.retention.hours":"24"}', "MSK Serverless has no brokers", 'with "serverless" set only'),
    ],
    [
        "a Standard broker type with the Express flavour",
        { kafka: { flavour: "express", instanceType: "kafka.m7g.large" } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e(
            "kafka.instanceType",
            '"kafka.m7g.large"',
            'is a Standard broker type, and kafka.flavour is "express"',
            "Use an express.m7g.* type",
        ),
    ],
    [
        "an Express broker type with the Standard flavour",
        { kafka: { instanceType: "express.m7g.large" } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e(
            "kafka.instanceType",
            '"express.m7g.large"',
            'is an Express broker type, and kafka.flavour is "standard"',
            'Set kafka.flavour: "express"',
        ),
    ],
    [
        "an EBS volume size on Express brokers",
        { kafka: { flavour: "express", volumeSizeGiB: 500 } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e("kafka.volumeSizeGiB", "500", "MSK manages Express brokers' storage", "Remove volumeSizeGiB"),
    ],
];

/** Cases the architectures with Spark jobs (hybrid, Lambda) refuse. */
const sparkCases: [string, Overrides, (arch: string) => string, Expected][] = [
    [
        "a runtime that is not one of the two",
        { spark: { runtime: "emr-eks" as never } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e("spark.runtime", '"emr-eks"', "is not one of emr-ec2, emr-serverless", 'Did you mean "emr-ec2"?'),
    ],
    [
        "a misspelt spark key",
        { spark: { runtim: "emr-ec2" } as never },
        (a) => `${COMPONENT[a]} "${a}"`,
        e("spark.runtim", '"emr-ec2"', '"runtim" is not a known field', 'Did you mean "runtime"?'),
    ],
    [
        "EMR Serverless settings with the EC2 runtime",
        { spark: { runtime: "emr-ec2", serverless: { autoStopIdleMinutes: 5 } } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e(
            "spark.serverless",
            '{"autoStopIdleMinutes":5}',
            "EMR Serverless settings apply to the emr-serverless runtime only",
            "Set spark.runtime",
        ),
    ],
    [
        "a release EMR Serverless does not offer",
        { spark: { serverless: { releaseLabel: "emr-5.36.0" } } },
        (a) => `${COMPONENT[a]} "${a}"`,
        e(
            "spark.serverless.releaseLabel",
            '"emr-5.36.0"',
            "EMR 5.x is older than the 7.x releases",
            'Use a 7.x release such as "emr-7.13.0"',
        ),
    ],
];

describe("architectures refuse misused shape switches before registering anything", () => {
    for (const arch of Object.keys(build)) {
        test.each(kafkaCases)(`${arch}: %s`, async (_, overrides, prefix, expected) => {
            const { problems, registered } = await rejection(build[arch](overrides));
            expectParts(problems, prefix(arch), expected);
            expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
        });
    }
    for (const arch of ["hybrid", "lambda"]) {
        test.each(sparkCases)(`${arch}: %s`, async (_, overrides, prefix, expected) => {
            const { problems, registered } = await rejection(build[arch](overrides));
            expectParts(problems, prefix(arch), expected);
            expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
        });
    }

    test("lambda: an EMR cluster for the speed job when it runs on EMR Serverless", async () => {
        const { problems, registered } = await rejection(
            build.lambda({ speed: { processor: "spark-streaming", sparkStreaming: { cluster: { coreInstanceCount: 2 } } } } as Overrides),
        );
        expectParts(
            problems,
            'LambdaArchitecture "lambda"',
            e(
                "speed.sparkStreaming.cluster",
                '{"coreInstanceCount":2}',
                "a streaming cluster's shape applies to the emr-ec2 runtime only",
                "Remove it (size the application with spark.serverless)",
            ),
        );
        expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
    });

    test.each(["serverless", "express"] as const)("kappa: stateful Kafka Streams on MSK %s", async (flavour) => {
        const { problems, registered } = await rejection(
            build.kappa({
                kafka: { flavour },
                processor: "kafka-streams",
                versions: [{ version: "v1", image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/enricher:1.0.0" }],
            }),
        );
        expectParts(
            problems,
            'KappaArchitecture "kappa"',
            e(
                "streams.stateful",
                "true",
                "Kafka Streams sets segment.bytes on the changelog and repartition topics",
                "Set streams.stateful: false",
            ),
        );
        expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
    });
});
