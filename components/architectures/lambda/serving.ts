import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Storage } from "../../core/contracts";
import { PolicyStatement, mergeStatements, policyDocument } from "../../core/iam";
import { StorageLocation } from "../../spark";
import { ResolvedView } from "./lambda-args";
import { RESULTS_ZONE } from "./names";
import { viewTableArgs } from "./tables";
import { mergeQuery, viewTables } from "./merge-query";

/** Athena writes query results under this folder of the results zone. */
export const ATHENA_RESULTS_PATH = "athena";

export interface ServingLayerInputs {
    storage: Storage;
    views: ResolvedView[];
    /** Per input topic, the folders of its batch view (curated) and speed view. */
    locations: Record<string, { batch: StorageLocation; speed: StorageLocation }>;
    databaseName: string;
    workgroupName: string;
    bytesScannedCutoffPerQuery: number;
    batchHistoryStart: string;
    speedRetentionDays: number;
    /** The workgroup is deleted with its named queries on destroy only when not protected. */
    protect: boolean;
    tags: Record<string, string>;
}

/** The serving layer as deployed: the Glue catalog of both views and the Athena workgroup that merges them. */
export interface ServingLayer {
    /** The Glue database of every view's batch and speed tables. */
    database: aws.glue.CatalogDatabase;
    /** Per input topic: its batch and speed tables. */
    tables: Record<string, { batch: aws.glue.CatalogTable; speed: aws.glue.CatalogTable }>;
    /** The Athena workgroup, with encrypted results in the landing zone and a scan limit. */
    workgroup: aws.athena.Workgroup;
    /** Per input topic: the saved query that merges its two views. */
    mergeQueries: Record<string, aws.athena.NamedQuery>;
    /** The grant to attach to the roles and groups of the people and tools that query the views. */
    athenaUsersPolicy: aws.iam.Policy;
    /** `s3://` folder the workgroup writes query results to. */
    resultsUri: pulumi.Output<string>;
}

/** Partition, region and account of the parent's provider, for ARNs and the bucket owner check. */
interface AwsContext {
    partition: pulumi.Output<string>;
    region: pulumi.Output<string>;
    accountId: pulumi.Output<string>;
}

function awsContext(parent: pulumi.Resource): AwsContext {
    const opts = { parent };
    return {
        partition: aws.getPartitionOutput({}, opts).partition,
        region: aws.getRegionOutput({}, opts).region,
        accountId: aws.getCallerIdentityOutput({}, opts).accountId,
    };
}

/**
 * What querying the views takes, and nothing else: the workgroup (queries run as the caller, so
 * results are written and read with the caller's rights), the catalog entries of the database and
 * its view tables, read access to the view folders, and write access to the results folder.
 */
function athenaUserStatements(s: ServingLayerInputs, ctx: AwsContext, workgroupArn: pulumi.Output<string>): PolicyStatement[] {
    const glue = (resource: string) => pulumi.interpolate`arn:${ctx.partition}:glue:${ctx.region}:${ctx.accountId}:${resource}`;
    const tableNames = s.views.flatMap((v) => Object.values(viewTables(v)));
    const statements: PolicyStatement[] = [
        {
            Effect: "Allow",
            Action: [
                "athena:GetWorkGroup",
                "athena:StartQueryExecution",
                "athena:StopQueryExecution",
                "athena:GetQueryExecution",
                "athena:BatchGetQueryExecution",
                "athena:ListQueryExecutions",
                "athena:GetQueryResults",
                "athena:GetQueryResultsStream",
                "athena:GetQueryRuntimeStatistics",
                "athena:ListNamedQueries",
                "athena:GetNamedQuery",
                "athena:BatchGetNamedQuery",
            ],
            Resource: [workgroupArn],
        },
        {
            Effect: "Allow",
            Action: [
                "glue:GetDatabase",
                "glue:GetTable",
                "glue:GetTables",
                "glue:GetPartition",
                "glue:GetPartitions",
                "glue:BatchGetPartition",
            ],
            Resource: [glue("catalog"), glue(`database/${s.databaseName}`), ...tableNames.map((t) => glue(`table/${s.databaseName}/${t}`))],
        },
    ];
    for (const l of Object.values(s.locations)) {
        statements.push(...s.storage.grant("read", l.batch.area, l.batch.path), ...s.storage.grant("read", l.speed.area, l.speed.path));
    }
    statements.push(...s.storage.grant("write", RESULTS_ZONE, ATHENA_RESULTS_PATH));
    return mergeStatements(statements);
}

/**
 * The serving layer: a Glue database with a batch and a speed table per view (partitions
 * projected, no crawler), an Athena workgroup that enforces its settings (results SSE-KMS
 * encrypted with the landing zone's key in the results zone, a per-query scan cutoff), a saved
 * merge query per view, and the managed policy Athena users need.
 */
export function createServingLayer(name: string, s: ServingLayerInputs, parent: pulumi.Resource): ServingLayer {
    const opts = { parent };
    const ctx = awsContext(parent);
    const database = new aws.glue.CatalogDatabase(
        `${name}-catalog`,
        { name: s.databaseName, description: `spectrum ${name}: batch and speed views of the Lambda architecture`, tags: s.tags },
        opts,
    );
    const tables: ServingLayer["tables"] = {};
    for (const view of s.views) {
        const names = viewTables(view);
        const l = s.locations[view.topic];
        const table = (layer: "batch" | "speed", location: StorageLocation) =>
            new aws.glue.CatalogTable(
                `${name}-${view.table}-${layer}`,
                viewTableArgs({
                    databaseName: database.name,
                    tableName: names[layer],
                    description:
                        layer === "batch"
                            ? `Batch view of ${view.topic}: recomputed hourly from the raw zone, deduplicated (Parquet)`
                            : `Speed view of ${view.topic}: written in real time by the speed layer (JSON lines), kept ${s.speedRetentionDays} days`,
                    location: s.storage.uri(location.area, location.path),
                    format: layer === "batch" ? "parquet" : "json",
                    columns: view.columns,
                    firstDay: layer === "batch" ? s.batchHistoryStart : `NOW-${s.speedRetentionDays}DAYS`,
                }),
                opts,
            );
        tables[view.topic] = { batch: table("batch", l.batch), speed: table("speed", l.speed) };
    }

    const resultsUri = s.storage.uri(RESULTS_ZONE, ATHENA_RESULTS_PATH);
    const workgroup = new aws.athena.Workgroup(
        `${name}-workgroup`,
        {
            name: s.workgroupName,
            description: `spectrum ${name}: queries over the batch and speed views`,
            state: "ENABLED",
            // With protection off (dev), the workgroup goes with its saved queries on destroy.
            forceDestroy: !s.protect,
            configuration: {
                // Clients cannot point results elsewhere, unencrypted, or lift the cutoff.
                enforceWorkgroupConfiguration: true,
                publishCloudwatchMetricsEnabled: true,
                bytesScannedCutoffPerQuery: s.bytesScannedCutoffPerQuery,
                engineVersion: { selectedEngineVersion: "Athena engine version 3" },
                resultConfiguration: {
                    outputLocation: resultsUri,
                    // The key ARN, not its id: the bucket policy compares the request's key header to the ARN.
                    encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: s.storage.kmsKeyArn },
                    expectedBucketOwner: ctx.accountId,
                },
            },
            tags: s.tags,
        },
        opts,
    );

    const mergeQueries: ServingLayer["mergeQueries"] = {};
    for (const view of s.views) {
        mergeQueries[view.topic] = new aws.athena.NamedQuery(
            `${name}-${view.table}-merged`,
            {
                name: `${view.table}_merged`,
                description: `Lambda merge of ${view.topic}: the batch view where it holds an hour, the speed view for the other hours`,
                database: database.name,
                workgroup: workgroup.name,
                query: mergeQuery(s.databaseName, view, s.speedRetentionDays + 1),
            },
            { parent, dependsOn: [tables[view.topic].batch, tables[view.topic].speed] },
        );
    }

    const athenaUsersPolicy = new aws.iam.Policy(
        `${name}-athena-users`,
        {
            description: `spectrum ${name}: query the batch and speed views in the ${s.workgroupName} Athena workgroup`,
            policy: policyDocument(athenaUserStatements(s, ctx, workgroup.arn)),
            tags: s.tags,
        },
        opts,
    );
    return { database, tables, workgroup, mergeQueries, athenaUsersPolicy, resultsUri };
}
