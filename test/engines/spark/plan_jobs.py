"""What a plan says about its batch jobs: the spark-submit command, the cluster's (or the EMR
Serverless application's) spark-defaults, the uploaded script, where Firehose writes each input, and
the Glue tables over the outputs."""

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import pyarrow as pa
from intrinsics import evaluate_array

SERVERLESS_RUN = "arn:aws:states:::emr-serverless:startJobRun.sync"
GLUE_TO_ARROW = {"string": pa.string(), "int": pa.int32(), "bigint": pa.int64(), "double": pa.float64(), "boolean": pa.bool_()}


@dataclass
class BatchJob:
    plan: str
    workflow: str
    definition: dict
    spark_defaults: dict
    script_key: str
    script: str
    bucket: str
    inputs: dict = field(default_factory=dict)  # name -> s3:// folder
    outputs: dict = field(default_factory=dict)  # name -> s3:// folder
    rejected: dict = field(default_factory=dict)  # input name -> s3:// folder of its rejected lines (output <name>-rejected)
    raw_prefixes: dict = field(default_factory=dict)  # name -> Firehose prefix template
    error_prefixes: dict = field(default_factory=dict)  # name -> Firehose error output prefix template
    tables: dict = field(default_factory=dict)  # output s3:// folder -> Glue table inputs

    def command(self, logical_time):
        """The spark-submit arguments the workflow builds for an execution with this logical time."""
        if "RunJob" in self.definition["States"]:
            return serverless_command(self.definition["States"]["RunJob"]["Parameters"], logical_time)
        state = {"run": {"logicalTime": logical_time, "logicalTimeConf": f"spark.spectrum.logicalTime={logical_time}"}}
        return evaluate_array(self.definition["States"]["BuildCommand"]["Parameters"]["args.$"], state)


def serverless_command(parameters, logical_time):
    """The spark-submit equivalent of an EMR Serverless job run: its submit parameters, the run's
    spark-defaults as --conf (JsonPath values, `$.logicalTime` only, resolved), the entry point and its arguments."""
    submit = parameters["JobDriver"]["SparkSubmit"]
    confs = []
    for c in parameters.get("ConfigurationOverrides", {}).get("ApplicationConfiguration", []):
        if c["Classification"] != "spark-defaults":
            continue
        for key, value in c["Properties"].items():
            if key.endswith(".$"):
                assert value == "$.logicalTime", f"unexpected JsonPath {value} for {key}"
                key, value = key[:-2], logical_time
            confs += ["--conf", f"{key}={value}"]
    submit_parameters = submit.get("SparkSubmitParameters", "").split()
    return ["spark-submit", *submit_parameters, *confs, submit["EntryPoint"], *submit.get("EntryPointArguments", [])]


def _cluster_defaults(definition, resources):
    """The spark-defaults the job's Spark starts from: the transient cluster's, or its EMR Serverless application's."""
    defaults = {}
    if "RunJob" in definition["States"]:
        app_id = definition["States"]["RunJob"]["Parameters"]["ApplicationId"]
        (app,) = [r for r in resources if r["type"] == "aws:emrserverless/application:Application" and r.get("id") == app_id]
        for c in app["inputs"].get("runtimeConfigurations", []):
            if c["classification"] == "spark-defaults":
                defaults.update(c["properties"])
        return defaults
    for c in definition["States"]["CreateCluster"]["Parameters"].get("Configurations", []):
        if c["Classification"] == "spark-defaults":
            defaults.update(c["Properties"])
    return defaults


def batch_jobs(plan):
    resources = plan["resources"]
    for sm in (r for r in resources if r["type"] == "aws:sfn/stateMachine:StateMachine"):
        definition = json.loads(sm["inputs"]["definition"])
        states = definition.get("States", {})
        serverless = states.get("RunJob", {}).get("Resource") == SERVERLESS_RUN
        if "BuildCommand" not in states and not serverless:
            continue
        defaults = _cluster_defaults(definition, resources)
        if serverless:
            probe = serverless_command(states["RunJob"]["Parameters"], "x")
        else:
            probe = evaluate_array(states["BuildCommand"]["Parameters"]["args.$"], {"run": {"logicalTimeConf": "x"}})
        script_uri = next(a for a in probe if isinstance(a, str) and a.startswith("s3://") and a.endswith(".py"))
        bucket, key = script_uri[len("s3://") :].split("/", 1)
        script = next(r for r in resources if r["type"].startswith("aws:s3/bucketObject") and r["inputs"].get("key") == key)
        job = BatchJob(plan["label"], sm["name"], definition, defaults, key, script["content"], bucket)
        for arg in probe:
            m = re.match(r"spark\.spectrum\.(input|output)\.([\w-]+)=(s3://.*)$", str(arg))
            if m:
                (job.inputs if m.group(1) == "input" else job.outputs)[m.group(2)] = m.group(3)
        for name in job.inputs:
            if f"{name}-rejected" in job.outputs:
                job.rejected[name] = job.outputs.pop(f"{name}-rejected")
        for r in resources:
            if r["type"] == "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream":
                s3 = r["inputs"]["extendedS3Configuration"]
                for name, folder in job.inputs.items():
                    if f"s3://{bucket}/{s3['prefix']}".startswith(folder):
                        job.raw_prefixes[name] = s3["prefix"]
                        job.error_prefixes[name] = s3["errorOutputPrefix"]
            if r["type"] == "aws:glue/catalogTable:CatalogTable":
                job.tables[r["inputs"]["storageDescriptor"]["location"]] = r["inputs"]
        yield job


def arrow_type(glue_type):
    """The Arrow type of a Parquet column written for a Glue column type."""
    if glue_type.startswith("decimal("):
        precision, scale = glue_type[len("decimal(") : -1].split(",")
        return pa.decimal128(int(precision), int(scale))
    return GLUE_TO_ARROW[glue_type]


def render_firehose_prefix(prefix, moment: datetime):
    """A Firehose S3 prefix with its !{timestamp:...} expressions evaluated (Java date patterns used here: yyyy MM dd HH)."""

    def timestamp(m):
        return m.group(1).replace("yyyy", "%Y").replace("MM", "%m").replace("dd", "%d").replace("HH", "%H")

    return moment.strftime(re.sub(r"!\{timestamp:([^}]*)\}", timestamp, prefix))
