/**
 * README argument tables generated from the args declarations, like terraform-docs: each table
 * sits between `<!-- args: <Table> -->` and `<!-- /args -->` in a README, and is rebuilt from the
 * declaration's shape (its type, from the schema) and the doc comments on the shape's properties
 * (the description and its `Default:`), read with the TypeScript compiler API, the same comments
 * consumers see in their editor. `npm run docs:readme` rewrites them (with the README's other generated
 * blocks); a test fails when one drifts.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import type * as v from "valibot";
import { areaLifecycle, landingZoneArgs } from "../components/landing-zone/landing-zone-args";
import { existingNetwork, flowLogOptions, flowLogsSetting, platformNetworkArgs } from "../components/platform/network-args";
import { existingCluster, nodeGroupSizing, platformClusterArgs, platformClusterShape } from "../components/platform/cluster-args";
import { eventTimePartitioning, mskFirehoseIngestArgs, mskFirehoseIngestShape } from "../components/ingest/msk-firehose-ingest-args";
import {
    kafkaAccess,
    kafkaConnection,
    kubernetesTarget,
    scramCredentials,
    storage,
    tlsCredentials,
} from "../components/core/schema/contracts";
import { flinkOperatorArgs, flinkOperatorResources } from "../components/flink/operator-args";
import { flinkOperatorRef } from "../components/flink/operator-ref";
import {
    flinkAutoscalerArgs,
    flinkJobArgs,
    flinkKafkaAccess,
    flinkProcessResources,
    flinkStorageGrant,
} from "../components/flink/job-args";
import { emrServerlessTargetArg, sparkClusterTargetArg, storageArg } from "../components/spark/contract-args";
import { storageFile, storageGrant, storageLocation } from "../components/spark/application-args";
import {
    clusterShape,
    emrConfiguration,
    emrNetwork,
    emrRoles,
    fleetArgs,
    inTransitEncryption,
    scalingArgs,
} from "../components/spark/cluster-shape-args";
import { emrSparkClusterArgs } from "../components/spark/emr-spark-cluster-args";
import { sparkBatchJobArgs } from "../components/spark/spark-batch-job-args";
import { restartArgs, sparkStreamingJobArgs } from "../components/spark/spark-streaming-job-args";
import { kafkaClusterArgs } from "../components/kafka/cluster-args";
import { externalKafkaArgs } from "../components/kafka/external-kafka-args";
import { compaction, kafkaProviderSchema, kafkaTopicArgs, topicDefaults, topicEntry, topicShape } from "../components/kafka/topic-args";
import { kafkaTopicsArgs } from "../components/kafka/topics-args";
import {
    kafkaStreamsAppArgs,
    probe,
    streamsAutoscaling,
    streamsAutoscalingShape,
    streamsHealth,
    topicRef,
} from "../components/kafka/streams-app-args";
import { mskServerlessClusterArgs } from "../components/kafka/msk-serverless-cluster-args";
import { policyStatement } from "../components/spark/schema-helpers";
import {
    emrServerlessApplicationArgs,
    emrServerlessCapacity,
    emrServerlessWorkers,
} from "../components/spark/emr-serverless-application-args";

import {
    architectureProfile,
    batchOverrides,
    ingestOverrides,
    kafkaClusterOverrides,
    landingZoneOverrides,
    sparkRuntimeOverrides,
} from "../components/architectures/shared/base-args";
import { processingRequirements } from "../components/architectures/shared/recommend-processor";
import { hybridArchitectureArgs } from "../components/architectures/hybrid/hybrid-args";
import {
    kappaArchitectureArgs,
    kappaFlink,
    kappaInputTopic,
    kappaJobVersion,
    kappaLandingOutput,
    kappaOutputTopic,
    kappaStartFrom,
    kappaStreams,
} from "../components/architectures/kappa/kappa-args";
import {
    flinkSpeed,
    kafkaStreamsSpeed,
    lambdaArchitectureArgs,
    lambdaView,
    servingLayer,
    sparkStreamingSpeed,
    speedLayer,
    viewColumn,
} from "../components/architectures/lambda/lambda-args";

/** One generated table: which shape's doc comments, which schema, which README. */
export interface ArgsTable {
    /** The marker name: `<!-- args: <id> -->`. */
    id: string;
    /** The file declaring the shape, relative to the repository root. */
    source: string;
    /** The exported const holding the shape, e.g. `landingZoneShape`. */
    shape: string;
    /** The schema built from it. */
    schema: v.StrictObjectSchema<v.ObjectEntries, undefined>;
    /** The README holding the table, relative to the repository root. */
    readme: string;
}

/** Names for nested declarations, so a field's type reads `map of AreaLifecycle`. */
const NAMED = new Map<unknown, string>([
    [areaLifecycle, "AreaLifecycle"],
    // Platform and ingest declarations: nested objects by name, contracts (objects passed as given) by their interface.
    [existingNetwork, "ExistingNetwork"],
    [flowLogOptions, "FlowLogOptions"],
    [flowLogsSetting, "boolean or FlowLogOptions"],
    [existingCluster, "ExistingCluster"],
    [nodeGroupSizing, "NodeGroupSizing"],
    [platformClusterShape.network.wrapped, "NetworkPlacement"],
    [existingCluster.entries.provider.wrapped, "k8s.Provider"],
    [eventTimePartitioning, "EventTimePartitioning"],
    [mskFirehoseIngestShape.connection, "KafkaConnection"],
    [mskFirehoseIngestShape.storage, "Storage"],
    [kubernetesTarget, "KubernetesTarget"],
    [storage, "Storage"],
    [kafkaConnection, "KafkaConnection"],
    [kafkaAccess, "KafkaAccess"],
    [flinkOperatorRef, "FlinkOperatorRef"],
    [flinkOperatorResources, "FlinkOperatorResources"],
    [flinkProcessResources, "FlinkProcessResources"],
    [flinkStorageGrant, "FlinkStorageGrant"],
    [flinkKafkaAccess, "FlinkKafkaAccess"],
    [flinkAutoscalerArgs, "FlinkAutoscalerArgs"],
    [storageArg, "Storage (a LandingZone)"],
    [sparkClusterTargetArg, "SparkClusterTarget (an EmrSparkCluster)"],
    [emrServerlessTargetArg, "EmrServerlessTarget (an EmrServerlessApplication's target)"],
    [emrServerlessCapacity, "EmrServerlessCapacity"],
    [emrServerlessWorkers, "EmrServerlessWorkers"],
    [policyStatement, "PolicyStatement"],
    [clusterShape, "ClusterShape"],
    [fleetArgs, "Fleet"],
    [scalingArgs, "Scaling"],
    [emrNetwork, "EmrNetwork"],
    [emrRoles, "EmrRoles"],
    [inTransitEncryption, "InTransitEncryption"],
    [emrConfiguration, "EmrConfiguration"],
    [storageLocation, "StorageLocation"],
    [storageGrant, "StorageGrant"],
    [storageFile, "StorageFile"],
    [restartArgs, "Restart"],
    // Kafka declarations: nested objects by name.
    [scramCredentials, "object (username, password, mechanism)"],
    [tlsCredentials, "object (clientCert, clientKey, caCert)"],
    [kafkaProviderSchema, "kafka.Provider"],
    [compaction, "Compaction"],
    [topicShape, "TopicShape"],
    [topicEntry, "topic (KafkaTopic's fields but connection and previous)"],
    [topicDefaults, "topic (KafkaTopic's fields but connection, name and previous)"],
    [topicRef, "topic name or KafkaTopic"],
    [streamsHealth, "StreamsHealth"],
    [streamsAutoscaling, "StreamsAutoscaling"],
    [probe, "Probe"],
    [(streamsAutoscalingShape.cooldownSeconds as unknown as { wrapped: unknown }).wrapped, "none (refused)"],
    // Architecture declarations: the overrides are the parts' own declarations less what the architecture supplies.
    [architectureProfile, '"dev" | "prod"'],
    [landingZoneOverrides, "LandingZone args but tags"],
    [kafkaClusterOverrides, "flavour, and KafkaCluster args but vpcId, subnetIds and tags"],
    [ingestOverrides, "MskFirehoseIngest args but connection, topics, storage, zone and tags"],
    [batchOverrides, "SparkBatchJob args but storage, network, serverless, inputs, outputs and tags (all optional)"],
    [sparkRuntimeOverrides, "SparkRuntimeOverrides (runtime, serverless: EmrServerlessApplication args but storage, network and tags)"],
    [processingRequirements, "ProcessingRequirements"],
    [kappaInputTopic, "KappaInputTopic"],
    [kappaOutputTopic, "KappaOutputTopic"],
    [kappaLandingOutput, "KappaLandingOutput"],
    [kappaJobVersion, "KappaJobVersion"],
    [kappaStartFrom, '"earliest" | "latest" | { timestampMs }'],
    [kappaFlink, "KappaFlinkOverrides"],
    [kappaStreams, "KappaStreamsOverrides"],
    [lambdaView, "LambdaView"],
    [viewColumn, "ViewColumn"],
    [speedLayer, "SpeedLayer"],
    [flinkSpeed, "FlinkSpeed"],
    [sparkStreamingSpeed, "SparkStreamingSpeed"],
    [kafkaStreamsSpeed, "KafkaStreamsSpeed"],
    [servingLayer, "ServingLayer"],
]);

/** Every generated table. A converted component adds its own here (see CONTRIBUTING.md). */
export const ARGS_TABLES: readonly ArgsTable[] = [
    {
        id: "LandingZone",
        source: "components/landing-zone/landing-zone-args.ts",
        shape: "landingZoneShape",
        schema: landingZoneArgs,
        readme: "README.md",
    },
    {
        id: "AreaLifecycle",
        source: "components/landing-zone/landing-zone-args.ts",
        shape: "areaLifecycleShape",
        schema: areaLifecycle,
        readme: "README.md",
    },
    ...platformTables(),
    ...ingestTables(),
    ...(
        [
            ["FlinkOperator", "operator-args.ts", "flinkOperatorShape", flinkOperatorArgs],
            ["FlinkOperatorResources", "operator-args.ts", "flinkOperatorResourcesShape", flinkOperatorResources],
            ["FlinkJob", "job-args.ts", "flinkJobShape", flinkJobArgs],
            ["FlinkProcessResources", "job-args.ts", "flinkProcessResourcesShape", flinkProcessResources],
            ["FlinkStorageGrant", "job-args.ts", "flinkStorageGrantShape", flinkStorageGrant],
            ["FlinkKafkaAccess", "job-args.ts", "flinkKafkaAccessShape", flinkKafkaAccess],
            ["FlinkAutoscalerArgs", "job-args.ts", "flinkAutoscalerArgsShape", flinkAutoscalerArgs],
        ] as const
    ).map(([id, file, shape, schema]) => ({
        id,
        source: `components/flink/${file}`,
        shape,
        schema: schema as unknown as ArgsTable["schema"],
        readme: "components/flink/README.md",
    })),
    ...(
        [
            ["EmrSparkCluster", "emr-spark-cluster-args.ts", "emrSparkClusterShape", emrSparkClusterArgs],
            ["SparkBatchJob", "spark-batch-job-args.ts", "sparkBatchJobShape", sparkBatchJobArgs],
            ["SparkStreamingJob", "spark-streaming-job-args.ts", "sparkStreamingJobShape", sparkStreamingJobArgs],
            ["ClusterShape", "cluster-shape-args.ts", "clusterShapeShape", clusterShape],
            ["EmrNetwork", "cluster-shape-args.ts", "emrNetworkShape", emrNetwork],
            ["Fleet", "cluster-shape-args.ts", "fleetShape", fleetArgs],
            ["Scaling", "cluster-shape-args.ts", "scalingShape", scalingArgs],
            ["Restart", "spark-streaming-job-args.ts", "restartShape", restartArgs],
            [
                "EmrServerlessApplication",
                "emr-serverless-application-args.ts",
                "emrServerlessApplicationShape",
                emrServerlessApplicationArgs,
            ],
            ["EmrServerlessCapacity", "emr-serverless-application-args.ts", "emrServerlessCapacityShape", emrServerlessCapacity],
            ["EmrServerlessWorkers", "emr-serverless-application-args.ts", "emrServerlessWorkersShape", emrServerlessWorkers],
        ] as const
    ).map(([id, file, shape, schema]) => ({
        id,
        source: `components/spark/${file}`,
        shape,
        schema: schema as v.StrictObjectSchema<v.ObjectEntries, undefined>,
        readme: "components/spark/README.md",
    })),
    ...kafkaTables(),
    ...architectureTables(),
];

function architectureTables(): ArgsTable[] {
    const table = (id: string, folder: string, shape: string, schema: unknown): ArgsTable => ({
        id,
        source: `components/architectures/${folder}/${folder}-args.ts`,
        shape,
        schema: schema as v.StrictObjectSchema<v.ObjectEntries, undefined>,
        readme: `components/architectures/${folder}/README.md`,
    });
    return [
        table("HybridArchitecture", "hybrid", "hybridArchitectureShape", hybridArchitectureArgs),
        table("KappaArchitecture", "kappa", "kappaArchitectureShape", kappaArchitectureArgs),
        table("KappaInputTopic", "kappa", "kappaInputTopicShape", kappaInputTopic),
        table("KappaOutputTopic", "kappa", "kappaOutputTopicShape", kappaOutputTopic),
        table("KappaJobVersion", "kappa", "kappaJobVersionShape", kappaJobVersion),
        table("KappaFlinkOverrides", "kappa", "kappaFlinkShape", kappaFlink),
        table("KappaStreamsOverrides", "kappa", "kappaStreamsShape", kappaStreams),
        table("LambdaArchitecture", "lambda", "lambdaArchitectureShape", lambdaArchitectureArgs),
        table("LambdaView", "lambda", "lambdaViewShape", lambdaView),
        table("ViewColumn", "lambda", "viewColumnShape", viewColumn),
        table("SpeedLayer", "lambda", "speedLayerShape", speedLayer),
        table("FlinkSpeed", "lambda", "flinkSpeedShape", flinkSpeed),
        table("SparkStreamingSpeed", "lambda", "sparkStreamingSpeedShape", sparkStreamingSpeed),
        table("KafkaStreamsSpeed", "lambda", "kafkaStreamsSpeedShape", kafkaStreamsSpeed),
        table("ServingLayer", "lambda", "servingLayerShape", servingLayer),
    ];
}

function platformTables(): ArgsTable[] {
    const network = "components/platform/network-args.ts";
    const cluster = "components/platform/cluster-args.ts";
    const readme = "components/platform/README.md";
    return [
        { id: "PlatformNetwork", source: network, shape: "platformNetworkShape", schema: platformNetworkArgs, readme },
        { id: "ExistingNetwork", source: network, shape: "existingNetworkShape", schema: existingNetwork, readme },
        { id: "FlowLogOptions", source: network, shape: "flowLogOptionsShape", schema: flowLogOptions, readme },
        { id: "PlatformCluster", source: cluster, shape: "platformClusterShape", schema: platformClusterArgs, readme },
        { id: "ExistingCluster", source: cluster, shape: "existingClusterShape", schema: existingCluster, readme },
        { id: "NodeGroupSizing", source: cluster, shape: "nodeGroupSizingShape", schema: nodeGroupSizing, readme },
    ];
}

function kafkaTables(): ArgsTable[] {
    const table = (id: string, source: string, shape: string, schema: unknown): ArgsTable => ({
        id,
        source: `components/${source}`,
        shape,
        schema: schema as v.StrictObjectSchema<v.ObjectEntries, undefined>,
        readme: "components/kafka/README.md",
    });
    return [
        table("KafkaCluster", "kafka/cluster-args.ts", "kafkaClusterShape", kafkaClusterArgs),
        table("MskServerlessCluster", "kafka/msk-serverless-cluster-args.ts", "mskServerlessClusterShape", mskServerlessClusterArgs),
        table("externalKafka", "kafka/external-kafka-args.ts", "externalKafkaShape", externalKafkaArgs),
        table("KafkaTopic", "kafka/topic-args.ts", "kafkaTopicShape", kafkaTopicArgs),
        table("Compaction", "kafka/topic-args.ts", "compactionShape", compaction),
        table("TopicShape", "kafka/topic-args.ts", "topicShapeShape", topicShape),
        table("KafkaTopics", "kafka/topics-args.ts", "kafkaTopicsShape", kafkaTopicsArgs),
        table("KafkaStreamsApp", "kafka/streams-app-args.ts", "kafkaStreamsAppShape", kafkaStreamsAppArgs),
        table("StreamsHealth", "kafka/streams-app-args.ts", "streamsHealthShape", streamsHealth),
        table("StreamsAutoscaling", "kafka/streams-app-args.ts", "streamsAutoscalingShape", streamsAutoscaling),
    ];
}

function ingestTables(): ArgsTable[] {
    const source = "components/ingest/msk-firehose-ingest-args.ts";
    const readme = "components/ingest/README.md";
    return [
        { id: "MskFirehoseIngest", source, shape: "mskFirehoseIngestShape", schema: mskFirehoseIngestArgs, readme },
        { id: "EventTimePartitioning", source, shape: "eventTimePartitioningShape", schema: eventTimePartitioning, readme },
    ];
}

/** A field's doc comment, split into its description and the text after `Default:`. */
export interface FieldDoc {
    description: string;
    default: string | undefined;
}

/**
 * The doc comments on the properties of `export const <shape> = { ... }` in a source file. A shape
 * may spread another (`...sparkApplicationShape`), declared in the same file or imported from a
 * relative module: its fields' comments come from there, and a field written after the spread
 * replaces the spread one's.
 */
export function shapeDocs(file: string, shape: string): Record<string, FieldDoc> {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const docs: Record<string, FieldDoc> = {};
    const visit = (node: ts.Node): void => {
        if (
            ts.isVariableDeclaration(node) &&
            node.name.getText() === shape &&
            node.initializer &&
            ts.isObjectLiteralExpression(node.initializer)
        ) {
            for (const prop of node.initializer.properties) {
                if (ts.isSpreadAssignment(prop) && ts.isIdentifier(prop.expression)) {
                    Object.assign(docs, spreadDocs(file, source, prop.expression.text));
                    continue;
                }
                const name = prop.name?.getText(source) ?? "";
                const comment = ts
                    .getJSDocCommentsAndTags(prop)
                    .map((doc) => (typeof doc.comment === "string" ? doc.comment : (ts.getTextOfJSDocComment(doc.comment) ?? "")))
                    .join(" ");
                const text = comment.replace(/\s+/g, " ").trim();
                const match = /^(.*?)\s*Default: (.*?)\.?$/.exec(text);
                docs[name] = match ? { description: match[1], default: match[2] } : { description: text, default: undefined };
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return docs;
}

/** The docs of a shape spread into another: from the file that imports it by name, or from the same file. */
function spreadDocs(file: string, source: ts.SourceFile, name: string): Record<string, FieldDoc> {
    for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        const element = bindings.elements.find((e) => e.name.text === name);
        if (element && statement.moduleSpecifier.text.startsWith(".")) {
            const imported = path.resolve(path.dirname(file), `${statement.moduleSpecifier.text}.ts`);
            return shapeDocs(imported, (element.propertyName ?? element.name).text);
        }
    }
    return shapeDocs(file, name);
}

type AnySchema = v.GenericSchema & {
    type: string;
    wrapped?: AnySchema;
    pipe?: AnySchema[];
    options?: unknown[];
    literal?: unknown;
    value?: AnySchema;
    requirement?: unknown;
    item?: AnySchema;
};

/** A short, readable type for a schema: `integer ≥ 1`, `integer ≥ 30 or false`, `map of AreaLifecycle`. */
export function typeText(schema: AnySchema): string {
    const named = NAMED.get(schema);
    if (named) return named;
    switch (schema.type) {
        case "optional":
        case "exact_optional":
        case "nullish":
            return typeText(schema.wrapped as AnySchema);
        case "pulumi_input":
            return `Input<${typeText(schema.wrapped as AnySchema)}>`;
        case "union":
            return (schema.options as AnySchema[]).map(typeText).join(" or ");
        case "literal":
            return JSON.stringify(schema.literal);
        case "picklist":
            return (schema.options as unknown[]).map((o) => JSON.stringify(o)).join(" | ");
        case "record":
            return `map of ${typeText(schema.value as AnySchema)}`;
        case "array":
            return `list of ${typeText(schema.item as AnySchema)}`;
        case "strict_object":
            return "object";
        default:
            break;
    }
    if (schema.pipe) {
        // Pipes nest (a step built on days()): gather every action down to the base type.
        const actions: AnySchema[] = [];
        let base: AnySchema = schema;
        while (base.pipe) {
            actions.push(...base.pipe.slice(1));
            base = base.pipe[0];
        }
        let text = actions.some((a) => a.type === "integer") ? "integer" : typeText(base);
        const min = Math.max(...actions.filter((a) => a.type === "min_value").map((a) => Number(a.requirement)));
        const max = Math.min(...actions.filter((a) => a.type === "max_value").map((a) => Number(a.requirement)));
        if (Number.isFinite(min)) text += ` ≥ ${min}`;
        if (Number.isFinite(max) && max < Number.MAX_SAFE_INTEGER) text += `, ≤ ${max}`;
        return text;
    }
    return schema.type;
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|");
}

/** The markdown table for one declaration. Fails when a field has no doc comment or no `Default:`. */
export function renderTable(table: ArgsTable, root: string): string {
    const docs = shapeDocs(path.join(root, table.source), table.shape);
    const rows = Object.entries(table.schema.entries).map(([field, schema]) => {
        const doc = docs[field];
        if (!doc?.description) throw new Error(`${table.source}: ${table.shape}.${field} has no doc comment`);
        if (doc.default === undefined)
            throw new Error(`${table.source}: ${table.shape}.${field}'s doc comment does not say "Default: ..."`);
        // A type such as Input<string> is not code here: its angle brackets would read as an HTML tag.
        const type = cell(typeText(schema as AnySchema))
            .replace(/</g, "&lt;")
            .replace(/>/g, "&gt;");
        return `| \`${field}\` | ${type} | ${cell(doc.default)} | ${cell(doc.description)} |`;
    });
    return ["| Arg | Type | Default | |", "|---|---|---|---|", ...rows].join("\n");
}

const MARKER = (id: string) => new RegExp(`(<!-- args: ${id} -->)[\\s\\S]*?(<!-- /args -->)`);

/** A README's text with the table `table` regenerated; fails when the markers are missing. */
export function withTable(readme: string, table: ArgsTable, root: string): string {
    if (!MARKER(table.id).test(readme)) throw new Error(`${table.readme}: no <!-- args: ${table.id} --> ... <!-- /args --> markers`);
    return readme.replace(
        MARKER(table.id),
        (_, open: string, close: string) => `${open}\n<!-- prettier-ignore -->\n${renderTable(table, root)}\n${close}`,
    );
}

/** Rewrites every README table; returns the files changed. */
export function writeTables(root: string): string[] {
    const changed: string[] = [];
    for (const readme of new Set(ARGS_TABLES.map((t) => t.readme))) {
        const file = path.join(root, readme);
        const before = fs.readFileSync(file, "utf8");
        const after = ARGS_TABLES.filter((t) => t.readme === readme).reduce((text, t) => withTable(text, t, root), before);
        if (after !== before) {
            fs.writeFileSync(file, after);
            changed.push(readme);
        }
    }
    return changed;
}

if (require.main === module) {
    const root = path.resolve(__dirname, "..", "..");
    const changed = writeTables(root);
    process.stdout.write(changed.length > 0 ? `updated ${changed.join(", ")}\n` : "argument tables are up to date\n");
}
