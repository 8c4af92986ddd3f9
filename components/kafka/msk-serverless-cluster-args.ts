import { v, strict, input, explain, awsTagMap } from "../core/schema";
import { CLUSTER_NAME, clientCidrBlocks } from "./cluster-args";

export const COMPONENT = "MskServerlessCluster";

/** The declaration of `MskServerlessCluster`'s args: placement, who may connect, name and protection. */
export const mskServerlessClusterShape = {
    /** VPC of the client subnets; the cluster's security group is created there. Default: none (required). */
    vpcId: input(v.string()),
    /**
     * Private subnets in at least two Availability Zones, where MSK places the cluster's endpoints.
     * The list's length must be known when the program runs (its items may be outputs). Default: none (required).
     */
    subnetIds: v.array(input(v.string())),
    /** Security groups whose members may reach the cluster (e.g. an EKS node or pod group). Default: `[]` (none). */
    clientSecurityGroupIds: v.optional(v.array(input(v.string())), []),
    /** IPv4 CIDR blocks that may reach the cluster; `0.0.0.0/0` is refused. Default: `[]` (none). */
    clientCidrBlocks: clientCidrBlocks("the cluster"),
    /** MSK cluster name (1-64 letters, digits, dashes). Default: generated from the component name. */
    clusterName: v.optional(
        v.pipe(
            v.string(),
            v.regex(
                CLUSTER_NAME,
                explain(
                    "MSK cluster names are 1-64 letters, digits and dashes, starting with a letter or digit",
                    "Rename it, or omit clusterName to generate one",
                ),
            ),
        ),
    ),
    /** Protect the cluster (and so its topics' data) against deletion and replacement. Default: true. */
    protect: v.optional(
        v.boolean(explain("must be true or false", "Write protect: true (the default) or protect: false for a throwaway dev stack")),
        true,
    ),
    /** Tags added to every AWS resource (keys must not start with `aws:`). Default: `{}` (spectrum's own tags are always added). */
    tags: v.optional(awsTagMap(), {}),
};
/** The schema of {@link MskServerlessCluster}'s args: checks them, fills in defaults, exports as JSON Schema. */
export const mskServerlessClusterArgs: v.StrictObjectSchema<typeof mskServerlessClusterShape, undefined> =
    strict(mskServerlessClusterShape);
/** Arguments of {@link MskServerlessCluster}: placement, who may connect, name and protection. */
export type MskServerlessClusterArgs = v.InferInput<typeof mskServerlessClusterArgs>;
/** The args with every default applied: what the component reads. */
export type MskServerlessClusterSettings = v.InferOutput<typeof mskServerlessClusterArgs>;

/** MSK Serverless takes IAM clients only, on the SASL/IAM port with TLS. */
export const MSK_SERVERLESS_CLIENT_PORT = 9098;
