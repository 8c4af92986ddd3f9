import { Validator } from "../core/errors";
import { checkKnownKeys } from "../core/known-keys";
import { CLUSTER_NAME, validCidr } from "./cluster-validate";
import {
    COMPONENT,
    MSK_SERVERLESS_CLUSTER_KEYS,
    MskServerlessClusterArgs,
    MskServerlessClusterSettings,
} from "./msk-serverless-cluster-args";

/** Checks what MSK Serverless would reject, before anything is registered; throws one error listing every problem. */
export function validateMskServerlessCluster(name: string, args: MskServerlessClusterArgs, s: MskServerlessClusterSettings): void {
    const v = new Validator(COMPONENT, name);
    checkKnownKeys(v, "", args, MSK_SERVERLESS_CLUSTER_KEYS, COMPONENT);
    v.check(
        args.vpcId !== undefined,
        "vpcId",
        args.vpcId,
        "the cluster's security group is created in the VPC of its subnets",
        "Pass the VPC id of the subnets",
    );
    v.check(
        Array.isArray(args.subnetIds) && s.subnetIds.length >= 2,
        "subnetIds",
        Array.isArray(args.subnetIds) ? `${s.subnetIds.length} subnets` : args.subnetIds,
        "MSK Serverless needs client subnets in at least two Availability Zones",
        "Pass 2 or more private subnets in different Availability Zones",
    );
    for (const cidr of s.clientCidrBlocks) {
        if (!validCidr(cidr)) v.fail("clientCidrBlocks", cidr, "not an IPv4 CIDR block", 'Use a block like "10.0.0.0/16"');
        else
            v.check(
                !cidr.endsWith("/0"),
                "clientCidrBlocks",
                cidr,
                "opens the cluster to every address",
                "Name the client ranges that need Kafka",
            );
    }
    if (s.clusterName !== undefined)
        v.check(
            typeof s.clusterName === "string" && CLUSTER_NAME.test(s.clusterName),
            "clusterName",
            s.clusterName,
            "MSK cluster names are 1-64 letters, digits and dashes, starting with a letter or digit",
            "Rename it, or omit clusterName to generate one",
        );
    v.check(
        typeof s.protect === "boolean",
        "protect",
        args.protect,
        "must be true or false",
        "Use true (default) or false for a throwaway stack",
    );
    v.throwIfInvalid();
}
