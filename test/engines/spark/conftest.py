"""Spark checks: an S3 stand-in (moto's server mode on 127.0.0.1) and spark-submit of the plans' job scripts."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest

sys.path.insert(0, str(Path(__file__).parent))


def pytest_addoption(parser):
    parser.addoption("--plans", required=True, help="folder of exported plan JSON files")
    parser.addoption("--work", required=True, help="scratch folder for this run")
    parser.addoption("--bootstrap", required=True, help="the local Kafka broker the speed job reads")


def remember(process, name):
    """Leaves the process id where run.sh stops it at the end of the run, should this session die first;
    `stopped(process)` takes it back once the process has ended."""
    folder = os.environ.get("ENGINE_PIDS")
    process.pid_file = Path(folder, f"{name}-{process.pid}.pid") if folder else None
    if process.pid_file:
        process.pid_file.write_text(str(process.pid))
    return process


def stopped(process):
    if getattr(process, "pid_file", None):
        process.pid_file.unlink(missing_ok=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def plans(request):
    folder = Path(request.config.getoption("--plans"))
    return {p.stem: json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}


@pytest.fixture(scope="session")
def work(request):
    path = Path(request.config.getoption("--work"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def s3_endpoint(work):
    """moto's S3-compatible server on 127.0.0.1, stopped when the session ends."""
    port = free_port()
    log = open(work / "moto.log", "w")
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    server = remember(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT), "moto")
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # bounded: 100 connection attempts 0.1 s apart
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=30)
        stopped(server)
        log.close()


@pytest.fixture(scope="session")
def s3(s3_endpoint):
    return boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")


@pytest.fixture(scope="session")
def bootstrap(request):
    return request.config.getoption("--bootstrap")


@pytest.fixture(scope="session")
def spark_submit(s3_endpoint, work):
    """Runs one spark-submit command as the workflow builds it, on local Spark with s3:// served by moto."""
    bin_dir = Path(sys.executable).parent
    jars = os.environ["SPARK_S3_JARS"]

    def command_for(args, spark_defaults):
        assert args[0] == "spark-submit"
        command = [str(bin_dir / "spark-submit"), "--master", "local[2]"]
        rest = list(args[1:])
        # EMR runs the driver on the cluster; locally the driver is this process's child.
        if "--deploy-mode" in rest:
            rest[rest.index("--deploy-mode") + 1] = "client"
        # What EMR's cluster configuration provides: its spark-defaults, and s3:// through an S3 filesystem
        # (S3A pointed at moto, where EMR uses EMRFS).
        confs = {
            **spark_defaults,
            "spark.jars": jars,
            # Also on the launching JVM's classpath: spark-submit itself fetches the s3:// script.
            "spark.driver.extraClassPath": jars.replace(",", ":"),
            "spark.jars.ivy": os.environ.get("SPARK_IVY_DIR", str(work / "ivy")),
            "spark.hadoop.fs.s3.impl": "org.apache.hadoop.fs.s3a.S3AFileSystem",
            "spark.hadoop.fs.s3a.endpoint": s3_endpoint,
            "spark.hadoop.fs.s3a.path.style.access": "true",
            "spark.hadoop.fs.s3a.connection.ssl.enabled": "false",
            "spark.hadoop.fs.s3a.access.key": "test",
            "spark.hadoop.fs.s3a.secret.key": "test",
            "spark.hadoop.fs.s3a.change.detection.mode": "none",
            "spark.driver.memory": "1g",
            # Short local runs: a JVM that starts fast matters more than peak JIT performance.
            "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "4",
        }
        for key, value in confs.items():
            command += ["--conf", f"{key}={value}"]
        return command + rest

    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}

    def run(args, spark_defaults, label):
        log = work / f"{label}.log"
        with open(log, "w") as out:
            code = subprocess.run(command_for(args, spark_defaults), stdout=out, stderr=subprocess.STDOUT, env=env, timeout=600).returncode
        return code, log.read_text()

    def start(args, spark_defaults, label):
        """A long-running submit (the streaming job): the process, its output going to <label>.log."""
        out = open(work / f"{label}.log", "w")
        return remember(subprocess.Popen(command_for(args, spark_defaults), stdout=out, stderr=subprocess.STDOUT, env=env), label)

    run.start = start
    return run
