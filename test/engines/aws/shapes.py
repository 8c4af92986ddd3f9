"""Validates a request against a botocore service model: unknown and missing members, types, enums, ranges.

Step Functions passes task Parameters verbatim, except that a key ending in `.$` takes its value
from the state's input at run time: such a member must exist, and its value is not known here. AWS
SDK integrations write every member name in PascalCase, also for APIs whose members are camelCase
(Step Functions' own, for one): `pascal=True` reads member names that way.
"""

import botocore.session

_session = botocore.session.get_session()
_models = {}


def operation(service, name):
    if service not in _models:
        _models[service] = _session.get_service_model(service)
    return _models[service].operation_model(name)


def validate(shape, value, path="$", pascal=False):
    """Problems with `value` as an instance of the botocore `shape`, each naming its path."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            return [f"{path}: expected an object ({shape.name}), got {value!r}"]
        problems = []
        members = {(m[0].upper() + m[1:] if pascal else m): m for m in shape.members}
        given = set()
        for key, member_value in value.items():
            dynamic = key.endswith(".$")
            name = key[:-2] if dynamic else key
            if name not in members:
                problems.append(f"{path}.{name}: not a member of {shape.name} (members: {', '.join(sorted(members))})")
                continue
            given.add(members[name])
            if not dynamic:
                problems += validate(shape.members[members[name]], member_value, f"{path}.{name}", pascal)
        for required in shape.required_members:
            if required not in given:
                problems.append(f"{path}.{required}: required by {shape.name}, missing")
        return problems
    if kind == "list":
        if not isinstance(value, list):
            return [f"{path}: expected a list ({shape.name}), got {value!r}"]
        problems = _range(shape, len(value), path, "items")
        for i, item in enumerate(value):
            problems += validate(shape.member, item, f"{path}[{i}]", pascal)
        return problems
    if kind == "map":
        if not isinstance(value, dict):
            return [f"{path}: expected a map ({shape.name}), got {value!r}"]
        problems = []
        for k, v in value.items():
            problems += validate(shape.key, k, f"{path} key {k!r}")
            problems += validate(shape.value, v, f"{path}[{k!r}]", pascal)
        return problems
    if kind == "string":
        if not isinstance(value, str):
            return [f"{path}: expected a string ({shape.name}), got {value!r}"]
        if shape.enum and value not in shape.enum:
            return [f"{path}: {value!r} is not one of {shape.name}'s values {shape.enum}"]
        return _range(shape, len(value), path, "characters")
    if kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            return [f"{path}: expected an integer ({shape.name}), got {value!r}"]
        return _range(shape, value, path, "")
    if kind in ("double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return [f"{path}: expected a number ({shape.name}), got {value!r}"]
        return _range(shape, value, path, "")
    if kind == "boolean":
        return [] if isinstance(value, bool) else [f"{path}: expected a boolean ({shape.name}), got {value!r}"]
    if kind in ("timestamp", "blob"):
        return []
    return [f"{path}: no check for shape type {kind}"]


def _range(shape, measure, path, unit):
    problems = []
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if low is not None and measure < low:
        problems.append(f"{path}: {measure} {unit} is below {shape.name}'s minimum {low}".replace("  ", " "))
    if high is not None and measure > high:
        problems.append(f"{path}: {measure} {unit} is above {shape.name}'s maximum {high}".replace("  ", " "))
    return problems
