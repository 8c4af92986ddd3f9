/**
 * The Spark battery: bad inputs a user really writes for EmrSparkCluster, SparkBatchJob and
 * SparkStreamingJob, each rejected before the component registers anything, with all four parts
 * of the message; then valid but unusual inputs, accepted.
 *
 * Every program builds the landing zone the components need first; "nothing registered" is
 * checked for everything but it. Streaming jobs run on a cluster described by hand (the
 * SparkClusterTarget contract), which registers nothing either.
 */
import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../../components/core/contracts";
import { LandingZone } from "../../components/landing-zone";
import {
    EMR_INSTANCE_TYPES,
    EmrSparkCluster,
    EmrSparkClusterArgs,
    SparkBatchJob,
    SparkBatchJobArgs,
    SparkClusterTarget,
    SparkStreamingJob,
    SparkStreamingJobArgs,
} from "../../components/spark";
import { describeValue } from "../../components/core/errors";
import { runProgram } from "../../testing";
import { Expected, expectParts, rejection } from "./battery";
import { plannedStorage } from "../../components/architectures/shared/parts-check";

type Args = Record<string, unknown>;
type Case = [string, Args, Expected];
const e = (field: string, value: string, problem: string, fix: string): Expected => ({ field, value, problem, fix });
const notKnown = (key: string) => `"${key}" is not a known field`;
const LIST = "is a list where a map is expected";
const LIST_FIX = "Write it as a mapping of name: value";
const OUTPUT = "is an Output, but this field must be known when the program runs";
const OUTPUT_VALUE = "an Output (checked when it resolves)";
const REQUIRED = "is required";

const network = { vpcId: "vpc-0abc", subnetIds: ["subnet-priv-a", "subnet-priv-b"] };
// The landing zone as its consumers see it, without its resources: each case builds one, and the
// zone's own twenty-odd resources would be most of the suite's time (its battery is its own file).
const lake = (): Storage => plannedStorage("lz", ["raw", "curated", "artifacts", "checkpoints", "logs"]);
/** A cluster described by hand: what a platform repo passes for a cluster it already runs. */
const target = (storage: Storage): SparkClusterTarget => ({
    clusterId: pulumi.output("j-2AXXXXXXGAPLF"),
    clusterArn: pulumi.output("arn:aws:elasticmapreduce:eu-west-1:123456789012:cluster/j-2AXXXXXXGAPLF"),
    instanceRoleName: pulumi.output("shared-instance-role"),
    storage,
});

/** What a program registered besides the landing zone every program starts with. */
const beyondTheLake = (registered: string[]) => registered.filter((r) => !/::lz(-|$)/.test(r));

const cluster = (name: string, args: Args) => () => {
    const lz = lake();
    new EmrSparkCluster(name, { storage: lz, network, ...args } as unknown as EmrSparkClusterArgs);
};
const BATCH = { network, schedule: "cron(0 2 * * ? *)", application: { area: "artifacts", path: "jobs/daily.py" } };
const batch = (name: string, args: Args) => () => {
    const lz = lake();
    new SparkBatchJob(name, { storage: lz, ...BATCH, ...args } as unknown as SparkBatchJobArgs);
};
const STREAMING = { application: { area: "artifacts", path: "jobs/clicks.py" } };
const streaming = (name: string, args: Args) => () => {
    const lz = lake();
    new SparkStreamingJob(name, { cluster: target(lz), ...STREAMING, ...args } as unknown as SparkStreamingJobArgs);
};

const GRAVITON_TYPES = EMR_INSTANCE_TYPES.filter((t) => /^[a-z]+\d+g[a-z]*\./.test(t));

const clusterCases: Case[] = [
    // Unknown and misspelt keys.
    [
        "a misspelt releaseLabel",
        { releaseLable: "emr-7.14.0" },
        e("releaseLable", '"emr-7.14.0"', notKnown("releaseLable"), 'Did you mean "releaseLabel"?'),
    ],
    [
        "a misspelt highAvailability",
        { highAvailabilty: true },
        e("highAvailabilty", "true", notKnown("highAvailabilty"), 'Did you mean "highAvailability"?'),
    ],
    ["a key in the wrong case", { Protect: false }, e("Protect", "false", notKnown("Protect"), 'Did you mean "protect"?')],
    ["tag for tags", { tag: { team: "data" } }, e("tag", '{"team":"data"}', notKnown("tag"), 'Did you mean "tags"?')],
    [
        "terminationProtected for terminationProtection",
        { terminationProtected: false },
        e("terminationProtected", "false", notKnown("terminationProtected"), 'Did you mean "terminationProtection"?'),
    ],
    [
        "instanceType for instanceTypes in a fleet",
        { core: { instanceType: ["m7g.xlarge"] } },
        e("core.instanceType", '["m7g.xlarge"]', notKnown("instanceType"), 'Did you mean "instanceTypes"?'),
    ],
    [
        "an API-style scaling key",
        { scaling: { MaximumCapacityUnits: 20 } },
        e("scaling.MaximumCapacityUnits", "20", notKnown("MaximumCapacityUnits"), "Use one of"),
    ],
    [
        "serviceRole for serviceRoleArn",
        { roles: { serviceRole: "arn:aws:iam::123456789012:role/emr", instanceRoleArn: "arn:aws:iam::123456789012:role/ec2" } },
        e("roles.serviceRole", '"arn:aws:iam::123456789012:role/emr"', notKnown("serviceRole"), 'Did you mean "serviceRoleArn"?'),
    ],
    [
        "a classification key in the wrong case",
        { configurations: [{ classification: "spark-env" }] },
        e("configurations[0].classification", '"spark-env"', notKnown("classification"), 'Did you mean "Classification"?'),
    ],
    [
        "a misspelt network key",
        { network: { ...network, vpcID: "vpc-1" } },
        e("network.vpcID", '"vpc-1"', notKnown("vpcID"), 'Did you mean "vpcId"?'),
    ],
    // Shapes: lists for maps, strings for lists, missing dependencies.
    ["no storage", { storage: undefined }, e("storage", "undefined", REQUIRED, "Pass a LandingZone")],
    ["no network", { network: undefined }, e("network", "undefined", REQUIRED, "Set network")],
    ["a bucket name as storage", { storage: "my-lake" }, e("storage", '"my-lake"', "is not a landing zone", "Pass a LandingZone")],
    [
        "a bucket-like object as storage",
        { storage: { bucketName: "my-lake", areas: ["raw"] } },
        e("storage", '{"bucketName":"my-lake","areas":["raw"]}', "is not a landing zone", "Pass a LandingZone"),
    ],
    [
        "network as a VPC id",
        { network: "vpc-0abc" },
        e("network", '"vpc-0abc"', "is a string, not a mapping (key: value)", "Write a mapping"),
    ],
    [
        "subnets as one string",
        { network: { vpcId: "vpc-0abc", subnetIds: "subnet-a,subnet-b" } },
        e("network.subnetIds", '"subnet-a,subnet-b"', "is a string, not a list", "Write a list"),
    ],
    [
        "no subnets",
        { network: { vpcId: "vpc-0abc", subnetIds: [] } },
        e("network.subnetIds", "[]", "a cluster needs at least one private subnet", "Pass the private subnet ids of your VPC"),
    ],
    [
        "a CIDR for a subnet",
        { network: { vpcId: "vpc-0abc", subnetIds: ["10.0.1.0/24"] } },
        e("network.subnetIds[0]", '"10.0.1.0/24"', "is not a subnet id", "Pass a private subnet's id"),
    ],
    [
        "a VPC name for its id",
        { network: { ...network, vpcId: "data-vpc" } },
        e("network.vpcId", '"data-vpc"', "is not a VPC id", "Pass the id"),
    ],
    [
        "grants as a map",
        { grants: { raw: "read" } },
        e("grants", '{"raw":"read"}', "is a map where a list is expected", "Write it as a list of - items"),
    ],
    [
        "a grant's access misspelt",
        { grants: [{ access: "readwrite", area: "raw" }] },
        e("grants[0].access", '"readwrite"', "is not one of read, write", 'Use one of "read", "write"'),
    ],
    [
        "instance types as one string",
        { core: { instanceTypes: "m7g.xlarge" } },
        e("core.instanceTypes", '"m7g.xlarge"', "is a string, not a list", "Write a list"),
    ],
    [
        "sparkDefaults as a list",
        { sparkDefaults: ["spark.executor.memory=4g"] },
        e("sparkDefaults", '["spark.executor.memory=4g"]', LIST, LIST_FIX),
    ],
    [
        "a spark-defaults value as a number",
        { sparkDefaults: { "spark.executor.cores": 4 } },
        e('sparkDefaults["spark.executor.cores"]', "4", "is a number, not a string", "Write a string"),
    ],
    [
        "configurations as a map",
        { configurations: { Classification: "spark-env" } },
        e("configurations", '{"Classification":"spark-env"}', "is a map where a list is expected", "Write it as a list"),
    ],
    ["tags as a list", { tags: ["team=data"] }, e("tags", '["team=data"]', LIST, LIST_FIX)],
    [
        "scaling as a word",
        { scaling: "auto" },
        e("scaling", '"auto"', "is a string, not a mapping (key: value) or false", "Write a mapping (key: value) or false"),
    ],
    ["scaling as true", { scaling: true }, e("scaling", "true", "is a boolean, not a mapping (key: value) or false", "Write a mapping")],
    [
        "a scaling limit as a string",
        { scaling: { maxCapacity: "20" } },
        e("scaling.maxCapacity", '"20"', "is a string, write a number", "Write 20 without quotes"),
    ],
    [
        "in-transit encryption without its certificates",
        { inTransitEncryption: {} },
        e("inTransitEncryption.certificatesUri", "undefined", REQUIRED, "Set certificatesUri"),
    ],
    // Values: strings for numbers and booleans, NaN, Infinity, fractions, ranges.
    [
        "steps as a string",
        { stepConcurrencyLevel: "10" },
        e("stepConcurrencyLevel", '"10"', "is a string, write a number", "Write 10 without quotes"),
    ],
    [
        "no step slots",
        { stepConcurrencyLevel: 0 },
        e("stepConcurrencyLevel", "0", "EMR runs 1 to 256 steps at once", "Use a whole number in that range"),
    ],
    [
        "too many step slots",
        { stepConcurrencyLevel: 257 },
        e("stepConcurrencyLevel", "257", "EMR runs 1 to 256 steps at once", "Use a whole number"),
    ],
    [
        "half a step slot",
        { stepConcurrencyLevel: 2.5 },
        e("stepConcurrencyLevel", "2.5", "EMR runs 1 to 256 steps at once", "Use a whole number"),
    ],
    ["steps NaN", { stepConcurrencyLevel: NaN }, e("stepConcurrencyLevel", "NaN", "is not a number", "Write a number")],
    [
        "steps Infinity",
        { stepConcurrencyLevel: Infinity },
        e("stepConcurrencyLevel", "Infinity", "EMR runs 1 to 256 steps at once", "Use a whole number"),
    ],
    [
        'highAvailability "true"',
        { highAvailability: "true" },
        e("highAvailability", '"true"', "is a string, write true or false", "Write true or false without quotes"),
    ],
    ['protect "no"', { protect: "no" }, e("protect", '"no"', "is a string, write true or false", "Write true or false without quotes")],
    ["protect 0", { protect: 0 }, e("protect", "0", "is a number, not true or false", "Write true or false")],
    [
        "terminationProtection null",
        { terminationProtection: null },
        e("terminationProtection", "null", "is null, not true or false", "Write true or false"),
    ],
    ["a negative fleet size", { task: { targetCapacity: -1 } }, e("task.targetCapacity", "-1", "must be at least 0", "Use 0 or more")],
    [
        "a fractional fleet size",
        { core: { targetCapacity: 1.5 } },
        e("core.targetCapacity", "1.5", "must be a whole number", "Write an integer such as 2"),
    ],
    [
        "a 0 GiB data volume",
        { core: { ebsVolumeGiB: 0 } },
        e("core.ebsVolumeGiB", "0", "must be a whole number of GiB between 1 and 16384", "Use e.g. 64"),
    ],
    [
        "a 20 TiB data volume",
        { task: { ebsVolumeGiB: 20000 } },
        e("task.ebsVolumeGiB", "20000", "must be a whole number of GiB between 1 and 16384", "Use e.g. 64"),
    ],
    [
        "a 10 GiB root volume",
        { ebsRootVolumeGiB: 10 },
        e("ebsRootVolumeGiB", "10", "EMR accepts root volumes of 15 to 100 GiB", "Use a whole number in that range"),
    ],
    [
        "a 200 GiB root volume",
        { ebsRootVolumeGiB: 200 },
        e("ebsRootVolumeGiB", "200", "EMR accepts root volumes of 15 to 100 GiB", "Use a whole number"),
    ],
    [
        "a scaling maximum of 0",
        { scaling: { maxCapacity: 0 } },
        e("scaling.maxCapacity", "0", "must be a whole number of instances, at least 1", "Use a positive integer"),
    ],
    [
        "a fractional scaling minimum",
        { scaling: { minCapacity: 1.5 } },
        e("scaling.minCapacity", "1.5", "must be a whole number of instances", "Use a positive integer"),
    ],
    // Catalogs: releases and instance types EMR does not offer.
    [
        "a release newer than the catalog",
        { releaseLabel: "emr-7.15.0" },
        e(
            "releaseLabel",
            '"emr-7.15.0"',
            "is newer than the newest release of its line in the EMR release catalog (emr-7.14.0",
            "Use emr-7.14.0 or older, or add the release to spark/emr-releases.ts",
        ),
    ],
    [
        "an emr-spark release newer than the catalog",
        { releaseLabel: "emr-spark-8.2.0" },
        e(
            "releaseLabel",
            '"emr-spark-8.2.0"',
            "is newer than the newest release of its line in the EMR release catalog (emr-spark-8.1.0",
            "Use emr-spark-8.1.0 or older",
        ),
    ],
    [
        "a patch release EMR never shipped",
        { releaseLabel: "emr-7.1.1" },
        e("releaseLabel", '"emr-7.1.1"', "is not a release EMR offers", 'Did you mean "emr-7.1.0"?'),
    ],
    [
        "a label without its patch",
        { releaseLabel: "emr-7.14" },
        e("releaseLabel", '"emr-7.14"', "is not an EMR release label", "Use the form emr-x.y.z or emr-spark-x.y.z"),
    ],
    [
        "a label in capitals",
        { releaseLabel: "EMR-7.14.0" },
        e("releaseLabel", '"EMR-7.14.0"', "is not an EMR release label", "Use the form emr-x.y.z"),
    ],
    [
        "an EMR 6 release",
        { releaseLabel: "emr-6.15.0" },
        e("releaseLabel", '"emr-6.15.0"', "EMR 6.x is older than the 7.x releases", 'Use a 7.x release such as "emr-7.14.0"'),
    ],
    ["a Spark version for a label", { releaseLabel: "3.5.6" }, e("releaseLabel", '"3.5.6"', "is not an EMR release label", "Use the form")],
    [
        "a size EMR does not offer in that family",
        { core: { instanceTypes: ["m7g.large"] } },
        e(
            "core.instanceTypes[0]",
            '"m7g.large"',
            "EMR offers m7g in the sizes xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge, 16xlarge only",
            'Use one of those, e.g. "m7g.xlarge"',
        ),
    ],
    [
        "a burstable family",
        { task: { instanceTypes: ["t4g.xlarge"] } },
        e("task.instanceTypes[0]", '"t4g.xlarge"', "EMR does not offer the t4g instance family", "Use a family EMR offers"),
    ],
    [
        "a type without its dot",
        { core: { instanceTypes: ["m7gxlarge"] } },
        e("core.instanceTypes[0]", '"m7gxlarge"', "is not an EC2 instance type", 'Use a type such as "m7g.xlarge"'),
    ],
    [
        "a type in capitals",
        { primary: { instanceTypes: ["M7G.XLARGE"] } },
        e("primary.instanceTypes[0]", '"M7G.XLARGE"', "is not an EC2 instance type", "Use a type such as"),
    ],
    [
        "an empty fleet",
        { core: { instanceTypes: [] } },
        e("core.instanceTypes", "[]", "a fleet needs at least one instance type", "List one or more types"),
    ],
    [
        "a type listed twice",
        { core: { instanceTypes: ["m7g.xlarge", "m7g.xlarge"] } },
        e("core.instanceTypes", '["m7g.xlarge","m7g.xlarge"]', "lists a type twice", "List each type once"),
    ],
    [
        "31 instance types in one fleet",
        { task: { instanceTypes: GRAVITON_TYPES.slice(0, 31) } },
        e(
            "task.instanceTypes",
            describeValue(GRAVITON_TYPES.slice(0, 31)),
            "EMR accepts at most 30 instance types per fleet",
            "List 30 or fewer",
        ),
    ],
    // ARNs and ids, and Outputs where a plain value is needed.
    [
        "a key alias for the disk key",
        { localDiskKmsKeyArn: "alias/emr-disks" },
        e("localDiskKmsKeyArn", '"alias/emr-disks"', "is not a KMS key ARN", "Pass the key's ARN"),
    ],
    [
        "a role name for a role ARN",
        { roles: { serviceRoleArn: "EMR_DefaultRole_V2", instanceRoleArn: "arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole" } },
        e("roles.serviceRoleArn", '"EMR_DefaultRole_V2"', "is not an IAM role ARN", "Pass the role's ARN"),
    ],
    [
        "certificates over HTTPS",
        { inTransitEncryption: { certificatesUri: "https://certs.example.com/emr.zip" } },
        e(
            "inTransitEncryption.certificatesUri",
            '"https://certs.example.com/emr.zip"',
            "is not the s3:// URI of a zip file",
            "Upload a zip",
        ),
    ],
    [
        "highAvailability as an Output",
        { highAvailability: pulumi.output(true) },
        e("highAvailability", OUTPUT_VALUE, OUTPUT, "Pass a plain value"),
    ],
    [
        "releaseLabel as an Output",
        { releaseLabel: pulumi.output("emr-7.14.0") },
        e("releaseLabel", OUTPUT_VALUE, OUTPUT, "Pass a plain value"),
    ],
    ["a fleet as an Output", { core: pulumi.output({ targetCapacity: 3 }) }, e("core", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    ["network as an Output", { network: pulumi.output(network) }, e("network", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    // Rules across fields.
    [
        "two primary nodes",
        { primary: { targetCapacity: 2 } },
        e("primary.targetCapacity", "2", "a cluster has one primary node, or three for high availability", "Set highAvailability: true"),
    ],
    [
        "high availability with one primary node",
        { highAvailability: true, primary: { targetCapacity: 1 } },
        e(
            "primary.targetCapacity",
            "1",
            "a highly available cluster has exactly three primary nodes",
            "Omit primary.targetCapacity or set it to 3",
        ),
    ],
    [
        "no core node",
        { core: { targetCapacity: 0 } },
        e("core.targetCapacity", "0", "a cluster needs at least one core node", "Use 1 or more"),
    ],
    [
        "Graviton and x86 fleets",
        { task: { instanceTypes: ["m7i.xlarge"] } },
        e(
            "instanceTypes",
            describeValue(["m7g.xlarge", "m6g.xlarge", "r7g.xlarge", "m7g.xlarge", "m6g.xlarge", "r7g.xlarge", "r6g.xlarge", "m7i.xlarge"]),
            "mixes Graviton (arm64) and x86 instance types",
            "Use only Graviton types",
        ),
    ],
    [
        "a scaling minimum above the maximum",
        { scaling: { minCapacity: 8, maxCapacity: 4 } },
        e("scaling.minCapacity", "8", "is greater than scaling.maxCapacity (4)", "Lower minCapacity"),
    ],
    [
        "more core than all instances",
        { scaling: { maxCoreCapacity: 12 } },
        e("scaling.maxCoreCapacity", "12", "is greater than scaling.maxCapacity (10)", "Keep maxCoreCapacity at or below maxCapacity"),
    ],
    [
        "more On-Demand than all instances",
        { scaling: { maxOnDemandCapacity: 11 } },
        e("scaling.maxOnDemandCapacity", "11", "is greater than scaling.maxCapacity (10)", "Keep maxOnDemandCapacity"),
    ],
    [
        "a core fleet larger than scaling allows it",
        { core: { targetCapacity: 4 }, scaling: { maxCoreCapacity: 3 } },
        e("core.targetCapacity", "4", "is above scaling.maxCoreCapacity (3)", "Raise scaling.maxCoreCapacity"),
    ],
    [
        "a task fleet past the scaling maximum",
        { task: { targetCapacity: 9 } },
        e("task.targetCapacity", "9", "with 2 core instances it exceeds scaling.maxCapacity (10)", "Raise scaling.maxCapacity"),
    ],
    [
        "a grant outside the landing zone",
        { grants: [{ access: "read", area: "secrets" }] },
        e("grants[0].area", '"secrets"', "is not an area of the landing zone", "Use one of raw, curated, artifacts"),
    ],
    [
        "a grant that climbs out of its area",
        { grants: [{ access: "write", area: "raw", path: "../logs" }] },
        e("grants[0].path", '"../logs"', "is not a path inside the landing zone", "Use /-separated segments"),
    ],
    [
        "a classification with a space",
        { configurations: [{ Classification: "spark env" }] },
        e(
            "configurations[0].Classification",
            '"spark env"',
            "is not an EMR configuration classification",
            'Use a classification such as "spark-env"',
        ),
    ],
    [
        "a tag key starting with aws:",
        { tags: { "aws:team": "data" } },
        e('tags["aws:team"]', '"aws:team"', "AWS reserves tag keys starting with aws:", "Use another prefix"),
    ],
];

const batchCases: Case[] = [
    [
        "a misspelt schedule",
        { schedul: "cron(0 2 * * ? *)" },
        e("schedul", '"cron(0 2 * * ? *)"', notKnown("schedul"), 'Did you mean "schedule"?'),
    ],
    [
        "timezone in lowercase",
        { timezone: "Europe/Paris" },
        e("timezone", '"Europe/Paris"', notKnown("timezone"), 'Did you mean "timeZone"?'),
    ],
    [
        "a bucket in the application",
        { application: { area: "artifacts", path: "jobs/daily.py", bucket: "b" } },
        e("application.bucket", '"b"', notKnown("bucket"), "Use one of"),
    ],
    [
        "highAvailability for a transient cluster",
        { cluster: { highAvailability: true } },
        e("cluster.highAvailability", "true", notKnown("highAvailability"), "Use one of"),
    ],
    [
        "a misspelt location key",
        { inputs: { events: { area: "raw", paht: "events" } } },
        e("inputs.events.paht", '"events"', notKnown("paht"), 'Did you mean "path"?'),
    ],
    ["no schedule", { schedule: undefined }, e("schedule", "undefined", REQUIRED, "Set schedule")],
    ["no application", { application: undefined }, e("application", "undefined", REQUIRED, "Set application")],
    ["an application without its path", { application: { area: "artifacts" } }, e("application.path", "undefined", REQUIRED, "Set path")],
    ["no storage", { storage: undefined }, e("storage", "undefined", REQUIRED, "Pass a LandingZone")],
    [
        "a Terraform-style schedule",
        { schedule: "0 2 * * *" },
        e("schedule", '"0 2 * * *"', "is not a valid schedule: is neither cron(...) nor rate(...)", 'Use e.g. "cron(0 2 * * ? *)"'),
    ],
    [
        "a five-field cron",
        { schedule: "cron(0 2 * * *)" },
        e("schedule", '"cron(0 2 * * *)"', "is not a valid schedule: has 5 fields", 'Use e.g. "cron(0 2 * * ? *)"'),
    ],
    [
        "a cron without its ?",
        { schedule: "cron(0 2 * * MON *)" },
        e(
            "schedule",
            '"cron(0 2 * * MON *)"',
            'is not a valid schedule: exactly one of day-of-month and day-of-week must be "?"',
            "Use e.g.",
        ),
    ],
    [
        "hour 25",
        { schedule: "cron(0 25 * * ? *)" },
        e("schedule", '"cron(0 25 * * ? *)"', 'is not a valid schedule: its hours field "25" is not valid', "Use e.g."),
    ],
    [
        "a rate of 0",
        { schedule: "rate(0 hours)" },
        e("schedule", '"rate(0 hours)"', "is not a valid schedule: the rate must be at least 1", "Use e.g."),
    ],
    [
        "a plural unit for 1",
        { schedule: "rate(1 hours)" },
        e("schedule", '"rate(1 hours)"', "is not a valid schedule: use the singular unit for 1: rate(1 hour)", "Use e.g."),
    ],
    ["a schedule as a number", { schedule: 3600 }, e("schedule", "3600", "is a number, not a string", "Write a string")],
    [
        "an unknown time zone",
        { timeZone: "Mars/Olympus" },
        e("timeZone", '"Mars/Olympus"', "is not an IANA time zone", 'Use a name such as "UTC"'),
    ],
    ["a UTC offset for a zone", { timeZone: "UTC+2" }, e("timeZone", '"UTC+2"', "is not an IANA time zone", "Use a name such as")],
    [
        'enabled "false"',
        { enabled: "false" },
        e("enabled", '"false"', "is a string, write true or false", "Write true or false without quotes"),
    ],
    [
        "a timeout of 0",
        { timeoutMinutes: 0 },
        e("timeoutMinutes", "0", "must be a whole number of minutes between 1 and 10080 (a week)", "Use e.g. 360"),
    ],
    [
        "a timeout over a week",
        { timeoutMinutes: 10081 },
        e("timeoutMinutes", "10081", "must be a whole number of minutes between 1 and 10080", "Use e.g. 360"),
    ],
    [
        "a timeout as a string",
        { timeoutMinutes: "360" },
        e("timeoutMinutes", '"360"', "is a string, write a number", "Write 360 without quotes"),
    ],
    ["a timeout with a unit", { timeoutMinutes: "6h" }, e("timeoutMinutes", '"6h"', "is a string, not a number", "Write a number")],
    [
        "six retries",
        { stepRetries: 6 },
        e("stepRetries", "6", "must be a whole number from 0 to 5", "Use 0 to fail on the first application failure"),
    ],
    ["negative retries", { stepRetries: -1 }, e("stepRetries", "-1", "must be a whole number from 0 to 5", "Use 0")],
    [
        "an idle timeout of 0",
        { idleTimeoutMinutes: 0 },
        e("idleTimeoutMinutes", "0", "EMR accepts an idle timeout of 1 minute to 7 days", "Use e.g. 30"),
    ],
    ["args as one string", { args: "--date 2026-01-01" }, e("args", '"--date 2026-01-01"', "is a string, not a list", "Write a list")],
    ["a number among the args", { args: ["--limit", 10] }, e("args[1]", "10", "is a number, not a string", "Write a string")],
    [
        "a backslash in an arg",
        { args: ["C:\\data"] },
        e("args[0]", '"C:\\\\data"', "contains a backslash, which a batch job's step arguments cannot carry", "Remove the backslash"),
    ],
    [
        "a backslash in a Spark property",
        { sparkConf: { "spark.driver.extraJavaOptions": "-Dsep=\\t" } },
        e('sparkConf["spark.driver.extraJavaOptions"]', '"-Dsep=\\\\t"', "contains a backslash", "Remove the backslash"),
    ],
    [
        "a property without spark.",
        { sparkConf: { "executor.memory": "4g" } },
        e(
            'sparkConf["executor.memory"]',
            '"4g"',
            'is not a Spark property (they start with "spark.")',
            "Use a property such as spark.executor.memory",
        ),
    ],
    [
        "a spectrum property",
        { sparkConf: { "spark.spectrum.output.daily": "s3://elsewhere/" } },
        e(
            'sparkConf["spark.spectrum.output.daily"]',
            '"s3://elsewhere/"',
            "spark.spectrum.* properties are set by spectrum",
            "Use inputs/outputs for locations",
        ),
    ],
    ["sparkConf as a list", { sparkConf: ["spark.executor.memory=4g"] }, e("sparkConf", '["spark.executor.memory=4g"]', LIST, LIST_FIX)],
    [
        "a main class for a script",
        { mainClass: "com.example.Daily" },
        e("mainClass", '"com.example.Daily"', "is set for a PySpark application", "Remove mainClass"),
    ],
    [
        "a main class with a space",
        { application: { area: "artifacts", path: "jobs/daily.jar" }, mainClass: "com.example Daily" },
        e("mainClass", '"com.example Daily"', "is not a Java class name", 'Use a fully qualified name such as "com.example.Daily"'),
    ],
    [
        "a shell script for an application",
        { application: { area: "artifacts", path: "jobs/daily.sh" } },
        e(
            "application.path",
            '"jobs/daily.sh"',
            "is neither a PySpark script (.py) nor a jar (.jar)",
            "Point application at a .py or .jar file",
        ),
    ],
    [
        "a folder for an application",
        { application: { area: "artifacts", path: "jobs/" } },
        e("application.path", '"jobs/"', "does not name a file", "Give the file's path inside the area"),
    ],
    [
        "a misspelt area for the application",
        { application: { area: "artifact", path: "jobs/daily.py" } },
        e(
            "application.area",
            '"artifact"',
            "is not an area of the landing zone, so the location lies outside it",
            "Use one of raw, curated, artifacts",
        ),
    ],
    [
        "an input name with a space",
        { inputs: { "page views": { area: "raw", path: "views" } } },
        e(
            'inputs["page views"]',
            '"page views"',
            "is not a usable name (it becomes a Spark property suffix)",
            "Use letters, digits, _ and -",
        ),
    ],
    ["inputs as a list", { inputs: [{ area: "raw", path: "events" }] }, e("inputs", '[{"area":"raw","path":"events"}]', LIST, LIST_FIX)],
    ["an input without its area", { inputs: { events: { path: "events" } } }, e("inputs.events.area", "undefined", REQUIRED, "Set area")],
    [
        "an output that climbs out",
        { outputs: { report: { area: "curated", path: "../logs/emr" } } },
        e("outputs.report.path", '"../logs/emr"', "is not a path inside the landing zone", "Use /-separated segments"),
    ],
    [
        "an input in another bucket",
        { inputs: { events: { area: "s3://other-bucket" } } },
        e("inputs.events.area", '"s3://other-bucket"', "is not an area of the landing zone", "Use one of"),
    ],
    ["pyFiles as one string", { pyFiles: "libs/deps.zip" }, e("pyFiles", '"libs/deps.zip"', "is a string, not a list", "Write a list")],
    [
        "a py file outside the zone",
        { pyFiles: [{ area: "libs", path: "deps.zip" }] },
        e("pyFiles[0].area", '"libs"', "is not an area of the landing zone", "Use one of"),
    ],
    [
        "a transient cluster on a future release",
        { cluster: { releaseLabel: "emr-7.99.0" } },
        e("cluster.releaseLabel", '"emr-7.99.0"', "is newer than the newest release of its line", "Use emr-7.14.0 or older"),
    ],
    [
        "three primary nodes on a transient cluster",
        { cluster: { primary: { targetCapacity: 3 } } },
        e(
            "cluster.primary.targetCapacity",
            "3",
            "a cluster has one primary node, or three for high availability",
            "Set highAvailability: true",
        ),
    ],
    [
        "a transient scaling minimum above its maximum",
        { cluster: { scaling: { minCapacity: 3, maxCapacity: 2 } } },
        e("cluster.scaling.minCapacity", "3", "is greater than scaling.maxCapacity (2)", "Lower minCapacity"),
    ],
    [
        "a transient fleet type EMR does not offer",
        { cluster: { task: { instanceTypes: ["c7g.medium"] } } },
        e("cluster.task.instanceTypes[0]", '"c7g.medium"', "EMR offers c7g in the sizes", 'e.g. "c7g.xlarge"'),
    ],
    [
        "a topic name for the alarm topic",
        { alarmTopicArn: "data-alerts" },
        e("alarmTopicArn", '"data-alerts"', "is not an SNS topic ARN", "Pass the topic's ARN"),
    ],
    ["the cluster shape as an Output", { cluster: pulumi.output({}) }, e("cluster", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    ["the schedule as an Output", { schedule: pulumi.output("rate(1 hour)") }, e("schedule", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
    ["a tag value as a number", { tags: { cost: 5 } }, e("tags.cost", "5", "is a number, not a string", "Write a string")],
];

const streamingCases: Case[] = [
    ["no cluster", { cluster: undefined }, e("cluster", "undefined", REQUIRED, "Pass an EmrSparkCluster")],
    [
        "a cluster id for the cluster",
        { cluster: "j-2AXXXXXXGAPLF" },
        e("cluster", '"j-2AXXXXXXGAPLF"', "is not a Spark cluster", "Pass an EmrSparkCluster"),
    ],
    [
        "a cluster without its storage",
        { cluster: { clusterId: "j-1", clusterArn: "arn", instanceRoleName: "r" } },
        e("cluster", '{"clusterId":"j-1","clusterArn":"arn","instanceRoleName":"r"}', "is not a Spark cluster", "Pass an EmrSparkCluster"),
    ],
    [
        "a misspelt trigger",
        { triggerIntervall: "1 minute" },
        e("triggerIntervall", '"1 minute"', notKnown("triggerIntervall"), 'Did you mean "triggerInterval"?'),
    ],
    [
        "checkpointLocation as an arg",
        { checkpointLocation: "s3://b/chk" },
        e("checkpointLocation", '"s3://b/chk"', notKnown("checkpointLocation"), "Use one of"),
    ],
    ["maxRetries for maxAttempts", { restart: { maxRetries: 3 } }, e("restart.maxRetries", "3", notKnown("maxRetries"), "Use one of")],
    [
        "a trigger in Spark's short form",
        { triggerInterval: "30s" },
        e("triggerInterval", '"30s"', "is not a Spark processing-time interval", 'Use e.g. "30 seconds"'),
    ],
    [
        "a trigger of 0 seconds",
        { triggerInterval: "0 seconds" },
        e("triggerInterval", '"0 seconds"', "is not a Spark processing-time interval", "Use e.g."),
    ],
    ["a trigger as a number", { triggerInterval: 30 }, e("triggerInterval", "30", "is a number, not a string", "Write a string")],
    ["restart as a number", { restart: 5 }, e("restart", "5", "is a number, not a mapping (key: value)", "Write a mapping")],
    [
        "no restart attempts",
        { restart: { maxAttempts: 0 } },
        e("restart.maxAttempts", "0", "must be a whole number from 1 to 20", "Use e.g. 5"),
    ],
    [
        "21 restart attempts",
        { restart: { maxAttempts: 21 } },
        e("restart.maxAttempts", "21", "must be a whole number from 1 to 20", "Use e.g. 5"),
    ],
    [
        "attempts as a string",
        { restart: { maxAttempts: "5" } },
        e("restart.maxAttempts", '"5"', "is a string, write a number", "Write 5 without quotes"),
    ],
    [
        "a backoff of 0",
        { restart: { initialBackoffSeconds: 0 } },
        e("restart.initialBackoffSeconds", "0", "must be a whole number of seconds, at least 1", "Use e.g. 30"),
    ],
    [
        "a backoff over an hour",
        { restart: { maxBackoffSeconds: 4000 } },
        e("restart.maxBackoffSeconds", "4000", "must be a whole number of seconds from 1 to 3600", "Use e.g. 900"),
    ],
    [
        "a longest backoff below the first",
        { restart: { initialBackoffSeconds: 600, maxBackoffSeconds: 60 } },
        e(
            "restart.maxBackoffSeconds",
            "60",
            "must be a whole number of seconds from restart.initialBackoffSeconds (600) to 3600",
            "Use e.g. 900",
        ),
    ],
    [
        "healthy after 30 seconds",
        { restart: { healthySeconds: 30 } },
        e("restart.healthySeconds", "30", "must be a whole number of seconds from 60 to 3600", "Use e.g. 600"),
    ],
    [
        "its own checkpoint location",
        { sparkConf: { "spark.sql.streaming.checkpointLocation": "s3://elsewhere/chk/" } },
        e(
            'sparkConf["spark.sql.streaming.checkpointLocation"]',
            '"s3://elsewhere/chk/"',
            "is set by the job",
            "Remove it and read spark.spectrum.checkpointLocation",
        ),
    ],
    [
        "an output outside the landing zone",
        { outputs: { sink: { area: "warehouse" } } },
        e("outputs.sink.area", '"warehouse"', "is not an area of the landing zone", "Use one of"),
    ],
    [
        "an alarm topic in another service",
        { alarmTopicArn: "arn:aws:sqs:eu-west-1:123456789012:alerts" },
        e("alarmTopicArn", '"arn:aws:sqs:eu-west-1:123456789012:alerts"', "is not an SNS topic ARN", "Pass the topic's ARN"),
    ],
    ["the restart policy as an Output", { restart: pulumi.output({}) }, e("restart", OUTPUT_VALUE, OUTPUT, "Pass a plain value")],
];

const names: [string, () => void, string, Expected][] = [
    [
        "a cluster name whose instance role passes 64 characters",
        cluster("c".repeat(43), {}),
        `EmrSparkCluster "${"c".repeat(43)}"`,
        e(
            "name",
            `"${"c".repeat(43)}"`,
            "the instance role's name would be 65 characters with Pulumi's random suffix; IAM allows 64",
            "Shorten the name to 42 characters or fewer",
        ),
    ],
    [
        "a batch job name whose scheduler role passes 64 characters",
        batch("b".repeat(42), {}),
        `SparkBatchJob "${"b".repeat(42)}"`,
        e("name", `"${"b".repeat(42)}"`, "the scheduler role's name would be 65 characters", "Shorten the name to 41 characters or fewer"),
    ],
    [
        "a streaming job name whose supervisor role passes 64 characters",
        streaming("s".repeat(41), {}),
        `SparkStreamingJob "${"s".repeat(41)}"`,
        e("name", `"${"s".repeat(41)}"`, "the supervisor role's name would be 65 characters", "Shorten the name to 40 characters or fewer"),
    ],
    [
        "a streaming job name with a dot, which Lambda names refuse",
        streaming("clicks.v2", {}),
        'SparkStreamingJob "clicks.v2"',
        e(
            "name",
            '"clicks.v2"',
            "Lambda allows letters, digits, _ and - only in names, and the deployer function's is derived from this one",
            "Rename the component",
        ),
    ],
    [
        "a name with a space",
        batch("daily job", {}),
        'SparkBatchJob "daily job"',
        e(
            "name",
            '"daily job"',
            "must be 1 to 63 letters, digits, dots, dashes or underscores",
            'Rename the component, e.g. "daily-sessions"',
        ),
    ],
    [
        "a name starting with a dash",
        cluster("-shared", {}),
        'EmrSparkCluster "-shared"',
        e(
            "name",
            '"-shared"',
            "must be 1 to 63 letters, digits, dots, dashes or underscores, starting with a letter or digit",
            "Rename the component",
        ),
    ],
];

describe("Spark battery: rejected before anything is registered, with field, value, problem and fix", () => {
    test.each(clusterCases)("EmrSparkCluster: %s", async (_, args, expected) => {
        const { problems, registered } = await rejection(cluster("shared", args));
        expectParts(problems, 'EmrSparkCluster "shared"', expected);
        expect(beyondTheLake(registered)).toEqual([]);
    });

    test.each(batchCases)("SparkBatchJob: %s", async (_, args, expected) => {
        const { problems, registered } = await rejection(batch("daily", args));
        expectParts(problems, 'SparkBatchJob "daily"', expected);
        expect(beyondTheLake(registered)).toEqual([]);
    });

    test.each(streamingCases)("SparkStreamingJob: %s", async (_, args, expected) => {
        const { problems, registered } = await rejection(streaming("clicks", args));
        expectParts(problems, 'SparkStreamingJob "clicks"', expected);
        expect(beyondTheLake(registered)).toEqual([]);
    });

    test.each(names)("%s", async (_, program, prefix, expected) => {
        const { problems, registered } = await rejection(program);
        expectParts(problems, prefix, expected);
        expect(beyondTheLake(registered)).toEqual([]);
    });

    test("every problem of one input is reported at once", async () => {
        const { problems } = await rejection(
            cluster("shared", {
                releaseLable: "emr-7.14.0",
                stepConcurrencyLevel: "10",
                core: { instanceTypes: ["t3.large"] },
                tags: ["x"],
            }),
        );
        expect(problems.map((p) => p.split(" = ")[0])).toEqual([
            'EmrSparkCluster "shared": core.instanceTypes[0]',
            'EmrSparkCluster "shared": stepConcurrencyLevel',
            'EmrSparkCluster "shared": tags',
            'EmrSparkCluster "shared": releaseLable',
        ]);
    });
});

describe("Spark battery: clashes across the program name both claimants, and the second registers nothing", () => {
    const clash = async (program: () => void, second: string) => {
        const { problems, registered } = await rejection(program);
        expect(registered.filter((r) => r.endsWith(`::${second}`) || r.includes(`::${second}-`))).toEqual([]);
        return problems;
    };

    test("two streaming jobs of one name on one cluster, under different parents", async () => {
        const problems = await clash(() => {
            const lz = lake();
            const shared = target(lz);
            const team = new pulumi.ComponentResource("acme:index:Team", "team");
            new SparkStreamingJob("clicks", { cluster: shared, ...STREAMING });
            new SparkStreamingJob("clicks", { cluster: shared, ...STREAMING }, { parent: team });
        }, "never");
        expectParts(problems, 'SparkStreamingJob "clicks"', {
            field: "name",
            value: '"clicks"',
            problem:
                'SparkStreamingJob "clicks" already uses this EMR step name (spectrum-<name>) (its name); each job\'s deploy finds and cancels the steps of that name on the cluster',
            fix: "Give each streaming job on a cluster its own name",
        });
        expectParts(
            problems.filter((p) => p.includes("checkpoint prefix")),
            'SparkStreamingJob "clicks"',
            {
                field: "name",
                value: '"clicks"',
                problem: 'SparkStreamingJob "clicks" already uses this checkpoint prefix',
                fix: "Give each streaming job on a landing zone its own name",
            },
        );
    });

    test("a cluster and a batch job of one name on one landing zone share a log prefix", async () => {
        const problems = await clash(() => {
            const lz = lake();
            new EmrSparkCluster("nightly", { storage: lz, network, protect: false });
            new SparkBatchJob("nightly", { storage: lz, ...BATCH });
        }, "never");
        expectParts(problems, 'SparkBatchJob "nightly"', {
            field: "name",
            value: '"nightly"',
            problem: 'EmrSparkCluster "nightly" already uses this EMR log prefix (emr/<name> in the log area)',
            fix: "Give each EMR cluster and batch job on a landing zone its own name",
        });
    });

    test("two batch jobs of one name in one stack, on two landing zones, share a job tag", async () => {
        const problems = await clash(() => {
            const lz = lake();
            const other = new LandingZone("lz-other", { zones: { artifacts: {} }, protect: false });
            const team = new pulumi.ComponentResource("acme:index:Team", "team");
            new SparkBatchJob("daily", { storage: lz, ...BATCH });
            new SparkBatchJob("daily", { storage: other, ...BATCH }, { parent: team });
        }, "never");
        expect(problems).toHaveLength(1);
        expectParts(problems, 'SparkBatchJob "daily"', {
            field: "name",
            value: '"daily"',
            problem: 'SparkBatchJob "daily" already uses this job tag',
            fix: "Give each batch job of a stack its own name",
        });
    });

    test("two clusters of one name under one parent", async () => {
        const problems = await clash(() => {
            const lz = lake();
            new EmrSparkCluster("shared", { storage: lz, network, protect: false });
            new EmrSparkCluster("shared", { storage: lz, network, protect: false });
        }, "never");
        expectParts(problems, 'EmrSparkCluster "shared"', {
            field: "name",
            value: '"shared"',
            problem: 'EmrSparkCluster "shared" already uses this resource name',
            fix: "Give one of the components another name",
        });
    });
});

describe("Spark battery: values known only later are checked when they resolve", () => {
    test("a disk key Output that resolves to an alias fails the run, showing the resolved value", async () => {
        const { problems } = await rejection(cluster("shared", { localDiskKmsKeyArn: pulumi.output("alias/emr-disks") }));
        expectParts(
            problems,
            'EmrSparkCluster "shared"',
            e("localDiskKmsKeyArn", '"alias/emr-disks"', "is not a KMS key ARN", "Pass the key's ARN"),
        );
    });

    test("a batch argument Output with a backslash fails the run", async () => {
        const { problems } = await rejection(batch("daily", { args: ["--path", pulumi.output("C:\\data")] }));
        expectParts(problems, 'SparkBatchJob "daily"', e("args[1]", '"C:\\\\data"', "contains a backslash", "Remove the backslash"));
    });

    test("a subnet Output that resolves to a CIDR fails the run", async () => {
        const { problems } = await rejection(
            cluster("shared", { network: { vpcId: "vpc-0abc", subnetIds: [pulumi.output("10.0.1.0/24")] } }),
        );
        expectParts(
            problems,
            'EmrSparkCluster "shared"',
            e("network.subnetIds[0]", '"10.0.1.0/24"', "is not a subnet id", "Pass a private subnet's id"),
        );
    });

    test("an alarm topic Output that resolves to a bare name fails the run", async () => {
        const { problems } = await rejection(streaming("clicks", { alarmTopicArn: pulumi.output("alerts") }));
        expectParts(
            problems,
            'SparkStreamingJob "clicks"',
            e("alarmTopicArn", '"alerts"', "is not an SNS topic ARN", "Pass the topic's ARN"),
        );
    });
});

describe("Spark battery: valid but unusual inputs are accepted", () => {
    const T = { cluster: "aws:emr/cluster:Cluster", stateMachine: "aws:sfn/stateMachine:StateMachine", role: "aws:iam/role:Role" };
    const accepted: [string, () => void, string][] = [
        [
            "x86 fleets everywhere",
            cluster("shared", {
                primary: { instanceTypes: ["m7i.xlarge"] },
                core: { instanceTypes: ["m7i-flex.2xlarge", "r7i.2xlarge"] },
                task: { instanceTypes: ["c7i.4xlarge", "c6in.xlarge"] },
            }),
            T.cluster,
        ],
        ["a fixed-size cluster", cluster("shared", { scaling: false, core: { targetCapacity: 12 } }), T.cluster],
        ["the first emr-spark release", cluster("shared", { releaseLabel: "emr-spark-8.0.0" }), T.cluster],
        ["the oldest 7.x release", cluster("shared", { releaseLabel: "emr-7.0.0" }), T.cluster],
        ["emr-7.2.0, added to the catalog", cluster("shared", { releaseLabel: "emr-7.2.0" }), T.cluster],
        [
            "storage-optimized Graviton types",
            cluster("shared", { core: { instanceTypes: ["i4g.16xlarge", "im4gn.xlarge", "is4gen.2xlarge"] } }),
            T.cluster,
        ],
        ["the longest name whose roles fit", cluster("c".repeat(42), {}), T.cluster],
        [
            "a long name when the roles are given",
            cluster("c".repeat(60), {
                roles: {
                    serviceRoleArn: "arn:aws:iam::123456789012:role/emr",
                    instanceRoleArn: "arn:aws:iam::123456789012:role/service-role/emr-ec2",
                },
            }),
            T.cluster,
        ],
        ["a name with dots and underscores", cluster("team.shared_v2", {}), T.cluster],
        [
            "high availability with three primary nodes said twice",
            cluster("shared", { highAvailability: true, primary: { targetCapacity: 3 } }),
            T.cluster,
        ],
        [
            "subnets and a disk key known only later",
            cluster("shared", {
                network: { vpcId: pulumi.output("vpc-0abc"), subnetIds: [pulumi.output("subnet-a")] },
                localDiskKmsKeyArn: pulumi.output("arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd"),
            }),
            T.cluster,
        ],
        [
            "a GovCloud role and key",
            cluster("shared", { localDiskKmsKeyArn: "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd-12ab" }),
            T.cluster,
        ],
        [
            "nested configuration classifications",
            cluster("shared", {
                configurations: [
                    {
                        Classification: "spark-env",
                        Configurations: [{ Classification: "export", Properties: { PYSPARK_PYTHON: "/usr/bin/python3.11" } }],
                    },
                ],
            }),
            T.cluster,
        ],
        [
            "tags with spaces, accents and colons",
            cluster("shared", { tags: { "Cost Center": "Données", "team:owner": "data@example.com" } }),
            T.cluster,
        ],
        ["explicit undefined fields", cluster("shared", { releaseLabel: undefined, scaling: undefined, tags: undefined }), T.cluster],
        [
            "a schedule on weekdays, in a three-part time zone",
            batch("daily", { schedule: "cron(0/15 8-18 ? * MON-FRI *)", timeZone: "America/Argentina/Buenos_Aires" }),
            T.stateMachine,
        ],
        [
            "a jar with its main class and arguments known later",
            batch("daily", {
                application: { area: "artifacts", path: "jobs/daily.jar" },
                mainClass: "com.example.jobs.Daily$",
                args: [pulumi.output("--date"), "2026-01-01"],
            }),
            T.stateMachine,
        ],
        [
            "a batch job on the emr-spark line with a fixed cluster",
            batch("daily", { cluster: { releaseLabel: "emr-spark-8.1.0", scaling: false } }),
            T.stateMachine,
        ],
        ["the longest batch job name that fits", batch("b".repeat(41), {}), T.stateMachine],
        ["a batch job name with dots", batch("team.daily", {}), T.stateMachine],
        [
            "the most retries and the longest timeout",
            batch("daily", { stepRetries: 5, timeoutMinutes: 10080, idleTimeoutMinutes: 10080 }),
            T.stateMachine,
        ],
        [
            "input names with dashes and underscores",
            batch("daily", { inputs: { "page-views": { area: "raw", path: "views" }, click_events: { area: "raw" } } }),
            T.stateMachine,
        ],
        [
            "a GovCloud alarm topic",
            batch("daily", { alarmTopicArn: "arn:aws-us-gov:sns:us-gov-west-1:123456789012:data-alerts" }),
            T.stateMachine,
        ],
        ["a streaming job on a cluster described by hand, hourly", streaming("clicks", { triggerInterval: "1 hour" }), T.stateMachine],
        [
            "a backoff that never grows",
            streaming("clicks", { restart: { initialBackoffSeconds: 900, maxBackoffSeconds: 900 } }),
            T.stateMachine,
        ],
        ["the longest streaming job name that fits", streaming("s".repeat(40), {}), T.stateMachine],
        [
            "a streaming job's own YARN retry window",
            streaming("clicks", { sparkConf: { "spark.yarn.am.attemptFailuresValidityInterval": "2h" } }),
            T.stateMachine,
        ],
    ];
    test.each(accepted)("%s", async (_, program, type) => {
        const graph = await runProgram(program);
        expect(graph.ofType(type).length).toBeGreaterThan(0);
    });
});
