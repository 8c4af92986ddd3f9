"""The Lambda speed job (Structured Streaming, Kafka -> hourly JSON-lines folders of the speed zone),
run from the plan's submit command against a local broker and moto's S3.

Test-only changes, besides the harness's (MSK IAM options emptied, see speed_harness.py): the
brokers are the local one, the trigger interval is 5 seconds instead of the stack's minute, and the
Kafka connector in spark.jars.packages is the 3.5 patch Maven Central serves here (versions.sh).
"""

import gzip
import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from conftest import stopped

HERE = Path(__file__).parent
STACK = "stack-lambda"


def submit_args(plan):
    for r in plan["resources"]:
        if r["type"] == "aws:sfn/stateMachine:StateMachine":
            states = json.loads(r["inputs"]["definition"])["States"]
            if "Submit" in states:
                return states["Submit"]["Parameters"]["Step"]["HadoopJarStep"]["Args"]
    raise AssertionError(f"{STACK}: no speed supervisor with a Submit state")


def produce(bootstrap, topic, values, work):
    """Sends the values (None for a null value) through the Kafka producer of the pinned version."""
    lines = work / f"produce-{topic}-{time.time_ns()}.txt"
    lines.write_text("\n".join("\\0" if v is None else v.replace("\n", "\\n") for v in values) + "\n")
    command = ["java", "-cp", os.environ["KAFKA_PRODUCE_CP"], "Produce", bootstrap, topic, str(lines)]
    subprocess.run(command, check=True, capture_output=True)


def speed_lines(s3, bucket, prefix):
    """Every line of every object a reader sees under the prefix, by object key (as Athena and Hive, it
    skips paths with a part starting with `_` or `.`, such as a write still in `_temporary/`)."""
    found = {}
    for o in s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", []):
        if any(part.startswith(("_", ".")) for part in o["Key"][len(prefix) :].split("/")):
            continue
        body = s3.get_object(Bucket=bucket, Key=o["Key"])["Body"].read()
        if o["Key"].endswith(".gz"):
            found[o["Key"]] = gzip.decompress(body).decode().split("\n")
    return found


def line_count(s3, bucket, prefix):
    return sum(1 for content in speed_lines(s3, bucket, prefix).values() for line in content if line)


def wait_for(predicate, what, job):
    for _ in range(150):  # bounded by attempts (2 s apart), not a deadline
        if predicate():
            return
        assert job.poll() is None, f"the speed job exited ({job.returncode}) while waiting for {what}"
        time.sleep(2)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture(scope="module")
def speed(plans, s3, spark_submit, bootstrap, work):
    args = list(submit_args(plans[STACK]))
    script_uri = next(a for a in args if a.startswith("s3://") and a.endswith(".py"))
    bucket, key = script_uri[len("s3://") :].split("/", 1)
    script = next(r for r in plans[STACK]["resources"] if r["type"].startswith("aws:s3/bucketObject") and r["inputs"].get("key") == key)
    try:
        s3.create_bucket(Bucket=bucket)
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass
    s3.put_object(Bucket=bucket, Key=key, Body=script["content"].encode())
    local_script = work / "speed_script.py"
    s3.download_file(bucket, key, str(local_script))  # exactly what was uploaded

    at = args.index(script_uri)
    job_args = args[at + 1 :]
    job_args[job_args.index("--bootstrap-servers") + 1] = bootstrap
    connector = os.environ["SPARK_KAFKA_CONNECTOR_VERSION"]
    confs = [
        "spark.spectrum.triggerInterval=5 seconds"
        if a.startswith("spark.spectrum.triggerInterval=")
        else re.sub(r"(spark-sql-kafka-0-10_2\.12:)[\w.]+", rf"\g<1>{connector}", a)
        for a in args[:at]
    ]
    views = json.loads(job_args[job_args.index("--views") + 1])
    outputs = dict(a[len("spark.spectrum.output.") :].split("=", 1) for a in confs if a.startswith("spark.spectrum.output."))

    # The long-running cluster's spark-defaults, as its configuration gives them to every step.
    cluster = next(r for r in plans[STACK]["resources"] if r["type"] == "aws:emr/cluster:Cluster")
    defaults = {}
    for c in json.loads(cluster["inputs"].get("configurationsJson") or "[]"):
        if c["Classification"] == "spark-defaults":
            defaults.update(c["Properties"])

    def start(round_):
        stop = work / f"speed-stop-{round_}"
        command = confs + [str(HERE / "speed_harness.py"), str(local_script), str(stop)] + job_args
        return spark_submit.start(command, defaults, f"speed-{round_}"), stop

    return {"start": start, "bucket": bucket, "views": views, "outputs": outputs}


def folder(speed, view):
    return speed["outputs"][view["output"]][len(f"s3://{speed['bucket']}/") :]


def test_records_become_lines_in_hourly_folders_and_survive_expiry_and_restart(speed, s3, bootstrap, work):
    views = speed["views"]
    # Besides the records: an empty and a null value, and values that are no JSON record (a
    # truncated one, two without the newline between them, an object without a value).
    not_records = ['{"id": "cut', '{"id": "a"}{"id": "b"}\n', "{}\n", '{"id": null}\n']
    for view in views:
        records = [json.dumps({"id": f"{view['topic']}-{i}"}) + "\n" for i in range(3)]
        produce(bootstrap, view["topic"], records + ["", None] + not_records, work)

    job, stop = speed["start"]("first")
    try:
        for view in views:
            prefix = folder(speed, view)
            wait_for(lambda p=prefix: line_count(s3, speed["bucket"], p) >= 3, f"{prefix} lines", job)
            files = speed_lines(s3, speed["bucket"], prefix)
            lines = [line for content in files.values() for line in content[:-1]]
            # One record, one line: no blank line between records, empty and null values and values
            # that are no JSON record skipped (the speed table would read a row of nulls).
            assert sorted(lines) == sorted(json.dumps({"id": f"{view['topic']}-{i}"}) for i in range(3)), files
            # Folders as the speed table's partition projection reads them: <folder>dt=yyyy-MM-dd/hr=HH/.
            for k in files:
                dt, hr = k[len(prefix) :].split("/")[:2]
                assert dt.startswith("dt=") and len(dt) == len("dt=2026-03-01") and hr.startswith("hr=") and len(hr) == len("hr=09"), k
            listed = s3.list_objects_v2(Bucket=speed["bucket"], Prefix=prefix).get("Contents", [])
            assert listed and not any("_spark_metadata" in o["Key"] for o in listed), [o["Key"] for o in listed]

        # The speed zone's lifecycle expires everything in it by age: a quiet topic loses all its objects.
        for view in views:
            for o in s3.list_objects_v2(Bucket=speed["bucket"], Prefix=folder(speed, view)).get("Contents", []):
                s3.delete_object(Bucket=speed["bucket"], Key=o["Key"])
        for view in views:
            produce(bootstrap, view["topic"], [json.dumps({"id": f"{view['topic']}-after-expiry"}) + "\n"], work)
        for view in views:
            prefix = folder(speed, view)
            wait_for(lambda p=prefix: line_count(s3, speed["bucket"], p) >= 1, f"{prefix} after expiry", job)
    finally:
        stop.touch()
        job.wait(timeout=300)
        stopped(job)
    log = (work / "speed-first.log").read_text()
    for view in views:
        skipped = rf"{re.escape(view['topic'])}: micro-batch \d+: {len(not_records)} values that are not a JSON record skipped"
        assert re.search(skipped, log), log[-4000:]

    # A restart after expiry resumes from the checkpoint: nothing already written is written again.
    for view in views:
        produce(bootstrap, view["topic"], [json.dumps({"id": f"{view['topic']}-after-restart"}) + "\n"], work)
    job, stop = speed["start"]("restart")
    try:
        for view in views:
            prefix = folder(speed, view)
            wait_for(lambda p=prefix: line_count(s3, speed["bucket"], p) >= 2, f"{prefix} after restart", job)
            lines = sorted(line for content in speed_lines(s3, speed["bucket"], prefix).values() for line in content if line)
            assert lines == sorted(json.dumps({"id": f"{view['topic']}-{s}"}) for s in ("after-expiry", "after-restart")), lines
    finally:
        stop.touch()
        job.wait(timeout=300)
        stopped(job)
