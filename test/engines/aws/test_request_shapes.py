"""Everything the library passes verbatim to an AWS API, validated against botocore's API models."""

import json

import pytest
from conftest import load_plans
from security_configuration import security_configuration_problems
from shapes import operation, validate
from step_functions import request_of, tasks


def _plans(config):
    return load_plans(config.getoption("--plans"))


def pytest_generate_tests(metafunc):
    plans = _plans(metafunc.config)
    if "task" in metafunc.fixturenames:
        cases = []
        for plan in plans:
            for r in plan["resources"]:
                if r["type"] == "aws:sfn/stateMachine:StateMachine":
                    for name, state in tasks(json.loads(r["inputs"]["definition"])):
                        cases.append(pytest.param((r["inputs"]["definition"], state), id=f"{plan['label']}/{r['name']}/{name}"))
        metafunc.parametrize("task", cases)
    if "emr_cluster" in metafunc.fixturenames:
        cases = [
            pytest.param(r, id=f"{plan['label']}/{r['name']}")
            for plan in plans
            for r in plan["resources"]
            if r["type"] == "aws:emr/cluster:Cluster"
        ]
        metafunc.parametrize("emr_cluster", cases)
    if "serverless_application" in metafunc.fixturenames:
        cases = [
            pytest.param(r, id=f"{plan['label']}/{r['name']}")
            for plan in plans
            for r in plan["resources"]
            if r["type"] == "aws:emrserverless/application:Application"
        ]
        metafunc.parametrize("serverless_application", cases)
    if "security_configuration" in metafunc.fixturenames:
        cases = [
            pytest.param(r, id=f"{plan['label']}/{r['name']}")
            for plan in plans
            for r in plan["resources"]
            if r["type"] == "aws:emr/securityConfiguration:SecurityConfiguration"
        ]
        metafunc.parametrize("security_configuration", cases)


def test_step_functions_task_parameters_are_valid_requests(task):
    _, state = task
    mapped = request_of(state["Resource"], state.get("Parameters", {}))
    if mapped is None:
        pytest.skip(f"{state['Resource']} calls no AWS API")
    service, name, request, pascal = mapped
    problems = validate(operation(service, name).input_shape, request, f"{service}.{name}", pascal)
    assert not problems, "\n".join(problems)


def test_emr_cluster_configurations_are_valid(emr_cluster):
    configurations = json.loads(emr_cluster["inputs"].get("configurationsJson") or "[]")
    shape = operation("emr", "RunJobFlow").input_shape.members["Configurations"]
    problems = validate(shape, configurations, "emr.RunJobFlow.Configurations")
    assert not problems, "\n".join(problems)


# The Pulumi inputs of an EMR Serverless application, renamed to CreateApplication's members where
# they differ (the provider sends the rest under the same camelCase name).
_APPLICATION_RENAMES = {"runtimeConfigurations": "runtimeConfiguration"}
# Inputs whose Pulumi shape differs from the API's (a list of typed entries for a map): not compared.
_APPLICATION_SKIPPED = {"initialCapacities", "imageConfiguration", "schedulerConfiguration"}


def test_emr_serverless_application_is_a_valid_create_request(serverless_application):
    inputs = serverless_application["inputs"]
    request = {_APPLICATION_RENAMES.get(k, k): v for k, v in inputs.items() if k not in _APPLICATION_SKIPPED}
    # The SDK fills in the idempotency token; the provider fills in the name when none is given.
    request.setdefault("clientToken", "token")
    request.setdefault("name", serverless_application["name"])
    problems = validate(operation("emr-serverless", "CreateApplication").input_shape, request, "emr-serverless.CreateApplication")
    assert not problems, "\n".join(problems)


def test_emr_security_configuration_is_valid(security_configuration):
    problems = security_configuration_problems(json.loads(security_configuration["inputs"]["configuration"]))
    assert not problems, "\n".join(problems)
