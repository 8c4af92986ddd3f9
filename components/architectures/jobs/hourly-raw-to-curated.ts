/**
 * The PySpark application the hybrid and Lambda batch layers run by default, shipped as source so
 * it travels inside the npm package and is uploaded with the stack. It is generic: every
 * `spark.spectrum.input.<name>` (a topic's raw folder) becomes `spark.spectrum.output.<name>`.
 */
export const HOURLY_RAW_TO_CURATED_FILE = "hourly_raw_to_curated.py";

export const HOURLY_RAW_TO_CURATED_PY = `"""Hourly raw -> curated: one hour of Firehose-delivered JSON per input, deduplicated, as Parquet.

spectrum passes the locations and the run's logical time as Spark properties:
  spark.spectrum.input.<name>   s3://<landing zone>/raw/<topic>/   (GZIP JSON lines under dt=YYYY-MM-DD/hr=HH/)
  spark.spectrum.output.<name>  s3://<landing zone>/curated/<topic>/
  spark.spectrum.logicalTime    the scheduled time of the run, e.g. 2026-01-31T10:15:00Z

A run processes the hour before its logical time, so a backfill of any hour is a run with a logical
time in the hour after it, and rerunning an hour replaces exactly that hour's partition (dynamic
partition overwrite). An hour without data is skipped, not failed.
"""

from datetime import datetime, timedelta

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

INPUT = "spark.spectrum.input."
OUTPUT = "spark.spectrum.output."


def previous_hour(logical_time):
    # EMR's Python 3.9 fromisoformat() does not read a trailing "Z".
    moment = datetime.fromisoformat(logical_time.replace("Z", "+00:00"))
    return (moment - timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


def exists(spark, uri):
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(path)


def main():
    spark = SparkSession.builder.appName("hourly-raw-to-curated").getOrCreate()
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    conf = dict(spark.sparkContext.getConf().getAll())
    hour = previous_hour(conf["spark.spectrum.logicalTime"])
    dt, hr = hour.strftime("%Y-%m-%d"), hour.strftime("%H")
    for key, source in sorted(conf.items()):
        if not key.startswith(INPUT):
            continue
        name = key[len(INPUT):]
        folder = f"{source}dt={dt}/hr={hr}/"
        if not exists(spark, folder):
            print(f"{name}: no data for {dt} {hr}:00, skipped")
            continue
        # Firehose delivers at least once: drop exact duplicates before they reach curated.
        records = spark.read.json(folder).dropDuplicates()
        (
            records.withColumn("dt", F.lit(dt))
            .withColumn("hr", F.lit(hr))
            .write.mode("overwrite")
            .partitionBy("dt", "hr")
            .parquet(conf[OUTPUT + name])
        )
    spark.stop()


if __name__ == "__main__":
    main()
`;
