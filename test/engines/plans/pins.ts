/**
 * Fails when the engine versions in versions.sh no longer follow what the library pins: the Spark of
 * the default EMR release, the MSK Kafka line, the supported Flink minors and the operator release.
 *
 * Usage: node -r ./test/engines/register-ts.js test/engines/plans/pins.ts <pyspark> <kafka> <operator> <flink versions...>
 */
import { DEFAULT_EMR_RELEASE } from "../../../components/spark/release";
import { emrRelease } from "../../../components/spark/emr-releases";
import { DEFAULT_MSK_KAFKA_VERSION, parseMskKafkaVersion } from "../../../components/kafka/versions";
import { DEFAULT_OPERATOR_VERSION, SUPPORTED_FLINK_MINORS } from "../../../components/flink/versions";

const [pyspark, kafka, operator, ...flink] = process.argv.slice(2);
const minor = (v: string) => v.split(".").slice(0, 2).join(".");
const problems: string[] = [];

const spark = emrRelease(DEFAULT_EMR_RELEASE)?.spark;
if (spark !== pyspark) problems.push(`PYSPARK_VERSION ${pyspark}: the default EMR release ${DEFAULT_EMR_RELEASE} ships Spark ${spark}`);
const msk = parseMskKafkaVersion(DEFAULT_MSK_KAFKA_VERSION);
if (!msk || minor(kafka) !== `${msk.major}.${msk.minor}`)
    problems.push(`KAFKA_VERSION ${kafka}: MSK clusters default to ${DEFAULT_MSK_KAFKA_VERSION}`);
if (operator !== DEFAULT_OPERATOR_VERSION)
    problems.push(`FLINK_OPERATOR_VERSION ${operator}: FlinkOperator installs ${DEFAULT_OPERATOR_VERSION}`);
const minors = flink.map(minor);
if (minors.join(" ") !== SUPPORTED_FLINK_MINORS.join(" "))
    problems.push(`FLINK_JARS covers ${minors.join(", ")}: FlinkJob supports ${SUPPORTED_FLINK_MINORS.join(", ")}`);

if (problems.length > 0) {
    console.error(`test/engines/versions.sh no longer matches the library:\n  ${problems.join("\n  ")}`);
    process.exit(1);
}
console.log(
    `versions follow the library: Spark ${pyspark} (${DEFAULT_EMR_RELEASE}), Kafka ${kafka} (${DEFAULT_MSK_KAFKA_VERSION}), Flink ${minors.join(" ")}, operator ${operator}`,
);
