import { AslDefinition } from "../../components/spark/asl";
import { ResourceGraph, runProgram } from "../../testing";
import { aslErrors } from "./asl";
import { T, allowing, parseJson, resourcesOf, roleStatements } from "./fixtures";

// The example's module is its program (`export =`), as Pulumi runs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to import an `export =` module
import program = require("../../examples/spark-batch");

const project = "spectrum-spark-batch";

describe("examples/spark-batch", () => {
    let graph: ResourceGraph;
    let bucket: string;

    beforeAll(async () => {
        graph = await runProgram(program, {
            project,
            stack: "dev",
            config: {
                [`${project}:vpcId`]: "vpc-0123456789abcdef0",
                [`${project}:privateSubnetIds`]: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
                [`${project}:alarmEmail`]: "data-oncall@example.com",
                [`${project}:protect`]: "false",
            },
        });
        bucket = (graph.outputs.outputUri as string).split("/")[2];
    });

    it("uploads the PySpark script into the landing zone's artifacts zone, encrypted with its key", () => {
        const script = graph.one("aws:s3/bucketObjectv2:BucketObjectv2");
        expect(script.inputs.key).toBe("artifacts/jobs/daily_page_views.py");
        expect(script.inputs.serverSideEncryption).toBe("aws:kms");
        expect(script.propertyDependencies.kmsKeyId).toEqual([graph.one(T.key, "lake-key").urn]);
        expect(graph.outputs.scriptUri).toBe(`s3://${bucket}/artifacts/jobs/daily_page_views.py`);
    });

    it("runs it daily on a transient cluster from raw into curated, alarming by email", () => {
        const definition = parseJson<AslDefinition>(graph.one(T.stateMachine), "definition");
        expect(aslErrors(definition)).toBe("");
        const command = (definition.States.BuildCommand.Parameters as Record<string, string>)["args.$"];
        expect(command).toContain(`'spark.spectrum.input.events=s3://${bucket}/raw/events/'`);
        expect(command).toContain(`'spark.spectrum.output.daily=s3://${bucket}/curated/page-views-daily/'`);
        expect(command).toContain(`'s3://${bucket}/artifacts/jobs/daily_page_views.py'`);
        expect(graph.one(T.schedule).inputs).toMatchObject({ scheduleExpression: "cron(30 2 * * ? *)", scheduleExpressionTimezone: "UTC" });
        expect(graph.one("aws:sns/topicSubscription:TopicSubscription").inputs).toMatchObject({
            protocol: "email",
            endpoint: "data-oncall@example.com",
        });
        expect(graph.one(T.alarm).propertyDependencies.alarmActions).toEqual([graph.one("aws:sns/topic:Topic").urn]);
        const writes = allowing(roleStatements(graph, "daily-page-views-instance-role"), "s3:PutObject").flatMap(resourcesOf).sort();
        expect(writes).toEqual([`arn:aws:s3:::${bucket}/curated/page-views-daily/*`, `arn:aws:s3:::${bucket}/logs/emr/daily-page-views/*`]);
        expect(graph.outputs.backfill).toContain("aws stepfunctions start-execution --state-machine-arn arn:aws:states:");
    });

    it("honours protect: false for the landing zone", () => {
        expect(graph.one("aws:s3/bucket:Bucket", "lake-data").options.protect).toBe(false);
    });
});
