import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { runProgram } from "../../testing";
import { SpectrumValidationError } from "../../components/core/errors";
import { input, integer, parseArgs, strict, v } from "../../components/core/schema";
import { clashRegistry } from "../../components/core/clashes";

const declaration = strict({ retentionDays: input(integer(1, 365)), name: v.optional(input(v.string())) });

/** A component-like program: checks its args, then registers a bucket whose tag carries the value. */
function program(retentionDays: pulumi.Input<number>, name?: pulumi.Input<string>) {
    return () => {
        const s = parseArgs("Thing", "t", declaration, { retentionDays, name });
        new aws.s3.Bucket("b", { tags: { retention: pulumi.output(s.retentionDays).apply(String) } });
        return {};
    };
}

describe("a value known only later (an Output) is checked when it resolves", () => {
    test("a bad resolved value fails the run with the uniform message showing that value, and the run completes", async () => {
        const later = pulumi.output(new Promise<number>((resolve) => setTimeout(() => resolve(400), 5)));
        const run = runProgram(program(later));
        await expect(run).rejects.toBeInstanceOf(SpectrumValidationError);
        await expect(run).rejects.toThrow('Thing "t": retentionDays = 400: must be at most 365. Use 365 or less.');
    });

    test("a good resolved value passes, and the next run starts clean", async () => {
        const graph = await runProgram(program(pulumi.output(30), pulumi.output("orders")));
        expect(graph.one("aws:s3/bucket:Bucket", "b").inputs.tags).toEqual({ retention: "30" });
    });

    test("a secret is not printed", async () => {
        await expect(runProgram(program(pulumi.secret(0)))).rejects.toThrow('Thing "t": retentionDays = "[secret]": must be at least 1');
    });

    test("a plain value is checked at once, before anything is registered", async () => {
        const registered: string[] = [];
        const run = runProgram(program(0), { outputs: (args) => void (args.type === "pulumi:pulumi:Stack" || registered.push(args.name)) });
        await expect(run).rejects.toThrow('Thing "t": retentionDays = 0: must be at least 1. Use 1 or more.');
        expect(registered).toEqual([]);
    });
});

describe("the clash registry lives for one program run", () => {
    const who = (name: string) => ({ component: "KafkaStreamsApp", name, field: "applicationId" });

    test("a second claimant is refused, naming both", async () => {
        const run = runProgram(() => {
            clashRegistry().claim("kafka-streams-application-id", "orders", who("a"), "cluster");
            clashRegistry().claim("kafka-streams-application-id", "orders", who("b"), "cluster");
        });
        await expect(run).rejects.toThrow(
            'KafkaStreamsApp "b": applicationId = "orders": KafkaStreamsApp "a" already uses this application.id (its applicationId)',
        );
    });

    test("two consecutive runs may claim the same identity", async () => {
        const claimOnce = () => clashRegistry().claim("kafka-streams-application-id", "orders", who("a"), "cluster");
        await runProgram(claimOnce);
        await expect(runProgram(claimOnce)).resolves.toBeDefined();
    });

    test("topic names are compared after folding . into _, per scope", async () => {
        const topic = (name: string, topicName: string, scope: object) =>
            clashRegistry().claim(
                "kafka-topic",
                topicName,
                { component: "KafkaTopics", name, field: `topics.${topicName}` },
                scope,
                topicName.replace(/\./g, "_"),
            );
        const [one, two] = [{}, {}];
        await expect(
            runProgram(() => {
                topic("a", "orders.v1", one);
                topic("b", "orders.v1", two);
                topic("b", "orders_v1", one);
            }),
        ).rejects.toThrow('KafkaTopics "b": topics.orders_v1 = "orders_v1": KafkaTopics "a" already uses this topic name ("orders.v1")');
    });
});

describe("components claim their identities", () => {
    test("a second Flink operator on one cluster is refused, naming both", async () => {
        const { FlinkOperator } = await import("../../components/flink");
        const { clusterTarget } = await import("../flink/fixtures");
        const run = runProgram(() => {
            const target = clusterTarget();
            new FlinkOperator("first", { target });
            new FlinkOperator("second", { target, namespace: "flink-2", jobNamespaces: ["jobs-2"] });
        });
        await expect(run).rejects.toThrow(
            'FlinkOperator "second": target = "flink-kubernetes-operator": FlinkOperator "first" already uses this operator install',
        );
    });

    test("two landing zones with one name are refused before the engine's duplicate-URN error", async () => {
        const { LandingZone } = await import("../../components/landing-zone");
        await expect(
            runProgram(() => {
                new LandingZone("lake");
                new LandingZone("lake");
            }),
        ).rejects.toThrow('LandingZone "lake": name = "lake": LandingZone "lake" already uses this resource name');
    });
});
