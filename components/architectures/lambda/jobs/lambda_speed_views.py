"""Lambda speed layer: each input topic's records, as JSON lines in hourly folders of the speed zone.

Arguments (from spectrum):
  --bootstrap-servers  the MSK brokers (IAM auth, port 9098)
  --group-id-prefix    prefix of the consumer groups Spark creates (the IAM grant covers <prefix>*)
  --views              JSON list of {"topic": ..., "output": <name>}; the folder is spark.spectrum.output.<name>
Spark properties (from spectrum):
  spark.spectrum.output.<name>        s3://<landing zone>/speed/<topic>/
  spark.spectrum.checkpointLocation   this job's checkpoint prefix; each query checkpoints in <prefix><topic>/
  spark.spectrum.triggerInterval      the micro-batch interval

Exactly-once: Kafka offsets live in the checkpoint, so a restart replays exactly the micro-batches
that were not committed, with the same offsets. A batch is written to a staging folder of its own
(<checkpoint>staging/<batch id>/), marked staged, then its files are moved into the view's folders
under the names Spark gave them, and the batch is marked written (<checkpoint>written/<batch id>).
A replay of a written batch writes nothing; a replay of a staged one only finishes the moves, under
the same names, so a job stopped at any point never writes a record twice. Each batch is written with foreachBatch,
not the file sink: the sink keeps a log in the output folder (_spark_metadata) that needs every entry
since its last compaction, while the speed zone expires objects by age, so a topic quiet for longer
than the retention would stop its query for good.

A value that is not exactly one JSON object with a value (a truncated record, two records in one
value, `{}`) is not written, and each micro-batch's count of them is printed in the driver's log:
the speed table would read it as a row of nulls. The batch layer keeps the same record, which
reached the raw zone through Firehose, among the hour's rejected lines.
"""

import argparse
import json

from pyspark.sql import Observation, SparkSession
from pyspark.sql import functions as F

IAM = {
    "kafka.security.protocol": "SASL_SSL",
    "kafka.sasl.mechanism": "AWS_MSK_IAM",
    "kafka.sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
    "kafka.sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
}


def is_record(value):
    """Whether a value is exactly one JSON object with a value, as the batch job reads a record."""
    # Read in [ ], the parser must reach the value's end: what follows a first object fails it.
    objects = F.from_json(F.concat(F.lit("["), value, F.lit("]")), "array<map<string,string>>")
    return F.coalesce((F.size(objects) == 1) & F.exists(F.map_values(objects[0]), lambda v: v.isNotNull()), F.lit(False))


def view_writer(spark, topic, output, checkpoint):
    """Writes each micro-batch into the view's hourly folders, once per batch id (see the module's docstring)."""
    jvm = spark.sparkContext._jvm
    hadoop_conf = spark.sparkContext._jsc.hadoopConfiguration()
    hadoop_path = jvm.org.apache.hadoop.fs.Path

    def marker(batch_id):
        return hadoop_path(f"{checkpoint}written/{batch_id}")

    def write(batch, batch_id):
        done = marker(batch_id)
        fs = done.getFileSystem(hadoop_conf)
        if fs.exists(done):
            return
        staging = hadoop_path(f"{checkpoint}staging/{batch_id}")
        staged = hadoop_path(f"{checkpoint}staging/{batch_id}.staged")
        if not fs.exists(staged):
            fs.delete(staging, True)
            skipped = Observation(f"{topic}-{batch_id}")
            batch = batch.observe(skipped, F.count(F.when(~F.col("is_record"), 1)).alias("lines")).where("is_record").drop("is_record")
            batch.write.mode("overwrite").partitionBy("dt", "hr").option("compression", "gzip").text(staging.toString())
            if skipped.get["lines"]:
                print(f"{topic}: micro-batch {batch_id}: {skipped.get['lines']} values that are not a JSON record skipped")
            fs.create(staged, True).close()
        publish(fs, hadoop_path, staging, output)
        fs.create(done, True).close()
        fs.delete(staging, True)
        fs.delete(staged, False)
        fs.delete(marker(batch_id - 1), False)

    return write


def publish(fs, path_of, staging, output):
    """Moves a staged batch's data files into the output folder, each under its own name and
    dt=/hr= folder: moving a file again replaces the same object, so a replay repeats nothing."""
    if not fs.exists(staging):
        return
    root = staging.toUri().getPath().rstrip("/") + "/"
    files = fs.listFiles(staging, True)
    while files.hasNext():
        source = files.next().getPath()
        relative = source.toUri().getPath()[len(root) :]
        if any(part.startswith(("_", ".")) for part in relative.split("/")):
            continue
        target = path_of(output.rstrip("/") + "/" + relative)
        fs.delete(target, False)
        if not fs.exists(target.getParent()):
            fs.mkdirs(target.getParent())
        if not fs.rename(source, target):
            raise RuntimeError(f"could not move {source} to {target}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--group-id-prefix", required=True)
    parser.add_argument("--views", required=True)
    args = parser.parse_args()

    spark = SparkSession.builder.appName("lambda-speed-views").getOrCreate()
    # Hour folders in UTC, as the batch layer writes them.
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    conf = spark.sparkContext.getConf()
    checkpoints = conf.get("spark.spectrum.checkpointLocation")
    trigger = conf.get("spark.spectrum.triggerInterval")

    for view in json.loads(args.views):
        topic = view["topic"]
        records = (
            spark.readStream.format("kafka")
            .option("kafka.bootstrap.servers", args.bootstrap_servers)
            .option("subscribe", topic)
            .option("groupIdPrefix", args.group_id_prefix)
            # Only committed records: producers writing transactionally never show aborted ones.
            .option("kafka.isolation.level", "read_committed")
            .option("startingOffsets", "earliest")
            .option("failOnDataLoss", "true")
            .options(**IAM)
            .load()
        )
        # One record, one line: producers end each record with a newline (the raw zone's JSON lines
        # need it) and the text writer adds its own, and the speed table's JSON SerDe would read the
        # blank line between as a record of nulls. Empty and null values become no line at all.
        lines = records.select(
            F.regexp_replace(F.col("value").cast("string"), "[\r\n]+$", "").alias("value"),
            F.date_format("timestamp", "yyyy-MM-dd").alias("dt"),
            F.date_format("timestamp", "HH").alias("hr"),
        ).where(F.length("value") > 0)
        lines = lines.withColumn("is_record", is_record(F.col("value")))
        checkpoint = checkpoints.rstrip("/") + "/" + topic + "/"
        output = conf.get("spark.spectrum.output." + view["output"])
        (
            lines.writeStream.queryName(topic)
            .foreachBatch(view_writer(spark, topic, output, checkpoint))
            .option("checkpointLocation", checkpoint)
            .trigger(processingTime=trigger)
            .start()
        )
    spark.streams.awaitAnyTermination()


if __name__ == "__main__":
    main()
