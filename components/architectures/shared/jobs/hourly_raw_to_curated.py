"""Hourly raw -> curated: one hour of Firehose-delivered JSON per input, deduplicated, as Parquet.

spectrum passes the locations and the run's logical time as Spark properties:
  spark.spectrum.input.<name>   s3://<landing zone>/raw/<topic>/   (GZIP JSON lines under dt=YYYY-MM-DD/hr=HH/)
  spark.spectrum.output.<name>  s3://<landing zone>/curated/<topic>/
  spark.spectrum.logicalTime    the scheduled time of the run, e.g. 2026-01-31T10:15:00Z

A run processes the hour before its logical time, so a backfill of any hour is a run with a logical
time in the hour after it, and rerunning an hour replaces exactly that hour's partition (dynamic
partition overwrite). An hour without data is skipped, not failed.

With --columns '{"<name>": {"amount": "decimal(12,2)", ...}, ...}' (the Lambda
architecture passes its views' columns), an output holds exactly those columns, matched by name in
any case and cast to their types (null where no record has the field), so its Parquet files carry
the types the catalog table declares: Athena refuses to read a Parquet DOUBLE as a DECIMAL, or a
BIGINT as an INT. Without it, every field is kept with the type Spark infers from that hour.
"""

import argparse
import json
import re
from datetime import datetime, timedelta

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType

INPUT = "spark.spectrum.input."
OUTPUT = "spark.spectrum.output."
# Spark reads char and varchar only in table schemas; in Parquet they are strings either way.
CHAR_TYPE = re.compile(r"\b(var)?char\(\d+\)")
# Arrays, maps and structs are converted through JSON: struct fields match by name (a cast goes by
# position), and a field that is null all hour (inferred as a string) cannot be cast to them.
NESTED_TYPE = re.compile(r"^(array|map|struct)<")


def previous_hour(logical_time):
    # EMR's Python 3.9 fromisoformat() does not read a trailing "Z".
    moment = datetime.fromisoformat(logical_time.replace("Z", "+00:00"))
    return (moment - timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


def exists(spark, uri):
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(path)


def shaped(records, columns):
    by_name = {field.name.lower(): field for field in records.schema.fields}
    selected = []
    for name, hive_type in columns.items():
        kind = CHAR_TYPE.sub("string", hive_type)
        field = by_name.get(name)
        if field is None:
            value = F.lit(None).cast(kind)
        else:
            source = F.col("`" + field.name.replace("`", "``") + "`")
            if NESTED_TYPE.search(kind):
                text = source if isinstance(field.dataType, StringType) else F.to_json(source)
                value = F.from_json(text, kind)
            else:
                value = source.cast(kind)
        selected.append(value.alias(name))
    return records.select(*selected)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--columns", default="{}")
    columns = json.loads(parser.parse_known_args()[0].columns)
    spark = SparkSession.builder.appName("hourly-raw-to-curated").getOrCreate()
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    # Hours and zone-less timestamps in UTC, as the speed layer reads them.
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    # A value that does not cast becomes null on every release: Spark 4 (emr-spark-8.x) turns ANSI
    # mode on by default, which would fail the whole hour on one malformed record instead.
    spark.conf.set("spark.sql.ansi.enabled", "false")
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
        if name in columns:
            records = shaped(records, columns[name])
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
