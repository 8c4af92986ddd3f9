import { JOB_TAG_KEY, LOGICAL_TIME_CONF, SparkBatchJob } from "../../components/spark";
import { AslDefinition, AslState, successors } from "../../components/spark/asl";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";
import { aslErrors } from "./asl";
import { T, actionsOf, allowing, landingZone, network, parseJson, resourcesOf, roleStatements } from "./fixtures";

/**
 * Evaluates `States.Array(...)` the way Step Functions does, for string literals and `$.a.b`
 * paths: proves that the escaping of user arguments survives the round trip.
 */
function evalStatesArray(expression: string, input: Record<string, unknown>): unknown[] {
    const body = /^States\.Array\((.*)\)$/s.exec(expression);
    if (!body) throw new Error(`not States.Array: ${expression}`);
    const out: unknown[] = [];
    let i = 0;
    const text = body[1];
    while (i < text.length) {
        while (text[i] === " " || text[i] === ",") i++;
        if (text[i] === "'") {
            let value = "";
            i++;
            while (text[i] !== "'") {
                if (text[i] === "\\") i++;
                value += text[i++];
            }
            i++;
            out.push(value);
        } else {
            const match = /^\$((?:\.[A-Za-z]+)+)/.exec(text.slice(i));
            if (!match) throw new Error(`unexpected at ${i}: ${text.slice(i, i + 20)}`);
            out.push(
                match[1]
                    .slice(1)
                    .split(".")
                    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], input),
            );
            i += match[0].length;
        }
    }
    return out;
}

describe("SparkBatchJob", () => {
    let graph: ResourceGraph;
    let machine: PlannedResource;
    let definition: AslDefinition;
    let bucket: string;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const lz = landingZone();
            const job = new SparkBatchJob("daily", {
                storage: lz,
                network,
                schedule: "cron(0 2 * * ? *)",
                timeZone: "Europe/Paris",
                application: { area: "artifacts", path: "jobs/daily_sessions.py" },
                inputs: { events: { area: "raw", path: "events" } },
                outputs: { sessions: { area: "curated", path: "sessions" } },
                args: ["--mode", "it's {quoted}"],
                sparkConf: { "spark.executor.memory": "4g" },
                alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:data-alerts",
            });
            return { bucket: lz.bucketName, stateMachineArn: job.stateMachineArn };
        });
        machine = graph.one(T.stateMachine);
        definition = parseJson<AslDefinition>(machine, "definition");
        bucket = graph.outputs.bucket as string;
    });

    const state = (name: string): AslState => definition.States[name];

    it("is a valid Amazon States Language definition (and the validator does catch broken ones)", () => {
        expect(aslErrors(definition)).toBe("");
        const broken = JSON.parse(JSON.stringify(definition)) as AslDefinition;
        broken.States.RunSparkStep.Next = "NoSuchState";
        expect(aslErrors(broken)).not.toBe("");
        expect(machine.inputs.type).toBe("STANDARD");
    });

    it("creates the cluster, runs the Spark step and waits, then terminates it", () => {
        const path: string[] = [];
        let name: string | undefined = definition.StartAt;
        const input = { logicalTime: "2026-01-31T02:00:00Z" };
        while (name) {
            path.push(name);
            const s = state(name);
            if (s.Type === "Choice")
                name =
                    (s.Choices as Array<{ Variable: string; Next: string }>)[0].Variable === "$.logicalTime" && input.logicalTime
                        ? "PrepareRun"
                        : (s.Default as string);
            else name = s.Next as string | undefined;
        }
        expect(path).toEqual([
            "ResolveLogicalTime",
            "PrepareRun",
            "BuildCommand",
            "CreateCluster",
            "RunSparkStep",
            "TerminateCluster",
            "Succeeded",
        ]);
        expect(state("CreateCluster").Resource).toBe("arn:aws:states:::elasticmapreduce:createCluster.sync");
        expect(state("RunSparkStep").Resource).toBe("arn:aws:states:::elasticmapreduce:addStep.sync");
        expect(state("TerminateCluster").Resource).toBe("arn:aws:states:::elasticmapreduce:terminateCluster.sync");
        expect(state("RunSparkStep").TimeoutSeconds).toBe(360 * 60);
    });

    it("terminates the cluster on every failure path after creation, then fails", () => {
        const tasks = Object.entries(definition.States).filter(([, s]) => s.Type === "Task");
        const terminate = (s: AslState) => String(s.Resource).includes(":terminateCluster");
        for (const [name, s] of tasks) {
            const catchAll = (s.Catch as Array<{ ErrorEquals: string[]; Next: string }>).find((c) => c.ErrorEquals.includes("States.ALL"));
            expect(catchAll).toBeDefined();
            const target = state(catchAll?.Next ?? "");
            if (name === "CreateCluster" || terminate(s)) {
                // No cluster to terminate yet, or termination itself failed: fail the run (the idle timeout is the backstop).
                expect(target.Type).toBe("Fail");
            } else {
                expect(terminate(target)).toBe(true);
                expect(state(target.Next as string).Type).toBe("Fail");
            }
        }
        // No path from a failure reaches Succeed.
        const reachable = new Set<string>();
        const walk = (n: string) => {
            if (reachable.has(n)) return;
            reachable.add(n);
            successors(state(n)).forEach(walk);
        };
        walk("TerminateAfterFailure");
        expect([...reachable].map((n) => state(n).Type)).not.toContain("Succeed");
    });

    it("retries transient failures of every task with exponential backoff", () => {
        for (const [name, s] of Object.entries(definition.States).filter(([, st]) => st.Type === "Task")) {
            const retries = s.Retry as Array<{ ErrorEquals: string[]; BackoffRate: number; MaxAttempts: number; IntervalSeconds: number }>;
            expect({ name, retries: retries.length > 0 }).toEqual({ name, retries: true });
            for (const r of retries) {
                expect(r.BackoffRate).toBeGreaterThanOrEqual(2);
                expect(r.MaxAttempts).toBeGreaterThanOrEqual(1);
            }
        }
        // A failed Spark application is not retried by default: only the EMR API's own errors are.
        expect((state("RunSparkStep").Retry as Array<{ ErrorEquals: string[] }>).flatMap((r) => r.ErrorEquals)).not.toContain(
            "States.TaskFailed",
        );
    });

    it("creates a hardened transient cluster: kept alive for the step, auto-terminated as a backstop, tagged", () => {
        const p = state("CreateCluster").Parameters as Record<string, Record<string, unknown> & unknown[]>;
        expect(p.Steps).toBeUndefined();
        expect(p.Instances.KeepJobFlowAliveWhenNoSteps).toBe(true);
        expect(p.Instances.TerminationProtected).toBe(false);
        expect(p.AutoTerminationPolicy).toEqual({ IdleTimeout: 1800 });
        expect(p.ReleaseLabel).toBe("emr-7.14.0");
        expect(p.LogUri).toBe(`s3://${bucket}/logs/emr/daily/`);
        expect(p.SecurityConfiguration).toMatch(/^daily-security-/);
        expect(p.ServiceRole).toMatch(/:role\/daily-service-role-/);
        expect(p.JobFlowRole).toMatch(/^daily-instance-role-/);
        expect(p.Instances.Ec2SubnetIds).toEqual(network.subnetIds);
        expect(p.Instances.ServiceAccessSecurityGroup).toMatch(/^sg-/);
        const fleets = p.Instances.InstanceFleets as Array<Record<string, unknown>>;
        expect(fleets.map((f) => f.InstanceFleetType)).toEqual(["MASTER", "CORE", "TASK"]);
        expect(fleets[2].LaunchSpecifications).toEqual({
            SpotSpecification: {
                AllocationStrategy: "price-capacity-optimized",
                TimeoutAction: "SWITCH_TO_ON_DEMAND",
                TimeoutDurationMinutes: 10,
            },
        });
        expect(fleets[0].LaunchSpecifications).toEqual({ OnDemandSpecification: { AllocationStrategy: "lowest-price" } });
        expect(p.ManagedScalingPolicy).toEqual({
            ComputeLimits: expect.objectContaining({ UnitType: "InstanceFleetUnits", MaximumCapacityUnits: 10 }),
        });
        expect(p.Tags).toEqual(
            expect.arrayContaining([
                { Key: "for-use-with-amazon-emr-managed-policies", Value: "true" },
                { Key: JOB_TAG_KEY, Value: "project/test/daily" },
                { Key: "spectrum:component", Value: "SparkBatchJob" },
            ]),
        );
        expect((p.Configurations as Array<{ Classification: string }>)[0].Classification).toBe("spark-defaults");
    });

    it("submits spark-submit in cluster mode with the job's locations, its args intact, and the run's logical time", () => {
        const run = { logicalTime: "2026-01-31T02:00:00Z", logicalTimeConf: `${LOGICAL_TIME_CONF}=2026-01-31T02:00:00Z` };
        const args = evalStatesArray((state("BuildCommand").Parameters as Record<string, string>)["args.$"], { run });
        expect(args).toEqual([
            "spark-submit",
            "--deploy-mode",
            "cluster",
            "--name",
            "daily",
            "--conf",
            "spark.executor.memory=4g",
            "--conf",
            `spark.spectrum.input.events=s3://${bucket}/raw/events/`,
            "--conf",
            `spark.spectrum.output.sessions=s3://${bucket}/curated/sessions/`,
            "--conf",
            "spark.spectrum.logicalTime=2026-01-31T02:00:00Z",
            `s3://${bucket}/artifacts/jobs/daily_sessions.py`,
            "--mode",
            "it's {quoted}",
        ]);
        const step = (state("RunSparkStep").Parameters as Record<string, Record<string, unknown>>).Step;
        expect(step).toEqual({
            Name: "daily",
            ActionOnFailure: "CONTINUE",
            HadoopJarStep: { Jar: "command-runner.jar", "Args.$": "$.command.args" },
        });
        // Without a logical time in the input (a manual run), the execution's start time is used.
        expect(state("UseStartTime").Parameters).toEqual({ "logicalTime.$": "$$.Execution.StartTime" });
    });

    it("lets the workflow create, step and terminate only clusters tagged with this job, and pass only its own roles", () => {
        const statements = roleStatements(graph, "daily-workflow-role");
        const run = allowing(statements, "elasticmapreduce:RunJobFlow");
        expect(run).toHaveLength(1);
        expect(run[0].Condition).toEqual({ StringEquals: { [`aws:RequestTag/${JOB_TAG_KEY}`]: "project/test/daily" } });
        for (const action of [
            "elasticmapreduce:DescribeCluster",
            "elasticmapreduce:AddJobFlowSteps",
            "elasticmapreduce:TerminateJobFlows",
            "elasticmapreduce:DescribeStep",
        ]) {
            const s = allowing(statements, action);
            expect(s).toHaveLength(1);
            expect(resourcesOf(s[0])).toEqual(["arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/*"]);
            expect(s[0].Condition).toEqual({ StringEquals: { [`aws:ResourceTag/${JOB_TAG_KEY}`]: "project/test/daily" } });
        }
        // The service role is passed to EMR, the instance profile's role to EC2: one condition for both would deny one of them.
        const pass = allowing(statements, "iam:PassRole");
        expect(pass).toHaveLength(2);
        const passedTo = (pattern: RegExp) =>
            pass
                .filter((s) => resourcesOf(s).some((r) => pattern.test(r)))
                .map((s) => ({ resources: resourcesOf(s).length, condition: s.Condition }));
        expect(passedTo(/:role\/daily-service-role-/)).toEqual([
            { resources: 1, condition: { StringEquals: { "iam:PassedToService": "elasticmapreduce.amazonaws.com" } } },
        ]);
        expect(passedTo(/:role\/daily-instance-role-/)).toEqual([
            { resources: 1, condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } },
        ]);
        const everything = statements.flatMap(actionsOf);
        expect(everything.filter((a) => a.includes("*"))).toEqual([]);
        expect(policyStatements(graph.one(T.role, "daily-workflow-role"))[0].Principal).toEqual({ Service: "states.amazonaws.com" });
    });

    it("starts the workflow on a cron schedule in the given time zone, with a role that may start only it", () => {
        const schedule = graph.one(T.schedule);
        expect(schedule.inputs).toMatchObject({
            scheduleExpression: "cron(0 2 * * ? *)",
            scheduleExpressionTimezone: "Europe/Paris",
            state: "ENABLED",
            flexibleTimeWindow: { mode: "OFF" },
        });
        const target = schedule.inputs.target as Record<string, string>;
        expect(target.arn).toBe(graph.outputs.stateMachineArn);
        expect(schedule.propertyDependencies.target).toEqual(
            expect.arrayContaining([machine.urn, graph.one(T.role, "daily-scheduler-role").urn]),
        );
        expect(JSON.parse(target.input)).toEqual({ logicalTime: "<aws.scheduler.scheduled-time>" });
        const statements = roleStatements(graph, "daily-scheduler-role");
        expect(statements).toEqual([{ Effect: "Allow", Action: ["states:StartExecution"], Resource: [graph.outputs.stateMachineArn] }]);
        expect(policyStatements(graph.one(T.role, "daily-scheduler-role"))[0]).toMatchObject({
            Principal: { Service: "scheduler.amazonaws.com" },
            Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        });
    });

    it("alarms on failed or timed-out runs and notifies the SNS topic", () => {
        const alarm = graph.one(T.alarm);
        expect(alarm.inputs.alarmActions).toEqual(["arn:aws:sns:us-east-1:123456789012:data-alerts"]);
        const queries = alarm.inputs.metricQueries as Array<{
            id: string;
            metric?: { namespace: string; metricName: string; dimensions: Record<string, string> };
        }>;
        const metrics = queries.filter((q) => q.metric).map((q) => q.metric);
        expect(metrics.map((m) => m?.metricName)).toEqual(["ExecutionsFailed", "ExecutionsTimedOut"]);
        for (const m of metrics)
            expect(m).toMatchObject({ namespace: "AWS/States", dimensions: { StateMachineArn: graph.outputs.stateMachineArn } });
        expect(alarm.inputs).toMatchObject({
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            treatMissingData: "notBreaching",
        });
    });

    it("gives the transient clusters read access to the code and inputs, write access to outputs and logs, nothing more", () => {
        const statements = roleStatements(graph, "daily-instance-role");
        const objects = (action: string) =>
            allowing(statements, action)
                .flatMap(resourcesOf)
                .filter((r) => r.includes(bucket))
                .sort();
        expect(objects("s3:PutObject")).toEqual([`arn:aws:s3:::${bucket}/curated/sessions/*`, `arn:aws:s3:::${bucket}/logs/emr/daily/*`]);
        expect(objects("s3:GetObject")).toEqual([
            `arn:aws:s3:::${bucket}/artifacts/jobs/*`,
            `arn:aws:s3:::${bucket}/curated/sessions/*`,
            `arn:aws:s3:::${bucket}/logs/emr/daily/*`,
            `arn:aws:s3:::${bucket}/raw/events/*`,
        ]);
    });
});
