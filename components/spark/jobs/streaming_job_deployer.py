import json
import time

import boto3

sfn = boto3.client("stepfunctions")


def handler(event, context):
    lifecycle = event.get("tf") or {}
    action = "stop" if lifecycle.get("action") == "delete" else "deploy"
    previous = lifecycle.get("prev_input") or {}
    state_machine = event.get("stateMachineArn") or previous.get("stateMachineArn")
    started = sfn.start_execution(
        stateMachineArn=state_machine,
        input=json.dumps({"action": action, "revision": event.get("revision")}),
    )
    arn = started["executionArn"]
    while context.get_remaining_time_in_millis() > 20000:
        time.sleep(10)
        execution = sfn.describe_execution(executionArn=arn)
        status = execution["status"]
        if status == "SUCCEEDED":
            return {"action": action, "status": status, "executionArn": arn}
        if status != "RUNNING":
            raise RuntimeError(f"{action} ended {status}: {execution.get('error', '')} {execution.get('cause', '')} ({arn})")
    raise TimeoutError(f"{action} still running when the deployer ran out of time; follow {arn}")
