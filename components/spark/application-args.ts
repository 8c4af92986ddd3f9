/**
 * The declarations a Spark application is described with, shared by both jobs: where its code
 * is, what it reads and writes (places of the landing zone, each an area and a path), and how
 * it is submitted. Whether an area exists is a property of the landing zone a job is given, so it
 * is checked in the jobs' validators.
 */
import { v, strict, map, input, explain } from "../core/schema";

/** The declaration of a folder of the landing zone. */
export const storageLocationShape = {
    /** Area of the landing zone, e.g. `raw` or `curated`. Default: none (required). */
    area: v.string(),
    /** `/`-separated path inside the area. Default: the whole area. */
    path: v.optional(v.string()),
};
/** The schema of {@link StorageLocation}. */
export const storageLocation: v.StrictObjectSchema<typeof storageLocationShape, undefined> = strict(storageLocationShape);
/** A folder of the landing zone: an area (`raw`, `curated`, `checkpoints`, ...) and a path in it. */
export type StorageLocation = v.InferInput<typeof storageLocation>;

/** The declaration of an access grant to a folder of the landing zone. */
export const storageGrantShape = {
    /** `read` or `write` (write includes read). Default: none (required). */
    access: v.picklist(["read", "write"]),
    ...storageLocationShape,
};
/** The schema of {@link StorageGrant}. */
export const storageGrant: v.StrictObjectSchema<typeof storageGrantShape, undefined> = strict(storageGrantShape);
/** What a cluster or job may do with one folder of the landing zone. */
export type StorageGrant = v.InferInput<typeof storageGrant>;

/** The declaration of a file of the landing zone. */
export const storageFileShape = {
    /** Area of the landing zone that holds the file, e.g. an `artifacts` zone. Default: none (required). */
    area: v.string(),
    /** `/`-separated path of the file inside the area, e.g. `jobs/daily.py`. Default: none (required). */
    path: v.string(),
};
/** The schema of {@link StorageFile}. */
export const storageFile: v.StrictObjectSchema<typeof storageFileShape, undefined> = strict(storageFileShape);
/** One file of the landing zone (a PySpark script, a jar): an area and the file's path in it. */
export type StorageFile = v.InferInput<typeof storageFile>;

const CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
// A location's name becomes the suffix of a Spark property (`spark.spectrum.input.<name>`).
const LOCATION_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

const locationName = v.pipe(
    v.string(),
    v.regex(
        LOCATION_NAME,
        explain("is not a usable name (it becomes a Spark property suffix)", "Use letters, digits, _ and -, starting with a letter"),
    ),
);

/**
 * The declaration of a Spark application and the landing-zone locations it works on. Both jobs
 * spread it into their own declarations.
 */
export const sparkApplicationShape = {
    /** The application: a PySpark script (`.py`) or a jar (`.jar`) in the landing zone, e.g. in an `artifacts` zone. Default: none (required). */
    application: storageFile,
    /** Main class of a jar application (it must be unset for `.py`). Default: the jar manifest's `Main-Class`. */
    mainClass: v.optional(
        v.pipe(
            v.string(),
            v.regex(CLASS_NAME, explain("is not a Java class name", 'Use a fully qualified name such as "com.example.Daily"')),
        ),
    ),
    /** Arguments passed to the application after its path. Default: `[]`. */
    args: v.optional(v.array(input(v.string())), []),
    /**
     * Spark properties for this application (`--conf`), e.g. `spark.executor.memory`; `spark.spectrum.*`
     * is spectrum's. Default: `{}` (the cluster's `spark-defaults` apply).
     */
    sparkConf: v.optional(map(v.string(), v.string()), {}),
    /** Python modules or zips for the Python path (`--py-files`), in the landing zone. Default: `[]`. */
    pyFiles: v.optional(v.array(storageFile), []),
    /**
     * Named locations the application reads. Each gets read access and reaches the application as
     * the Spark property `spark.spectrum.input.<name>` (an `s3://` URI ending in `/`). Default: `{}`.
     */
    inputs: v.optional(map(locationName, storageLocation), {}),
    /** Named locations the application writes, as `spark.spectrum.output.<name>` with write access. Default: `{}`. */
    outputs: v.optional(map(locationName, storageLocation), {}),
};
/** The schema of {@link SparkApplicationArgs}. */
export const sparkApplication: v.StrictObjectSchema<typeof sparkApplicationShape, undefined> = strict(sparkApplicationShape);
/** A Spark application and the landing-zone locations it works on. */
export type SparkApplicationArgs = v.InferInput<typeof sparkApplication>;
/** An application with every default applied. */
export type SparkApplication = v.InferOutput<typeof sparkApplication>;
