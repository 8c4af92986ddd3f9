# Versions the engine checks run, each pinned to what the library deploys or documents. Sourced by run.sh.

# Spark: EMR 7.x (components/spark/release.ts pins emr-7.14.0) ships Spark 3.5; the speed job's Kafka
# connector is pinned to 3.5.6 (components/architectures/lambda-speed-spark.ts), so the same patch here.
PYSPARK_VERSION=3.5.6
# The Hadoop line PySpark 3.5 bundles (hadoop-client-api 3.3.4) and the AWS SDK bundle hadoop-aws 3.3.4 was built against.
HADOOP_AWS_VERSION=3.3.4
AWS_SDK_BUNDLE_VERSION=1.12.262
# The speed job names spark-sql-kafka-0-10_2.12:3.5.6 in spark.jars.packages; the Maven Central these machines
# reach serves only 3.5.7 of the 3.5 line, so the speed check substitutes it (same minor, a patch apart).
SPARK_KAFKA_CONNECTOR_VERSION=3.5.7
# S3 stand-in (moto's server mode), AWS API models (botocore's service JSON files), the Python test runner, Parquet reader.
MOTO_VERSION=5.2.5
BOTOCORE_VERSION=1.44.5
BOTO3_VERSION=1.44.5
PYTEST_VERSION=9.2.0
PYARROW_VERSION=21.0.0

# Kafka: the MSK default 3.9.x.kraft (components/kafka/versions.ts) -> the newest 3.9 patch on Maven Central.
# Kafka Streams: the same line (the app images follow the cluster's Kafka version).
KAFKA_VERSION=3.9.1
# The MSK IAM login module the emitted Streams properties name (components/kafka/streams-properties.ts).
MSK_IAM_AUTH_VERSION=2.2.0

# Flink: one exact version per minor in components/flink/versions.ts (SUPPORTED_FLINK_MINORS); 1.20.3 is the
# stacks' default image. A FlinkJob is planned at each version, and its configuration checked against that
# minor's jars. Maven Central lacks some modules at some patches (e.g. flink-kubernetes 1.20.2-1.20.4,
# flink-metrics-prometheus 2.1.x): those come from another patch of the same minor (options do not change
# within a minor), or, for the Prometheus reporter of 2.1, from 2.2.0.
#   image version | core, runtime, streaming, clients, RocksDB | kubernetes | prometheus | s3-fs-hadoop
FLINK_JARS="
1.18.1 1.18.1 1.18.1 1.18.1 1.18.1
1.19.3 1.19.3 1.19.1 1.19.1 1.19.3
1.20.3 1.20.3 1.20.1 1.20.3 1.20.1
2.0.1  2.0.1  2.0.0  2.0.0  2.0.0
2.1.1  2.1.1  2.1.0  2.2.0  2.1.1
2.2.0  2.2.0  2.2.0  2.2.0  2.2.0
"
FLINK_VERSIONS=$(awk 'NF { print $1 }' <<<"$FLINK_JARS" | tr '\n' ' ')

# The Flink Kubernetes Operator the components install (components/flink/versions.ts): its autoscaler and
# operator options are checked from flink/operator-options-<version>.tsv (its jars are not on Maven Central).
FLINK_OPERATOR_VERSION=1.15.0

# Trino's SQL parser (Athena engine 3 is Trino).
TRINO_VERSION=476
