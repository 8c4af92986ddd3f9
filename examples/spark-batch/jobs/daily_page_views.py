"""Daily page views: one day of raw click events in, one partition of curated Parquet out.

spectrum passes the locations and the run's logical time as Spark properties:
  spark.spectrum.input.events   s3://<landing zone>/raw/events/        (JSON lines, partitioned by dt=YYYY-MM-DD)
  spark.spectrum.output.daily   s3://<landing zone>/curated/page-views-daily/
  spark.spectrum.logicalTime    the scheduled time of the run, e.g. 2026-01-31T02:30:00Z

A run processes the day before its logical time, so a backfill of any day is a run with that
day's logical time, and rerunning a day replaces exactly that day's partition (the cluster's
spark-defaults set dynamic partition overwrite).
"""

from datetime import datetime, timedelta

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def day_before(logical_time: str) -> str:
    # EMR's Python 3.9 fromisoformat() does not read a trailing "Z".
    moment = datetime.fromisoformat(logical_time.replace("Z", "+00:00"))
    return (moment - timedelta(days=1)).date().isoformat()


def main() -> None:
    spark = SparkSession.builder.appName("daily-page-views").getOrCreate()
    source = spark.conf.get("spark.spectrum.input.events")
    target = spark.conf.get("spark.spectrum.output.daily")
    day = day_before(spark.conf.get("spark.spectrum.logicalTime"))

    # A day without events fails the run (and fires the alarm): missing data is worth a look.
    events = spark.read.json(f"{source}dt={day}/")
    daily = (
        events.where(F.col("event_type") == "page_view")
        .groupBy("page")
        .agg(F.count("*").alias("views"), F.countDistinct("user_id").alias("visitors"))
        .withColumn("dt", F.lit(day))
    )
    daily.write.mode("overwrite").partitionBy("dt").parquet(target)
    spark.stop()


if __name__ == "__main__":
    main()
