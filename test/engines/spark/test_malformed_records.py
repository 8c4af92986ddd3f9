"""Malformed and empty records in the raw zone (a producer's truncated record, two records without the
newline between them, `{}`, a value of the wrong type): the hourly job keeps them out of curated and
writes them, as they arrived, to the topic's folder of rejected lines for the hour, as the
architecture READMEs say."""

import gzip
import json
from datetime import datetime, timezone

import pyarrow.parquet as pq
import pytest
from plan_jobs import arrow_type, batch_jobs, render_firehose_prefix

LOGICAL_TIME = "2026-03-05T18:15:00Z"  # processes 17:00-18:00 UTC
HOUR = datetime(2026, 3, 5, 17, 30, tzinfo=timezone.utc)
DT, HR = "2026-03-05", "17"
GOOD = [
    {"order_id": "o-1", "customer_id": "c-1", "amount": 5, "event_time": "2026-03-05T17:31:00Z"},
    {"order_id": "o-3", "customer_id": "c-2", "amount": 7.25, "event_time": "2026-03-05T17:32:00Z"},
]
TRUNCATED = '{"order_id": "o-2", "amount": '
TWO_IN_ONE = '{"order_id": "o-5", "amount": 1}{"order_id": "o-6", "amount": 2}'
EMPTY = "{}"
# Not a decimal: the Lambda view declares amount decimal(12,2); the hybrid job infers the hour's types.
WRONG_TYPE = '{"order_id": "o-7", "customer_id": "c-3", "amount": "twelve"}'
LINES = [json.dumps(GOOD[0]), TRUNCATED, json.dumps(GOOD[1]), json.dumps(GOOD[0]), TWO_IN_ONE, "", EMPTY, TRUNCATED, WRONG_TYPE]
REJECTED = {
    "stack-lambda": {("malformed", TRUNCATED), ("malformed", TWO_IN_ONE), ("empty", EMPTY), ("type", WRONG_TYPE)},
    "stack-hybrid": {("malformed", TRUNCATED), ("malformed", TWO_IN_ONE), ("empty", EMPTY)},
}
KEPT = {"stack-lambda": ["o-1", "o-3"], "stack-hybrid": ["o-1", "o-3", "o-7"]}


def key_of(job, uri):
    assert uri.startswith(f"s3://{job.bucket}/"), uri
    return uri[len(f"s3://{job.bucket}/") :]


def keys(s3, job, prefix, suffix):
    return sorted(o["Key"] for o in s3.list_objects_v2(Bucket=job.bucket, Prefix=prefix).get("Contents", []) if o["Key"].endswith(suffix))


def put_raw(s3, job, lines):
    """The hour's raw object as Firehose writes it (GZIP JSON lines), replacing any earlier one."""
    key = render_firehose_prefix(job.raw_prefixes["orders"], HOUR) + "orders-stream-1-2026-03-05-17-30-00-abc.gz"
    s3.put_object(Bucket=job.bucket, Key=key, Body=gzip.compress(("\n".join(lines) + "\n").encode()))
    return key


def curated(s3, job, work):
    """The hour's Parquet: its keys, rows and columns with their types."""
    found = keys(s3, job, key_of(job, job.outputs["orders"]) + f"dt={DT}/hr={HR}/", ".parquet")
    rows, schema = [], set()
    for key in found:
        local = work / key.replace("/", "_")
        s3.download_file(job.bucket, key, str(local))
        table = pq.read_table(local)
        rows += table.to_pylist()
        schema |= {(f.name, f.type) for f in table.schema}
    return found, rows, schema


def rejected(s3, job):
    """The hour's rejected lines: their keys and their records."""
    found = keys(s3, job, key_of(job, job.rejected["orders"]) + f"dt={DT}/hr={HR}/", ".json.gz")
    lines = []
    for key in found:
        body = gzip.decompress(s3.get_object(Bucket=job.bucket, Key=key)["Body"].read()).decode()
        lines += [json.loads(line) for line in body.splitlines() if line]
    return found, lines


def run(job, spark_submit, label, *extra):
    return spark_submit(job.command(LOGICAL_TIME) + list(extra), job.spark_defaults, label)


@pytest.fixture(scope="module")
def hours(plans, s3, spark_submit, work):
    """Each stack's job run once on an hour holding malformed and empty records; results kept for the tests."""
    results = {}
    for label in REJECTED:
        (job,) = list(batch_jobs(plans[label]))
        try:
            s3.create_bucket(Bucket=job.bucket)
        except s3.exceptions.BucketAlreadyOwnedByYou:
            pass
        s3.put_object(Bucket=job.bucket, Key=job.script_key, Body=job.script.encode())
        raw_key = put_raw(s3, job, LINES)
        code, log = run(job, spark_submit, f"{label}-malformed")
        results[label] = {"job": job, "raw_key": raw_key, "code": code, "log": log}
        results[label]["curated"] = curated(s3, job, work)
        results[label]["rejected"] = rejected(s3, job)
    return results


@pytest.mark.parametrize("label", REJECTED)
def test_malformed_and_empty_records_do_not_reach_curated(hours, label):
    h = hours[label]
    assert h["code"] == 0, h["log"][-4000:]
    _, rows, schema = h["curated"]
    assert sorted(r["order_id"] for r in rows) == KEPT[label], rows
    assert all(r["customer_id"] is not None for r in rows), f"a row of nulls: {rows}"
    # No column of the job's own (Spark's _corrupt_record, or anything else starting with "_").
    assert not [name for name, _ in schema if name.startswith("_")], schema


def test_lambda_parquet_keeps_the_declared_types(hours):
    job = hours["stack-lambda"]["job"]
    _, _, schema = hours["stack-lambda"]["curated"]
    declared = {(c["name"], arrow_type(c["type"])) for c in job.tables[job.outputs["orders"]]["storageDescriptor"]["columns"]}
    assert schema == declared


@pytest.mark.parametrize("label", REJECTED)
def test_rejected_lines_are_kept_as_they_arrived_with_their_reason(hours, label):
    h = hours[label]
    found, lines = h["rejected"]
    assert found, "no rejected lines written"
    # Each distinct line once (the truncated one arrived twice), with the object it came from.
    assert sorted((r["reason"], r["line"]) for r in lines) == sorted(REJECTED[label])
    assert {r["file"].rsplit("/", 1)[-1] for r in lines} == {h["raw_key"].rsplit("/", 1)[-1]}
    assert all(r["detail"] for r in lines)
    if label == "stack-lambda":
        assert [r["detail"] for r in lines if r["reason"] == "type"] == ["amount is not decimal(12,2)"]
    counts = f"{len(LINES) - 1} lines, {len(REJECTED[label]) + 1} rejected"
    assert f"orders: {DT} {HR}:00: {counts}" in h["log"], h["log"][-4000:]


@pytest.mark.parametrize("label", REJECTED)
def test_rejected_lines_lie_in_the_raw_zone_beside_firehose_errors_and_outside_every_table(hours, label):
    job = hours[label]["job"]
    folder = key_of(job, job.rejected["orders"])
    assert folder == "raw/_rejected/orders/"
    assert job.error_prefixes["orders"].startswith("raw/_errors/")
    outside = [key_of(job, f) for f in [*job.inputs.values(), *job.outputs.values()]]
    outside += [key_of(job, t["storageDescriptor"]["location"]) for t in job.tables.values()]
    assert not [o for o in outside if folder.startswith(o) or o.startswith(folder)], outside


def test_a_rerun_replaces_the_hours_rejected_lines(hours, s3, spark_submit, work):
    h = hours["stack-lambda"]
    job = h["job"]
    code, log = run(job, spark_submit, "stack-lambda-malformed-rerun")
    assert code == 0, log[-4000:]
    found, lines = rejected(s3, job)
    assert sorted((r["reason"], r["line"]) for r in lines) == sorted(REJECTED["stack-lambda"])
    assert not set(found) & set(h["rejected"][0]), "the first run's files are still there"

    # The hour changes (every line malformed now): its rejected lines are exactly the new ones, and
    # the records an earlier run wrote are gone from curated, rather than kept by dynamic overwrite.
    put_raw(s3, job, [TRUNCATED, TWO_IN_ONE])
    code, log = run(job, spark_submit, "stack-lambda-malformed-only")
    assert code == 0, log[-4000:]
    _, lines = rejected(s3, job)
    assert sorted((r["reason"], r["line"]) for r in lines) == sorted({("malformed", TRUNCATED), ("malformed", TWO_IN_ONE)})
    assert curated(s3, job, work)[0] == []


def test_too_many_rejected_lines_fail_the_run_and_leave_curated_as_it_was(hours, s3, spark_submit, work):
    h = hours["stack-hybrid"]
    job = h["job"]
    before = curated(s3, job, work)[0]
    assert before
    code, log = run(job, spark_submit, "stack-hybrid-malformed-limit", "--max-rejected-fraction", "0.2")
    assert code != 0, log[-4000:]
    assert "more than --max-rejected-fraction 0.2; its curated hour is left as it was" in log, log[-4000:]
    assert curated(s3, job, work)[0] == before
    _, lines = rejected(s3, job)
    assert sorted((r["reason"], r["line"]) for r in lines) == sorted(REJECTED["stack-hybrid"])
    # Within the limit the run writes the hour.
    code, log = run(job, spark_submit, "stack-hybrid-malformed-within-limit", "--max-rejected-fraction", "0.5")
    assert code == 0, log[-4000:]
    after, rows, _ = curated(s3, job, work)
    assert after and not set(after) & set(before)
    assert sorted(r["order_id"] for r in rows) == KEPT["stack-hybrid"]
