"""examples/spark-batch: the daily page-views job, run as the example's workflow builds its command."""

import gzip
import json

import pyarrow.parquet as pq
import pytest
from plan_jobs import batch_jobs

LOGICAL_TIME = "2026-03-02T02:30:00Z"  # processes 2026-03-01
DAY = "2026-03-01"
EVENTS = [
    {"event_type": "page_view", "page": "/home", "user_id": "u1"},
    {"event_type": "page_view", "page": "/home", "user_id": "u2"},
    {"event_type": "page_view", "page": "/home", "user_id": "u1"},
    {"event_type": "page_view", "page": "/cart", "user_id": "u2"},
    {"event_type": "click", "page": "/home", "user_id": "u3"},
]


@pytest.fixture(scope="module")
def example(plans, s3, spark_submit):
    (job,) = list(batch_jobs(plans["example-spark-batch"]))
    s3.create_bucket(Bucket=job.bucket)
    s3.put_object(Bucket=job.bucket, Key=job.script_key, Body=job.script.encode())
    raw = job.inputs["events"][len(f"s3://{job.bucket}/") :]
    body = gzip.compress(("\n".join(json.dumps(e) for e in EVENTS) + "\n").encode())
    s3.put_object(Bucket=job.bucket, Key=f"{raw}dt={DAY}/events-0.json.gz", Body=body)
    return job, [spark_submit(job.command(LOGICAL_TIME), job.spark_defaults, "example-daily")]


def rows(s3, job, work):
    prefix = job.outputs["daily"][len(f"s3://{job.bucket}/") :]
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=job.bucket, Prefix=prefix).get("Contents", []) if o["Key"].endswith(".parquet")]
    assert keys and all(k[len(prefix) :].startswith(f"dt={DAY}/") for k in keys), keys
    out = []
    for key in keys:
        local = work / key.replace("/", "_")
        s3.download_file(job.bucket, key, str(local))
        out += pq.read_table(local).to_pylist()
    return sorted((r["page"], r["views"], r["visitors"]) for r in out)


def test_the_day_becomes_one_partition_of_page_views(example, s3, work):
    job, runs = example
    for code, log in runs:
        assert code == 0, log[-4000:]
    assert rows(s3, job, work) == [("/cart", 1, 1), ("/home", 3, 2)]


def test_a_day_without_events_fails_the_run(example, spark_submit):
    job, _ = example
    code, _ = spark_submit(job.command("2026-03-10T02:30:00Z"), job.spark_defaults, "example-daily-empty")
    assert code != 0
