export { MskFirehoseIngest } from "./msk-firehose-ingest";
export {
    MskFirehoseIngestArgs,
    EventTimePartitioning,
    EventTimeFormat,
    PartitionGranularity,
    mskFirehoseIngestArgs,
    mskFirehoseIngestShape,
    eventTimePartitioning,
    eventTimePartitioningShape,
} from "./msk-firehose-ingest-args";
export { firehoseClusterPolicyStatement } from "./policies";
