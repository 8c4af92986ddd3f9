"""The EMR security configuration JSON.

botocore models CreateSecurityConfiguration's `SecurityConfiguration` as an opaque string, so its
structure is written down here from the EMR Management Guide ("Specify a security configuration
using JSON"): the members EMR 7 documents for encryption, IMDS and authorization, with their types
and allowed values. A key EMR does not document fails, as does a wrong value type or enum.
"""

KMS = {"AwsKmsKey": str}
SCHEMA = {
    "EncryptionConfiguration": {
        "EnableInTransitEncryption": bool,
        "EnableAtRestEncryption": bool,
        "InTransitEncryptionConfiguration": {
            "TLSCertificateConfiguration": {
                "CertificateProviderType": ("PEM", "Custom"),
                "S3Object": str,
                "CertificateProviderClass": str,
            },
        },
        "AtRestEncryptionConfiguration": {
            "S3EncryptionConfiguration": {
                "EncryptionMode": ("SSE-S3", "SSE-KMS", "CSE-KMS", "CSE-Custom"),
                **KMS,
                "S3Object": str,
                "EncryptionKeyProviderClass": str,
                "Overrides": list,
            },
            "LocalDiskEncryptionConfiguration": {
                "EncryptionKeyProviderType": ("AwsKms", "Custom"),
                **KMS,
                "S3Object": str,
                "EncryptionKeyProviderClass": str,
                "EnableEbsEncryption": bool,
            },
        },
    },
    "InstanceMetadataServiceConfiguration": {
        "MinimumInstanceMetadataServiceVersion": (1, 2),
        "HttpPutResponseHopLimit": int,
    },
    "AuthenticationConfiguration": dict,
    "AuthorizationConfiguration": dict,
}


def security_configuration_problems(value, schema=SCHEMA, path="$"):
    if not isinstance(value, dict):
        return [f"{path}: expected an object, got {value!r}"]
    problems = []
    for key, item in value.items():
        rule = schema.get(key)
        where = f"{path}.{key}"
        if rule is None:
            problems.append(f"{where}: not a member EMR documents here ({', '.join(sorted(schema))})")
        elif isinstance(rule, dict):
            problems += security_configuration_problems(item, rule, where)
        elif isinstance(rule, tuple):
            if item not in rule:
                problems.append(f"{where}: {item!r} is not one of {list(rule)}")
        elif rule is int and (isinstance(item, bool) or not isinstance(item, int)):
            problems.append(f"{where}: expected an integer, got {item!r}")
        elif not isinstance(item, rule):
            problems.append(f"{where}: expected {rule.__name__}, got {item!r}")
    return problems
