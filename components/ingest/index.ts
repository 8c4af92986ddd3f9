export { MskFirehoseIngest } from "./msk-firehose-ingest";
export { MskFirehoseIngestArgs, EventTimePartitioning, EventTimeFormat, PartitionGranularity } from "./msk-firehose-ingest-args";
export { firehoseClusterPolicyStatement } from "./policies";
