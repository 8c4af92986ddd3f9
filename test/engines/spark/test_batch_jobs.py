"""The hourly raw-to-curated job of the hybrid and Lambda stacks, run as each plan builds its command
(on EMR on EC2 or as an EMR Serverless job run) and uploads its script, on Firehose-shaped GZIP JSON
lines in moto's S3."""

import gzip
import json
from datetime import datetime, timezone
from decimal import Decimal

import pyarrow.parquet as pq
import pytest
from plan_jobs import arrow_type, batch_jobs, render_firehose_prefix

LOGICAL_TIME = "2026-03-01T10:15:00Z"  # processes 09:00-10:00 UTC
HOUR = datetime(2026, 3, 1, 9, 20, tzinfo=timezone.utc)
DT, HR = "2026-03-01", "09"
# The same jobs on EMR Serverless (hybrid-serverless, lambda-express): run from what their job runs pass.
STACKS = ["stack-hybrid", "stack-lambda", "stack-hybrid-serverless", "stack-lambda-express"]


def records(name):
    """Distinct records of one input for the hour; amounts mix integers and fractions, as producers send them."""
    if name == "orders":
        return [
            {"order_id": "o-1", "customer_id": "c-1", "amount": 12.5, "event_time": "2026-03-01T09:01:00Z"},
            {"order_id": "o-2", "customer_id": "c-2", "amount": 3, "event_time": "2026-03-01T09:02:00Z"},
            {"order_id": "o-3", "customer_id": "c-1", "amount": 1999.99, "event_time": "2026-03-01T09:03:00Z", "coupon": "X"},
        ]
    return [
        {"click_id": f"k-{i}", "user_id": f"u-{i % 2}", "page": f"/p/{i}", "event_time": f"2026-03-01T09:0{i}:00Z"} for i in range(1, 4)
    ]


def put_hour(s3, job, name, *, malformed=False):
    """Two GZIP objects under the hour's Firehose prefix: the records, one exact duplicate, an empty line (and a malformed one)."""
    prefix = render_firehose_prefix(job.raw_prefixes[name], HOUR)
    rows = [json.dumps(r) for r in records(name)]
    first = rows[:2] + [rows[0], ""]  # a duplicate (Firehose delivers at least once) and an empty line
    second = rows[2:] + (['{"order_id": "o-9", "amount": '] if malformed else [])
    for i, lines in enumerate([first, second]):
        body = gzip.compress(("\n".join(lines) + "\n").encode())
        s3.put_object(Bucket=job.bucket, Key=f"{prefix}{name}-stream-1-2026-03-01-09-{i:02d}-00-abc{i}.gz", Body=body)


def output_objects(s3, job, name):
    bucket, prefix = job.outputs[name][len("s3://") :].split("/", 1)
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return [o["Key"] for o in listed if o["Key"].endswith(".parquet")]


def read_partition(s3, job, name, work):
    tables = []
    for key in output_objects(s3, job, name):
        local = work / key.replace("/", "_")
        s3.download_file(job.bucket, key, str(local))
        tables.append(pq.read_table(local))
    return tables


@pytest.fixture(scope="module")
def jobs(plans, s3, spark_submit, work):
    """Each stack's job run once on its hour, then rerun on the same hour; results kept for the tests."""
    results = {}
    for label in STACKS:
        (job,) = list(batch_jobs(plans[label]))
        s3.create_bucket(Bucket=job.bucket)
        s3.put_object(Bucket=job.bucket, Key=job.script_key, Body=job.script.encode())
        for name in job.inputs:
            put_hour(s3, job, name)
        first = spark_submit(job.command(LOGICAL_TIME), job.spark_defaults, f"{label}-first")
        after_first = {name: [t.to_pylist() for t in read_partition(s3, job, name, work)] for name in job.outputs}
        keys_first = {name: output_objects(s3, job, name) for name in job.outputs}
        rerun = spark_submit(job.command(LOGICAL_TIME), job.spark_defaults, f"{label}-rerun")
        results[label] = {"job": job, "first": first, "rerun": rerun, "after_first": after_first, "keys_first": keys_first}
    return results


@pytest.mark.parametrize("label", STACKS)
def test_the_job_runs_as_uploaded(jobs, label):
    code, log = jobs[label]["first"]
    assert code == 0, log[-4000:]


@pytest.mark.parametrize("label", STACKS)
def test_each_output_is_one_partition_where_the_table_and_its_projection_look(jobs, s3, label):
    job = jobs[label]["job"]
    for name, folder in job.outputs.items():
        keys = output_objects(s3, job, name)
        assert keys, f"{name}: no Parquet under {folder}"
        bucket_prefix = folder[len(f"s3://{job.bucket}/") :]
        assert {k[len(bucket_prefix) :].rsplit("/", 1)[0] for k in keys} == {f"dt={DT}/hr={HR}"}
        table = job.tables.get(folder)
        if table is None:
            continue  # the hybrid stack catalogs nothing
        params = table["parameters"]
        template = params["storage.location.template"].replace("${dt}", DT).replace("${hr}", HR)
        assert {f"s3://{job.bucket}/{k.rsplit('/', 1)[0]}/" for k in keys} == {template}
        assert HR in params["projection.hr.values"].split(",")
        assert datetime.strptime(DT, params["projection.dt.format"].replace("yyyy", "%Y").replace("MM", "%m").replace("dd", "%d"))
        assert [k["name"] for k in table["partitionKeys"]] == ["dt", "hr"]


@pytest.mark.parametrize("label", ["stack-lambda", "stack-lambda-express"])
def test_parquet_columns_have_the_declared_types(jobs, s3, work, label):
    job = jobs[label]["job"]
    for name, folder in job.outputs.items():
        declared = [(c["name"], arrow_type(c["type"])) for c in job.tables[folder]["storageDescriptor"]["columns"]]
        for table in read_partition(s3, job, name, work):
            written = [(f.name, f.type) for f in table.schema]
            assert written == declared, f"{name}: Parquet has {written}, the Glue table declares {declared}"


@pytest.mark.parametrize("label", STACKS)
def test_duplicates_and_empty_lines_do_not_reach_curated(jobs, label):
    for name, tables in jobs[label]["after_first"].items():
        rows = [r for t in tables for r in t]
        assert len(rows) == len(records(name)), f"{name}: {rows}"
        assert all(any(v is not None for v in r.values()) for r in rows), f"{name}: a row of nulls"


@pytest.mark.parametrize("label", STACKS)
def test_nor_are_they_rejected(jobs, s3, label):
    job = jobs[label]["job"]
    assert set(job.rejected) == set(job.inputs), "every input has a folder for its rejected lines"
    _, log = jobs[label]["first"]
    for name, folder in job.rejected.items():
        prefix = folder[len(f"s3://{job.bucket}/") :] + f"dt={DT}/hr={HR}/"
        assert not s3.list_objects_v2(Bucket=job.bucket, Prefix=prefix).get("Contents"), prefix
        # The records and one duplicate; the empty line is not counted.
        assert f"{name}: {DT} {HR}:00: {len(records(name)) + 1} lines, 0 rejected (0 malformed, 0 type, 0 empty)" in log


def test_amounts_keep_their_value_as_decimals(jobs):
    rows = [r for t in jobs["stack-lambda"]["after_first"]["orders"] for r in t]
    assert sorted(r["amount"] for r in rows) == [Decimal("3.00"), Decimal("12.50"), Decimal("1999.99")]


@pytest.mark.parametrize("label", STACKS)
def test_a_rerun_of_the_hour_replaces_it_with_the_same_rows(jobs, s3, work, label):
    code, log = jobs[label]["rerun"]
    assert code == 0, log[-4000:]
    job = jobs[label]["job"]
    for name in job.outputs:
        again = sorted(json.dumps(r, default=str, sort_keys=True) for t in read_partition(s3, job, name, work) for r in t.to_pylist())
        before = sorted(json.dumps(r, default=str, sort_keys=True) for t in jobs[label]["after_first"][name] for r in t)
        assert again == before
        # Dynamic partition overwrite: the first run's files of the hour are gone, replaced rather than added to.
        assert not set(output_objects(s3, job, name)) & set(jobs[label]["keys_first"][name])


def test_an_hour_without_data_is_skipped_not_failed(jobs, s3, spark_submit):
    job = jobs["stack-hybrid"]["job"]
    before = {name: output_objects(s3, job, name) for name in job.outputs}
    code, log = spark_submit(job.command("2026-03-02T03:15:00Z"), job.spark_defaults, "stack-hybrid-empty-hour")
    assert code == 0, log[-4000:]
    assert "no data for 2026-03-02 02:00, skipped" in log
    assert {name: output_objects(s3, job, name) for name in job.outputs} == before
