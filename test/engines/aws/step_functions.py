"""Which API request a Step Functions task sends, and the request its Parameters become.

Optimized integrations name their own parameters for a few actions (EMR's addStep takes one `Step`
and `ClusterId`); those are mapped to the API's request here. EMR Serverless's optimized
integration passes the API's members in PascalCase, as AWS SDK integrations
(`arn:aws:states:::aws-sdk:<service>:<action>`) pass Parameters to the API as they are.
"""

# Optimized EMR integration -> (botocore service, operation, Parameters -> request)
_EMR = {
    "createCluster": ("emr", "RunJobFlow", lambda p: p),
    "addStep": ("emr", "AddJobFlowSteps", lambda p: _rename(p, {"ClusterId": "JobFlowId", "Step": "Steps"}, listify={"Steps"})),
    "terminateCluster": ("emr", "TerminateJobFlows", lambda p: _rename(p, {"ClusterId": "JobFlowIds"}, listify={"JobFlowIds"})),
}
# Optimized EMR Serverless integration -> botocore operation (Parameters are the request, PascalCase).
_EMR_SERVERLESS = {"startJobRun": "StartJobRun", "cancelJobRun": "CancelJobRun", "startApplication": "StartApplication"}
# Service names in aws-sdk ARNs that differ from botocore's.
_SDK_SERVICES = {"sfn": "stepfunctions", "emrserverless": "emr-serverless"}


def _rename(params, names, listify):
    out = {}
    for key, value in params.items():
        dynamic = key.endswith(".$")
        base = key[:-2] if dynamic else key
        new = names.get(base, base)
        if new in listify and not dynamic:
            value = [value]
        out[new + (".$" if dynamic else "")] = value
    return out


def request_of(resource, parameters):
    """(service, operation, request, pascal) for a Task's Resource and Parameters, or None for a resource not calling an AWS API."""
    prefix = "arn:aws:states:::"
    if not resource.startswith(prefix):
        return None
    integration = resource[len(prefix) :]
    if integration.startswith("aws-sdk:"):
        _, service, action = integration.split(":", 2)
        return _SDK_SERVICES.get(service, service), action[0].upper() + action[1:], parameters, True
    service, _, action = integration.partition(":")
    action = action.split(".")[0]
    if service == "elasticmapreduce" and action in _EMR:
        botocore_service, operation, convert = _EMR[action]
        return botocore_service, operation, convert(parameters), False
    if service == "emr-serverless" and action in _EMR_SERVERLESS:
        return "emr-serverless", _EMR_SERVERLESS[action], parameters, True
    raise ValueError(f"no request mapping for the integration {resource}: add it to step_functions.py")


def tasks(definition):
    """(state name, state) for every Task state, also inside Parallel branches and Map iterators."""
    for name, state in definition.get("States", {}).items():
        if state.get("Type") == "Task":
            yield name, state
        for branch in state.get("Branches", []):
            yield from tasks(branch)
        for key in ("Iterator", "ItemProcessor"):
            if key in state:
                yield from tasks(state[key])
