import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ViewColumn } from "./lambda-args";

/** How a view's files are stored: Parquet (the batch job's output) or JSON lines (the speed job's). */
export type ViewFormat = "parquet" | "json";

/** Hive input/output formats and SerDe of each format, as Athena reads them. */
export const VIEW_FORMATS: Readonly<
    Record<ViewFormat, { inputFormat: string; outputFormat: string; serializationLibrary: string; serdeParameters: Record<string, string> }>
> = {
    parquet: {
        inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
        serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        serdeParameters: { "serialization.format": "1" },
    },
    json: {
        inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
        // A line that is not JSON (a producer's mistake) reads as nulls instead of failing every
        // query over the speed view; the batch view, rebuilt from raw, is the record of truth.
        serdeParameters: { "ignore.malformed.json": "true" },
    },
};

/** The hourly partition columns every view has: `dt=YYYY-MM-DD/hr=HH/` folders. */
export const HOURLY_PARTITION_KEYS: aws.types.input.glue.CatalogTablePartitionKey[] = [
    { name: "dt", type: "string", comment: "UTC date of the hour, yyyy-MM-dd" },
    { name: "hr", type: "string", comment: "UTC hour, 00 to 23" },
];

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));

/**
 * Partition projection over hourly folders: Athena computes the partitions from these table
 * properties instead of looking them up, so no crawler and no `MSCK REPAIR` is ever needed and new
 * hours are queryable the moment their files exist. `firstDay` is the range start (`yyyy-MM-dd` or
 * `NOW-...`); the range ends today (UTC).
 */
export function hourlyProjection(location: pulumi.Input<string>, firstDay: string): Record<string, pulumi.Input<string>> {
    return {
        "projection.enabled": "true",
        "projection.dt.type": "date",
        "projection.dt.format": "yyyy-MM-dd",
        "projection.dt.range": `${firstDay},NOW`,
        "projection.dt.interval": "1",
        "projection.dt.interval.unit": "DAYS",
        "projection.hr.type": "enum",
        "projection.hr.values": HOURS.join(","),
        // Athena fills ${dt} and ${hr} in; the location ends in "/".
        "storage.location.template": pulumi.interpolate`${location}dt=\${dt}/hr=\${hr}/`,
    };
}

export interface ViewTableArgs {
    databaseName: pulumi.Input<string>;
    tableName: string;
    description: string;
    /** `s3://` folder of the view, ending in `/`. */
    location: pulumi.Input<string>;
    format: ViewFormat;
    columns: ViewColumn[];
    /** Start of the projected `dt` range. */
    firstDay: string;
}

/** The Glue table args of one view: an external table over hourly folders, partitions projected. */
export function viewTableArgs(args: ViewTableArgs): aws.glue.CatalogTableArgs {
    const format = VIEW_FORMATS[args.format];
    return {
        databaseName: args.databaseName,
        name: args.tableName,
        description: args.description,
        tableType: "EXTERNAL_TABLE",
        parameters: { EXTERNAL: "TRUE", classification: args.format, ...hourlyProjection(args.location, args.firstDay) },
        partitionKeys: HOURLY_PARTITION_KEYS,
        storageDescriptor: {
            location: args.location,
            inputFormat: format.inputFormat,
            outputFormat: format.outputFormat,
            serDeInfo: { name: args.format, serializationLibrary: format.serializationLibrary, parameters: format.serdeParameters },
            columns: args.columns.map((c) => ({ name: c.name, type: c.type, ...(c.comment ? { comment: c.comment } : {}) })),
        },
    };
}
