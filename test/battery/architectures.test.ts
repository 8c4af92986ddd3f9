/**
 * Architectures check their own args and their landing zone's and Kafka cluster's before the first
 * resource: an invalid override registers nothing (the Kubernetes provider a test passes in aside).
 */
import { HybridArchitecture, HybridArchitectureArgs } from "../../components/architectures";
import { KappaArchitecture, KappaArchitectureArgs } from "../../components/architectures/kappa/kappa";
import { LambdaArchitecture } from "../../components/architectures/lambda/lambda";
import { LambdaArchitectureArgs } from "../../components/architectures/lambda/lambda-args";
import { network, target, views } from "../architectures/lambda-fixtures";
import { Expected, expectParts, rejection } from "./battery";

type Overrides = Partial<HybridArchitectureArgs & KappaArchitectureArgs & LambdaArchitectureArgs>;
const build: Record<string, (o: Overrides) => () => void> = {
    hybrid: (o) => () => void new HybridArchitecture("hybrid", { profile: "dev", network, ...o } as HybridArchitectureArgs),
    kappa: (o) => () => void new KappaArchitecture("kappa", { profile: "dev", network, target: target(), ...o } as KappaArchitectureArgs),
    lambda: (o) => () =>
        void new LambdaArchitecture("lambda", {
            profile: "dev",
            network,
            kubernetes: target(),
            topics: { clicks: {}, orders: {} },
            views,
            ...o,
        } as LambdaArchitectureArgs),
};

const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const cases: [string, Overrides, (arch: string) => string, Expected][] = [
    [
        "a misspelt landing zone override",
        { landingZone: { protet: false } as never },
        (a) => `LandingZone "${a}-lake"`,
        e("protet", "false", '"protet" is not a known field', 'Did you mean "protect"?'),
    ],
    [
        "a landing zone override S3 would refuse",
        { landingZone: { zones: { raw: { infrequentAccessAfterDays: 7 } } } },
        (a) => `LandingZone "${a}-lake"`,
        e("zones.raw.infrequentAccessAfterDays", "7", "S3 rejects a STANDARD_IA transition earlier than 30 days", "Use 30 or more"),
    ],
    [
        "a Kafka version MSK does not offer",
        { kafka: { kafkaVersion: "3.10.x.kraft" } },
        (a) => `KafkaCluster "${a}-kafka"`,
        e("kafkaVersion", '"3.10.x.kraft"', "is not a version MSK offers", "Did you mean"),
    ],
    [
        "a broker size MSK does not offer",
        { kafka: { instanceType: "kafka.m7g.medium" } },
        (a) => `KafkaCluster "${a}-kafka"`,
        e("instanceType", '"kafka.m7g.medium"', "is not an MSK standard broker size", "Use one of"),
    ],
];

describe("architectures validate their args and their lake and log before registering anything", () => {
    for (const arch of Object.keys(build)) {
        test.each(cases)(`${arch}: %s`, async (_, overrides, prefix, expected) => {
            const { problems, registered } = await rejection(build[arch](overrides));
            expectParts(problems, prefix(arch), expected);
            expect(registered.filter((r) => !r.startsWith("pulumi:providers:"))).toEqual([]);
        });
    }

    test("problems of the landing zone and the Kafka cluster are reported together", async () => {
        const { problems } = await rejection(build.hybrid({ landingZone: { protect: "no" } as never, kafka: { kafkaVersion: "9.9.x" } }));
        expect(problems.map((p) => p.split(":")[0])).toEqual(['LandingZone "hybrid-lake"', 'KafkaCluster "hybrid-kafka"']);
    });
});
