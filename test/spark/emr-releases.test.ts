import {
    DEFAULT_EMR_RELEASE,
    EMR_RELEASES,
    EmrSparkCluster,
    emrRelease,
    kafkaPackageMismatch,
    releaseLineOf,
    sparkKafkaPackage,
} from "../../components/spark";
import { SpectrumValidationError } from "../../components/core";
import { ResourceGraph, runProgram } from "../../testing";
import { T as LAMBDA, planLambda, problemsOf } from "../architectures/lambda-fixtures";
import { T, landingZone, network } from "./fixtures";

/** The `spark.jars.packages` the speed job's supervisor submits with. */
function speedPackages(graph: ResourceGraph): string[] {
    const definition = graph.one(LAMBDA.stateMachine, "lambda-speed-supervisor").inputs.definition as string;
    const conf = /spark\.jars\.packages=([^"\\]+)/.exec(definition);
    return conf ? conf[1].split(",") : [];
}

describe("EMR release catalog", () => {
    it("knows both Spark lines: emr-7.x on Scala 2.12, emr-spark-8.x on Scala 2.13 and Spark 4", () => {
        expect(emrRelease("emr-7.14.0")).toMatchObject({ line: "emr-7", spark: "3.5.6", scala: "2.12" });
        expect(emrRelease("emr-spark-8.0.0")).toMatchObject({ line: "emr-spark-8", spark: "4.0.2", scala: "2.13" });
        expect(emrRelease("emr-spark-8.1.0")).toMatchObject({ line: "emr-spark-8", spark: "4.1.1", scala: "2.13" });
        for (const r of EMR_RELEASES) {
            expect(releaseLineOf(r.label)).toBe(r.line);
            expect(r.scala).toBe(r.line === "emr-7" ? "2.12" : "2.13");
            expect(r.spark.split(".")[0]).toBe(r.line === "emr-7" ? "3" : "4");
        }
        expect(emrRelease(DEFAULT_EMR_RELEASE)).toBeDefined();
        expect(new Set(EMR_RELEASES.map((r) => r.label)).size).toBe(EMR_RELEASES.length);
    });

    it("derives the Kafka source's coordinates from the release, and spots one built for another Spark", () => {
        const seven = emrRelease("emr-7.14.0");
        const eight = emrRelease("emr-spark-8.1.0");
        if (!seven || !eight) throw new Error("catalog entries missing");
        expect(sparkKafkaPackage(seven)).toBe("org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.6");
        expect(sparkKafkaPackage(eight)).toBe("org.apache.spark:spark-sql-kafka-0-10_2.13:4.1.1");
        expect(kafkaPackageMismatch(eight, "org.apache.spark:spark-sql-kafka-0-10_2.13:4.1.3")).toBeUndefined();
        expect(kafkaPackageMismatch(eight, "software.amazon.msk:aws-msk-iam-auth:2.2.0")).toBeUndefined();
        expect(kafkaPackageMismatch(eight, "org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.6")).toBe(
            "emr-spark-8.1.0 runs Spark 4.1.1 on Scala 2.13, and this Kafka source is built for Spark 3.5 on Scala 2.12: it fails when the query starts",
        );
        expect(kafkaPackageMismatch(eight, "org.apache.spark:spark-sql-kafka-0-10_2.13:4.0.2")).toContain(
            "built for Spark 4.0 on Scala 2.13",
        );
    });
});

describe("EMR release labels", () => {
    const clusterProblems = async (releaseLabel: string): Promise<readonly string[]> => {
        try {
            await runProgram(() => new EmrSparkCluster("shared", { storage: landingZone(), network, releaseLabel }));
            return [];
        } catch (e) {
            if (e instanceof SpectrumValidationError) return e.problems;
            throw e;
        }
    };

    it("accepts the emr-spark-8.x line for a cluster", async () => {
        const graph = await runProgram(
            () => new EmrSparkCluster("shared", { storage: landingZone(), network, releaseLabel: "emr-spark-8.1.0" }),
        );
        expect(graph.one(T.cluster).inputs).toMatchObject({ releaseLabel: "emr-spark-8.1.0", applications: ["Spark"] });
    });

    it("refuses labels of no line, with both forms in the fix", async () => {
        expect(await clusterProblems("emr-spark-7.0.0")).toEqual([
            'EmrSparkCluster "shared": releaseLabel = "emr-spark-7.0.0": emr-spark-7.x does not exist: the emr-spark line starts at 8.0.0. Use an emr-spark-8.x release such as "emr-spark-8.1.0", or a 7.x release such as "emr-7.14.0".',
        ]);
        expect(await clusterProblems("spark-8.1.0")).toEqual([
            'EmrSparkCluster "shared": releaseLabel = "spark-8.1.0": is not an EMR release label. Use the form emr-x.y.z or emr-spark-x.y.z, e.g. "emr-7.14.0" or "emr-spark-8.1.0".',
        ]);
    });
});

describe("Lambda's Spark speed layer picks the Kafka source of its cluster's release", () => {
    // The speed job on a cluster of that release: Spark on EMR on EC2 (the dev profile's default is EMR Serverless).
    const sparkSpeed = (sparkStreaming: Record<string, unknown>) => ({
        spark: { runtime: "emr-ec2" as const },
        speed: { processor: "spark-streaming" as const, sparkStreaming },
    });

    it("on the default emr-7 release: the Scala 2.12 build of Spark 3.5.6", async () => {
        const graph = await planLambda(sparkSpeed({}));
        expect(speedPackages(graph)).toEqual([
            "org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.6",
            "software.amazon.msk:aws-msk-iam-auth:2.2.0",
        ]);
    });

    it("on emr-spark-8.1.0: the Scala 2.13 build of Spark 4.1.1, on a cluster of that release", async () => {
        const graph = await planLambda(sparkSpeed({ cluster: { releaseLabel: "emr-spark-8.1.0" } }));
        expect(speedPackages(graph)).toEqual([
            "org.apache.spark:spark-sql-kafka-0-10_2.13:4.1.1",
            "software.amazon.msk:aws-msk-iam-auth:2.2.0",
        ]);
        expect(graph.one(T.cluster).inputs.releaseLabel).toBe("emr-spark-8.1.0");
    });

    it("refuses a release outside the catalog, and a Kafka source built for another Spark", async () => {
        expect(await problemsOf(sparkSpeed({ cluster: { releaseLabel: "emr-7.15.0" } }))).toEqual([
            // The cluster's declaration refuses the release first, at the architecture's field.
            'LambdaArchitecture "bad": speed.sparkStreaming.cluster.releaseLabel = "emr-7.15.0": is newer than the newest release of its line in the EMR release catalog (emr-7.14.0, as of 2026-12-05). Use emr-7.14.0 or older, or add the release to spark/emr-releases.ts once EMR offers it.',
        ]);
        expect(
            await problemsOf(
                sparkSpeed({
                    cluster: { releaseLabel: "emr-spark-8.0.0" },
                    packages: ["org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.6", "software.amazon.msk:aws-msk-iam-auth:2.2.0"],
                }),
            ),
        ).toEqual([
            'LambdaArchitecture "bad": speed.sparkStreaming.packages[0] = "org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.6": emr-spark-8.0.0 runs Spark 4.0.2 on Scala 2.13, and this Kafka source is built for Spark 3.5 on Scala 2.12: it fails when the query starts. Use "org.apache.spark:spark-sql-kafka-0-10_2.13:4.0.2", or leave packages unset to get it.',
        ]);
        // Packages given for a release outside the catalog do not make the release exist: the cluster's declaration refuses it.
        expect(
            await problemsOf(
                sparkSpeed({ cluster: { releaseLabel: "emr-7.15.0" }, packages: ["org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.7"] }),
            ),
        ).toEqual([
            'LambdaArchitecture "bad": speed.sparkStreaming.cluster.releaseLabel = "emr-7.15.0": is newer than the newest release of its line in the EMR release catalog (emr-7.14.0, as of 2026-12-05). Use emr-7.14.0 or older, or add the release to spark/emr-releases.ts once EMR offers it.',
        ]);
    });

    it("submits the packages it is given instead of the catalog's", async () => {
        const given = await planLambda(
            sparkSpeed({ cluster: { releaseLabel: "emr-7.14.0" }, packages: ["org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.7"] }),
        );
        expect(speedPackages(given)).toEqual(["org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.7"]);
    });
});
