import { SpectrumValidationError } from "../../components/core";
import {
    EmrSparkCluster,
    EmrSparkClusterArgs,
    SparkBatchJob,
    SparkBatchJobArgs,
    SparkStreamingJob,
    SparkStreamingJobArgs,
} from "../../components/spark";
import { runProgram } from "../../testing";
import { landingZone, network } from "./fixtures";

type ClusterArgs = Omit<EmrSparkClusterArgs, "storage">;
type BatchArgs = Omit<SparkBatchJobArgs, "storage">;
type StreamingArgs = Omit<SparkStreamingJobArgs, "cluster">;

const batch: BatchArgs = { network, schedule: "cron(0 2 * * ? *)", application: { area: "artifacts", path: "jobs/daily.py" } };
const streaming: StreamingArgs = { application: { area: "artifacts", path: "jobs/clicks.py" } };

/** The problems a component reports for these args (an empty list when it accepts them). */
async function problems(make: (lz: ReturnType<typeof landingZone>) => void): Promise<string[]> {
    try {
        await runProgram(() => make(landingZone()));
        return [];
    } catch (e) {
        if (e instanceof SpectrumValidationError) return [...e.problems];
        throw e;
    }
}

const clusterProblems = (args: Partial<ClusterArgs>) => problems((lz) => new EmrSparkCluster("shared", { storage: lz, network, ...args }));
const batchProblems = (args: Partial<BatchArgs>) => problems((lz) => new SparkBatchJob("daily", { storage: lz, ...batch, ...args }));
const streamingProblems = (args: Partial<StreamingArgs>) =>
    problems((lz) => {
        const cluster = new EmrSparkCluster("shared", { storage: lz, network, protect: false });
        new SparkStreamingJob("clicks", { cluster, ...streaming, ...args });
    });

describe("Spark components reject bad input with one clear message per problem", () => {
    it("accepts the minimal arguments", async () => {
        expect(await clusterProblems({})).toEqual([]);
        expect(await batchProblems({})).toEqual([]);
        expect(await streamingProblems({})).toEqual([]);
    });

    it("a malformed release label", async () => {
        expect(await clusterProblems({ releaseLabel: "7.14.0" })).toEqual([
            'EmrSparkCluster "shared": releaseLabel = "7.14.0": is not an EMR release label. Use the form emr-x.y.z or emr-spark-x.y.z, e.g. "emr-7.14.0" or "emr-spark-8.1.0".',
        ]);
    });

    it("a release older than EMR 7", async () => {
        expect(await clusterProblems({ releaseLabel: "emr-6.15.0" })).toEqual([
            'EmrSparkCluster "shared": releaseLabel = "emr-6.15.0": EMR 6.x is older than the 7.x releases these components are built for (Spark 3.5, IMDSv2 and gp3 defaults). Use a 7.x release such as "emr-7.14.0", or an emr-spark-8.x release (Spark 4).',
        ]);
    });

    it("an empty fleet", async () => {
        expect(await clusterProblems({ core: { instanceTypes: [] } })).toEqual([
            'EmrSparkCluster "shared": core.instanceTypes = []: a fleet needs at least one instance type. List one or more types, or omit instanceTypes for the Graviton defaults.',
        ]);
    });

    it("managed scaling with a minimum above the maximum", async () => {
        expect(await clusterProblems({ scaling: { minCapacity: 8, maxCapacity: 4 } })).toEqual([
            'EmrSparkCluster "shared": scaling.minCapacity = 8: is greater than scaling.maxCapacity (4). Lower minCapacity or raise maxCapacity.',
        ]);
    });

    it("fleets that mix Graviton and x86 instance types", async () => {
        const found = await clusterProblems({ task: { instanceTypes: ["m7i.xlarge"] } });
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            /^EmrSparkCluster "shared": instanceTypes = \[.*"m7i\.xlarge"\]: mixes Graviton \(arm64\) and x86 instance types.* Use only Graviton types .* or only x86 types in every fleet\.$/,
        );
    });

    it("a primary fleet that is neither one node nor three with high availability", async () => {
        expect(await clusterProblems({ primary: { targetCapacity: 2 } })).toEqual([
            'EmrSparkCluster "shared": primary.targetCapacity = 2: a cluster has one primary node, or three for high availability. Set highAvailability: true for three primary nodes, or omit primary.targetCapacity.',
        ]);
    });

    it("a grant to an area outside the landing zone", async () => {
        expect(await clusterProblems({ grants: [{ access: "read", area: "secrets" }] })).toEqual([
            'EmrSparkCluster "shared": grants[0].area = "secrets": is not an area of the landing zone, so the location lies outside it. Use one of raw, curated, artifacts, checkpoints, logs, or add the zone to the LandingZone.',
        ]);
    });

    it("a path that climbs out of its area", async () => {
        expect(await batchProblems({ outputs: { report: { area: "curated", path: "../logs/emr" } } })).toEqual([
            'SparkBatchJob "daily": outputs.report.path = "../logs/emr": is not a path inside the landing zone. Use /-separated segments of letters, digits and !_.*\'()=- only, with no "." or ".." segments.',
        ]);
    });

    it("a batch job input outside the landing zone", async () => {
        expect(await batchProblems({ inputs: { events: { area: "s3://other-bucket" } } })).toEqual([
            'SparkBatchJob "daily": inputs.events.area = "s3://other-bucket": is not an area of the landing zone, so the location lies outside it. Use one of raw, curated, artifacts, checkpoints, logs, or add the zone to the LandingZone.',
        ]);
    });

    it("a cron expression with five fields", async () => {
        expect(await batchProblems({ schedule: "cron(0 2 * * *)" })).toEqual([
            'SparkBatchJob "daily": schedule = "cron(0 2 * * *)": is not a valid schedule: has 5 fields; EventBridge Scheduler\'s cron has six (minutes hours day-of-month month day-of-week year). Use e.g. "cron(0 2 * * ? *)" for 02:00 every day or "rate(1 hour)".',
        ]);
    });

    it("a cron expression without the ? that EventBridge requires", async () => {
        expect(await batchProblems({ schedule: "cron(0 2 * * MON *)" })).toEqual([
            'SparkBatchJob "daily": schedule = "cron(0 2 * * MON *)": is not a valid schedule: exactly one of day-of-month and day-of-week must be "?". Use e.g. "cron(0 2 * * ? *)" for 02:00 every day or "rate(1 hour)".',
        ]);
    });

    it("a cron field out of range, and a rate with the wrong unit", async () => {
        expect(await batchProblems({ schedule: "cron(0 25 * * ? *)" })).toEqual([
            'SparkBatchJob "daily": schedule = "cron(0 25 * * ? *)": is not a valid schedule: its hours field "25" is not valid. Use e.g. "cron(0 2 * * ? *)" for 02:00 every day or "rate(1 hour)".',
        ]);
        expect(await batchProblems({ schedule: "rate(1 hours)" })).toEqual([
            'SparkBatchJob "daily": schedule = "rate(1 hours)": is not a valid schedule: use the singular unit for 1: rate(1 hour). Use e.g. "cron(0 2 * * ? *)" for 02:00 every day or "rate(1 hour)".',
        ]);
    });

    it("accepts the schedules EventBridge Scheduler documents", async () => {
        for (const schedule of [
            "cron(15 10 ? * 6L 2026-2030)",
            "cron(0/15 * * * ? *)",
            "cron(0 8 1 JAN,JUL ? *)",
            "cron(30 3 ? * MON-FRI *)",
            "rate(6 hours)",
            "rate(1 day)",
        ]) {
            expect({ schedule, problems: await batchProblems({ schedule }) }).toEqual({ schedule, problems: [] });
        }
    });

    it("an unknown time zone", async () => {
        expect(await batchProblems({ timeZone: "Mars/Olympus" })).toEqual([
            'SparkBatchJob "daily": timeZone = "Mars/Olympus": is not an IANA time zone. Use a name such as "UTC" or "Europe/Paris".',
        ]);
    });

    it("an application that is neither a script nor a jar, and Spark properties spectrum owns", async () => {
        expect(
            await batchProblems({
                application: { area: "artifacts", path: "jobs/daily.sh" },
                sparkConf: { "spark.spectrum.input.x": "s3://elsewhere/" },
            }),
        ).toEqual([
            'SparkBatchJob "daily": application.path = "jobs/daily.sh": is neither a PySpark script (.py) nor a jar (.jar). Point application at a .py or .jar file.',
            'SparkBatchJob "daily": sparkConf["spark.spectrum.input.x"] = "s3://elsewhere/": spark.spectrum.* properties are set by spectrum. Use inputs/outputs for locations, or another property name.',
        ]);
    });

    it("a backslash in a batch job's arguments", async () => {
        expect(await batchProblems({ args: ["C:\\data"] })).toEqual([
            'SparkBatchJob "daily": args[0] = "C:\\\\data": contains a backslash, which a batch job\'s step arguments cannot carry. Remove the backslash, or pass the value in a file the application reads.',
        ]);
    });

    it("a bad transient cluster shape, named under cluster.", async () => {
        expect(await batchProblems({ cluster: { releaseLabel: "emr-5.36.2" } })).toEqual([
            'SparkBatchJob "daily": cluster.releaseLabel = "emr-5.36.2": EMR 5.x is older than the 7.x releases these components are built for (Spark 3.5, IMDSv2 and gp3 defaults). Use a 7.x release such as "emr-7.14.0", or an emr-spark-8.x release (Spark 4).',
        ]);
        expect(await batchProblems({ cluster: { scaling: { minCapacity: 3, maxCapacity: 2 } } })).toEqual([
            'SparkBatchJob "daily": cluster.scaling.minCapacity = 3: is greater than scaling.maxCapacity (2). Lower minCapacity or raise maxCapacity.',
        ]);
    });

    it("a streaming job with a bad trigger interval and an inverted backoff", async () => {
        expect(
            await streamingProblems({ triggerInterval: "every minute", restart: { initialBackoffSeconds: 600, maxBackoffSeconds: 60 } }),
        ).toEqual([
            'SparkStreamingJob "clicks": triggerInterval = "every minute": is not a Spark processing-time interval. Use e.g. "30 seconds" or "5 minutes".',
        ]);
        expect(await streamingProblems({ restart: { initialBackoffSeconds: 600, maxBackoffSeconds: 60 } })).toEqual([
            'SparkStreamingJob "clicks": restart.maxBackoffSeconds = 60: must be a whole number of seconds from restart.initialBackoffSeconds (600) to 3600. Use e.g. 900.',
        ]);
    });

    it("a streaming job that sets its own checkpoint location", async () => {
        expect(await streamingProblems({ sparkConf: { "spark.sql.streaming.checkpointLocation": "s3://elsewhere/chk/" } })).toEqual([
            'SparkStreamingJob "clicks": sparkConf["spark.sql.streaming.checkpointLocation"] = "s3://elsewhere/chk/": is set by the job: its checkpoint lives under the landing zone\'s checkpoint area, one prefix per job. Remove it and read spark.spectrum.checkpointLocation in the application.',
        ]);
    });

    it("a streaming job output outside the landing zone", async () => {
        expect(await streamingProblems({ outputs: { sink: { area: "warehouse" } } })).toEqual([
            'SparkStreamingJob "clicks": outputs.sink.area = "warehouse": is not an area of the landing zone, so the location lies outside it. Use one of raw, curated, artifacts, checkpoints, logs, or add the zone to the LandingZone.',
        ]);
    });

    it("a name that cannot appear in step names and S3 prefixes", async () => {
        const found = await problems((lz) => new SparkBatchJob("daily job!", { storage: lz, ...batch }));
        expect(found).toEqual([
            'SparkBatchJob "daily job!": name = "daily job!": must be 1 to 63 letters, digits, dots, dashes or underscores, starting with a letter or digit. Rename the component, e.g. "daily-sessions".',
        ]);
    });

    it("reports every problem at once", async () => {
        const found = await clusterProblems({
            releaseLabel: "latest",
            core: { instanceTypes: [] },
            stepConcurrencyLevel: 0,
            network: { vpcId: "vpc-1", subnetIds: [] },
        });
        expect(found.map((p) => p.split(":")[1].trim().split(" ")[0])).toEqual([
            "network.subnetIds",
            "releaseLabel",
            "core.instanceTypes",
            "stepConcurrencyLevel",
        ]);
    });
});
