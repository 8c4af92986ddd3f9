export { MskFirehoseIngest } from "./msk-firehose-ingest";
export { MskFirehoseIngestArgs, EventTimePartitioning, EventTimeFormat, PartitionGranularity } from "./args";
export { firehoseClusterPolicyStatement } from "./policies";
