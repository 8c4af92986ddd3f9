"""Hourly raw -> curated: one hour of Firehose-delivered JSON per input, deduplicated, as Parquet.

spectrum passes the locations and the run's logical time as Spark properties:
  spark.spectrum.input.<name>             s3://<landing zone>/raw/<topic>/   (GZIP JSON lines under dt=YYYY-MM-DD/hr=HH/)
  spark.spectrum.output.<name>            s3://<landing zone>/curated/<topic>/
  spark.spectrum.output.<name>-rejected   s3://<landing zone>/raw/_rejected/<topic>/
  spark.spectrum.logicalTime              the scheduled time of the run, e.g. 2026-01-31T10:15:00Z

A run processes the hour before its logical time, so a backfill of any hour is a run with a logical
time in the hour after it, and rerunning an hour replaces exactly that hour's partition (dynamic
partition overwrite) and that hour's rejected lines. An hour without data is skipped, not failed.

With --columns '{"<name>": {"amount": "decimal(12,2)", ...}, ...}' (the Lambda
architecture passes its views' columns), an output holds exactly those columns, matched by name in
any case and cast to their types (null where the record has no such field), so its Parquet files
carry the types the catalog table declares: Athena refuses to read a Parquet DOUBLE as a DECIMAL, or
a BIGINT as an INT. Without it, every field is kept with the type Spark infers from that hour.

Blank lines are skipped. A line that does not reach curated is rejected: written, as it arrived, to
<name>-rejected under dt=YYYY-MM-DD/hr=HH/ as GZIP JSON lines {"reason", "detail", "line", "file"},
where reason is
  malformed  the line is not exactly one JSON object (truncated, not JSON, two records on one line)
  type       with --columns, a value that does not convert to its column's type (or overflows it)
  empty      no field (with --columns: none of the columns) has a value: it would be a row of nulls
Each input's counts are printed in the driver's log. With --max-rejected-fraction F, an input whose
rejected lines are more than F of the hour's (non-blank) lines keeps its previous curated hour, if
any, and the run fails once every input has been processed, so that the batch job's alarm fires.
"""

import argparse
import json
import re
import sys
from datetime import datetime, timedelta
from functools import reduce

from pyspark.sql import Observation, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, StringType, StructType

INPUT = "spark.spectrum.input."
OUTPUT = "spark.spectrum.output."
REJECTED = "-rejected"
REASONS = ("malformed", "type", "empty")
# The job's own columns beside the records' (no producer's field is named like these). UNPARSED is
# where Spark's JSON reader puts a line it cannot parse while it infers the hour's schema.
RECORD, LINE, FILE = "_spectrum_record", "_spectrum_line", "_spectrum_file"
REASON, DETAIL = "_spectrum_reason", "_spectrum_detail"
UNPARSED = "_spectrum_unparsed"
# Spark reads char and varchar only in table schemas; in Parquet they are strings either way.
CHAR_TYPE = re.compile(r"\b(var)?char\(\d+\)")
# Arrays, maps and structs are converted through JSON: struct fields match by name (a cast goes by
# position), and a field that is null all hour (inferred as a string) cannot be cast to them.
NESTED_TYPE = re.compile(r"^(array|map|struct)<")


def previous_hour(logical_time):
    # EMR's Python 3.9 fromisoformat() does not read a trailing "Z".
    moment = datetime.fromisoformat(logical_time.replace("Z", "+00:00"))
    return (moment - timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


def fraction(text):
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a fraction between 0 and 1")
    return value


def quoted(name):
    return "`" + name.replace("`", "``") + "`"


def hadoop_path(spark, uri):
    path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(uri)
    return path, path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def exists(spark, uri):
    path, fs = hadoop_path(spark, uri)
    return fs.exists(path)


def delete(spark, uri):
    path, fs = hadoop_path(spark, uri)
    if fs.exists(path):
        fs.delete(path, True)


def parsed_lines(spark, folder):
    """The hour's non-blank lines, each with its file and its record (null unless the line is exactly
    one JSON object), parsed with the schema Spark infers from the whole hour."""
    inferred = spark.read.option("columnNameOfCorruptRecord", UNPARSED).json(folder).schema
    schema = StructType([f for f in inferred.fields if f.name != UNPARSED])
    lines = spark.read.text(folder).select(F.col("value").alias(LINE), F.input_file_name().alias(FILE))
    # Wrapped in [ ], the parser must read the line to its end: Spark's JSON reader keeps the first
    # record of a line and ignores what follows it (a producer that does not end its records with a
    # newline puts several on one line), and reads a line holding an array as several records.
    objects = F.from_json(F.concat(F.lit("["), F.col(LINE), F.lit("]")), ArrayType(schema))
    record = F.when(F.size(objects) == 1, objects[0])
    return schema, lines.where(F.col(LINE).rlike(r"\S")).select(LINE, FILE, record.alias(RECORD))


def output_columns(schema, columns):
    """(name, value, does not convert) of each output column: the declared ones, or every field."""
    field = F.col(RECORD).getField
    if columns is None:
        return [(f.name, field(f.name), F.lit(False)) for f in schema.fields]
    by_name = {f.name.lower(): f for f in schema.fields}
    result = []
    for name, hive_type in columns.items():
        kind = CHAR_TYPE.sub("string", hive_type)
        found = by_name.get(name)
        if found is None:
            result.append((name, F.lit(None).cast(kind), F.lit(False)))
            continue
        source = field(found.name)
        if NESTED_TYPE.search(kind):
            text = source if isinstance(found.dataType, StringType) else F.to_json(source)
            value = F.from_json(text, kind)
        else:
            # Null where the value does not convert or overflows the type; a plain cast without ANSI
            # mode would wrap an out-of-range integer around instead.
            value = F.expr(f"try_cast({RECORD}.{quoted(found.name)} AS {kind})")
        result.append((name, value, source.isNotNull() & value.isNull()))
    return result


def classified(schema, lines, columns):
    """Each line of the hour with its record's output columns, and a reason and detail where it is
    rejected. Returns the rows and the output column names."""
    output = output_columns(schema, columns)
    wrong = [F.when(bad, F.lit(f"{name} is not {columns[name]}")) for name, _, bad in output] if columns else []
    type_errors = F.concat_ws("; ", *wrong) if wrong else F.lit("")
    no_value = reduce(lambda a, b: a & b, [value.isNull() for _, value, _ in output], F.lit(True))
    nothing = "none of the columns has a value" if columns else "no field has a value"
    malformed = F.col(RECORD).isNull()
    reason = F.when(malformed, F.lit("malformed")).when(type_errors != "", F.lit("type")).when(no_value, F.lit("empty"))
    detail = (
        F.when(malformed, F.lit("not exactly one JSON object")).when(type_errors != "", type_errors).when(no_value, F.lit(nothing))
    )
    values = [value.alias(name) for name, value, _ in output]
    return lines.select(RECORD, *values, reason.alias(REASON), detail.alias(DETAIL), LINE, FILE), [name for name, _, _ in output]


def counted(rows, observation):
    """The rows, counted by reason (`kept`: not rejected) as the action that reads them runs."""
    metrics = [F.count(F.when(F.col(REASON).isNull(), 1)).alias("kept")]
    metrics += [F.count(F.when(F.col(REASON) == reason, 1)).alias(reason) for reason in REASONS]
    return rows.observe(observation, *metrics)


def write_curated(rows, names, curated, hour, observation):
    """Replaces the hour's partition with its records (dynamic partition overwrite)."""
    # Firehose delivers at least once: exact duplicates of a record are dropped.
    records = counted(rows.where(F.col(REASON).isNull()).dropDuplicates([RECORD]), observation)
    records = records.select(*[F.col(quoted(n)) for n in names]).withColumn("dt", F.lit(hour[0])).withColumn("hr", F.lit(hour[1]))
    records.write.mode("overwrite").partitionBy("dt", "hr").parquet(curated)


def write_rejected(rows, folder):
    """Replaces the hour's rejected lines (each distinct line once), so that a rerun leaves exactly its own."""
    rejected = rows.where(F.col(REASON).isNotNull()).dropDuplicates([LINE])
    rejected = rejected.select(
        F.col(REASON).alias("reason"), F.col(DETAIL).alias("detail"), F.col(LINE).alias("line"), F.col(FILE).alias("file")
    )
    rejected.write.mode("overwrite").option("compression", "gzip").json(folder)


def process(spark, conf, name, folder, columns, max_rejected, hour):
    """One input's hour into its curated partition and its rejected lines. Returns why the run must
    fail, or None."""
    curated, rejects = conf[OUTPUT + name], conf[OUTPUT + name + REJECTED] + partition(*hour)
    schema, lines = parsed_lines(spark, folder)
    rows, names = classified(schema, lines, columns)
    seen, written = Observation(f"{name}-lines"), Observation(f"{name}-records")
    # Each output is a pass over the hour, and the first one counts its lines. Without a limit the
    # records go first, and the rejected lines (usually none) take a second pass only if there are
    # any; with a limit, the records wait for the counts.
    if max_rejected is None:
        write_curated(counted(rows, seen), names, curated, hour, written)
    else:
        write_rejected(counted(rows, seen), rejects)
    by_reason = seen.get
    total = sum(by_reason.values())
    rejected = total - by_reason.pop("kept")
    if rejected == 0:
        delete(spark, rejects)
    elif max_rejected is None:
        write_rejected(rows, rejects)
    breakdown = ", ".join(f"{n} {reason}" for reason, n in by_reason.items())
    where = f" under {rejects}" if rejected else ""
    print(f"{name}: {hour[0]} {hour[1]}:00: {total} lines, {rejected} rejected ({breakdown}){where}")
    if max_rejected is not None:
        if rejected and rejected / total > max_rejected:
            limit = f"more than --max-rejected-fraction {max_rejected}"
            return f"{name}: {rejected / total:.2%} of the hour's lines rejected, {limit}; its curated hour is left as it was"
        write_curated(rows, names, curated, hour, written)
    records = written.get["kept"]
    print(f"{name}: {records} distinct records written to {curated}{partition(*hour)}")
    if records == 0:
        # Dynamic overwrite replaces only the partitions it writes: an hour left with nothing must
        # not keep what an earlier run wrote.
        delete(spark, curated + partition(*hour))
    return None


def partition(dt, hr):
    return f"dt={dt}/hr={hr}/"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--columns", default="{}")
    parser.add_argument("--max-rejected-fraction", type=fraction, default=None)
    options = parser.parse_known_args()[0]
    columns = json.loads(options.columns)
    spark = SparkSession.builder.appName("hourly-raw-to-curated").getOrCreate()
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    # Hours and zone-less timestamps in UTC, as the speed layer reads them.
    spark.conf.set("spark.sql.session.timeZone", "UTC")
    # Spark 4 (emr-spark-8.x) turns ANSI mode on by default: the same semantics on every release
    # (values that do not convert are found with try_cast and rejected).
    spark.conf.set("spark.sql.ansi.enabled", "false")
    conf = dict(spark.sparkContext.getConf().getAll())
    inputs = {key[len(INPUT) :]: source for key, source in sorted(conf.items()) if key.startswith(INPUT)}
    homeless = [OUTPUT + name + REJECTED for name in inputs if OUTPUT + name + REJECTED not in conf]
    if homeless:
        sys.exit(f"No location for the rejected lines: set {', '.join(homeless)}")
    dt, hr = previous_hour(conf["spark.spectrum.logicalTime"]).strftime("%Y-%m-%d %H").split()
    failures = []
    for name, source in inputs.items():
        folder = f"{source}{partition(dt, hr)}"
        if not exists(spark, folder):
            print(f"{name}: no data for {dt} {hr}:00, skipped")
            continue
        failure = process(spark, conf, name, folder, columns.get(name), options.max_rejected_fraction, (dt, hr))
        if failure:
            failures.append(failure)
    spark.stop()
    if failures:
        sys.exit("; ".join(failures))

if __name__ == "__main__":
    main()
