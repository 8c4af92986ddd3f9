"""Runs the Lambda speed job's script, its exact uploaded content from a local copy, against the local
PLAINTEXT broker, and stops its queries when a stop file appears.

The one change: the script's MSK IAM client options (SASL_SSL + AWS_MSK_IAM) are emptied, since IAM
authentication has no local counterpart. Everything else (Kafka source options, foreachBatch writer,
markers, checkpoints) runs as uploaded.

Usage (as spark-submit's primary resource): speed_harness.py <script copy> <stop file> <job arguments...>
"""

import os
import sys
import threading
import time
import types


def stop_when_told(stop_file):
    for _ in range(3600):  # at most an hour: the test writes the stop file well before
        if os.path.exists(stop_file):
            break
        time.sleep(0.5)
    from pyspark.sql import SparkSession

    for query in SparkSession.builder.getOrCreate().streams.active:
        query.stop()


def main():
    script, stop_file, job_args = sys.argv[1], sys.argv[2], sys.argv[3:]
    job = types.ModuleType("speed_job")
    with open(script) as f:
        exec(compile(f.read(), script, "exec"), job.__dict__)
    job.IAM.clear()
    threading.Thread(target=stop_when_told, args=(stop_file,), daemon=True).start()
    sys.argv = [script, *job_args]
    job.main()


if __name__ == "__main__":
    main()
