/**
 * The AWS identifiers Spark components take (VPC and subnet ids, role, key and topic ARNs), as
 * declarations: a plain value is checked at once, an Output (through `input(...)`) when it
 * resolves. The patterns are the identifiers' documented forms, loose enough for every partition.
 */
import { v, explain } from "../core/schema";

const PARTITION = "arn:aws[a-z-]*";

/** A VPC id, `vpc-...`. */
export const vpcId = v.pipe(
    v.string(),
    v.regex(/^vpc-[A-Za-z0-9-]+$/, explain("is not a VPC id", 'Pass the id of the subnets\' VPC, e.g. "vpc-0abc12345def67890"')),
);

/** A subnet id, `subnet-...`. */
export const subnetId = v.pipe(
    v.string(),
    v.regex(
        /^subnet-[A-Za-z0-9-]+$/,
        explain("is not a subnet id", 'Pass a private subnet\'s id, e.g. "subnet-0abc12345def67890", not its CIDR or name'),
    ),
);

/** The ARN of an IAM role (with or without a path). */
export const iamRoleArn = v.pipe(
    v.string(),
    v.regex(
        new RegExp(`^${PARTITION}:iam::\\d{12}:role/[\\w+=,.@/-]+$`),
        explain("is not an IAM role ARN", 'Pass the role\'s ARN, e.g. "arn:aws:iam::123456789012:role/emr-service", not its name'),
    ),
);

/** The ARN of a KMS key (not an alias: IAM policies and EMR's key settings need the key itself). */
export const kmsKeyArn = v.pipe(
    v.string(),
    v.regex(
        new RegExp(`^${PARTITION}:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+$`),
        explain("is not a KMS key ARN", 'Pass the key\'s ARN, "arn:aws:kms:<region>:<account>:key/<key id>", not its id or an alias'),
    ),
);

/** The ARN of an SNS topic. */
export const snsTopicArn = v.pipe(
    v.string(),
    v.regex(
        new RegExp(`^${PARTITION}:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$`),
        explain("is not an SNS topic ARN", 'Pass the topic\'s ARN, e.g. "arn:aws:sns:eu-west-1:123456789012:data-alerts"'),
    ),
);
