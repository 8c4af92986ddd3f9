import { EmrServerlessApplication, SparkBatchJob, SparkStreamingJob } from "../../components/spark";
import { AslDefinition, AslState } from "../../components/spark/asl";
import { PlannedResource, ResourceGraph, policyStatements, runProgram } from "../../testing";
import { aslErrors } from "./asl";
import { T, actionsOf, allowing, landingZone, network, parseJson, resourcesOf, roleStatements } from "./fixtures";

const APP = "aws:emrserverless/application:Application";

/** The same job definition both runtimes get: script, args, Spark properties, locations. */
const job = {
    application: { area: "artifacts", path: "jobs/daily_sessions.py" },
    pyFiles: [{ area: "artifacts", path: "jobs/helpers.zip" }],
    inputs: { events: { area: "raw", path: "events" } },
    outputs: { sessions: { area: "curated", path: "sessions" } },
    args: ["--mode", 'it\'s {quoted} "back"'],
    sparkConf: { "spark.executor.memory": "4g", "spark.app.label": "two words" },
};

describe("EmrServerlessApplication", () => {
    let graph: ResourceGraph;
    let app: PlannedResource;

    beforeAll(async () => {
        graph = await runProgram(() => {
            const lz = landingZone();
            const a = new EmrServerlessApplication("etl", { storage: lz, network, tags: { team: "data" } });
            return { bucket: lz.bucketName, target: { applicationId: a.target.applicationId, releaseLabel: a.target.releaseLabel } };
        });
        app = graph.one(APP);
    });

    it("is a Spark application on Graviton workers, on the newest EMR Serverless 7.x release, capped at 16 vCPU and 64 GB", () => {
        expect(app.inputs).toMatchObject({
            type: "spark",
            releaseLabel: "emr-7.13.0",
            architecture: "ARM64",
            maximumCapacity: { cpu: "16 vCPU", memory: "64 GB" },
        });
        expect(app.inputs.initialCapacities).toBeUndefined();
        expect(graph.outputs.target).toEqual({ applicationId: expect.stringMatching(/^00[0-9a-f]+$/), releaseLabel: "emr-7.13.0" });
    });

    it("starts on the first job and stops after 15 idle minutes, with no interactive endpoints", () => {
        expect(app.inputs.autoStartConfiguration).toEqual({ enabled: true });
        expect(app.inputs.autoStopConfiguration).toEqual({ enabled: true, idleTimeoutMinutes: 15 });
        expect(app.inputs.interactiveConfiguration).toEqual({ livyEndpointEnabled: false, studioEnabled: false });
    });

    it("runs workers in the private subnets behind a group with no inbound rule and open outbound", () => {
        const sg = graph.one(T.sg);
        expect(app.inputs.networkConfiguration).toEqual({
            subnetIds: network.subnetIds,
            securityGroupIds: [expect.stringMatching(/^sg-/)],
        });
        expect(app.propertyDependencies.networkConfiguration).toContain(sg.urn);
        expect(graph.ofType(T.ingress)).toHaveLength(0);
        const egress = graph.one(T.egress);
        expect(egress.inputs).toMatchObject({ ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" });
        expect(egress.propertyDependencies.securityGroupId).toEqual([sg.urn]);
    });

    it("starts Spark from spectrum's defaults without the EC2-only shuffle service, and logs to the landing zone", () => {
        const [runtime] = app.inputs.runtimeConfigurations as Array<{ classification: string; properties: Record<string, string> }>;
        expect(runtime.classification).toBe("spark-defaults");
        expect(runtime.properties).toMatchObject({
            "spark.sql.adaptive.enabled": "true",
            "spark.sql.sources.partitionOverwriteMode": "dynamic",
        });
        expect(runtime.properties["spark.shuffle.service.enabled"]).toBeUndefined();
        expect(app.inputs.monitoringConfiguration).toEqual({
            s3MonitoringConfiguration: { logUri: `s3://${String(graph.outputs.bucket)}/logs/emr-serverless/etl/` },
        });
        expect(app.inputs.tags).toEqual({ team: "data", "spectrum:component": "EmrServerlessApplication" });
    });
});

describe("SparkBatchJob on EMR Serverless", () => {
    let graph: ResourceGraph;
    let definition: AslDefinition;
    let bucket: string;
    const state = (name: string): AslState => definition.States[name];

    beforeAll(async () => {
        graph = await runProgram(() => {
            const lz = landingZone();
            const a = new EmrServerlessApplication("etl", { storage: lz, network });
            const j = new SparkBatchJob("daily", {
                ...job,
                storage: lz,
                serverless: a.target,
                schedule: "cron(0 2 * * ? *)",
                stepRetries: 1,
                timeoutMinutes: 50,
            });
            // The same definition on EMR on EC2, to compare what reaches Spark.
            new SparkBatchJob("daily-ec2", { ...job, args: ["--mode", "plain"], storage: lz, network, schedule: "cron(0 2 * * ? *)" });
            return {
                bucket: lz.bucketName,
                logUri: j.logUri,
                runtimeRoleArn: j.runtimeRoleArn,
                noInstanceRole: j.instanceRoleArn === undefined,
            };
        });
        const machine = graph.ofType(T.stateMachine).find((m) => m.name === "daily-workflow") as PlannedResource;
        definition = parseJson<AslDefinition>(machine, "definition");
        bucket = graph.outputs.bucket as string;
    });

    it("is a valid definition that starts a job run and waits for it, with no cluster to create or terminate", () => {
        expect(aslErrors(definition)).toBe("");
        expect(Object.keys(definition.States)).toEqual(["ResolveLogicalTime", "UseStartTime", "RunJob", "Succeeded", "SparkJobFailed"]);
        expect(state("RunJob").Resource).toBe("arn:aws:states:::emr-serverless:startJobRun.sync");
        expect(JSON.stringify(definition)).not.toContain("elasticmapreduce");
        expect(state("RunJob").Catch).toEqual([{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "SparkJobFailed" }]);
        // The run's own timeout, with the task's a little longer as the backstop; retries start a new run.
        const p = state("RunJob").Parameters as Record<string, unknown>;
        expect(p.ExecutionTimeoutMinutes).toBe(50);
        expect(state("RunJob").TimeoutSeconds).toBe(50 * 60 + 300);
        expect(p["ClientToken.$"]).toBe("States.UUID()");
        expect((state("RunJob").Retry as Array<{ ErrorEquals: string[]; MaxAttempts: number }>)[0]).toMatchObject({
            ErrorEquals: ["States.TaskFailed"],
            MaxAttempts: 1,
        });
    });

    it("runs the job's script with its own arguments, runtime role, log folder and every Spark property, plus the logical time", () => {
        const p = state("RunJob").Parameters as Record<string, Record<string, unknown>>;
        expect(p.ApplicationId).toMatch(/^00[0-9a-f]+$/);
        expect(p.ExecutionRoleArn).toBe(graph.outputs.runtimeRoleArn);
        expect(p.Name).toBe("daily");
        expect(p.JobDriver).toEqual({
            SparkSubmit: {
                EntryPoint: `s3://${bucket}/artifacts/jobs/daily_sessions.py`,
                // Passed as JSON: quotes and braces arrive as written.
                EntryPointArguments: ["--mode", 'it\'s {quoted} "back"'],
                SparkSubmitParameters: `--py-files s3://${bucket}/artifacts/jobs/helpers.zip`,
            },
        });
        const overrides = p.ConfigurationOverrides as {
            ApplicationConfiguration: Array<{ Classification: string; Properties: Record<string, string> }>;
            MonitoringConfiguration: unknown;
        };
        expect(overrides.ApplicationConfiguration).toEqual([
            {
                Classification: "spark-defaults",
                Properties: {
                    "spark.app.label": "two words",
                    "spark.executor.memory": "4g",
                    "spark.spectrum.input.events": `s3://${bucket}/raw/events/`,
                    "spark.spectrum.output.sessions": `s3://${bucket}/curated/sessions/`,
                    "spark.spectrum.logicalTime.$": "$.logicalTime",
                },
            },
        ]);
        expect(overrides.MonitoringConfiguration).toEqual({
            S3MonitoringConfiguration: { LogUri: `s3://${bucket}/logs/emr-serverless/daily/` },
        });
        expect(graph.outputs.logUri).toBe(`s3://${bucket}/logs/emr-serverless/daily/`);
        expect(graph.outputs.noInstanceRole).toBe(true);
    });

    it("gives Spark the same properties as the same job on EMR on EC2", () => {
        const ec2 = parseJson<AslDefinition>(
            graph.ofType(T.stateMachine).find((m) => m.name === "daily-ec2-workflow") as PlannedResource,
            "definition",
        );
        const command = String((ec2.States.BuildCommand.Parameters as Record<string, string>)["args.$"]);
        const confs = [...command.matchAll(/'--conf', '([^']+)'/g)].map((m) => m[1]);
        const serverless = (
            state("RunJob").Parameters as {
                ConfigurationOverrides: { ApplicationConfiguration: Array<{ Properties: Record<string, string> }> };
            }
        ).ConfigurationOverrides.ApplicationConfiguration[0].Properties;
        const fromServerless = Object.entries(serverless)
            .filter(([k]) => !k.endsWith(".$"))
            .map(([k, v]) => `${k}=${v}`);
        expect(fromServerless.sort()).toEqual(confs.sort());
    });

    it("lets the workflow run jobs on its application only, pass only its runtime role, and follow the run's events", () => {
        const statements = roleStatements(graph, "daily-workflow-role");
        const app = graph.one(APP);
        const appArn = `arn:aws:emr-serverless:us-east-1:123456789012:/applications/${String(app.id ?? "")}`;
        const start = allowing(statements, "emr-serverless:StartJobRun");
        expect(start).toHaveLength(1);
        expect(resourcesOf(start[0])).toEqual([
            expect.stringMatching(/^arn:aws:emr-serverless:us-east-1:123456789012:\/applications\/00[0-9a-f]+$/),
        ]);
        expect(appArn).toBeDefined();
        for (const action of ["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun", "emr-serverless:TagResource"])
            expect(resourcesOf(allowing(statements, action)[0])).toEqual([
                expect.stringMatching(/\/applications\/00[0-9a-f]+\/jobruns\/\*$/),
            ]);
        const pass = allowing(statements, "iam:PassRole");
        expect(pass).toHaveLength(1);
        expect(resourcesOf(pass[0])).toEqual([graph.outputs.runtimeRoleArn]);
        expect(pass[0].Condition).toEqual({ StringEquals: { "iam:PassedToService": "emr-serverless.amazonaws.com" } });
        expect(resourcesOf(allowing(statements, "events:PutRule")[0])).toEqual([
            "arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForEMRServerlessJobRule",
        ]);
        expect(statements.flatMap(actionsOf).some((a) => a.startsWith("elasticmapreduce:"))).toBe(false);
    });

    it("runs with a runtime role EMR Serverless may assume only for this application, scoped like the clusters' instance role", () => {
        const role = graph.one(T.role, "daily-runtime-role");
        const trust = policyStatements(role, "assumeRolePolicy");
        expect(trust).toEqual([
            {
                Effect: "Allow",
                Principal: { Service: "emr-serverless.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": "123456789012" },
                    ArnLike: { "aws:SourceArn": expect.stringMatching(/:\/applications\/00[0-9a-f]+$/) },
                },
            },
        ]);
        const statements = roleStatements(graph, "daily-runtime-role");
        const puts = allowing(statements, "s3:PutObject").flatMap(resourcesOf);
        expect(puts.sort()).toEqual(
            [`arn:aws:s3:::${bucket}/curated/sessions/*`, `arn:aws:s3:::${bucket}/logs/emr-serverless/daily/*`].sort(),
        );
        const gets = allowing(statements, "s3:GetObject").flatMap(resourcesOf);
        expect(gets).toEqual(expect.arrayContaining([`arn:aws:s3:::${bucket}/artifacts/jobs/*`, `arn:aws:s3:::${bucket}/raw/events/*`]));
        expect(gets.some((r) => r.endsWith(`${bucket}/*`))).toBe(false);
    });

    it("creates no cluster, security configuration, instance profile or disk key for the serverless job", () => {
        const serverlessChildren = graph.resources.filter((r) => r.name.startsWith("daily-") && !r.name.startsWith("daily-ec2"));
        expect(serverlessChildren.map((r) => r.type)).not.toEqual(expect.arrayContaining([T.securityConfiguration]));
        expect(serverlessChildren.some((r) => r.type === T.profile || r.type === T.key || r.type === T.securityConfiguration)).toBe(false);
        expect(graph.one(T.schedule, "daily-schedule").inputs.scheduleExpression).toBe("cron(0 2 * * ? *)");
        expect(graph.one(T.alarm, "daily-failed-runs")).toBeDefined();
    });
});

describe("SparkStreamingJob on EMR Serverless", () => {
    let graph: ResourceGraph;
    let definition: AslDefinition;
    let bucket: string;
    const state = (name: string): AslState => definition.States[name];

    beforeAll(async () => {
        graph = await runProgram(() => {
            const lz = landingZone();
            const a = new EmrServerlessApplication("speed", { storage: lz, network, autoStopIdleMinutes: false });
            const j = new SparkStreamingJob("clicks", {
                ...job,
                serverless: a.target,
                triggerInterval: "30 seconds",
                restart: { maxFailedAttemptsPerHour: 3 },
                alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:data-alerts",
            });
            return { bucket: lz.bucketName, runtimeRoleName: j.runtimeRoleName, checkpointUri: j.checkpointUri };
        });
        definition = parseJson<AslDefinition>(graph.one(T.stateMachine), "definition");
        bucket = graph.outputs.bucket as string;
    });

    it("keeps its application started, and deploys through a valid supervisor that stops the old run before starting the new one", () => {
        expect(graph.one(APP).inputs.autoStopConfiguration).toEqual({ enabled: false });
        // The validator reads any "States" key as a state map, even ListJobRuns' own filter inside
        // Parameters (which Step Functions passes through untouched): rename it for the check only.
        const checked = JSON.parse(JSON.stringify(definition).replace(/"States":\["/g, '"StateFilter":["')) as AslDefinition;
        expect(aslErrors(checked)).toBe("");
        const live = state("FindRuns");
        expect(live.Resource).toBe("arn:aws:states:::aws-sdk:emrserverless:listJobRuns");
        expect(live.Parameters).toMatchObject({ Mode: "STREAMING", States: ["SUBMITTED", "PENDING", "SCHEDULED", "QUEUED", "RUNNING"] });
        expect(live.ResultSelector).toEqual({ "ids.$": "$.JobRuns[?(@.Name == 'spectrum-clicks')].Id" });
        expect(state("FindStopping").Parameters).toMatchObject({ States: ["CANCELLING"] });
        expect(state("CancelRun").Resource).toBe("arn:aws:states:::aws-sdk:emrserverless:cancelJobRun");
        // A stop never starts a run; a deploy starts one only once no run of the job is left.
        expect(state("HasLiveRun")).toMatchObject({ Choices: [{ Next: "CancelRun" }], Default: "FindStopping" });
        expect(state("HasStoppingRun")).toMatchObject({ Choices: [{ Next: "WaitForCancel" }], Default: "AfterStop" });
        expect(state("WaitForCancel").Next).toBe("FindRuns");
        expect(state("AfterStop")).toMatchObject({ Choices: [{ StringEquals: "stop", Next: "Stopped" }], Default: "StartRun" });
    });

    it("starts the run in streaming mode with EMR Serverless's retry policy, an idempotent token, the checkpoint and trigger", () => {
        const start = state("StartRun");
        expect(start.Resource).toBe("arn:aws:states:::aws-sdk:emrserverless:startJobRun");
        const p = start.Parameters as Record<string, unknown>;
        expect(p).toMatchObject({ Mode: "STREAMING", RetryPolicy: { MaxFailedAttemptsPerHour: 3 }, Name: "spectrum-clicks" });
        expect(p["ClientToken.$"]).toBe("States.Hash($$.Execution.Id, 'MD5')");
        const properties = (p.ConfigurationOverrides as { ApplicationConfiguration: Array<{ Properties: Record<string, string> }> })
            .ApplicationConfiguration[0].Properties;
        expect(properties).toMatchObject({
            "spark.sql.streaming.checkpointLocation": `s3://${bucket}/checkpoints/spark/clicks/`,
            "spark.spectrum.checkpointLocation": `s3://${bucket}/checkpoints/spark/clicks/`,
            "spark.spectrum.triggerInterval": "30 seconds",
        });
        expect(state("Started").Default).toBe("DeployFailed");
    });

    it("runs with its own runtime role: the job's grants plus its checkpoint and log folders", () => {
        const statements = roleStatements(graph, "clicks-runtime-role");
        expect(allowing(statements, "s3:PutObject").flatMap(resourcesOf).sort()).toEqual(
            [
                `arn:aws:s3:::${bucket}/checkpoints/spark/clicks/*`,
                `arn:aws:s3:::${bucket}/curated/sessions/*`,
                `arn:aws:s3:::${bucket}/logs/emr-serverless/clicks/*`,
            ].sort(),
        );
        expect(graph.outputs.runtimeRoleName).toMatch(/^clicks-runtime-role-/);
        const supervisor = roleStatements(graph, "clicks-supervisor-role");
        expect(resourcesOf(allowing(supervisor, "emr-serverless:ListJobRuns")[0])).toEqual([
            expect.stringMatching(/\/applications\/00[0-9a-f]+$/),
        ]);
        expect(allowing(supervisor, "iam:PassRole")[0].Condition).toEqual({
            StringEquals: { "iam:PassedToService": "emr-serverless.amazonaws.com" },
        });
    });

    it("is deployed by the deployer on every change, and alarms on failed deployments and on runs that failed past their retries", () => {
        const invocation = graph.one(T.invocation);
        expect(invocation.inputs.lifecycleScope).toBe("CRUD");
        const rule = graph.one(T.rule, "clicks-run-failed");
        expect(JSON.parse(rule.inputs.eventPattern as string)).toEqual({
            source: ["aws.emr-serverless"],
            "detail-type": ["EMR Serverless Job Run State Change"],
            detail: { state: ["FAILED"], applicationId: [expect.stringMatching(/^00[0-9a-f]+$/)] },
        });
        const alarm = graph.one(T.alarm, "clicks-run-failed");
        expect(alarm.inputs).toMatchObject({ namespace: "AWS/Events", metricName: "TriggeredRules", threshold: 1 });
        expect(alarm.propertyDependencies.dimensions).toContain(rule.urn);
        expect(alarm.inputs.alarmActions).toEqual(["arn:aws:sns:us-east-1:123456789012:data-alerts"]);
        expect(graph.one(T.alarm, "clicks-supervisor-failed")).toBeDefined();
        // No EMR step restart path: EMR Serverless restarts the run itself.
        expect(graph.ofType(T.target)).toHaveLength(0);
    });
});
