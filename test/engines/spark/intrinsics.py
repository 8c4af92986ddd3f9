"""Evaluates the Step Functions intrinsic the batch workflows build their spark-submit command with:
`States.Array('literal', ..., $.path, ...)`, literals in single quotes with `\\` escapes for `'{}\\`.
"""


def evaluate_array(expression, state):
    """The list States.Array(...) evaluates to, reading `$.a.b` paths from `state` (a dict)."""
    head = "States.Array("
    if not expression.startswith(head) or not expression.endswith(")"):
        raise ValueError(f"not a States.Array intrinsic: {expression[:60]}")
    body = expression[len(head) : -1]
    values, i = [], 0
    while i < len(body):
        c = body[i]
        if c in " ,":
            i += 1
        elif c == "'":
            i, text = i + 1, []
            while body[i] != "'":
                if body[i] == "\\":
                    i += 1
                text.append(body[i])
                i += 1
            values.append("".join(text))
            i += 1
        elif c == "$":
            end = i
            while end < len(body) and body[end] not in " ,":
                end += 1
            value = state
            for part in body[i + 2 : end].split("."):
                value = value[part]
            values.append(value)
            i = end
        else:
            raise ValueError(f"unexpected {c!r} at {i} in {body[:80]}")
    return values
