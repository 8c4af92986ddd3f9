/** The component's name in messages and its type token. */
export const LAMBDA_COMPONENT = "LambdaArchitecture";
/** The zone real-time views land in, and the zone Athena writes query results to. */
export const SPEED_ZONE = "speed";
export const RESULTS_ZONE = "results";
/** Output topics of a Kafka Streams speed job: `<input topic><suffix>`. */
export const SPEED_TOPIC_SUFFIX = "-speed";
/** Partition columns every view carries (hourly folders `dt=YYYY-MM-DD/hr=HH/`), and the merge query's layer column. */
export const RESERVED_COLUMNS = ["dt", "hr", "layer"];
