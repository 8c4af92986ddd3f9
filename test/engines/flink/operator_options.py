"""Writes the option catalog of a Flink Kubernetes Operator release, for FlinkConfigCheck.

The operator's jars past 1.10 (autoscaler) and 1.7 (operator) are not on Maven Central, so the
catalog is read off the release's own option declarations (AutoScalerOptions and
KubernetesOperatorConfigOptions) in a checkout of apache/flink-kubernetes-operator at its release tag:

    git -C <checkout> checkout release-1.15.0
    python3 operator_options.py <checkout> > operator-options-1.15.0.tsv

One line per option: key, value type, then the other keys it reads (fallback and deprecated), tab-separated.
"""

import re
import sys
from pathlib import Path

SOURCES = {
    "flink-autoscaler/src/main/java/org/apache/flink/autoscaler/config/AutoScalerOptions.java": {
        "autoScalerConfig": "job.autoscaler.",
        "oldOperatorConfigKey": "kubernetes.operator.job.autoscaler.",
        "autoScalerConfigKey": "job.autoscaler.",
    },
    "flink-kubernetes-operator/src/main/java/org/apache/flink/kubernetes/operator/config/KubernetesOperatorConfigOptions.java": {
        "operatorConfig": "kubernetes.operator.",
    },
}
DECLARATION = re.compile(r"public static final ConfigOption<[^=]*?>\s+\w+\s*=\s*(.*?);", re.S)
TYPE = re.compile(r"\.(booleanType|durationType|intType|longType|doubleType|floatType|stringType|memoryType|mapType|enumType)\(")
KEYS_CALL = re.compile(r"\.with(Fallback|Deprecated)Keys\((.*?)\)\s*(?=\.|$)", re.S)


def keys_in(text, helpers):
    """Every key literal in an argument list, expanded through the file's key helper functions."""
    keys = []
    for helper, literal in re.findall(r"(?:(\w+)\(\s*)?\"([^\"]+)\"", text):
        keys.append(helpers.get(helper, "") + literal)
    return keys


def options(root):
    for relative, helpers in SOURCES.items():
        source = (root / relative).read_text()
        for body in DECLARATION.findall(source):
            head = re.match(r"(?:ConfigOptions\.key|(\w+))\(\s*\"([^\"]+)\"", body.strip())
            if not head:
                continue
            key = helpers.get(head.group(1) or "", "") + head.group(2)
            kind = TYPE.search(body)
            value_type = kind.group(1).removesuffix("Type") if kind else "string"
            if ".asList()" in body:
                value_type = "list"
            others = []
            for _, args in KEYS_CALL.findall(body):
                others += keys_in(args, helpers)
            yield key, value_type, others


def main():
    root = Path(sys.argv[1])
    for key, value_type, others in sorted(options(root)):
        print("\t".join([key, value_type, *others]))


if __name__ == "__main__":
    main()
