import { CHECKPOINT_CONF, EmrSparkCluster, SparkStreamingJob, SparkStreamingJobArgs, TRIGGER_CONF } from "../../components/spark";
import { AslDefinition, AslState } from "../../components/spark/asl";
import { PlannedResource, ResourceGraph, runProgram } from "../../testing";
import { aslErrors } from "./asl";
import { T, allowing, landingZone, network, parseJson, resourcesOf, roleStatements } from "./fixtures";

type JobArgs = Omit<SparkStreamingJobArgs, "cluster">;

const baseline: JobArgs = {
    application: { area: "artifacts", path: "jobs/clicks-v1.py" },
    inputs: { clicks: { area: "raw", path: "clicks" } },
    outputs: { sessions: { area: "curated", path: "sessions" } },
    triggerInterval: "30 seconds",
    alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:data-alerts",
};

/** Everything a user might change about a job, changed at once. */
const changed: JobArgs = {
    ...baseline,
    application: { area: "artifacts", path: "jobs/clicks-v2.py" },
    args: ["--watermark", "10 minutes"],
    sparkConf: { "spark.executor.memory": "8g" },
    outputs: { sessions: { area: "curated", path: "sessions-v2" } },
    triggerInterval: "1 minute",
    restart: { maxAttempts: 3 },
};

function program(job: JobArgs) {
    return () => {
        const lz = landingZone();
        const cluster = new EmrSparkCluster("shared", { storage: lz, network });
        new SparkStreamingJob("clicks", { cluster, ...job });
        return { bucket: lz.bucketName, clusterId: cluster.clusterId, instanceRoleName: cluster.instanceRoleName };
    };
}

/** What Pulumi diffs for a resource: its inputs and the options that can cause a replacement. */
function diffable(r: PlannedResource) {
    return {
        urn: r.urn,
        inputs: r.inputs,
        protect: r.options.protect,
        ignoreChanges: r.options.ignoreChanges,
        replaceOnChanges: r.options.replaceOnChanges,
        deleteBeforeReplace: r.options.deleteBeforeReplace,
    };
}

describe("SparkStreamingJob", () => {
    let graph: ResourceGraph;
    let after: ResourceGraph;
    let definition: AslDefinition;
    let bucket: string;

    beforeAll(async () => {
        graph = await runProgram(program(baseline));
        after = await runProgram(program(changed));
        definition = parseJson<AslDefinition>(graph.one(T.stateMachine), "definition");
        bucket = graph.outputs.bucket as string;
    });

    const state = (name: string): AslState => definition.States[name];
    const clusterComponent = (g: ResourceGraph) => g.one("spectrum:index:EmrSparkCluster", "shared");

    it("never touches the cluster: changing the job leaves every resource of the cluster as it was", () => {
        const before = graph.childrenOf(clusterComponent(graph), { deep: true }).map(diffable);
        const later = after.childrenOf(clusterComponent(after), { deep: true }).map(diffable);
        expect(before.length).toBeGreaterThan(10);
        expect(later).toEqual(before);
        // The job adds no EMR resource of its own and keeps no steps on the cluster.
        const job = after.one("spectrum:index:SparkStreamingJob", "clicks");
        expect(after.childrenOf(job, { deep: true }).filter((r) => r.type.startsWith("aws:emr/"))).toEqual([]);
        expect(after.one(T.cluster).inputs.steps).toBeUndefined();
        // ... while the job itself did change: a new revision is deployed.
        const revision = (g: ResourceGraph) => (JSON.parse(g.one(T.invocation).inputs.input as string) as { revision: string }).revision;
        expect(revision(after)).not.toBe(revision(graph));
    });

    it("has a valid supervisor definition", () => {
        expect(aslErrors(definition)).toBe("");
    });

    it("runs spark-submit in cluster mode with its checkpoint under its own prefix and the trigger interval", () => {
        const step = (
            state("Submit").Parameters as {
                ClusterId: string;
                Step: { Name: string; ActionOnFailure: string; HadoopJarStep: { Jar: string; Args: string[] } };
            }
        ).Step;
        expect(step.Name).toBe("spectrum-clicks");
        expect(step.ActionOnFailure).toBe("CONTINUE");
        expect(step.HadoopJarStep.Jar).toBe("command-runner.jar");
        const args = step.HadoopJarStep.Args;
        expect(args.slice(0, 5)).toEqual(["spark-submit", "--deploy-mode", "cluster", "--name", "spectrum-clicks"]);
        const checkpoint = `s3://${bucket}/checkpoints/spark/clicks/`;
        expect(args).toEqual(
            expect.arrayContaining([
                `${CHECKPOINT_CONF}=${checkpoint}`,
                `spark.sql.streaming.checkpointLocation=${checkpoint}`,
                `${TRIGGER_CONF}=30 seconds`,
                `spark.spectrum.output.sessions=s3://${bucket}/curated/sessions/`,
            ]),
        );
        expect(args[args.length - 1]).toBe(`s3://${bucket}/artifacts/jobs/clicks-v1.py`);
        expect((state("Submit").Parameters as { ClusterId: string }).ClusterId).toBe(graph.outputs.clusterId);
    });

    it("restarts the job when its step fails: an EventBridge rule on the step's FAILED event starts the supervisor", () => {
        const rule = graph.one(T.rule);
        expect(JSON.parse(rule.inputs.eventPattern as string)).toEqual({
            source: ["aws.emr"],
            "detail-type": ["EMR Step Status Change"],
            detail: { state: ["FAILED"], clusterId: [graph.outputs.clusterId], name: ["spectrum-clicks"] },
        });
        const target = graph.one(T.target);
        const supervisor = graph.one(T.stateMachine);
        expect(target.propertyDependencies.arn).toEqual([supervisor.urn]);
        expect(target.propertyDependencies.rule).toEqual([rule.urn]);
        const transformer = target.inputs.inputTransformer as { inputPaths: Record<string, string>; inputTemplate: string };
        expect(JSON.parse(transformer.inputTemplate.replace("<stepId>", '"s-1"'))).toEqual({ action: "restart", failedStepId: "s-1" });
        expect(transformer.inputPaths).toEqual({ stepId: "$.detail.stepId" });
        expect(roleStatements(graph, "clicks-events-role")).toEqual([
            { Effect: "Allow", Action: ["states:StartExecution"], Resource: [target.inputs.arn] },
        ]);
    });

    it("restarts with exponential backoff, judges health, and gives up (failing, so the alarm fires) at the cap", () => {
        expect(state("Route").Default).toBe("CountSupervisors");
        expect(state("InitRestart").Result).toEqual({ attempt: 0, delays: [30, 60, 120, 240, 480] });
        expect(state("WaitBackoff")).toMatchObject({ Type: "Wait", SecondsPath: "$.restart.delay" });
        expect((state("Backoff").Parameters as Record<string, string>)["delay.$"]).toBe(
            "States.ArrayGetItem($.restart.delays, $.restart.attempt)",
        );
        // Resubmission kills any lingering application of the job first (one writer per checkpoint).
        expect(state("ClearStale").Next).toBe("Resubmit");
        expect(state("Resubmit").Resource).toBe("arn:aws:states:::elasticmapreduce:addStep");
        expect(state("WaitHealthy")).toMatchObject({ Type: "Wait", Seconds: 600 });
        expect(state("Judge").Default).toBe("CountFailure");
        expect((state("CountFailure").Parameters as Record<string, string>)["attempt.$"]).toBe("States.MathAdd($.restart.attempt, 1)");
        expect(state("CapReached").Choices).toEqual([{ Variable: "$.restart.attempt", NumericGreaterThanEquals: 5, Next: "GiveUp" }]);
        expect(state("CapReached").Default).toBe("Backoff");
        expect(state("GiveUp")).toMatchObject({ Type: "Fail", Error: "RestartCapReached" });
        // A second failure event while a restart is in progress is ignored.
        expect(state("AlreadySupervised").Choices).toEqual([
            { Variable: "$.supervisors.count", NumericGreaterThan: 1, Next: "AlreadyHandled" },
        ]);
        const capped = parseJson<AslDefinition>(after.one(T.stateMachine), "definition");
        expect(capped.States.InitRestart.Result).toEqual({ attempt: 0, delays: [30, 60, 120] });
    });

    it("deploys by cancelling the running step, killing its application, then submitting the new one", () => {
        expect(state("FindActive").Resource).toBe("arn:aws:states:::aws-sdk:emr:listSteps");
        expect((state("FindActive").ResultSelector as Record<string, string>)["ids.$"]).toBe("$.Steps[?(@.Name == 'spectrum-clicks')].Id");
        expect(state("CancelActive").Parameters).toMatchObject({ StepCancellationOption: "SEND_INTERRUPT", "StepIds.$": "$.active.ids" });
        expect(state("WaitForCancel").Next).toBe("FindActive");
        const stop = (state("StopApplication").Parameters as { Step: { Name: string; HadoopJarStep: { Args: string[] } } }).Step;
        expect(stop.Name).toBe("spectrum-clicks-stop");
        expect(stop.HadoopJarStep.Args[3]).toBe("spectrum-clicks");
        expect(state("AfterStop").Default).toBe("Submit");
        expect(state("Started").Choices).toEqual(
            expect.arrayContaining([{ Variable: "$.watch.state", StringEquals: "RUNNING", Next: "Deployed" }]),
        );
    });

    it("deploys on create, update and delete through a deployer invocation, after the permissions exist", () => {
        const invocation = graph.one(T.invocation);
        expect(invocation.inputs.lifecycleScope).toBe("CRUD");
        // A replaced invocation stops the job on delete: that must happen before the new one deploys.
        expect(invocation.options.deleteBeforeReplace).toBe(true);
        const input = JSON.parse(invocation.inputs.input as string) as { stateMachineArn: string };
        expect(input.stateMachineArn).toMatch(/^arn:aws:states:us-east-1:123456789012:stateMachine:clicks-supervisor-[0-9a-f]+$/);
        expect(invocation.propertyDependencies.input).toContain(graph.one(T.stateMachine).urn);
        expect(graph.dependsOn(invocation, graph.one(T.rolePolicy, "clicks-supervisor-access"))).toBe(true);
        expect(graph.dependsOn(invocation, graph.one(T.attachment, "clicks-access"))).toBe(true);
        const fn = graph.one(T.lambda);
        expect(fn.inputs).toMatchObject({ runtime: "python3.13", architectures: ["arm64"], timeout: 900 });
        const deployer = roleStatements(graph, "clicks-deployer-role");
        expect(allowing(deployer, "states:StartExecution").flatMap(resourcesOf)).toEqual([input.stateMachineArn]);
        expect(allowing(deployer, "states:DescribeExecution").flatMap(resourcesOf)).toEqual([
            expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:execution:clicks-supervisor-[0-9a-f]+:\*$/),
        ]);
    });

    it("lets the supervisor manage steps on this cluster only, and list only its own executions", () => {
        const statements = roleStatements(graph, "clicks-supervisor-role");
        const clusterArn = `arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/${graph.outputs.clusterId as string}`;
        for (const action of [
            "elasticmapreduce:ListSteps",
            "elasticmapreduce:AddJobFlowSteps",
            "elasticmapreduce:CancelSteps",
            "elasticmapreduce:DescribeStep",
        ]) {
            expect(allowing(statements, action).flatMap(resourcesOf)).toEqual([clusterArn]);
        }
        expect(allowing(statements, "states:ListExecutions").flatMap(resourcesOf)).toEqual([
            expect.stringMatching(/:stateMachine:clicks-supervisor-/),
        ]);
        expect(statements).toHaveLength(2);
    });

    it("attaches its landing-zone access to the cluster's instance role as its own policy: code, inputs, outputs, checkpoint", () => {
        const attachment = graph.one(T.attachment, "clicks-access");
        expect(attachment.inputs.role).toBe(graph.outputs.instanceRoleName);
        const policy = graph.one(T.policy, "clicks-access");
        const statements = JSON.parse(policy.inputs.policy as string).Statement as Parameters<typeof allowing>[0];
        expect(allowing(statements, "s3:PutObject").flatMap(resourcesOf).sort()).toEqual([
            `arn:aws:s3:::${bucket}/checkpoints/spark/clicks/*`,
            `arn:aws:s3:::${bucket}/curated/sessions/*`,
        ]);
        expect(allowing(statements, "s3:GetObject").flatMap(resourcesOf).sort()).toEqual([
            `arn:aws:s3:::${bucket}/artifacts/jobs/*`,
            `arn:aws:s3:::${bucket}/checkpoints/spark/clicks/*`,
            `arn:aws:s3:::${bucket}/curated/sessions/*`,
            `arn:aws:s3:::${bucket}/raw/clicks/*`,
        ]);
    });

    it("alarms (to the SNS topic) when the supervisor fails: restart cap reached or deployment failed", () => {
        const alarm = graph.one(T.alarm, "clicks-supervisor-failed");
        expect(alarm.inputs.alarmActions).toEqual(["arn:aws:sns:us-east-1:123456789012:data-alerts"]);
        expect(alarm.propertyDependencies.metricQueries).toEqual([graph.one(T.stateMachine).urn]);
    });
});

describe("two SparkStreamingJobs on one cluster", () => {
    it("get their own step names, checkpoints, rules and policies on the shared instance role", async () => {
        const graph = await runProgram(() => {
            const lz = landingZone();
            const cluster = new EmrSparkCluster("shared", { storage: lz, network });
            new SparkStreamingJob("clicks", { cluster, ...baseline });
            new SparkStreamingJob("orders", {
                cluster,
                application: { area: "artifacts", path: "jobs/orders.jar" },
                mainClass: "com.example.Orders",
            });
            return { instanceRoleName: cluster.instanceRoleName };
        });
        const patterns = graph
            .ofType(T.rule)
            .map((r) => (JSON.parse(r.inputs.eventPattern as string) as { detail: { name: string[] } }).detail.name);
        expect(patterns.sort()).toEqual([["spectrum-clicks"], ["spectrum-orders"]]);
        const attachments = graph.ofType(T.attachment).filter((a) => a.name.endsWith("-access"));
        expect(attachments.map((a) => a.inputs.role)).toEqual([graph.outputs.instanceRoleName, graph.outputs.instanceRoleName]);
        const orders = parseJson<AslDefinition>(graph.find(T.stateMachine, "orders-supervisor") as PlannedResource, "definition");
        const args = (orders.States.Submit.Parameters as { Step: { HadoopJarStep: { Args: string[] } } }).Step.HadoopJarStep.Args;
        expect(args.slice(-3)).toEqual(["--class", "com.example.Orders", expect.stringMatching(/\/artifacts\/jobs\/orders\.jar$/)]);
        expect(args).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^spark\.spectrum\.checkpointLocation=s3:\/\/.*\/checkpoints\/spark\/orders\/$/),
            ]),
        );
        expect(graph.ofType(T.cluster)).toHaveLength(1);
    });
});

describe("SparkStreamingJob on a cluster with further access", () => {
    it("adds the access statements (a topic it reads) to its own policy on the instance role, and nothing else changes", async () => {
        const topicArn = "arn:aws:kafka:us-east-1:123456789012:topic/events/0000-abc/clicks";
        const graph = await runProgram(() => {
            const lz = landingZone();
            const cluster = new EmrSparkCluster("shared", { storage: lz, network });
            new SparkStreamingJob("clicks", {
                cluster,
                ...baseline,
                access: [{ Effect: "Allow", Action: ["kafka-cluster:ReadData"], Resource: [topicArn] }],
            });
            return {};
        });
        const policy = graph.one(T.policy, "clicks-access");
        const statements = JSON.parse(policy.inputs.policy as string).Statement as Parameters<typeof allowing>[0];
        expect(allowing(statements, "kafka-cluster:ReadData").flatMap(resourcesOf)).toEqual([topicArn]);
        expect(allowing(statements, "s3:PutObject")).not.toHaveLength(0);
    });
});
