import { policyStatements, runProgram } from "pulumi-spectrum/testing";
import { platform } from "./platform";

test("the platform stack plans with the package's mock engine", async () => {
    const graph = await runProgram(platform, { project: "platform", config: { "platform:protect": "false" } });

    expect(graph.one("spectrum:index:LandingZone", "lake").custom).toBe(false);
    expect(graph.one("aws:s3/bucket:Bucket", "lake-data").options.protect).toBe(false);
    expect(graph.one("awsx:ec2:Vpc").inputs.numberOfAvailabilityZones).toBe(3);
    expect(graph.one("eks:index:Cluster").inputs.endpointPrivateAccess).toBe(true);
    expect(graph.one("aws:msk/topic:Topic").inputs).toMatchObject({ name: "orders.v1", partitionCount: 6, replicationFactor: 3 });
    expect(graph.one("kubernetes:helm.sh/v3:Release", "flink-release").provider).toBeDefined();
    expect(graph.one("kubernetes:flink.apache.org/v1beta1:FlinkDeployment").inputs.spec).toMatchObject({ flinkVersion: "v1_20" });
    expect(graph.one("aws:sfn/stateMachine:StateMachine")).toBeDefined();

    const [read] = policyStatements(graph.one("aws:iam/rolePolicy:RolePolicy", "analyst")).filter((s) =>
        [s.Action].flat().includes("s3:GetObject"),
    );
    expect(read.Resource).toEqual([`arn:aws:s3:::${String(graph.outputs.bucket)}/curated/daily/*`]);
});
